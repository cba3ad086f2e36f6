"""The example designs shipped in resources/examples, listed by their design names.

The files hold English; `title` and `blurb` show an example's name and description in the
user's language, and an example opened as a new design takes them (see DocumentFiles).
`example_texts` lists them for packaging/update_translations.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from nnstudio.data.paths import resources_dir

#: translation context of the bundled examples' names and descriptions
CONTEXT = "Example"


@dataclass(frozen=True)
class Example:
    name: str
    path: Path
    description: str = ""

    @property
    def title(self) -> str:
        """The name in the user's language."""
        return example_tr(self.name)

    @property
    def blurb(self) -> str:
        """The description in the user's language."""
        return example_tr(self.description)


def example_tr(text: str) -> str:
    """A bundled example's name or description in the user's language (unchanged when it has
    no translation, as the name of a user's own design)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def examples_dir() -> Path:
    return resources_dir() / "examples"


def list_examples(folder: Path | None = None) -> list[Example]:
    """Every `*.json` in the examples folder, by design name (the file name if it has none)."""
    folder = examples_dir() if folder is None else folder
    found = [_example(path) for path in sorted(folder.glob("*.json"))]
    return sorted(found, key=lambda e: e.name.casefold())


def example_texts() -> list[tuple[str, str]]:
    """(context, English text) of every bundled example's name and description."""
    texts = [t for e in list_examples() for t in (e.name, e.description) if t]
    return [(CONTEXT, text) for text in dict.fromkeys(texts)]


def _example(path: Path) -> Example:
    doc = _read(path)
    name, description = doc.get("name"), doc.get("description")
    name = name.strip() if isinstance(name, str) and name.strip() else path.stem
    return Example(name, path, description if isinstance(description, str) else "")


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}
