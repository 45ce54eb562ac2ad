"""Start the web server: build the service once, bind, print the URL, serve until Ctrl+C."""
from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import webbrowser

from ..config import ConfigError
from ..rulepack import RuleFileError
from .app import DEFAULT_MAX_BYTES, create_app
from .service import Service


class ServeError(Exception):
    """The server cannot start (config, rule files, address); the message says why."""


def serve(host: str = "127.0.0.1", port: int = 8765, config_path=None, rule_dirs=(), open_browser=False,
          max_bytes: int = DEFAULT_MAX_BYTES, out=None) -> None:
    import uvicorn

    out = out or sys.stdout
    try:
        service = Service(config_path, rule_dirs)
    except (ConfigError, RuleFileError) as error:
        raise ServeError(str(error)) from None
    sock = _listen(host, port)
    service.warm()
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound_port}/"
    print(f"newslint serve: {url}  (Ctrl+C to stop)", file=out, flush=True)
    if not _loopback(host):
        print(f"newslint serve: listening on {host}: anyone who can reach this machine can use the page",
              file=out, flush=True)
    if open_browser:
        threading.Timer(0.3, webbrowser.open, (url,)).start()
    config = uvicorn.Config(create_app(service, max_bytes), log_level="warning", lifespan="off",
                            access_log=False)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def _listen(host: str, port: int) -> socket.socket:
    """A bound socket (uvicorn listens on it), so that a busy port is one clear error."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as error:
        raise ServeError(f"cannot listen on {host}:{port}: unknown host ({error.strerror})") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)  # connections made before uvicorn starts wait in the backlog
    except OSError as error:
        sock.close()
        reason = (error.strerror or str(error)).lower()
        raise ServeError(f"cannot listen on {host}:{port}: {reason}") from None
    sock.set_inheritable(True)
    return sock


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
