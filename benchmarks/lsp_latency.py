"""`newslint lsp` as an editor meets it: latency of diagnostics after a change, and memory.

    python -m benchmarks.lsp_latency [--edits 1000] [--chars 10000] [--format txt|md]

Starts `python -m lint lsp` and drives it over stdio with pygls's client, as an editor does,
on an article of about `--chars` characters made of ../shared/corpus articles (or generated
ones). After a warm-up of 20 changes it prints:

- latency: from sending a didChange (each a small edit: a character typed, a typo made or
  mended) to receiving the publishDiagnostics for that version, median, 90th percentile and
  maximum; bar: under 100 ms. Edits come one after the diagnostics of the last, as when a
  writer pauses: the first change after a pause is linted at once. A burst of changes faster
  than the debounce (50 ms) is linted once, 50 ms after its last change: `--burst` measures
  that case (five changes 10 ms apart; latency from the last). Beside it, the same article linted in this process
  with `Linter.lint_text` (the baseline: the engine's own time) and the ratio of the two.
- memory: the server's resident set size after the warm-up and after each tenth of `--edits`
  changes (a code action and a hover request come with every tenth edit); it must stay flat.
"""
from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

from benchmarks.articles import corpus_articles, source_name

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = 20


def article(chars: int) -> str:
    text, docs = "", corpus_articles()
    for doc in docs:
        if len(text) >= chars:
            break
        text += doc + "\n"
    return text[:chars - 1] + "\n"


def edits(text: str, count: int):
    """`count` versions of the text, each one small edit after the last: a character typed,
    then deleted; a typo made, then mended (so findings come and go)."""
    middle = len(text) // 2
    for index in range(count):
        step = index % 4
        if step == 0:
            yield text[:middle] + "的" + text[middle:]
        elif step == 1:
            yield text
        elif step == 2:
            yield text[:middle] + "见缝插扎。" + text[middle:]
        else:
            yield text


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Driver:
    def __init__(self):
        self.client = LanguageClient("lsp-latency", "1")
        self.arrived: dict[int, float] = {}

        @self.client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: t.PublishDiagnosticsParams):
            if params.version is not None:
                self.arrived[params.version] = time.perf_counter()

    async def start(self, root: Path):
        await self.client.start_io(sys.executable, "-m", "lint", "lsp", cwd=str(ROOT))
        await self.client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities(),
                                                              root_uri=root.as_uri()))
        self.client.initialized(t.InitializedParams())

    async def wait(self, version: int) -> float:
        while version not in self.arrived:
            await asyncio.sleep(0.0005)
        return self.arrived[version]

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def run(text: str, suffix: str, edit_count: int, burst: int = 1, measure_memory: bool = False):
    """Latencies (seconds) from the last change of each group of `burst` changes to its
    diagnostics, lints per group, and (edit, RSS MB) samples."""
    driver = Driver()
    await driver.start(ROOT)
    uri = (ROOT / f"lsp-benchmark{suffix}").as_uri()
    language = {".txt": "plaintext", ".md": "markdown"}[suffix]
    driver.client.text_document_did_open(t.DidOpenTextDocumentParams(
        t.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    await driver.wait(1)
    version, latencies, memory = 1, [], []
    pid = driver.client._server.pid
    versions = list(edits(text, (WARM_UP + edit_count) * burst))
    groups = [versions[i:i + burst] for i in range(0, len(versions), burst)]
    for index, group in enumerate(groups):
        for position, new_text in enumerate(group):
            if position:
                await asyncio.sleep(0.01)
            version += 1
            sent = time.perf_counter()
            driver.client.text_document_did_change(t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [t.TextDocumentContentChangeWholeDocument(text=new_text)]))
        arrived = await driver.wait(version)
        await asyncio.sleep(0.06)  # a pause longer than the debounce before the next group
        done = index - WARM_UP + 1
        if index >= WARM_UP:
            latencies.append(arrived - sent)
        if measure_memory and done >= 0 and done % max(1, edit_count // 10) == 0:
            position = t.Position(len(new_text[:len(new_text) // 2].splitlines()), 0)
            await driver.client.text_document_code_action_async(t.CodeActionParams(
                t.TextDocumentIdentifier(uri), t.Range(position, position), t.CodeActionContext(diagnostics=[])))
            await driver.client.text_document_hover_async(t.HoverParams(t.TextDocumentIdentifier(uri), position))
            memory.append((done, rss_mb(pid)))
    lints = len([v for v in driver.arrived if v > 1]) / len(groups)
    await driver.stop()
    return latencies, lints, memory


def summary(latencies) -> str:
    ms = sorted(x * 1000 for x in latencies)
    return (f"median {statistics.median(ms):6.1f} ms, p90 {ms[int(len(ms) * 0.9) - 1]:6.1f} ms, "
            f"max {ms[-1]:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--bursts", type=int, default=100)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--format", choices=["txt", "md"], default="txt")
    args = parser.parse_args()
    suffix = "." + args.format
    text = article(args.chars)

    sys.path.insert(0, str(ROOT))
    from lint import default_linter

    linter = default_linter()
    for _ in range(WARM_UP):
        linter.lint_text(text, "a" + suffix)
    baseline = []
    for new_text in edits(text, 200):
        start = time.perf_counter()
        linter.lint_text(new_text, "a" + suffix)
        baseline.append(time.perf_counter() - start)

    print(f"article: {len(text):,} characters of {source_name()} as {suffix}")
    print(f"in-process lint_text (baseline):       {summary(baseline)}")
    seen, _, memory = asyncio.run(run(text, suffix, args.edits, measure_memory=True))
    print(f"change -> diagnostics, after a pause:   {summary(seen)}  "
          f"({statistics.median(seen) / statistics.median(baseline):.2f}x the baseline; bar: 100 ms)")
    burst, lints, _ = asyncio.run(run(text, suffix, args.bursts, burst=5))
    print(f"last of 5 changes 10 ms apart -> diagnostics: {summary(burst)}  ({lints:.2f} lints per burst)")
    print(f"server RSS over {args.edits} edits: " + ", ".join(f"{n}: {mb:.1f} MB" for n, mb in memory))
    print(f"growth from edit {memory[0][0]} to {memory[-1][0]}: {memory[-1][1] - memory[0][1]:+.1f} MB")


if __name__ == "__main__":
    main()
