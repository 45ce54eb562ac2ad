"""The web page's one door into the linter: every call the server makes into `lint` is here.

A `Service` is built once per server: it reads the configuration and the rule packs exactly
as `newslint check` does (`--config`, `--rules`, `.newslint.yml` found from the working
directory) and keeps the `Linters`, so a request pays for linting, not for loading. A request
may narrow the rules with `select`/`ignore` (ids or packs, as on the command line); each
distinct selection builds its linters once and is kept in a small LRU cache.

What a request gets back is the file entry of the JSON report (`path`, `findings`, each
finding `Finding.to_dict()`), plus what the page shows beside it: the document's headline and
credits, the credits its presence rules miss, and the rules that reported (pack, explanation
on demand). Each finding also carries `applicability` (`safe`, `unsafe`, `display`), as the
JSON report does with the fix model of docs/json-format.md.
"""
from __future__ import annotations

import codecs
import dataclasses
import threading
from collections import OrderedDict

from ..builtin_rules import builtin_rules_dir
from ..config import ConfigError, Linters, load_config
from ..document import Document
from ..explain import explain_text
from ..fixes import fix_text
from ..readers import BOM_GB18030, InputError, Source, decode, read_document
from ..rulepack import RuleFileError, load_packs
from ..suppress import unused_suppression_rule

SELECTIONS_KEPT = 16  # distinct per-request selections whose linters stay built
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
        self.config = load_config(config_path)
        self.rules = load_packs([builtin_rules_dir(), *self.config.rule_paths, *rule_dirs])
        self.rules.append(unused_suppression_rule())
        self.by_id = {rule.id: rule for rule in self.rules}
        self.names = set(self.by_id) | {rule.pack for rule in self.rules} | {"ALL"}
        self._selections: OrderedDict[tuple, Linters] = OrderedDict()
        self.default = Linters(self.config, self.rules)  # no selection: as `newslint check`
        # one lint at a time: requests run in worker threads, and the engine's per-rule lazy
        # state is not meant to be built by two threads at once
        self._lock = threading.Lock()

    # --- selection ---------------------------------------------------------------------
    def linter(self, path: str, select=None, ignore=None):
        """The linter for a file name, with the configuration's overrides for that name and
        the request's selection (ids or packs)."""
        for name in [*(select or ()), *(ignore or ())]:
            if name not in self.names:
                raise ServiceError(f"unknown rule or pack '{name}'")
        key = (tuple(select or ()), tuple(ignore or ()))
        if key == ((), ()):
            return self.default.for_path(path)
        linters = self._selections.get(key)
        if linters is None:
            try:
                linters = Linters(self.config, self.rules, select=list(key[0]) or None, ignore=list(key[1]) or None)
            except ConfigError as error:
                raise ServiceError(str(error)) from None
            self._selections[key] = linters
            while len(self._selections) > SELECTIONS_KEPT:
                self._selections.popitem(last=False)
        self._selections.move_to_end(key)
        return linters.for_path(path)

    # --- requests ----------------------------------------------------------------------
    def check(self, text: str, path: str, select=None, ignore=None) -> dict:
        """One file entry of the JSON report, with the document summary beside it."""
        with self._lock:
            linter = self.linter(path, select, ignore)
            doc = read_document(text, path)
            findings, failures = linter.lint_document(doc)
            return self._entry(path, doc, findings, failures, linter)

    def fix(self, text: str, path: str, select=None, ignore=None, unsafe=False) -> dict:
        """Apply every safe fix (and the unsafe ones when asked) to a fixpoint, as `--fix`
        does; the fixed text, the number of fixes, and the entry of the fixed text."""
        with self._lock:
            linter = self.linter(path, select, ignore)
            if unsafe:
                fixed, count, _ = fix_text(text, lambda t: self._unsafe_as_fixable(linter, t, path))
            else:
                fixed, count, _ = linter.fix_text(text, path)
            doc = read_document(fixed, path)
            findings, failures = linter.lint_document(doc)
            return {"text": fixed, "fixed": count, "file": self._entry(path, doc, findings, failures, linter)}

    def packs(self) -> list[dict]:
        """The rule packs, in load order, with how many of their rules run by default."""
        default = {rule.id for rule in self.default.default.rules}
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
    def _entry(self, path: str, doc: Document, findings, failures, linter) -> dict:
        entry = {"path": path, "findings": []}
        for finding in findings:
            item = finding.to_dict()
            item.setdefault("applicability", self._applicability(finding, doc))
            entry["findings"].append(item)
        reported = {f.rule for f in findings}
        entry["rules"] = {rule_id: self._rule_summary(rule_id) for rule_id in sorted(reported)}
        entry["document"] = self._summary(doc, linter)
        entry["errors"] = list(failures)
        return entry

    def _rule_summary(self, rule_id: str) -> dict:
        rule = self.by_id.get(rule_id)
        if rule is None:
            return {"pack": rule_id.split(".")[0], "kind": "", "fix": "none"}
        return {"pack": rule.pack, "kind": rule.KIND, "fix": rule.fix}

    def _applicability(self, finding, doc: Document) -> str:
        """safe (applied by 'fix all'), unsafe (a suggestion applied after confirmation) or
        display (shown, never applied)."""
        if finding.fixable:
            return "safe"
        rule = self.by_id.get(finding.rule)
        if not finding.replacements or rule is None or rule.fix != "unsafe":
            return "display"
        # in a document whose reader changed the text (HTML), a suggestion is applied only
        # where the file holds plain characters: never across a tag or an entity
        if doc.source_map is not None and ("<" in finding.text or "&" in finding.text):
            return "display"
        return "unsafe"

    def _unsafe_as_fixable(self, linter, text: str, path: str):
        doc = read_document(text, path)
        findings, _ = linter.lint_document(doc)
        return [dataclasses.replace(f, fixable=True) if self._applicability(f, doc) == "unsafe" else f
                for f in findings]

    def _summary(self, doc: Document, linter) -> dict:
        """The headline the rules saw, the credits recognised, and the credits that the
        enabled presence rules (kind `required`, check `present`) find missing."""
        credits = [{"field": c.field, "name": CREDIT_NAMES.get(c.field, c.field), "label": c.label,
                    "value": c.value, "offset": doc.to_original(c.start, c.end)[0] if c.start >= 0 else None,
                    "empty": c.empty} for c in doc.credits]
        present = {c.field for c in doc.credits}  # an empty credit is reported as empty, not missing
        missing = []
        for rule in linter.rules:
            fields = getattr(rule, "fields", None)
            if rule.KIND == "required" and getattr(rule, "check", None) == "present" and fields:
                if not fields & present:
                    missing.append({"rule": rule.id, "fields": sorted(fields),
                                    "names": [CREDIT_NAMES.get(f, f) for f in sorted(fields)]})
        headline = doc.scopes.get("headline") or []
        start = doc.to_original(headline[0][0], headline[0][1])[0] if headline else None
        return {"headline": doc.headline().strip(), "headline_offset": start,
                "credits": credits, "missing": missing, "meta": dict(doc.meta)}


__all__ = ["Service", "ServiceError", "ConfigError", "RuleFileError"]
