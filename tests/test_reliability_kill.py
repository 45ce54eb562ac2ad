"""Kill -9 in the middle of `--fix` over many files: every file is wholly old or wholly new."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT

FILES = 300
ROUNDS = 3


def article(number: int, fixed: bool) -> bytes:
    typo = "见缝插针" if fixed else "见缝插扎"
    paragraph = f"第{number}篇稿件的正文，记者在现场{typo}地采访了多位居民。\n"
    return (f"标题{number}\n" + paragraph * (20 + number % 40)).encode("utf-8")


def contents(folder):
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.suffix == ".txt"}


def test_sigkill_during_fix_never_leaves_a_mixed_or_empty_file(tmp_path):
    rng = random.Random(20240611)
    old = {f"a{i:03d}.txt": article(i, False) for i in range(FILES)}
    new = {f"a{i:03d}.txt": article(i, True) for i in range(FILES)}
    interrupted = 0
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round{round_number}"
        folder.mkdir()
        for name, data in old.items():
            (folder / name).write_bytes(data)
        process = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "--fix", "--select", "typos", str(folder)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the kill takes the --jobs workers too
        )
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if any(data != old[name] for name, data in contents(folder).items()):
                break  # the first file has been rewritten: we are inside the fix loop
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

        seen = contents(folder)
        assert sorted(seen) == sorted(old)
        states = {name: "old" if data == old[name] else "new" if data == new[name] else "MIXED"
                  for name, data in seen.items()}
        assert "MIXED" not in states.values(), [n for n, s in states.items() if s == "MIXED"]
        if {"old", "new"} <= set(states.values()):
            interrupted += 1
    assert interrupted >= 1, "the run always finished before the kill: make the files larger"
