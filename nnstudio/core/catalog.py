"""The node catalogue: every node type, collected from the layer modules that declare them.

Each family module in `nnstudio.core.layers` declares its `NodeType`s (parameters, defaults,
ranges, teaching text, card label, what it preserves) beside its layer classes, as
`NODE_TYPES`; this module gathers them in `FAMILIES` order and answers questions about any of
them. It is the single source of truth for the engine (defaults), the design validator and the
shipped JSON Schema (ranges, choices), and the GUI (palette groups, tooltips, inspector widgets).
"""

from __future__ import annotations

import importlib
from typing import Any

from nnstudio.core.layers.groups import GROUP_COLOURS, GROUPS
from nnstudio.core.spec import (
    ACTIVATIONS,
    INITIALIZERS,
    RELU_FAMILY,
    REQUIRED,
    NodeType,
    ParamSpec,
)

__all__ = [
    "ACTIVATIONS", "FAMILIES", "GROUPS", "GROUP_COLOURS", "INITIALIZERS", "MAX_ACTIVATION_ELEMENTS",
    "MAX_PARAMETERS", "NODE_TYPES", "RELU_FAMILY", "REQUIRED", "NodeType", "ParamSpec",
    "check_params", "check_value", "create_layer", "layer_class", "node_label", "node_type",
    "resolve_params",
]

# A layer as large as this is refused before anything is allocated (about 2 GB of float32).
MAX_PARAMETERS = 500_000_000
MAX_ACTIVATION_ELEMENTS = 50_000_000  # per sample

#: the layer family modules (in nnstudio.core.layers), in the palette's order within a group
FAMILIES = ("input_node", "dense", "reshape", "conv", "pool", "regularization", "normalization",
            "activations", "merge", "sequence")


def _collect() -> dict[str, NodeType]:
    types: dict[str, NodeType] = {}
    for family in FAMILIES:
        module = importlib.import_module(f"nnstudio.core.layers.{family}")
        for spec in module.NODE_TYPES:
            if spec.name in types:
                raise AssertionError(f"two layer modules declare the node type {spec.name}")
            if spec.group not in GROUP_COLOURS:
                raise AssertionError(f"{spec.name}'s group {spec.group!r} is not in "
                                     "nnstudio.core.layers.groups")
            types[spec.name] = spec
    return types


NODE_TYPES: dict[str, NodeType] = _collect()


def node_type(type_name: str) -> NodeType:
    """The catalogue entry for `type_name`; KeyError if there is none."""
    return NODE_TYPES[type_name]


