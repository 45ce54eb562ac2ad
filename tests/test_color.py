"""--color always|never|auto, NO_COLOR and FORCE_COLOR."""
import os
import pty
import subprocess
import sys

import pytest

from tests.conftest import ROOT

ESC = b"\x1b["


def _run(tmp_path, *args, env=None, tty=False):
    path = tmp_path / "a.txt"
    path.write_text("标题\n他说:“我们明天出发。\n", encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ["PYTHONPATH"] = str(ROOT)
    environ.update(env or {})
    command = [sys.executable, "-m", "lint", "check", str(path), "--select", "punctuation", *args]
    if not tty:
        return subprocess.run(command, capture_output=True, env=environ, cwd=ROOT).stdout
    leader, follower = pty.openpty()
    try:
        subprocess.run(command, stdout=follower, stderr=subprocess.DEVNULL, env=environ, cwd=ROOT)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(leader)


def test_a_pipe_is_not_coloured_by_default(tmp_path):
    output = _run(tmp_path)
    assert b"punctuation.unpaired" in output and ESC not in output


@pytest.mark.parametrize("args, env", [
    (["--color", "always"], {}),
    ([], {"FORCE_COLOR": "1"}),
    (["--color", "always"], {"NO_COLOR": "1"}),
])
def test_colour_forced_on_a_pipe(tmp_path, args, env):
    assert ESC in _run(tmp_path, *args, env=env)


@pytest.mark.parametrize("args, env", [
    (["--color", "never"], {"FORCE_COLOR": "1"}),
    (["--no-color"], {"FORCE_COLOR": "1"}),
    ([], {"NO_COLOR": "1"}),
])
def test_colour_refused_on_a_terminal(tmp_path, args, env):
    output = _run(tmp_path, *args, env=env, tty=True)
    assert b"punctuation.unpaired" in output and ESC not in output


def test_a_terminal_is_coloured_by_default(tmp_path):
    assert ESC in _run(tmp_path, tty=True)
