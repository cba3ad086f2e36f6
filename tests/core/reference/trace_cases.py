"""Small networks a trace is checked on, every node type among them, branches included.

Plain NumPy: `make_trace_reference.py` (with torch) and `tests/core/test_trace*.py` (without)
build the same float64 networks, parameters and batches from here.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.core.network import Network

FIXTURE = Path(__file__).resolve().parent / "trace.npz"


def _node(nid: str, type_: str, **params: Any) -> dict[str, Any]:
    return {"id": nid, "type": type_, "params": params}


@dataclass(frozen=True)
class TraceCase:
    """A network, a loss and a batch of `n` samples. targets: "classes:K" (integer labels),
    "binary" (0/1 column) or "values:D" (regression)."""

    name: str
    nodes: list[dict[str, Any]]
    edges: list[list[str]]
    loss: str
    n: int
    targets: str

    def rng(self, what: str) -> np.random.Generator:
        return np.random.default_rng(zlib.crc32(f"{self.name}/{what}".encode()))

    def network(self) -> Network:
        """The float64 network with every parameter drawn afresh (biases not zero)."""
        net = Network(self.nodes, self.edges, dtype=np.float64, seed=0)
        rng = self.rng("params")
        for p in net.parameters():
            v = rng.standard_normal(p.value.shape)
            p.value[...] = v * 0.3 + 1.0 if p.name.endswith(".gamma") else v * 0.6
        return net

    def batch(self) -> tuple[np.ndarray, np.ndarray]:
        """x (n, *input_shape) and the targets as `losses.compute_loss` takes them."""
        rng = self.rng("batch")
        shape = self.nodes[0]["params"]["shape"]
        x = rng.standard_normal((self.n, *shape))
        embedding = next((n for n in self.nodes if n["type"] == "Embedding"), None)
        if embedding is not None:
            x = rng.integers(0, embedding["params"]["num_embeddings"], x.shape).astype(float)
        kind, _, size = self.targets.partition(":")
        if kind == "classes":
            return x, rng.integers(0, int(size), self.n)
        if kind == "binary":
            return x, rng.integers(0, 2, (self.n, 1)).astype(np.float64)
        return x, rng.standard_normal((self.n, int(size)))


def _chain(*nodes: dict[str, Any]) -> list[list[str]]:
    return [[a["id"], b["id"]] for a, b in itertools.pairwise(nodes)]


def _case(name: str, nodes: list[dict[str, Any]], loss: str, n: int, targets: str,
          extra_edges: list[list[str]] | None = None) -> TraceCase:
    return TraceCase(name, nodes, extra_edges if extra_edges is not None else _chain(*nodes),
                     loss, n, targets)


_MLP = [_node("x", "Input", shape=[3]),
        _node("h", "Dense", units=4, activation="tanh", l2=0.1),
        _node("out", "Dense", units=3, activation="softmax", l1=0.05)]

_BRANCHES = [_node("x", "Input", shape=[4]),
             _node("a", "Dense", units=5, activation="relu"),
             _node("b", "Dense", units=5, activation="sigmoid"),
             _node("sum", "Add"),
             _node("c", "Dense", units=3, activation="elu"),
             _node("cat", "Concatenate"),
             _node("out", "Dense", units=2)]
_BRANCH_EDGES = [["x", "a"], ["x", "b"], ["a", "sum"], ["b", "sum"], ["sum", "c"],
                 ["c", "cat"], ["a", "cat"], ["cat", "out"]]

_CNN = [_node("x", "Input", shape=[1, 6, 6]),
        _node("c1", "Conv2D", filters=2, padding=1, activation="relu"),
        _node("p1", "MaxPool2D"),
        _node("c2", "Conv2D", filters=3, kernel_size=2, activation="leaky_relu"),
        _node("p2", "AvgPool2D", pool_size=2),
        _node("f", "Flatten"),
        _node("bn", "BatchNorm"),
        _node("out", "Dense", units=3)]

_ACTIVATIONS = [_node("x", "Input", shape=[4]),
                _node("d1", "Dense", units=6),
                _node("lr", "LeakyReLU", negative_slope=0.2),
                _node("sg", "Sigmoid"),
                _node("d2", "Dense", units=5),
                _node("el", "ELU", alpha=0.7),
                _node("th", "Tanh"),
                _node("li", "Linear"),
                _node("re", "ReLU"),
                _node("dr", "Dropout", rate=0.5),
                _node("out", "Dense", units=1, activation="sigmoid")]

_STEP_SOFTMAX = [_node("x", "Input", shape=[3]),
                 _node("d", "Dense", units=4),
                 _node("st", "Step"),
                 _node("e", "Dense", units=4, activation="step"),
                 _node("keep", "Dense", units=3),
                 _node("cat", "Concatenate"),
                 _node("o", "Dense", units=3),
                 _node("out", "Softmax")]
_STEP_EDGES = [["x", "d"], ["d", "st"], ["x", "e"], ["x", "keep"], ["st", "cat"],
               ["e", "cat"], ["keep", "cat"], ["cat", "o"], ["o", "out"]]

_SEQUENCES = [_node("x", "Input", shape=[4, 2]),
              _node("rnn", "RNN", units=3),
              _node("lstm", "LSTM", units=3, return_sequences=True),
              _node("last", "RNN", units=2, activation="relu"),
              _node("cat", "Concatenate"),
              _node("out", "Dense", units=2)]
_SEQUENCE_EDGES = [["x", "rnn"], ["x", "lstm"], ["lstm", "last"], ["rnn", "cat"],
                   ["last", "cat"], ["cat", "out"]]

#: word ids arrive as numbers: the batch is rounded into the vocabulary (see `batch`)
_WORDS = [_node("x", "Input", shape=[3]),
          _node("emb", "Embedding", num_embeddings=5, embedding_dim=2),
          _node("f", "Flatten"),
          _node("out", "Dense", units=2, activation="softmax")]

CASES: list[TraceCase] = [
    _case("mlp-softmax-ce-penalties", _MLP, "cross_entropy", 2, "classes:3"),
    _case("branches-add-concat-mse", _BRANCHES, "mse", 3, "values:2", _BRANCH_EDGES),
    _case("cnn-batchnorm-hinge", _CNN, "hinge", 4, "classes:3"),
    _case("activations-dropout-bce", _ACTIVATIONS, "binary_cross_entropy", 3, "binary"),
    _case("step-softmax-node-ce", _STEP_SOFTMAX, "cross_entropy", 2, "classes:3",
          _STEP_EDGES),
    _case("rnn-lstm-branches-mse", _SEQUENCES, "mse", 2, "values:2", _SEQUENCE_EDGES),
    _case("embedding-ce", _WORDS, "cross_entropy", 3, "classes:2"),
    _case("one-sample-mse", [*_MLP[:2], _node("out", "Dense", units=2)], "mse", 1,
          "values:2"),
]
