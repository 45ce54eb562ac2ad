"""Run the `examples` embedded in rules: every bad example must be flagged by its rule, every
good one must not, and fixing a bad example must leave nothing that the rule still fixes."""
from __future__ import annotations

from dataclasses import dataclass

from .engine import Engine
from .fixes import fix_text
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
        elif any(f.fixable for f in findings):
            fixed, _, left = fix_text(example, lint)
            if any(f.fixable for f in left):
                failures.append(ExampleFailure(rule.id, "fix", example, f"still fixable after fixing: {fixed!r}"))
    for example in rule.examples.get("good", []):
        findings = lint(example)
        if findings:
            spans = ", ".join(repr(f.text) for f in findings)
            failures.append(ExampleFailure(rule.id, "good", example, f"flagged at {spans}"))
    return failures
