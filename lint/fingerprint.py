"""The fingerprint of a finding: what says two findings are the same one from commit to commit.

A hash of the rule, the matched text and up to `CONTEXT` characters on each side of it on its
line: no line or column numbers, so that edits elsewhere in the file (a paragraph added above,
a paragraph moved) leave it unchanged. Editing the words right next to a finding, or the
finding itself, changes it. Baselines (`lint.baseline`) key findings by it and the SARIF
reporter gives it as ``partialFingerprints``, so both agree on when a finding is the same one.
"""
from __future__ import annotations

CONTEXT = 10  # characters on each side of the matched text that belong to its fingerprint


def fingerprint(finding, line_text: str | None) -> str:
    """A hash of the rule, the matched text and its neighbours on the line."""
    line_text = line_text or ""
    start = finding.column - 1
    before = line_text[max(0, start - CONTEXT):start]
    after = line_text[finding.end_column - 1:finding.end_column - 1 + CONTEXT] if finding.end_line == finding.line else ""
    data = "\x1f".join((finding.rule, before, finding.text, after))
    import hashlib  # here: only baselines and SARIF reports need it, and it starts OpenSSL

    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:20]