def resolve_params(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """`params` with every omitted parameter set to its default (and the defaults that follow
    from other params, such as a pool's stride, completed by its type)."""
    spec = NODE_TYPES[type_name]
    out = {}
    for p in spec.params:
        if p.name in params:
            out[p.name] = params[p.name]
        elif not p.required:
            out[p.name] = p.default
    if spec.complete is not None:
        spec.complete(out)
    return out


def layer_class(type_name: str) -> type:
    """The layer class of `type_name`; KeyError if there is none."""
    layer = NODE_TYPES[type_name].layer
    assert layer is not None, f"{type_name} declares no layer class"
    return layer


def create_layer(node_id: str, type_name: str, params: dict[str, Any]):
    """A new, unbuilt layer for one node (defaults filled in)."""
    return layer_class(type_name)(node_id, **resolve_params(type_name, params))


def _plain(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _number_problem(p: ParamSpec, v: Any) -> str | None:
    lo, hi = p.minimum, p.maximum
    if lo is not None and (v < lo or (p.exclusive_minimum and v == lo)):
        word = "greater than" if p.exclusive_minimum else "at least"
        return f"must be {word} {_plain(lo)}, got {v!r}"
    if hi is not None and (v > hi or (p.exclusive_maximum and v == hi)):
        word = "less than" if p.exclusive_maximum else "at most"
        return f"must be {word} {_plain(hi)}, got {v!r}"
    return None


def _is_int(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (
        isinstance(v, float) and v.is_integer())


def check_value(p: ParamSpec, v: Any) -> str | None:
    """Why `v` is not a valid value for parameter `p`, or None when it is."""
    if p.kind == "int" or p.kind == "axis":
        if not _is_int(v):
            return f"must be an integer, got {v!r}"
        return None if p.kind == "axis" else _number_problem(p, v)
    if p.kind == "float":
        if isinstance(v, bool) or not isinstance(v, int | float) or v != v:
            return f"must be a number, got {v!r}"
        return _number_problem(p, v)
    if p.kind == "bool":
        return None if isinstance(v, bool) else f"must be true or false, got {v!r}"
    if p.kind == "float_pair":
        if not isinstance(v, list | tuple) or len(v) != 2:
            return f"must be a pair of numbers such as [0.9, 0.999], got {v!r}"
        for item in v:
            if isinstance(item, bool) or not isinstance(item, int | float) or item != item:
                return f"must be a pair of numbers, got {v!r}"
            problem = _number_problem(p, item)
            if problem:
                return problem
        return None
    if p.kind == "activation":
        return None if v in ACTIVATIONS else (
            f"unknown activation {v!r}; choose one of {', '.join(ACTIVATIONS)}")
    if p.kind == "init":
        name = v.get("type") if isinstance(v, dict) else v
        return None if name in INITIALIZERS else (
            f"unknown initialiser {name!r}; choose one of {', '.join(INITIALIZERS)}")
    if p.kind in ("size", "padding"):
        if p.kind == "padding" and v in ("same", "valid"):
            return None
        if v is None and p.name == "stride":
            return None
        items = v if isinstance(v, list | tuple) and len(v) == 2 else [v]
        if isinstance(v, list | tuple) and len(v) != 2:
            return f"must be a number or a pair [height, width], got {v!r}"
        for item in items:
            if not _is_int(item):
                extra = ", 'same' or 'valid'" if p.kind == "padding" else ""
                return f"must be an integer or a pair [height, width]{extra}, got {v!r}"
            problem = _number_problem(p, item)
            if problem:
                return problem
        return None
    if p.kind == "choice":
        return None if v in p.choices and not isinstance(v, bool) else (
            f"must be one of {', '.join(str(c) for c in p.choices)}, got {v!r}")
    if p.kind == "shape":
        if not isinstance(v, list | tuple) or not v or not all(_is_int(d) and d >= 1 for d in v):
            return f"must be a list of positive integers such as [2] or [1, 28, 28], got {v!r}"
        if len(v) > 3:
            return f"must have one to three dimensions, got {len(v)}"
        return None
    raise AssertionError(f"unknown parameter kind {p.kind}")


def check_params(type_name: str, params: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem with a node's params as (param name, message); [] when all is well."""
    spec = NODE_TYPES[type_name]
    known = {p.name for p in spec.params}
    problems = [(name, f"{type_name} has no parameter {name!r}"
                 + (f"; it takes {', '.join(sorted(known))}" if known else ""))
                for name in params if name not in known]
    for p in spec.params:
        if p.name not in params:
            if p.required:
                problems.append((p.name, f"{type_name} needs {p.name!r}"))
            continue
        problem = check_value(p, params[p.name])
        if problem:
            problems.append((p.name, problem))
    return problems


def node_label(type_name: str, params: dict[str, Any]) -> str:
    """A short description of a node, as on its canvas card: "Dense 8 · tanh", "Conv2D 16 3×3"."""
    spec = NODE_TYPES.get(type_name)
    if spec is None:
        return type_name
    p = resolve_params(type_name, params)
    text = " ".join([type_name, *(spec.label(p) if spec.label is not None else [])])
    if p.get("activation", "linear") != "linear":
        text += f" · {p['activation']}"
    return text
