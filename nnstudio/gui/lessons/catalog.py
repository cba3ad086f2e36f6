"""The lessons the gallery lists: the shipped ones (resources/lessons) in the course's order of
concepts, each read once into its English `Lesson`, with the concepts still to come."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nnstudio.design.lesson import CONCEPTS, Lesson, lessons_dir


@dataclass(frozen=True)
class LessonEntry:
    """One lesson file and its lesson (English; `Lesson.localized` gives another language)."""

    path: Path
    lesson: Lesson

    @property
    def order(self) -> tuple[int, str]:
        """Where the lesson sits in the course: its first concept's place, then its name."""
        first = self.lesson.concepts[0] if self.lesson.concepts else None
        place = CONCEPTS.index(first) if first in CONCEPTS else len(CONCEPTS)
        return place, self.lesson.name.casefold()


def read_entry(path: Path) -> LessonEntry | None:
    """The lesson in the design file `path`; None when it is unreadable or has no lesson."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
        lesson = Lesson.from_document(doc) if isinstance(doc, dict) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return LessonEntry(path, lesson) if lesson is not None else None


def list_lessons(folder: Path | None = None) -> list[LessonEntry]:
    """Every lesson among the `*.json` in `folder` (default: the shipped lessons), in the
    course's order of concepts."""
    folder = lessons_dir() if folder is None else folder
    found = [read_entry(path) for path in sorted(folder.glob("*.json"))]
    return sorted((entry for entry in found if entry is not None), key=lambda e: e.order)


def coming_concepts(entries: list[LessonEntry]) -> list[str]:
    """The concepts no listed lesson teaches yet (COMING, with the shipped lessons), in the
    course's order."""
    taught = {concept for entry in entries for concept in entry.lesson.concepts}
    return [concept for concept in CONCEPTS if concept not in taught]
