"""Text from a character model: the next character drawn from softmax(logits / temperature)
with a seeded generator, one step at a time, on a copy of the network so that generating never
touches the network being trained. NumPy only; no Qt.

The model reads a window of T character ids (N, T) and gives scores (N, V) for the next one;
`generate` slides the window along what it has written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.core.network import Network

#: the temperatures a user may choose (the panel's slider spans them)
MIN_TEMPERATURE = 0.1
MAX_TEMPERATURE = 2.0


class UnknownCharacters(ValueError):
    """The seed text has characters the vocabulary lacks; `characters` lists them once each,
    in the order they first appear."""

    def __init__(self, characters: str):
        super().__init__(f"characters not in the vocabulary: {characters!r}")
        self.characters = characters


@dataclass(frozen=True, eq=False)
class ModelCopy:
    """A network's graph and a read-only copy of its weights, taken between two training steps;
    `build()` makes a private Network from them (each caller its own, so two jobs never share
    the arrays a forward pass writes into)."""

    nodes: tuple[dict[str, Any], ...]
    edges: tuple[tuple[str, str], ...]
    state: dict[str, np.ndarray]
    dtype: np.dtype

    def build(self) -> Network:
        network = Network(list(self.nodes), [list(e) for e in self.edges], dtype=self.dtype,
                          seed=None)
        network.load_state_dict(self.state)
        return network


def copy_network(network: Network) -> ModelCopy:
    """The graph (each node's resolved params) and a read-only copy of every weight and buffer."""
    a = network.analysis
    nodes = tuple({"id": nid, "type": a.types[nid], "params": dict(network.layers[nid].config)}
                  for nid in network.order)
    edges = tuple((src, nid) for nid in network.order for src in a.inputs[nid])
    state = network.state_dict()
    for array in state.values():
        array.setflags(write=False)
    return ModelCopy(nodes, edges, state, network.dtype)


def reads_ids(network: Network) -> bool:
    """Whether the network reads a window of ids (N, T) and scores every id (N, V)."""
    return len(network.input_shape) == 1 and len(network.output_shape) == 1


def softmax_with_temperature(logits: np.ndarray, temperature: float) -> np.ndarray:
    """logits (V,) → probabilities (V,) float64 of softmax(logits / temperature): low
    temperatures sharpen towards the most likely id, high ones flatten towards uniform."""
    if not temperature > 0:
        raise ValueError(f"the temperature must be positive, got {temperature}")
    z = np.asarray(logits, dtype=np.float64) / temperature
    z = np.exp(z - z.max())
    return z / z.sum()


def encode(text: str, vocabulary: Sequence[str]) -> np.ndarray:
    """The ids (len(text),) int64 of text's characters; UnknownCharacters if some are not in
    the vocabulary."""
    index = {ch: i for i, ch in enumerate(vocabulary)}
    unknown = "".join(dict.fromkeys(ch for ch in text if ch not in index))
    if unknown:
        raise UnknownCharacters(unknown)
    return np.array([index[ch] for ch in text], dtype=np.int64)


def generate(network: Network, seed_ids: Sequence[int] | np.ndarray, length: int,
             temperature: float, seed: int, pad_id: int = 0) -> np.ndarray:
    """`length` ids (length,) int64 written after `seed_ids` by `network` (which reads windows
    (1, T) of ids and scores the next id), each drawn from softmax(scores / temperature) with
    numpy's generator seeded by `seed`. A seed shorter than T is padded on the left with
    `pad_id`; only its last T ids are read."""
    if not reads_ids(network):
        raise ValueError(f"generating text needs a network from ids (N, T) to scores (N, V), "
                         f"this one maps {network.input_shape} to {network.output_shape}")
    if length < 0:
        raise ValueError(f"the length must not be negative, got {length}")
    (window,) = network.input_shape
    rng = np.random.default_rng(seed)
    seed_ids = np.asarray(seed_ids, dtype=np.int64)[-window:]
    context = np.full(window, pad_id, dtype=network.dtype)
    if len(seed_ids):
        context[-len(seed_ids):] = seed_ids
    out = np.empty(length, dtype=np.int64)
    for k in range(length):
        scores = network.forward(context[None], training=False)
        if network.final_activation == "softmax":
            scores = network.logits()
        p = softmax_with_temperature(scores[0], temperature)
        out[k] = rng.choice(len(p), p=p)
        context[:-1] = context[1:]
        context[-1] = out[k]
    return out
