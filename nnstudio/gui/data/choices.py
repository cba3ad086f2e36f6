"""The datasets the Data panel offers, grouped as a user looks for them, and the data section
each choice makes from the current one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nnstudio.data import SOURCES
from nnstudio.data.features import needing_more
from nnstudio.gui.catalog_text import catalog_tr

#: keys a new choice keeps from the current data section when its source takes them
KEPT_KEYS = ("validation", "test", "seed")
#: keys kept too when the new choice is of the same source
SAME_SOURCE_KEYS = ("samples", "noise", "features", "standardize")


@dataclass(frozen=True)
class Choice:
    """One entry of the dataset chooser: a source, and a dataset of it (None if it has none)."""

    source: str
    name: str | None = None

    @property
    def title(self) -> str:
        """The catalogue's title, in the user's language."""
        source = SOURCES[self.source]
        return catalog_tr(source.dataset(self.name).title if self.name else source.title)

    @property
    def summary(self) -> str:
        """The catalogue's summary, in the user's language."""
        source = SOURCES[self.source]
        return catalog_tr(source.dataset(self.name).summary if self.name else source.summary)


@dataclass(frozen=True)
class Group:
    """A heading of the chooser and its entries; `files` groups are shown only for the entry
    of the current data (files are chosen with Import…)."""

    title: str
    choices: tuple[Choice, ...]
    files: bool = False

    def translated_title(self) -> str:
        return QCoreApplication.translate("DataChoices", self.title)


def _all(source: str, names: tuple[str, ...] | None = None) -> tuple[Choice, ...]:
    datasets = SOURCES[source].datasets
    return tuple(Choice(source, d.name) for d in datasets if names is None or d.name in names)


#: the chooser's groups (str(): QT_TRANSLATE_NOOP is typed as returning object, not its text)
GROUPS = (
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "2-D classification")), _all("toy2d")),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Regression curves and planes")),
          _all("regression")),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Real tables")),
          _all("builtin", ("iris", "wine", "breast_cancer"))),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Images")), _all("builtin", ("digits",))),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Sequences")), _all("sequence")),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Text, character by character")), _all("text")),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Words (word2vec)")), _all("words")),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Draw your own")), (Choice("points"),)),
    Group(str(QT_TRANSLATE_NOOP("DataChoices", "Imported files")),
          (Choice("csv"), Choice("npz"), Choice("images"), Choice("idx")), files=True),
)


def choice_of(section: Mapping[str, Any]) -> Choice:
    """The chooser entry of a resolved data section."""
    source = SOURCES[section["source"]]
    return Choice(source.name, section.get("name") if source.datasets else None)


def section_for(choice: Choice, current: Mapping[str, Any]) -> dict[str, Any]:
    """The data section for `choice`: its source and dataset, with the current section's
    fractions and seed, and, within the same source, its samples, noise, features and
    standardising (features the new dataset cannot take are dropped)."""
    source = SOURCES[choice.source]
    keys = {p.name for p in source.params}
    out: dict[str, Any] = {"source": choice.source}
    if choice.name is not None:
        out["name"] = choice.name
    kept = KEPT_KEYS + (SAME_SOURCE_KEYS if current.get("source") == choice.source else ())
    for key in kept:
        if key in keys and key in current:
            out[key] = current[key]
    if "features" in out:
        inputs = 1 if (choice.source, choice.name) == ("regression", "sine") else 2
        features = [f for f in out["features"] if not needing_more([f], inputs)]
        if features:
            out["features"] = features
        else:
            del out["features"]
    if choice.source == "points":
        out["points"] = []
    return out
