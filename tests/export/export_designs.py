"""Small designs the export tests reproduce: an MLP with BatchNorm and Dropout, a CNN with
padding, stride and both pools, a residual network with Add and Concatenate, recurrent networks
(LSTM, Dense on every step, RNN; Embedding, RNN on characters)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from nnstudio import Design, Trainer


def _design(name: str, nodes: list[dict[str, Any]], edges: list[list[str]],
            data: dict[str, Any], **training: Any) -> Design:
    for i, node in enumerate(nodes):
        node.setdefault("params", {})
        node["pos"] = [100 * i, 0]
    return Design.from_dict({
        "format": "nnstudio-design", "version": 1, "name": name,
        "network": {"nodes": nodes, "edges": edges}, "data": data,
        "training": {"loss": "softmax_cross_entropy", "optimizer": {"type": "adam", "lr": 0.01},
                     "batch_size": 16, "epochs": 3, "seed": 0, **training},
    })


def _chain(*ids: str) -> list[list[str]]:
    return [[a, b] for a, b in itertools.pairwise(ids)]


SPIRAL = {"source": "toy2d", "name": "spiral", "samples": 120, "noise": 0.1,
          "validation": 0.25, "test": 0.1, "standardize": True, "seed": 1}
DIGITS = {"source": "builtin", "name": "digits", "validation": 0.2, "standardize": True,
          "seed": 1}


def mlp_batchnorm_dropout() -> Design:
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [2]}},
        {"id": "h1", "type": "Dense", "params": {"units": 12, "activation": "relu", "l2": 0.01}},
        {"id": "bn", "type": "BatchNorm", "params": {"momentum": 0.2, "eps": 1e-3}},
        {"id": "drop", "type": "Dropout", "params": {"rate": 0.3}},
        {"id": "h2", "type": "Dense", "params": {"units": 8, "activation": "tanh", "l1": 0.001}},
        {"id": "act", "type": "LeakyReLU", "params": {"negative_slope": 0.1}},
        {"id": "out", "type": "Dense", "params": {"units": 2, "activation": "softmax"}},
    ]
    return _design("MLP with BatchNorm and Dropout", nodes,
                   _chain("x", "h1", "bn", "drop", "h2", "act", "out"), SPIRAL)


def cnn_padding_stride_pools() -> Design:
    nodes = [
        {"id": "img", "type": "Input", "params": {"shape": [1, 8, 8]}},
        {"id": "c1", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3,
                                                 "padding": "same", "activation": "elu"}},
        {"id": "bn", "type": "BatchNorm"},
        {"id": "p1", "type": "MaxPool2D", "params": {"pool_size": 3, "stride": 2,
                                                    "padding": 1}},
        {"id": "c2", "type": "Conv2D", "params": {"filters": 6, "kernel_size": [2, 3],
                                                 "stride": [1, 2], "padding": [1, 1]}},
        {"id": "r", "type": "ReLU"},
        {"id": "p2", "type": "AvgPool2D", "params": {"pool_size": 2, "padding": "same"}},
        {"id": "flat", "type": "Flatten"},
        {"id": "out", "type": "Dense", "params": {"units": 10}},
        {"id": "sm", "type": "Softmax"},
    ]
    return _design("CNN with padding, stride and both pools", nodes,
                   _chain("img", "c1", "bn", "p1", "c2", "r", "p2", "flat", "out", "sm"), DIGITS,
                   batch_size=64, epochs=1)


def residual_add_concatenate() -> Design:
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [2]}},
        {"id": "stem", "type": "Dense", "params": {"units": 8, "activation": "tanh"}},
        {"id": "a", "type": "Dense", "params": {"units": 8, "activation": "relu"}},
        {"id": "b", "type": "Dense", "params": {"units": 8}},
        {"id": "sum", "type": "Add"},
        {"id": "side", "type": "Dense", "params": {"units": 4, "activation": "sigmoid"}},
        {"id": "join", "type": "Concatenate", "params": {"axis": -1}},
        {"id": "st", "type": "Step"},
        {"id": "lin", "type": "Linear"},
        {"id": "out", "type": "Dense", "params": {"units": 2}},
    ]
    edges = [["x", "stem"], ["stem", "a"], ["a", "b"], ["b", "sum"], ["stem", "sum"],
             ["stem", "side"], ["stem", "st"], ["sum", "join"], ["side", "join"],
             ["st", "join"], ["join", "lin"], ["lin", "out"]]
    return _design("Residual network with Add and Concatenate", nodes, edges, SPIRAL,
                   optimizer={"type": "momentum", "lr": 0.05})


def lstm_rnn_sequence() -> Design:
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [6, 3]}},
        {"id": "lstm", "type": "LSTM", "params": {"units": 5, "return_sequences": True}},
        {"id": "step", "type": "Dense", "params": {"units": 4, "activation": "tanh"}},
        {"id": "rnn", "type": "RNN", "params": {"units": 4, "activation": "relu",
                                                "use_bias": False}},
        {"id": "out", "type": "Dense", "params": {"units": 2, "activation": "softmax"}},
    ]
    data = {"source": "sequence", "name": "first_last", "samples": 120, "length": 6,
            "symbols": 3, "validation": 0.25, "seed": 1}
    return _design("LSTM, Dense on every step, RNN", nodes,
                   _chain("x", "lstm", "step", "rnn", "out"), data)


def embedding_rnn_characters() -> Design:
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [8]}},
        {"id": "emb", "type": "Embedding", "params": {"num_embeddings": VOCABULARY,
                                                      "embedding_dim": 5}},
        {"id": "rnn", "type": "RNN", "params": {"units": 6, "return_sequences": True}},
        {"id": "flat", "type": "Flatten"},
        {"id": "out", "type": "Dense", "params": {"units": VOCABULARY}},
    ]
    data = {"source": "text", "name": "rhymes_en", "length": 8, "stride": 16,
            "validation": 0.2, "seed": 1}
    return _design("Embedding and RNN on characters", nodes,
                   _chain("x", "emb", "rnn", "flat", "out"), data)


#: the characters of the bundled rhymes_en text (the text source's classes)
VOCABULARY = 40

DESIGNS = {
    "mlp": mlp_batchnorm_dropout,
    "cnn": cnn_padding_stride_pools,
    "residual": residual_add_concatenate,
    "lstm": lstm_rnn_sequence,
    "characters": embedding_rnn_characters,
}


def trained_reference(design: Design, steps: int = 5) -> tuple[Any, np.ndarray, np.ndarray]:
    """(the network after a few training steps, a batch of inputs, nnstudio's inference
    output on it), so running statistics and weights are not their initial values."""
    trainer = Trainer(design)
    for _ in range(steps):
        trainer.step()
    net = trainer.network
    if "Embedding" in net.analysis.types.values():  # ids, not measurements
        x = np.array(trainer.samples("validation")[0][:9], dtype=np.float32)
    else:
        x = np.random.default_rng(3).standard_normal((9, *net.input_shape)).astype(np.float32)
    return net, x, net.forward(x, training=False)

