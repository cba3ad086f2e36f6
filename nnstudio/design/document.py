"""The Design: a validated design document (the parsed JSON) and the file it lives in.

The document is kept exactly as read, key order, positions and extension keys included, so
loading and saving an unchanged design gives the same JSON back. Defaults are filled in only by
the read-only views (`data`, `training`), never written into the file.

An editor changes a design through `network` (the live nodes and edges) and `set_section`; a
saved work in progress, whose graph may be unfinished, opens again with ``draft=True``.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from nnstudio.core.catalog import ParamSpec
from nnstudio.core.losses import canonical_loss
from nnstudio.core.optimizers import resolve_options
from nnstudio.data.catalog import SOURCES, resolve_spec
from nnstudio.design.check_sections import data_spec
from nnstudio.design.checks import EXTENSION_PREFIX, json_problems
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.io import (
    atomic_write,
    dumps,
    parse_json,
    read_text,
    remove_stale_temporaries,
)
from nnstudio.design.lesson import Lesson
from nnstudio.design.spec import (
    DEFAULT_LOSS,
    DEFAULT_OPTIMIZER,
    EARLY_STOPPING_PARAMS,
    EDITABLE_SECTIONS,
    FORMAT,
    TRAINING_PARAMS,
    VERSION,
)
from nnstudio.design.validate import validate_document, validate_section
from nnstudio.design.weights import weights_path_for


class Design:
    """A design file's content; build it with `load`, `from_json`, `from_dict` or `default`.

    Each constructor validates and raises DesignError listing every problem. With
    ``draft=True`` an unfinished graph (unconnected nodes, a cycle, shapes that do not fit) is
    accepted, as an editor needs for work in progress; everything else is still checked, and
    `build_network` names what remains to fix.
    """

    def __init__(self, doc: dict[str, Any], path: Path | None = None):
        """Wrap an already validated document (the constructors validate)."""
        self._doc = doc
        self._path = path

    # -- construction ------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | os.PathLike[str], *, draft: bool = False) -> Design:
        """Read and validate a design file; DesignError on any bad input."""
        source = os.fspath(path)
        design = cls.from_json(read_text(source), source=source, draft=draft)
        design.path = source
        _remove_stale_temporaries(Path(source))
        return design

    @classmethod
    def from_json(cls, text: str, source: str = "<string>", *, draft: bool = False) -> Design:
        """Parse and validate design JSON text; `source` names it in messages."""
        return cls._validated(parse_json(text, source), source, draft)

    @classmethod
    def from_dict(cls, doc: Any, *, draft: bool = False) -> Design:
        """Validate a document given as Python data (copied; tuples count as lists)."""
        return cls._validated(_plain_copy(doc, "<dict>"), "<dict>", draft)

    @classmethod
    def default(cls) -> Design:
        """A ready spiral classifier: Input [2] → Dense 8 tanh → Dense 8 tanh → Dense 2."""
        return cls.from_dict({
            "format": FORMAT,
            "version": VERSION,
            "name": "Spiral, two hidden layers",
            "description": "Two interleaved spiral arms, separated by a small tanh network.",
            "network": {
                "nodes": [
                    {"id": "x", "type": "Input", "params": {"shape": [2]}, "pos": [0, 0]},
                    {"id": "h1", "type": "Dense", "params": {"units": 8, "activation": "tanh"},
                     "pos": [280, 0]},
                    {"id": "h2", "type": "Dense", "params": {"units": 8, "activation": "tanh"},
                     "pos": [560, 0]},
                    {"id": "out", "type": "Dense", "params": {"units": 2}, "pos": [840, 0]},
                ],
                "edges": [["x", "h1"], ["h1", "h2"], ["h2", "out"]],
            },
            "data": {"source": "toy2d", "name": "spiral", "samples": 500, "noise": 0.1,
                     "validation": 0.2, "seed": 1},
            "training": {"loss": "cross_entropy", "optimizer": {"type": "adam", "lr": 0.01},
                         "batch_size": 32, "epochs": 300, "seed": 0},
        })

    @classmethod
    def _validated(cls, doc: Any, source: str, draft: bool) -> Design:
        problems = validate_document(doc, check_graph=not draft)
        if problems:
            raise DesignError(problems, source)
        return cls(doc)

    # -- the document ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A deep copy of the document."""
        return copy.deepcopy(self._doc)

    def to_json(self) -> str:
        """The document as JSON text: 2-space indent, keys in their order, a final newline."""
        return dumps(self._doc)

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the design atomically to `path` (default: where it was loaded or last saved).

        Saving into another folder rewrites relative data paths so they still find their
        files. A symbolic link at the target is replaced, never written through. Every failure
        (a document an editor made unwritable, a read-only folder, a full disk) leaves any old
        file intact and raises DesignError with the reason.
        """
        if path is None and self._path is None:
            raise DesignError("this design has no file yet: give a path to save it to")
        target = Path(path).absolute() if path is not None else self._path
        assert target is not None
        doc = self._rebased(target.parent)
        text = _encoded(doc, str(target))
        atomic_write(target, lambda f: f.write(text))
        self._doc, self._path = doc, target
        _remove_stale_temporaries(target)

    # -- editing -----------------------------------------------------------------------------------
    @property
    def network(self) -> dict[str, Any]:
        """The live network section {"nodes": [...], "edges": [...]} (an absent "edges" is added),
        for an editor to change in place; such changes are checked by `build_network`."""
        network = self._doc["network"]
        network.setdefault("edges", [])
        return network

    def section(self, key: str) -> Any:
        """A copy of the top-level entry `key` as in the file (no defaults), None if absent."""
        return copy.deepcopy(self._doc.get(key))

    def set_section(self, key: str, value: Any) -> None:
        """Replace the top-level entry `key` ("name", "description", "data", "training" or an
        x- extension), or remove it when `value` is None; DesignError if `value` is invalid."""
        if key not in EDITABLE_SECTIONS and not key.startswith(EXTENSION_PREFIX):
            raise KeyError(f"{key!r} is not an editable section")
        doc = dict(self._doc)
        if value is None:
            doc.pop(key, None)
        else:
            value = _plain_copy(value, key)
            problems = validate_section(key, value)
            if problems:
                raise DesignError(problems)
            doc[key] = value  # an existing entry keeps its place, a new one goes last
        self._doc = doc

    def _rebased(self, folder: Path) -> dict[str, Any]:
        """The document with relative data paths made relative to `folder` instead."""
        doc = self._doc
        if self._path is None or self._path.parent == folder or "data" not in doc:
            return doc
        source = SOURCES[data_spec(doc["data"])["source"]]
        keys = [p.name for p in source.params if p.kind == "path" and p.name in doc["data"]]
        moved = {k: _rebase(doc["data"][k], self._path.parent, folder) for k in keys}
        if all(moved[k] == doc["data"][k] for k in keys):
            return doc
        return {**doc, "data": {**doc["data"], **moved}}

    # -- views -------------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        """The file this design was loaded from or last saved to (None for a new design)."""
        return self._path

    @path.setter
    def path(self, value: str | os.PathLike[str] | None) -> None:
        self._path = None if value is None else Path(value).absolute()

    @property
    def base_dir(self) -> Path | None:
        """The folder relative data paths resolve against (None until the design has a file)."""
        return self._path.parent if self._path is not None else None

    @property
    def name(self) -> str:
        return self._doc.get("name", "")

    @property
    def description(self) -> str:
        return self._doc.get("description", "")

    @property
    def lesson(self) -> Lesson | None:
        """The lesson this design teaches (English; see Lesson.localized), None if none."""
        return Lesson.from_document(self._doc)

    @property
    def nodes(self) -> list[dict[str, Any]]:
        """Copies of the node objects, as in the file."""
        return copy.deepcopy(self._doc["network"]["nodes"])

    @property
    def edges(self) -> list[list[str]]:
        """Copies of the edges [source id, target id], in file order."""
        return copy.deepcopy(self._doc["network"].get("edges", []))

    @property
    def data(self) -> dict[str, Any]:
        """The data spec with every default filled in (the toy 2-D spiral when absent)."""
        return resolve_spec(data_spec(self._doc.get("data", {})))

    @property
    def training(self) -> dict[str, Any]:
        """The training settings with every default filled in: loss ("auto" or a canonical
        name), optimizer (type and all its options), batch_size, epochs, seed, shuffle and
        early_stopping (False or a dict of its settings)."""
        section = self._doc.get("training", {})
        loss = section.get("loss", DEFAULT_LOSS)
        name, options = resolve_options({"type": DEFAULT_OPTIMIZER,
                                         **section.get("optimizer", {})})
        out: dict[str, Any] = {
            "loss": loss if loss == DEFAULT_LOSS else canonical_loss(loss),
            "optimizer": {"type": name, **{k: _json_copy(v) for k, v in options.items()}},
        }
        out.update(_with_defaults(section, TRAINING_PARAMS))
        stopping = section.get("early_stopping", False)
        if stopping is not False:
            stopping = _with_defaults(stopping if stopping is not True else {},
                                      EARLY_STOPPING_PARAMS)
        out["early_stopping"] = stopping
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Design) and self._doc == other._doc

    def __repr__(self) -> str:
        where = f", path={str(self._path)!r}" if self._path else ""
        return f"Design(name={self.name!r}{where})"


def _with_defaults(section: dict[str, Any], specs: Iterable[ParamSpec]) -> dict[str, Any]:
    """Every spec's value from `section` or its default, numbers as int or float."""
    out = {}
    for p in specs:
        value = section.get(p.name, p.default)
        out[p.name] = int(value) if p.kind == "int" else float(value) + 0.0 \
            if p.kind == "float" else value
    return out


