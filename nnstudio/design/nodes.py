"""Design nodes as the engine takes them: id, type and params, whole numbers as ints."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nnstudio.core.catalog import NODE_TYPES

#: parameter kinds whose numbers are whole (JSON may spell 8 as 8.0)
_WHOLE_KINDS = frozenset({"int", "axis", "size", "padding", "shape"})


def engine_nodes(nodes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{"id", "type", "params"}] for `analyze`/`Network`; positions and extensions dropped."""
    return [{"id": n["id"], "type": n["type"], "params": _whole(n["type"], n.get("params") or {})}
            for n in nodes]


def _whole(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    spec = NODE_TYPES.get(type_name)
    if spec is None:
        return dict(params)
    kinds = {p.name: p.kind for p in spec.params}
    return {k: _as_int(v) if kinds.get(k) in _WHOLE_KINDS else v for k, v in params.items()}


def _as_int(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_as_int(v) for v in value]
    return value
