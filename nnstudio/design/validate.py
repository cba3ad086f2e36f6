"""Validation of a whole design document: every problem at once, each with its JSON path.

Two passes, never reporting a problem twice:

1. The semantic pass (this module and check_network / check_sections) walks the document with
   the catalogues and the graph analysis. It knows what the schema cannot say (unique ids, edges
   naming real nodes, cycles, shapes, sizes, "made by a newer nnstudio") and words every message
   for a person, with did-you-mean hints.
2. The shipped JSON Schema then runs as a safety net, only on documents the semantic pass found
   nothing wrong with. The two are generated from the same catalogues and should agree, so this
   pass is normally silent; if they ever disagree, the schema's finding is still reported (in the
   same path format) rather than let a file through that other tools would refuse.
"""

from __future__ import annotations

import json
from typing import Any, cast

from jsonschema import ValidationError
from jsonschema.exceptions import best_match

from nnstudio.design.check_network import check_network
from nnstudio.design.check_sections import check_data, check_training
from nnstudio.design.checks import EXTENSION_PREFIX, json_problems, show, unknown_keys
from nnstudio.design.errors import Problem, child
from nnstudio.design.lesson import check_lesson
from nnstudio.design.race import check_race
from nnstudio.design.spec import EDITABLE_SECTIONS, FORMAT, TOP_LEVEL_KEYS, VERSION


def validate_document(doc: Any, *, check_graph: bool = True) -> list[Problem]:
    """Every problem with a design document (the parsed JSON); [] when it is valid.

    With `check_graph` False the graph analysis is skipped (an unfinished network is accepted);
    everything else, node parameters included, is still checked.
    """
    if not isinstance(doc, dict):
        return [Problem("", f"a design file holds a JSON object ({{...}}), not "
                            f"{_json_kind(doc)}")]
    problems = json_problems(doc)
    if problems:
        return problems
    header = _check_header(doc)
    if header is not None:
        return header
    problems = _check_version(doc)
    problems += unknown_keys(doc, TOP_LEVEL_KEYS, "", "a design", extensions=True)
    if "network" in doc:
        problems += check_network(doc["network"], check_graph=check_graph)
    else:
        problems.append(Problem("network", "is missing: a design needs a network of nodes "
                                           "and edges"))
    for key in EDITABLE_SECTIONS:
        if key in doc:
            problems += validate_section(key, doc[key])
    problems += check_lesson(doc)
    return problems or schema_problems(doc)


def validate_section(key: str, value: Any) -> list[Problem]:
    """Every problem with one top-level entry other than the header and the network."""
    problems = json_problems(value, key)
    if problems:
        return problems
    if key in ("name", "description"):
        return [] if isinstance(value, str) else [Problem(key, f"must be a text, got "
                                                               f"{show(value)}")]
    if key == "data":
        return check_data(value)
    if key == "training":
        return check_training(value)
    if key == "race":
        return check_race({"race": value})
    return []


def _check_header(doc: dict[str, Any]) -> list[Problem] | None:
    """The single problem that stops validation (not a design, or from a newer nnstudio)."""
    if doc.get("format") != FORMAT:
        got = f"its format is {show(doc['format'])}" if "format" in doc else "it has no format"
        return [Problem("format", f"this is not an nnstudio design ({got}; a design has "
                                  f'"format": "{FORMAT}")')]
    version = doc.get("version")
    if isinstance(version, int | float) and _is_int(version) and version > VERSION:
        return [Problem("version", f"made by a newer nnstudio (file version {version:g}, this "
                                   f"nnstudio reads up to {VERSION}): update nnstudio")]
    return None


def _check_version(doc: dict[str, Any]) -> list[Problem]:
    if "version" not in doc:
        return [Problem("version", f"is missing: add \"version\": {VERSION}")]
    version = doc["version"]
    if not _is_int(version):
        return [Problem("version", f"must be a whole number such as {VERSION}, got "
                                   f"{show(version)}")]
    if version < 1:
        return [Problem("version", f"must be 1 or more, got {version:g}")]
    return []