def _rebase(value: str, old: Path, new: Path) -> str:
    """A relative path under `old` re-expressed relative to `new` (absolute ones unchanged)."""
    if Path(value).is_absolute():
        return value
    target = os.path.normpath(old / value)
    try:
        return Path(os.path.relpath(target, new)).as_posix()
    except ValueError:  # another drive (Windows): keep it absolute
        return Path(target).as_posix()


def _plain_copy(value: Any, where: str) -> Any:
    """_json_copy, or DesignError when `value` is too deep to copy (or contains itself)."""
    try:
        return _json_copy(value)
    except RecursionError:
        raise DesignError([Problem(where if where != "<dict>" else "",
                                   "is nested too deeply (or contains itself)")]) from None


def _encoded(doc: dict[str, Any], target: str) -> bytes:
    """The document's JSON text in UTF-8; DesignError saying why it cannot be written."""
    problems = json_problems(doc)
    if problems:
        why = Problem("", f"cannot save {target}: the design holds values a design file cannot")
        raise DesignError([why, *problems], target)
    try:
        return dumps(doc).encode("utf-8")
    except RecursionError:
        raise DesignError(f"cannot save {target}: the design is nested too deeply",
                          target) from None
    except (TypeError, ValueError) as exc:
        raise DesignError(f"cannot save {target}: {exc}", target) from None


def _remove_stale_temporaries(design_path: Path) -> None:
    """Clean what killed saves left beside the design and its weights file."""
    remove_stale_temporaries(design_path)
    remove_stale_temporaries(weights_path_for(design_path))


def _json_copy(value: Any) -> Any:
    """A deep copy of plain Python data with tuples turned into lists."""
    if isinstance(value, dict):
        return {k: _json_copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_copy(v) for v in value]
    return value
