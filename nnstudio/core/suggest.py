"""The "did you mean" search every message about a misspelt name shares: a word against the
names it could have meant, ignoring case, surrounding blanks and '-' for '_'."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


def closest(word: Any, choices: Iterable[str]) -> str | None:
    """The choice `word` most likely meant (as the choice is spelt), or None when none is close
    or `word` is not a string."""
    if not isinstance(word, str):
        return None
    folded = {choice.lower(): choice for choice in choices}
    key = word.strip().lower()
    for candidate in (key, key.replace("-", "_")):
        if candidate in folded:
            return folded[candidate]
    close = difflib.get_close_matches(key.replace("-", "_"), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None