def schema_problems(doc: Any) -> list[Problem]:
    """The shipped schema's findings on `doc`, worded like the semantic pass's.

    The schema sees one node for each distinct node body (type and params; ids and positions
    are fully checked by the semantic pass) and one edge: jsonschema costs about a
    millisecond a node, so a long chain of identical layers would otherwise take seconds.
    Findings on a node are reported at the first node with that body.
    """
    # Imported here, not at the top, so that `python -m nnstudio.design.schema` does not find
    # its own module already imported by the package.
    from nnstudio.design.schema import validator

    compact, node_index = _compacted(doc)
    problems: list[Problem] = []
    for error in validator().iter_errors(compact):
        for problem in _friendly(error, node_index):
            if problem not in problems:
                problems.append(problem)
    return problems


def _compacted(doc: dict[str, Any]) -> tuple[dict[str, Any], list[int]]:
    """`doc` with one node per distinct body and at most one edge, and for each node kept its
    index in the original list."""
    network = doc.get("network")
    if not isinstance(network, dict) or not isinstance(network.get("nodes"), list):
        return doc, []
    kept: dict[str, int] = {}
    for i, node in enumerate(network["nodes"]):
        kept.setdefault(_body(node), i)
    node_index = sorted(kept.values())
    compact_network = {**network, "nodes": [network["nodes"][i] for i in node_index]}
    if isinstance(network.get("edges"), list):
        compact_network["edges"] = network["edges"][:1]
    return {**doc, "network": compact_network}, node_index


def _body(node: Any) -> str:
    """A node's JSON without its id and position."""
    if not isinstance(node, dict):
        return _CANONICAL.encode(node)
    return _CANONICAL.encode({k: v for k, v in node.items() if k not in ("id", "pos")})


_CANONICAL = json.JSONEncoder(sort_keys=True)


_TYPE_WORDS = {"object": "an object", "array": "a list", "string": "a text",
               "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "null": "null"}
_BOUND_WORDS = {"minimum": "at least", "exclusiveMinimum": "greater than",
                "maximum": "at most", "exclusiveMaximum": "less than"}


def _friendly(error: ValidationError, node_index: list[int]) -> list[Problem]:
    """One jsonschema error as problems at JSON paths, in the validator's wording; a node's
    path uses its index in the original list (`node_index`, see _compacted)."""
    if error.context:
        deepest = best_match(error.context)
        if deepest is not None:
            return _friendly(deepest, node_index)
    keys = list(error.absolute_path)
    if keys[:2] == ["network", "nodes"] and len(keys) > 2 and node_index:
        keys[2] = node_index[int(keys[2])]
    path = ""
    for key in keys:
        path = child(path, key)
    # jsonschema types these loosely (Unset when absent); a reported error has them all
    kind, rule, value = error.validator, cast(Any, error.validator_value), cast(Any, error.instance)
    schema = cast(dict[str, Any], error.schema)
    if kind == "required":
        return [Problem(child(path, k), "is missing") for k in rule if k not in value]
    if kind == "additionalProperties":
        known = schema.get("properties", {})
        return [Problem(child(path, k), "is not a known key") for k in value
                if k not in known and not k.startswith(EXTENSION_PREFIX)]
    if kind == "type":
        words = [_TYPE_WORDS[t] for t in ([rule] if isinstance(rule, str) else rule)]
        return [Problem(path, f"must be {' or '.join(words)}, got {show(value)}")]
    if kind in ("enum", "const"):
        choices = ", ".join(json.dumps(c) for c in (rule if kind == "enum" else [rule]))
        return [Problem(path, f"must be {'one of ' if kind == 'enum' else ''}{choices}, "
                              f"got {show(value)}")]
    if kind in _BOUND_WORDS:
        return [Problem(path, f"must be {_BOUND_WORDS[kind]} {rule:g}, got {show(value)}")]
    if kind in ("minItems", "maxItems"):
        return [Problem(path, f"must have {'at least' if kind == 'minItems' else 'at most'} "
                              f"{rule} items, got {len(value)}")]
    if kind == "pattern":
        return [Problem(path, f"must be a non-empty text, got {show(value)}")]
    return [Problem(path, error.message)]


def _is_int(value: Any) -> bool:
    """A whole number, as JSON Schema's "integer" (1.0 counts)."""
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, int) and not isinstance(value, bool)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a text"
    if value is None:
        return "null"
    return "a boolean" if isinstance(value, bool) else "a number"
