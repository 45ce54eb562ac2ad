"""Run the `examples` embedded in rules: every bad example must be flagged by its rule, every
good one must not, and fixing a bad example must leave nothing that the rule still fixes."""
from __future__ import annotations

from dataclasses import dataclass

from .engine import Engine
from .fixes import fix_until_stable
from .readers.text import read_example


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    kind: str  # "bad" | "good" | "fix"
    example: str
    detail: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.kind} example {self.example!r}: {self.detail}"


def check_rule_examples(rule) -> list[ExampleFailure]:
    engine = Engine([rule])

    def lint(text):
        return engine.lint(read_example(text, rule.scope))[0]

    failures = []
    for example in rule.examples.get("bad", []):
        findings = lint(example)
        if not findings:
            failures.append(ExampleFailure(rule.id, "bad", example, "not flagged"))
        elif any(f.fix and f.fix.applicability != "display" for f in findings):
            # safe and unsafe fixes alike must settle: fixing twice changes nothing more
            result = fix_until_stable(example, lambda text: (lint(text), []), unsafe=True)
            if not result.converged or any(f.fix and f.fix.applies(unsafe=True) for f in result.findings):
                failures.append(ExampleFailure(rule.id, "fix", example,
                                               f"still fixable after fixing: {result.text!r}"))
    for example in rule.examples.get("good", []):
        findings = lint(example)
        if findings:
            spans = ", ".join(repr(f.text) for f in findings)
            failures.append(ExampleFailure(rule.id, "good", example, f"flagged at {spans}"))
    return failures
