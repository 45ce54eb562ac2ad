"""JSON: one document, schema version 1, documented in docs/json-format.md."""
from __future__ import annotations

import json

SCHEMA_VERSION = 1


def render(run, options) -> str:
    counts = run.counts()
    document = {
        "version": SCHEMA_VERSION,
        "tool": options.get("tool", {"name": "newslint"}),
        "files": [
            {"path": report.path, "findings": [f.to_dict() for f in report.findings]}
            for report in run.reports
        ],
        "errors": list(run.errors),
        "summary": {
            "files": len(run.reports),
            "findings": sum(counts.values()),
            "by_level": counts,
            "fixable": sum(1 for f in run.findings if f.fixable),
            "fixed": run.fixed,
            "errors": len(run.errors),
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
