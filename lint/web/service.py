"""The web page's one door into the linter: every call the server makes into `lint` is here.

A `Service` is built once per server: it reads the configuration and the rule packs exactly
as `newslint check` does (`--config`, `--rules`, `.newslint.yml` found from the working
directory) and keeps one `Linter`, so a request pays for linting, not for loading. A request
may narrow the rules with `select`/`ignore` (ids or packs, as on the command line): the
linter resolves each distinct selection once and lints it with the same engine.

What a request gets back is the file entry of the JSON report (`path`, `findings`, each
finding `Finding.to_dict()`), plus what the page shows beside it: the document's headline and
credits, the credits its presence rules miss, and the rules that reported (pack, explanation
on demand). Each finding also carries `applicability` (`safe`, `unsafe`, `display`), as the
JSON report does with the fix model of docs/json-format.md.
"""
from __future__ import annotations

import codecs
import threading

from ..config import ConfigError
from ..document import Document
from ..explain import explain_text
from ..linter import Linter
from ..readers import BOM_GB18030, InputError, Source, decode, read_document
from ..rulepack import RuleFileError
from ..settings import known_names

# one short article per reader, written for this purpose (headline, credits, a flaw or two)
_WARM_TEXT = "社区花园今日开放\n\n（记者 王某）居民们在新建的花园里散步,见缝插扎。\n\n责任编辑：李四\n"
WARM_UP = {
    "warm-up.txt": _WARM_TEXT,
    "warm-up.md": "---\ntitle: 社区花园今日开放\nauthor: 王某\n---\n\n居民们在新建的花园里散步,见缝插扎。\n",
    "warm-up.html": "<h1>社区花园今日开放</h1><p>居民们在新建的花园里散步,见缝插扎。</p>",
}
# the codecs `decode` reports, each with its byte-order mark
BOMS = {"utf-8": codecs.BOM_UTF8, "gb18030": BOM_GB18030, "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE}
CREDIT_NAMES = {"author": "作者", "editor": "编辑", "source": "来源", "reviewer": "审核"}


class ServiceError(Exception):
    """A request the linter cannot serve (an unknown rule name); the message says why."""


class Service:
    def __init__(self, config_path=None, rule_dirs=()):
        """Load the configuration and the rules; raises ConfigError or RuleFileError."""
        self.linter = Linter.load(config_path, rule_dirs)
        self.config = self.linter.config
        self.rules = self.linter.all_rules
        self.by_id = {rule.id: rule for rule in self.rules}
        self.names = known_names(self.rules)
        # one lint at a time: requests run in worker threads, and the engine's per-rule lazy
        # state is not meant to be built by two threads at once
        self._lock = threading.Lock()

    # --- selection ---------------------------------------------------------------------
    def settings(self, path: str, select=None, ignore=None):
        """The settings for a file name: the configuration's overrides for that name and the
        request's selection (ids or packs)."""
        for name in [*(select or ()), *(ignore or ())]:
            if name not in self.names:
                raise ServiceError(f"unknown rule or pack '{name}'")
        return self.linter.settings_for(path, select or None, ignore or None)

    # --- requests ----------------------------------------------------------------------
    def check(self, text: str, path: str, select=None, ignore=None) -> dict:
        """One file entry of the JSON report, with the document summary beside it."""
        with self._lock:
            settings = self.settings(path, select, ignore)
            doc = read_document(text, path)
            findings, failures = self.linter.lint_document(doc, settings)
            return self._entry(path, doc, findings, failures, settings)

    def fix(self, text: str, path: str, select=None, ignore=None, unsafe=False) -> dict:
        """Apply every safe fix (and the unsafe ones when asked) to a fixpoint, as `--fix`
        does; the fixed text, the number of fixes, and the entry of the fixed text."""
        with self._lock:
            settings = self.settings(path, select, ignore)
            result = self.linter.fix_document(read_document(text, path), unsafe=unsafe, settings=settings)
            doc = result.document
            return {"text": result.text, "fixed": result.applied,
                    "file": self._entry(path, doc, result.findings, result.failures, settings)}

    def packs(self) -> list[dict]:
        """The rule packs, in load order, with how many of their rules run by default."""
        default = self.linter.settings_for(None).enabled
        packs: dict[str, dict] = {}
        for rule in self.rules:
            pack = packs.setdefault(rule.pack, {"name": rule.pack, "rules": 0, "on": 0})
            pack["rules"] += 1
            pack["on"] += rule.id in default
        return list(packs.values())

    def warm(self) -> None:
        """Lint a short article in each format once, so that the first editor's request does
        not pay for what the engine and the readers build on first use (~0.5 s)."""
        for path, text in WARM_UP.items():
            self.check(text, path)

    def explain(self, rule_id: str) -> dict | None:
        rule = self.by_id.get(rule_id)
        if rule is None:
            return None
        return {"id": rule.id, "pack": rule.pack, "kind": rule.KIND, "level": rule.level,
                "fix": rule.fix, "link": rule.link, "text": explain_text(rule)}

    @staticmethod
    def decode(data: bytes) -> dict:
        """A file's bytes as text, by the CLI's decoder (UTF-8 ± BOM, UTF-16 with BOM,
        plausible GB18030); raises ServiceError naming the reason."""
        try:
            text, source = decode(data)
        except InputError as error:
            raise ServiceError(str(error)) from None
        return {"text": text, "encoding": source.encoding, "bom": bool(source.bom)}

    @staticmethod
    def encode(text: str, encoding: str, bom: bool) -> bytes:
        """Text back to bytes as `decode` found them (codec and byte-order mark), so a file
        downloaded from the page is stored as it came; raises ServiceError for an unknown codec."""
        if encoding not in BOMS:
            raise ServiceError(f"unknown encoding '{encoding}' (expected {', '.join(BOMS)})")
        return Source(encoding, BOMS[encoding] if bom else b"").encode(text)

    # --- pieces ------------------------------------------------------------------------
    def _entry(self, path: str, doc: Document, findings, failures, settings) -> dict:
        entry = {"path": path, "findings": []}
        for finding in findings:
            entry["findings"].append(finding.to_dict())
        reported = {f.rule for f in findings}
        entry["rules"] = {rule_id: self._rule_summary(rule_id) for rule_id in sorted(reported)}
        entry["document"] = self._summary(doc, settings)
        entry["errors"] = list(failures)
        return entry

    def _rule_summary(self, rule_id: str) -> dict:
        rule = self.by_id.get(rule_id)
        if rule is None:
            return {"pack": rule_id.split(".")[0], "kind": "", "fix": "none"}
        return {"pack": rule.pack, "kind": rule.KIND, "fix": rule.fix}

    def _summary(self, doc: Document, settings) -> dict:
        """The headline the rules saw, the credits recognised, and the credits that the
        enabled presence rules (kind `required`, check `present`) find missing."""
        credits = [{"field": c.field, "name": CREDIT_NAMES.get(c.field, c.field), "label": c.label,
                    "value": c.value, "offset": doc.to_original(c.start, c.end)[0] if c.start >= 0 else None,
                    "empty": c.empty} for c in doc.credits]
        present = {c.field for c in doc.credits}  # an empty credit is reported as empty, not missing
        missing = []
        for rule in self.linter.enabled_rules(settings):
            fields = rule.presence_fields()
            if fields:
                if not fields & present:
                    missing.append({"rule": rule.id, "fields": sorted(fields),
                                    "names": [CREDIT_NAMES.get(f, f) for f in sorted(fields)]})
        headline = doc.scopes.get("headline") or []
        start = doc.to_original(headline[0][0], headline[0][1])[0] if headline else None
        return {"headline": doc.headline().strip(), "headline_offset": start,
                "credits": credits, "missing": missing, "meta": dict(doc.meta)}


__all__ = ["Service", "ServiceError", "ConfigError", "RuleFileError"]
