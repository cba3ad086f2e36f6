"""The JSON Schema (draft 2020-12) of the design format, generated from the catalogues.

Node types, initialisers, data sources and optimisers each get their own closed object schema,
chosen with ``if``/``then`` on their tag key, so every parameter's type, range, default and help
text comes straight from its ParamSpec. What a schema cannot express (unique ids, edges naming
real nodes, acyclic graphs, shapes) is left to `validate_document`.

``python -m nnstudio.design.schema > resources/schema/design-v1.schema.json`` regenerates the
shipped copy; a test keeps the two equal.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from jsonschema import Draft202012Validator

from nnstudio.core.catalog import ACTIVATIONS, INITIALIZERS, NODE_TYPES, ParamSpec
from nnstudio.core.initializers import INITIALIZER_PARAMS
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.data.catalog import SOURCES
from nnstudio.data.values import MAX_CLASSES, MAX_POINTS
from nnstudio.design.io import dumps
from nnstudio.design.lesson import lesson_schema
from nnstudio.design.race import race_schema
from nnstudio.design.spec import (
    DEFAULT_LOSS,
    DEFAULT_OPTIMIZER,
    EARLY_STOPPING_HELP,
    EARLY_STOPPING_PARAMS,
    FORMAT,
    FROZEN_HELP,
    LOSS_HELP,
    LOSS_NAMES,
    OPTIMIZER_HELP,
    TRAINING_PARAMS,
    VERSION,
)

SCHEMA_ID = "urn:nnstudio:design-v1"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TEXT = {"type": "string", "pattern": r"\S"}
_EXTENSIONS = {"^x-": {"description": "An extension: ignored by nnstudio, kept on save."}}


def design_schema() -> dict[str, Any]:
    """The whole schema as a JSON-ready dict."""
    defs: dict[str, Any] = {
        "network": _network(),
        "node": _node(),
        "edge": {
            "description": "A connection [source id, target id]; a merge node receives its "
                           "inputs in the order of its edges.",
            "type": "array", "prefixItems": [_TEXT, _TEXT], "minItems": 2, "maxItems": 2,
        },
        "initializer": _initializer(),
        "data": _tagged("source", {s: f"data_{s}" for s in SOURCES},
                        "toy2d", "Where the samples come from; without this section, the toy "
                                 "2-D spiral."),
        "training": _training(),
        "optimizer": _tagged("type", {name: f"optimizer_{name}" for name in OPTIMIZERS},
                             DEFAULT_OPTIMIZER, OPTIMIZER_HELP),
        "early_stopping": _closed(EARLY_STOPPING_PARAMS, "Early stopping settings."),
    }
    for name, spec in NODE_TYPES.items():
        defs[f"params_{name}"] = _closed(spec.params, f"{name}: {spec.summary}")
    for name, specs in INITIALIZER_PARAMS.items():
        defs[f"initializer_{name}"] = _closed(specs, f"Options of the {name} initialiser.",
                                              tag=("type", name))
    for name, src in SOURCES.items():
        defs[f"data_{name}"] = _closed(src.params, f"{src.title}: {src.summary}",
                                       tag=("source", name))
    for name, (summary, specs) in OPTIMIZERS.items():
        defs[f"optimizer_{name}"] = _closed(specs, summary, tag=("type", name))
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": f"nnstudio design, version {VERSION}",
        "description": "A neural network design for nnstudio: the layer graph, the data and "
                       "the training settings. Every parameter has a default; a file only "
                       "needs what differs from it.",
        "type": "object",
        "required": ["format", "version", "network"],
        "properties": {
            "format": {"const": FORMAT, "description": "Marks the file as an nnstudio design."},
            "version": {"const": VERSION, "description": "The version of the file format."},
            "name": {"type": "string", "description": "The design's title."},
            "description": {"type": "string", "description": "Free text shown in the gallery."},
            "network": {"$ref": "#/$defs/network"},
            "data": {"$ref": "#/$defs/data"},
            "training": {"$ref": "#/$defs/training"},
            "lesson": lesson_schema(),
            "race": race_schema(),
        },
        "patternProperties": _EXTENSIONS,
        "additionalProperties": False,
        "$defs": defs,
    }


@functools.cache
def validator() -> Draft202012Validator:
    """A validator for the generated schema (built once)."""
    return Draft202012Validator(design_schema())


def _network() -> dict[str, Any]:
    return {
        "description": "The layer graph: a directed acyclic graph with one Input and one "
                       "output node. Node ids are unique and every edge joins two of them.",
        "type": "object",
        "required": ["nodes"],
        "properties": {
            "nodes": {"type": "array", "items": {"$ref": "#/$defs/node"}},
            "edges": {"type": "array", "items": {"$ref": "#/$defs/edge"}, "default": []},
        },
        "patternProperties": _EXTENSIONS,
        "additionalProperties": False,
    }


def _node() -> dict[str, Any]:
    cases = []
    for name, spec in NODE_TYPES.items():
        then: dict[str, Any] = {"properties": {"params": {"$ref": f"#/$defs/params_{name}"}}}
        if any(p.required for p in spec.params):
            then["required"] = ["params"]
        cases.append({"if": _has("type", name), "then": then})
    return {
        "description": "One layer of the network.",
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {**_TEXT, "description": "Unique name; parameters are called <id>.W etc."},
            "type": {"enum": list(NODE_TYPES), "description": "The node type."},
            "params": {"type": "object", "default": {},
                       "description": "The node type's parameters."},
            "pos": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
                    "description": "Position [x, y] on the canvas."},
            "frozen": {"type": "boolean", "default": False, "description": FROZEN_HELP},
        },
        "patternProperties": _EXTENSIONS,
        "additionalProperties": False,
        "allOf": cases,
    }


def _initializer() -> dict[str, Any]:
    cases = [{"if": _has("type", name), "then": {"$ref": f"#/$defs/initializer_{name}"}}
             for name in INITIALIZER_PARAMS]
    return {
        "description": "A weight initialiser: a name, or an object with its type and options "
                       'such as {"type": "normal", "std": 0.01}.',
        "anyOf": [
            {"enum": list(INITIALIZERS)},
            {"type": "object", "required": ["type"],
             "properties": {"type": {"enum": list(INITIALIZER_PARAMS)}}, "allOf": cases},
        ],
    }


def _training() -> dict[str, Any]:
    props: dict[str, Any] = {
        "loss": {"enum": list(LOSS_NAMES), "default": DEFAULT_LOSS,
                 "description": LOSS_HELP},
        "optimizer": {"$ref": "#/$defs/optimizer"},
    }
    props.update((p.name, param_schema(p)) for p in TRAINING_PARAMS)
    props["early_stopping"] = {
        "anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/early_stopping"}],
        "default": False, "description": EARLY_STOPPING_HELP,
    }
    return {"description": "How the network is trained.", "type": "object",
            "properties": props, "additionalProperties": False}


def _tagged(key: str, variants: Mapping[str, str], default: str, description: str
            ) -> dict[str, Any]:
    """An object whose `key` picks one of `variants` (name → $defs entry); `default` if absent."""
    cases = [{"if": _has(key, name), "then": {"$ref": f"#/$defs/{ref}"}}
             for name, ref in variants.items()]
    cases.append({"if": {"not": {"required": [key]}},
                  "then": {"$ref": f"#/$defs/{variants[default]}"}})
    return {
        "description": description,
        "type": "object",
        "properties": {key: {"enum": list(variants), "default": default}},
        "allOf": cases,
    }


def _has(key: str, value: str) -> dict[str, Any]:
    return {"properties": {key: {"const": value}}, "required": [key]}


def _closed(specs: Iterable[ParamSpec], description: str,
            tag: tuple[str, str] | None = None) -> dict[str, Any]:
    """A closed object schema: exactly these parameters (plus the tag key, when given)."""
    specs = tuple(specs)
    props = {tag[0]: {"const": tag[1]}} if tag else {}
    props.update((p.name, param_schema(p)) for p in specs)
    schema: dict[str, Any] = {"description": description, "type": "object",
                              "properties": props, "additionalProperties": False}
    required = [p.name for p in specs if p.required]
    if required:
        schema["required"] = required
    return schema


def param_schema(p: ParamSpec) -> dict[str, Any]:
    """The schema of one parameter: type, range or choices, default and help text."""
    schema = _kind_schema(p)
    if not p.required:
        schema["default"] = _json_ready(p.default)
    if p.help:
        schema["description"] = p.help
    return schema


def _kind_schema(p: ParamSpec) -> dict[str, Any]:
    kind = p.kind
    if kind in ("int", "float"):
        return {"type": "integer" if kind == "int" else "number", **_bounds(p)}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "axis":
        return {"type": "integer"}
    if kind == "activation":
        return {"enum": list(ACTIVATIONS)}
    if kind == "init":
        return {"$ref": "#/$defs/initializer"}
    if kind in ("size", "padding"):
        whole = {"type": "integer", **_bounds(p)}
        forms: list[dict[str, Any]] = [whole, _pair(whole)]
        if kind == "padding":
            forms.append({"enum": ["same", "valid"]})
        if p.default is None:
            forms.append({"type": "null"})
        return {"anyOf": forms}
    if kind == "shape":
        return {"type": "array", "items": {"type": "integer", "minimum": 1},
                "minItems": 1, "maxItems": 3}
    if kind == "float_pair":
        return _pair({"type": "number", **_bounds(p)})
    if kind == "choice":
        return {"enum": list(p.choices)}
    if kind in ("path", "text"):
        return dict(_TEXT)
    if kind == "column":
        return {"anyOf": [{"type": "null"}, {"type": "integer"}, dict(_TEXT)]}
    if kind == "columns":
        items = {"anyOf": [{"type": "integer"}, dict(_TEXT)]}
        return {"anyOf": [{"type": "null"}, {"type": "array", "items": items, "minItems": 1}]}
    if kind == "optional_int":
        return {"anyOf": [{"type": "null"}, {"type": "integer", **_bounds(p)}]}
    if kind == "features":
        return {"type": "array", "items": {"enum": list(p.choices)},
                "minItems": 1, "uniqueItems": True}
    if kind == "points":
        point = {"type": "array", "minItems": 3, "maxItems": 3, "prefixItems": [
            {"type": "number"}, {"type": "number"},
            {"type": "integer", "minimum": 0, "maximum": MAX_CLASSES - 1}]}
        return {"type": "array", "items": point, "maxItems": MAX_POINTS}
    raise ValueError(f"no JSON Schema for parameter kind {kind!r} ({p.name})")


def _bounds(p: ParamSpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if p.minimum is not None:
        out["exclusiveMinimum" if p.exclusive_minimum else "minimum"] = p.minimum
    if p.maximum is not None:
        out["exclusiveMaximum" if p.exclusive_maximum else "maximum"] = p.maximum
    return out


def _pair(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item, "minItems": 2, "maxItems": 2}


def _json_ready(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def main() -> None:
    sys.stdout.write(dumps(design_schema()))


if __name__ == "__main__":
    main()
