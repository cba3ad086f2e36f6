"""Hostile variations of the example designs, for the fuzz test and benchmarks/fuzz_designs.py.

`mutate(doc, rng)` applies one to three random mutations to a deep copy of a design document:
values of the wrong JSON type, huge, negative, NaN or infinite numbers, deleted and unknown
keys, deep nesting, unusual text, ids that clash or name nothing, cycles, other node types.
`mutated_text(doc, rng)` does the same to the JSON text, for what only text can hold (numbers
of thousands of digits, NaN literals, truncation, duplicated keys); `damaged(data, rng)` to the
bytes of a weights archive. `exercise(...)` runs what a user's file goes through and returns
the exception that escaped, if any.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio import Design, DesignError, Trainer, build_network
from nnstudio.core.catalog import ACTIVATIONS, INITIALIZERS, NODE_TYPES
from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.data.catalog import SOURCES
from nnstudio.design.spec import LOSS_NAMES

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"

#: replacement values of every JSON type and many awkward magnitudes
ODD_VALUES: list[Any] = [
    {}, [], [[]], {"type": {}}, "", " ", "x" * 300, None, True, False, 0, 1, -1, 2, 7, -0.0,
    0.5, 1e-320, 1e308, -1e308, 2**53 + 1, 10**30, 10**400, -(10**400), float("nan"),
    float("inf"), -float("inf"), 3.5, [2], [0], [1, 28, 28], [-1, 3], [1, 2, 3, 4],
    ["x", "h1"], [["x", "x"]], {"type": "normal", "std": -0.0}, {"type": "normal", "std": 1e308},
    {"type": "constant", "value": 1e30}, "same", "valid", "relu", "Dense", "softmax", "adam",
    "\u202eevil", "\ud800", "😀" * 10, "<b>bold</b>", "../../etc/passwd", "a" * 256 + ".csv",
    "/dev/zero", "/tmp", "a\u0000b", 1_000_000, 20_000, 0.999999, 100.0,
]
#: names a design may use, to swap one valid-looking word for another
WORDS = [*NODE_TYPES, *ACTIVATIONS, *INITIALIZERS, *LOSS_NAMES, *OPTIMIZERS, *SOURCES,
         "circle", "xor", "gauss", "spiral", "moons", "linear", "random", "sine", "plane",
         "multi_gaussian", "iris", "wine", "breast_cancer", "digits", "x", "h1", "out", "x1"]
#: data sections worth trying, most of them small
DATA_SECTIONS: list[dict[str, Any]] = [
    {"source": "toy2d", "name": "spiral", "samples": 40, "classes": 5},
    {"source": "toy2d", "name": "xor", "samples": 10, "validation": 0.9, "test": 0.09},
    {"source": "toy2d", "samples": 2, "features": ["x1", "x2", "x1x2", "sin_x1"]},
    {"source": "regression", "name": "plane", "samples": 30, "noise": 0.5},
    {"source": "builtin", "name": "iris", "validation": 0.0},
    {"source": "points", "points": [[0, 0, 0], [1, 1, 1], [1e308, -1e308, 1]]},
    {"source": "points", "points": [[0, 0, 0]] * 3},
    {"source": "points", "points": []},
    {"source": "csv", "path": "missing.csv"},
    {"source": "csv", "path": "/dev/null", "target": 0},
    {"source": "npz", "path": "/tmp"},
    {"source": "images", "path": ".", "size": [1, 1]},
    {"source": "idx", "images": "/dev/zero", "labels": "a" * 300},
]


def example_documents() -> list[dict[str, Any]]:
    """Every bundled example as parsed JSON."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]


