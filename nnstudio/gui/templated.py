"""Translating texts the Qt-free engine writes from English templates.

The engine words its findings as f-strings ("data.csv, line 3, column 'b': 'x' is not a
number; …"). A TemplateTranslator knows the templates those are written from; it finds the one
a text matches, and gives the template's translation with the same values. A {problem} or
{hint} value is itself such a text and is translated in turn. A text with no template stays as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication

#: fields whose values are texts of their own, translated in turn
NESTED = ("problem", "hint")
#: a {field} in a translated template (other braces, such as "({...})", are literal text)
_FIELD = re.compile(r"\{(\w+)\}")


def template_pattern(template: str) -> re.Pattern[str]:
    """`template` as a regular expression whose groups catch its {fields} (a field named
    twice must hold the same text both times)."""
    parts = re.split(r"\{(\w+)\}", template)
    seen: set[str] = set()
    pieces = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            pieces.append(re.escape(part))
        elif part in seen:
            pieces.append(f"(?P={part})")
        else:
            seen.add(part)
            pieces.append(f"(?P<{part}>.+)")
    return re.compile("".join(pieces))


class TemplateTranslator:
    """Translates texts written from `templates` (tried in order, so the more specific come
    first) in translation `context`. `nested` translates the {problem} and {hint} values
    (default: this translator); a template in `only_if_nested` applies only when its nested
    value translates, so a catch-all such as "{name}: {problem}" leaves other texts alone.
    `nested_fields` names the fields translated in turn (default NESTED)."""

    def __init__(self, context: str, templates: Iterable[str],
                 nested: Callable[[str], str] | None = None,
                 only_if_nested: Iterable[str] = (), nested_fields: Iterable[str] = NESTED):
        self.context = context
        self.templates = tuple(templates)
        self._patterns = tuple((template_pattern(t), t) for t in self.templates)
        self._nested = nested
        self._only_if_nested = frozenset(only_if_nested)
        self._nested_fields = tuple(nested_fields)

    def __call__(self, text: str) -> str:
        for pattern, template in self._patterns:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            values = match.groupdict()
            changed = False
            for field in self._nested_fields:
                if field in values:
                    inner = values[field]
                    values[field] = (self._nested or self)(inner)
                    changed |= values[field] != inner
            if template in self._only_if_nested and not changed:
                continue
            return fill(QCoreApplication.translate(self.context, template), values)
        return text


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with each {field} replaced by its value; braces around anything else (a
    JSON example such as {"units": 8}) and fields without a value stay as written."""
    return _FIELD.sub(lambda m: values.get(m[1], m[0]), template)
