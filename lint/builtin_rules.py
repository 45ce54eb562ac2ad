"""Where the built-in rule packs are: a leaf module, so that the loader (`rulepack`) and the
rule built in code (`suppress`) can both name the directory without importing each other."""
from __future__ import annotations

from pathlib import Path


def builtin_rules_dir() -> Path:
    """The built-in packs: inside the wheel, or the top-level rules/ of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_builtin_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"
