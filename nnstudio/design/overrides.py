"""Changes to a design document by dotted path: ``{"training.optimizer.lr": 0.1}``.

A path walks the document from the top: object keys by name, the network's nodes by their id
(``network.nodes.h1.params.units``, never by position) and other lists by a whole-number index
(``training.optimizer.betas.0``). The last key is set, replacing what was there or adding it;
objects missing on the way are created (``training.optimizer.lr`` in a design without an
optimizer). A path naming a whole section (``network``, ``data``) replaces the section.

Used by a lesson step's one-click `apply` and by the run comparison's ``--vary KEY=V1,V2``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from nnstudio.design.checks import did_you_mean, show
from nnstudio.design.errors import DesignError, Problem

#: the list whose items a path names by their "id" instead of their index
_NODES = ("network", "nodes")


def apply_overrides(doc: Mapping[str, Any], overrides: Mapping[str, Any], *,
                    validate: bool = True) -> dict[str, Any]:
    """A new document: `doc` with every override set (`doc` itself is left untouched).

    Raises DesignError naming the path of an override that does not resolve (a node id that
    does not exist, a key inside a number), and, with `validate`, the problems of a result that
    is no longer a valid design.
    """
    result = copy.deepcopy(dict(doc))
    problems: list[Problem] = []
    for path, value in overrides.items():
        message = set_path(result, path, copy.deepcopy(value))
        if message:
            problems.append(Problem(path, message))
    if problems:
        raise DesignError(problems)
    if validate:
        # imported here: validation checks lessons, whose `apply` uses this module
        from nnstudio.design.validate import validate_document

        problems = validate_document(result)
        if problems:
            raise DesignError(problems)
    return result


def set_path(doc: dict[str, Any], path: str, value: Any) -> str | None:
    """Set `path` in `doc` in place to `value`; the reason it cannot, or None when done."""
    if not is_dotted_path(path):
        return f"is not a dotted path such as training.optimizer.lr (got {show(path)})"
    keys = path.split(".")
    container: Any = doc
    for depth, key in enumerate(keys[:-1]):
        found = _step(container, keys[:depth], key, create=True)
        if isinstance(found, str):
            return found
        container = found
    return _set(container, keys[:-1], keys[-1], value)


def is_dotted_path(path: Any) -> bool:
    """A text of non-empty keys joined by dots, such as ``network.nodes.h1.params.units``."""
    return isinstance(path, str) and all(path.split("."))


def _step(container: Any, walked: list[str], key: str, create: bool) -> Any:
    """The item `key` of `container` (found at `walked`), or a message saying why not."""
    if isinstance(container, dict):
        if key not in container and create:
            container[key] = {}
        return container[key]
    if isinstance(container, list):
        index = _index(container, walked, key)
        return index if isinstance(index, str) else container[index]
    return f"{_where(walked)} is {show(container)}, which has no {key!r} inside"


def _set(container: Any, walked: list[str], key: str, value: Any) -> str | None:
    if isinstance(container, dict):
        container[key] = value
        return None
    if isinstance(container, list):
        index = _index(container, walked, key)
        if isinstance(index, str):
            return index
        container[index] = value
        return None
    return f"{_where(walked)} is {show(container)}, which has no {key!r} inside"


def _index(items: list[Any], walked: list[str], key: str) -> int | str:
    """The position `key` names in `items`: a node id in the network's nodes, else a whole
    number; a message when it names nothing."""
    if tuple(walked) == _NODES:
        ids = [node.get("id") for node in items if isinstance(node, dict)]
        for i, node in enumerate(items):
            if isinstance(node, dict) and node.get("id") == key:
                return i
        return (f"the network has no node {key!r}"
                + (did_you_mean(key, [i for i in ids if isinstance(i, str)])
                   or f" (its nodes: {', '.join(map(str, ids))})"))
    if key.isascii() and key.isdigit() and int(key) < len(items):
        return int(key)
    return f"{_where(walked)} is a list of {len(items)}: {key!r} is not a position in it"


def _where(walked: list[str]) -> str:
    return ".".join(walked) or "the design"
