"""The example designs shipped in resources/examples, listed by their design names."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nnstudio.data.paths import resources_dir


@dataclass(frozen=True)
class Example:
    name: str
    path: Path


def examples_dir() -> Path:
    return resources_dir() / "examples"


def list_examples(folder: Path | None = None) -> list[Example]:
    """Every `*.json` in the examples folder, by design name (the file name if it has none)."""
    folder = examples_dir() if folder is None else folder
    found = [Example(_design_name(path), path) for path in sorted(folder.glob("*.json"))]
    return sorted(found, key=lambda e: e.name.casefold())


def _design_name(path: Path) -> str:
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return path.stem
    name = doc.get("name") if isinstance(doc, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else path.stem