def locations(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path (a tuple of keys and indices) into a JSON value, the root included."""
    found = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            found += locations(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += locations(v, (*path, i))
    return found


def _parent(doc: Any, path: tuple) -> tuple[Any, Any]:
    for key in path[:-1]:
        doc = doc[key]
    return doc, path[-1]


def _deep(rng: random.Random) -> Any:
    value: Any = rng.choice([1, "x", {}])
    for _ in range(rng.choice([50, 99, 101, 150, 900])):
        value = [value] if rng.random() < 0.5 else {"k": value}
    return value


def _replace(doc: Any, rng: random.Random) -> None:
    path = rng.choice(locations(doc)[1:])
    parent, key = _parent(doc, path)
    parent[key] = _deep(rng) if rng.random() < 0.05 else copy.deepcopy(rng.choice(ODD_VALUES))


def _delete(doc: Any, rng: random.Random) -> None:
    paths = locations(doc)[1:]
    parent, key = _parent(doc, rng.choice(paths))
    del parent[key]


def _add_key(doc: Any, rng: random.Random) -> None:
    objects = [p for p in locations(doc) if isinstance(_at(doc, p), dict)]
    target = _at(doc, rng.choice(objects))
    key = rng.choice(["x-extra", "units", "type", "params", "shape", "weight_init", "unknown",
                      "lr", "stride", "padding", "axis", "early_stopping", "path", "std"])
    target[key] = copy.deepcopy(rng.choice(ODD_VALUES))


def _at(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _nodes(doc: dict[str, Any]) -> list[Any]:
    network = doc.get("network")
    nodes = network.get("nodes") if isinstance(network, dict) else None
    return nodes if isinstance(nodes, list) else []


def _edges(doc: dict[str, Any]) -> list[Any] | None:
    network = doc.get("network")
    edges = network.get("edges") if isinstance(network, dict) else None
    return edges if isinstance(edges, list) else None


def _retype(doc: dict[str, Any], rng: random.Random) -> None:
    nodes = [n for n in _nodes(doc) if isinstance(n, dict)]
    if nodes:
        rng.choice(nodes)["type"] = rng.choice(list(NODE_TYPES))


def _rewire(doc: dict[str, Any], rng: random.Random) -> None:
    """An edge that closes a cycle, names nothing, doubles another or feeds the Input."""
    edges, nodes = _edges(doc), [n for n in _nodes(doc) if isinstance(n, dict)]
    if edges is None or not nodes:
        return
    ids = [n.get("id") for n in nodes]
    kind = rng.randrange(4)
    if kind == 0 and edges:
        edges.append(list(reversed(rng.choice(edges))) if isinstance(edges[0], list) else [])
    elif kind == 1:
        edges.append([rng.choice(ids), "nowhere"])
    elif kind == 2 and edges:
        edges.append(copy.deepcopy(rng.choice(edges)))
    else:
        edges.append([rng.choice(ids), rng.choice(ids)])


def _clash_ids(doc: dict[str, Any], rng: random.Random) -> None:
    nodes = [n for n in _nodes(doc) if isinstance(n, dict)]
    if len(nodes) >= 2:
        a, b = rng.sample(nodes, 2)
        b["id"] = a.get("id")


def _resize(doc: dict[str, Any], rng: random.Random) -> None:
    """A size parameter made huge, zero or negative."""
    nodes = [n for n in _nodes(doc) if isinstance(n, dict) and isinstance(n.get("params"), dict)]
    if nodes:
        params = rng.choice(nodes)["params"]
        key = rng.choice(["units", "filters", "kernel_size", "stride", "padding", "pool_size",
                          "shape", "rate", "axis", "momentum", "eps"])
        params[key] = rng.choice([0, -3, 10**6, 20_000, 4096, 64, [64, 64], [1, 1000, 1000],
                                  1e-300, 10**400, [0, 1]])


def _perturb_number(doc: Any, rng: random.Random) -> None:
    """A number scaled, negated, zeroed or turned into a float, keeping its place."""
    paths = [p for p in locations(doc)[1:] if isinstance(_at(doc, p), int | float)
             and not isinstance(_at(doc, p), bool)]
    parent, key = _parent(doc, rng.choice(paths))
    value = parent[key]
    parent[key] = rng.choice([0, -value, value * 10, value * 1000, value + 0.5, float(value),
                              -0.0, 1, value * 1e-6, value * 1e30])


def _swap_word(doc: Any, rng: random.Random) -> None:
    """A text replaced by another name the format uses."""
    paths = [p for p in locations(doc)[1:] if isinstance(_at(doc, p), str)]
    parent, key = _parent(doc, rng.choice(paths))
    parent[key] = rng.choice(WORDS)


def _insert_node(doc: dict[str, Any], rng: random.Random) -> None:
    """A node of any type, with odd or no params, spliced into an edge."""
    edges = _edges(doc)
    if not edges:
        return
    k = rng.randrange(len(edges))
    src, dst = edges[k]
    tname = rng.choice(list(NODE_TYPES))
    params = rng.choice([{}, {"units": 3}, {"filters": 2}, {"rate": 0.99}, {"shape": [1, 2, 2]},
                         {"axis": rng.choice([-1, 0, 1, 2, 5])}, {"pool_size": 3, "stride": 2},
                         {"kernel_size": 5, "padding": "same"}])
    _nodes(doc).append({"id": "fz", "type": tname, "params": params})
    edges[k:k + 1] = [[src, "fz"], ["fz", dst]]


def _swap_data(doc: dict[str, Any], rng: random.Random) -> None:
    doc["data"] = copy.deepcopy(rng.choice(DATA_SECTIONS))


def _training(doc: dict[str, Any], rng: random.Random) -> None:
    """An awkward but plausible training setting."""
    training = doc.setdefault("training", {})
    key, value = rng.choice([
        ("batch_size", 1), ("batch_size", 1_000_000), ("epochs", 1), ("loss", "hinge"),
        ("loss", "binary_cross_entropy"), ("loss", "mse"), ("shuffle", False),
        ("optimizer", {"type": "sgd", "lr": 1e300}), ("optimizer", {"type": "rmsprop",
                                                                   "lr": 1e-300}),
        ("optimizer", {"type": "adam", "betas": [0.0, 0.0], "eps": 1e-300}),
        ("early_stopping", {"patience": 1, "min_delta": 1e308}), ("seed", 2**32),
    ])
    training[key] = value


MUTATIONS: list[Callable[[Any, random.Random], None]] = [
    _replace, _replace, _delete, _add_key, _retype, _rewire, _clash_ids, _resize,
    _perturb_number, _perturb_number, _perturb_number, _swap_word, _swap_word, _insert_node,
    _insert_node, _swap_data, _training, _training,
]


def mutate(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A deep copy of `doc` with one to three random mutations (mostly one)."""
    doc = copy.deepcopy(doc)
    for _ in range(rng.choices([1, 2, 3], [6, 3, 1])[0]):
        # an error here: nothing left to mutate that way
        with contextlib.suppress(IndexError, KeyError, TypeError, ValueError, OverflowError):
            rng.choice(MUTATIONS)(doc, rng)
        if not isinstance(doc, dict):
            break
    return doc


def mutated_text(doc: dict[str, Any], rng: random.Random) -> str:
    """The JSON text of `doc` with one textual mutation."""
    text = json.dumps(mutate(doc, rng) if rng.random() < 0.5 else doc, allow_nan=True)
    kind = rng.randrange(6)
    digits = [m for m in range(len(text)) if text[m].isdigit()]
    if kind == 0 and digits:
        at = rng.choice(digits)
        return text[:at] + "9" * rng.choice([309, 400, 4301, 5000]) + text[at:]
    if kind == 1:
        return text[: rng.randrange(len(text))]
    if kind == 2 and digits:
        at = rng.choice(digits)
        return text[:at] + rng.choice(["NaN", "Infinity", "-Infinity", "1e999", "-0.0"]) \
            + text[at + 1:]
    if kind == 3:
        return text.replace('"name"', '"name": 1, "name"', 1)
    if kind == 4:
        return "[" * rng.choice([100, 1000, 10_000]) + text
    return text.replace('"x"', rng.choice(['"\\ud800"', '"\\u0000"', '"x\\n"', '""']), 1)


def damaged(data: bytes, rng: random.Random) -> bytes:
    """`data` (a weights archive) with a few bytes overwritten, inserted or cut off."""
    out = bytearray(data)
    for _ in range(rng.choice([1, 2, 5, 20])):
        at = rng.randrange(max(len(out), 1))
        kind = rng.randrange(4)
        if kind == 0:
            out[at:at + 1] = bytes([rng.randrange(256)])
        elif kind == 1:
            del out[at:]
        elif kind == 2:
            out[at:at + 4] = rng.randbytes(4)
        else:
            out[at:at] = rng.randbytes(rng.randrange(1, 50))
    return bytes(out)


def exercise(build: Callable[[], Design], steps: int = 2) -> BaseException | None:
    """Load a design with `build`, build its network and train a few steps; the exception that
    is not a DesignError (nor a divergence while training), or None."""
    try:
        design = build()
        build_network(design)
        build_network(design, dtype=np.float64)
        trainer = Trainer(design)
        for _ in range(steps):
            if not math.isfinite(trainer.step()):
                break
    except (DesignError, TrainingDiverged):
        return None
    except Exception as exc:
        return exc
    return None
