"""Rule kinds: the engine's extension points. One module per kind; each is generic and knows
no particular rule. To add a kind, write a `Rule` subclass in its own module and list it here.
"""
from __future__ import annotations

from .rule import FieldError, Rule
from .confusable import Confusable
from .consistency import Consistency
from .existence import Existence
from .metric import Metric
from .near_idiom import NearIdiom
from .near_word import NearWord
from .punctuation import Punctuation
from .referent import Referent
from .repetition import Repetition
from .required import Required
from .score import Score
from .script import Script
from .substitution import Substitution

KINDS: dict[str, type[Rule]] = {
    kind.KIND: kind
    for kind in (Existence, Substitution, Required, Repetition, Metric, Consistency, Punctuation, Script, NearIdiom,
                 NearWord, Referent, Score, Confusable)
}

__all__ = ["KINDS", "FieldError", "Rule"]
