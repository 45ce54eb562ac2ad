"""Latency of `newslint serve`'s API on a 10,000-character article, after warm-up.

    python -m benchmarks.serve_latency [--requests 100] [--chars 10000]

Starts `newslint serve --port 0` (uvicorn, as a user runs it), sends `POST /api/check` and
`POST /api/fix` over one keep-alive connection, and prints the server time (the response's
`Server-Timing`, from reading the body to the encoded answer) and the round trip seen by the
client: median, 95th percentile and maximum. Two articles: a clean one (real text from
../shared/corpus when it is there) and the same with every fifth full-width comma made
half-width, a draft with findings to report and fix. Beside them, the same process times
`Linter.lint_text` on the same articles: the ratio is what the web layer costs on top of
linting. Bar: under 100 ms server time for /api/check.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.articles import corpus_articles, source_name

ROOT = Path(__file__).resolve().parents[1]


def article(chars: int) -> str:
    """Articles joined paragraph by paragraph up to `chars` characters, headline first."""
    paragraphs = [p for doc in corpus_articles() for p in doc.split("\n") if p.strip()]
    text, i = paragraphs[0] + "\n\n", 1
    while len(text) < chars:
        text += paragraphs[i % len(paragraphs)] + "\n\n"
        i += 1
    return text[:chars]


def with_flaws(text: str) -> str:
    pieces = text.split("，")
    return "".join(p + ("," if i % 5 == 4 else "，") for i, p in enumerate(pieces[:-1])) + pieces[-1]


def start_server() -> tuple[subprocess.Popen, str, int]:
    process = subprocess.Popen([sys.executable, "-m", "lint", "serve", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = process.stdout.readline().split()[2]  # newslint serve: http://127.0.0.1:PORT/
    host, port = url.split("//")[1].rstrip("/").rsplit(":", 1)
    return process, host, int(port)


def timed_posts(address, path: str, body: dict, count: int, warm: int = 3) -> tuple[list[float], list[float], dict]:
    """`count` timed requests over one new keep-alive connection, after `warm` untimed ones."""
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    server, trip, answer = [], [], None
    connection = http.client.HTTPConnection(*address, timeout=60)
    for index in range(warm + count):
        started = time.perf_counter()
        connection.request("POST", path, body=payload, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        data = response.read()
        trip.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, data[:200]
        server.append(float(response.getheader("Server-Timing").split("dur=")[1]))
        answer = json.loads(data)
    connection.close()
    return server[warm:], trip[warm:], answer


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered):6.1f}  p95 {p95:6.1f}  max {ordered[-1]:6.1f} ms"


def bare_lint_ms(text: str, count: int) -> float:
    from lint.linter import Linter

    linter = Linter()
    for _ in range(5):
        linter.lint_text(text, "稿件.txt")
    times = []
    for _ in range(count):
        started = time.perf_counter()
        linter.lint_text(text, "稿件.txt")
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--chars", type=int, default=10_000)
    args = parser.parse_args()
    clean = article(args.chars)
    drafts = {"clean": clean, "flawed": with_flaws(clean)}
    process, host, port = start_server()
    try:
        address = (host, port)
        print(f"{args.chars:,}-character articles from {source_name()}; {args.requests} requests each after 20 "
              f"to warm up; a keep-alive connection; load average {os.getloadavg()[0]:.2f}")
        for name, text in drafts.items():
            body = {"text": text, "filename": "稿件.txt"}
            server, trip, answer = timed_posts(address, "/api/check", body, args.requests, warm=20)
            fix_server, _, fixed = timed_posts(address, "/api/fix", body, max(10, args.requests // 5))
            bare = bare_lint_ms(text, args.requests)
            print(f"\n{name}: {len(answer['findings'])} findings, {len(text):,} characters")
            print(f"  /api/check server time  {summary(server)}   (bar: 100 ms)")
            print(f"  /api/check round trip   {summary(trip)}")
            print(f"  Linter.lint_text alone  median {bare:6.1f} ms   (server time / lint_text: "
                  f"{statistics.median(server) / bare:.2f}x)")
            print(f"  /api/fix server time    {summary(fix_server)}   ({fixed['fixed']} fixes, text re-checked)")
    finally:
        process.terminate()
        process.wait(timeout=30)


if __name__ == "__main__":
    main()
