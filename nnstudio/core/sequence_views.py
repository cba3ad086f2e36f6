"""What the sequence panels draw, computed in the training thread: the hidden states (and an
LSTM's gates) of a few held-out sequences, step by step, and a next-value task's predictions
against the true values. NumPy only; no Qt.

Panels choose among the first `SAMPLES` held-out sequences themselves, so choosing one needs
no command to the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnstudio.core import sequence_probes
from nnstudio.core.network import Network
from nnstudio.core.readonly import read_only

#: the held-out sequences whose hidden states every snapshot carries (the chooser's range)
SAMPLES = 8
#: the next-value sequences drawn as curves, and the most samples in predicted vs true
CURVES = 4
MAX_POINTS = 500
#: the splits read, by preference: held-out sequences first
HELD_OUT = ("validation", "test", "train")
#: an LSTM's gates, in torch's order i, f, g, o (`sequence_probes.lstm_gates`' names)
GATES = ("input", "forget", "cell", "output")


@dataclass(frozen=True, eq=False)
class RecurrentStates:
    """One RNN/LSTM node's hidden state at every step, hidden (S, T, units), and for an LSTM
    its gates' activations, gates {GATES[k]: (S, T, units)} (else None)."""

    node: str
    type: str
    hidden: np.ndarray
    gates: dict[str, np.ndarray] | None


@dataclass(frozen=True, eq=False)
class SequenceStates:
    """The first S ≤ SAMPLES sequences of `split`: inputs (S, T, F) or ids (S, T) as the
    network takes them, targets (S, …) their labels or values, outputs (S, *output_shape) the
    network's, and every recurrent node's states in topological order."""

    split: str
    inputs: np.ndarray
    targets: np.ndarray
    outputs: np.ndarray
    layers: tuple[RecurrentStates, ...]


@dataclass(frozen=True, eq=False)
class NextValues:
    """A next-value task on `split`: curves (k, T) the first feature of its first k ≤ CURVES
    sequences, true and predicted (n,) the next value of its first n ≤ MAX_POINTS ones (the
    curves' first)."""

    split: str
    curves: np.ndarray
    true: np.ndarray
    predicted: np.ndarray


def recurrent_nodes(network: Network) -> list[str]:
    """The RNN and LSTM nodes, in topological order."""
    return list(sequence_probes.recurrent_layers(network))


def held_out(samples: Callable[[str], tuple[np.ndarray, np.ndarray]],
             split_order: tuple[str, ...] = HELD_OUT
             ) -> tuple[str, np.ndarray, np.ndarray] | None:
    """(split, x, y) of the first split in `split_order` with samples, `samples(split)`
    giving (x, y) (Trainer.samples); None when every split is empty."""
    for split in split_order:
        x, y = samples(split)
        if len(x):
            return split, x, y
    return None


def _frozen(a: np.ndarray) -> np.ndarray:
    """A read-only copy: the layers' buffers are overwritten by the next step."""
    return read_only(np.array(a))


def _states(network: Network, x: np.ndarray
            ) -> dict[str, tuple[np.ndarray, dict[str, np.ndarray] | None]]:
    """The one place that reads the recurrent layers (`core.sequence_probes`): each RNN/LSTM
    node's (hidden (N, T, units), gates {name: (N, T, units)} or None)."""
    hidden = sequence_probes.hidden_states(network, x)
    gates = sequence_probes.lstm_gates(network, x)
    return {nid: (h, gates.get(nid)) for nid, h in hidden.items()}


def sequence_states(network: Network, split: str, x: np.ndarray, y: np.ndarray
                    ) -> SequenceStates | None:
    """The hidden states of the first SAMPLES sequences x (n, T, …) with targets y; None when
    the network has no recurrent node or x is empty."""
    if not recurrent_nodes(network) or not len(x):
        return None
    x, y = x[:SAMPLES], y[:SAMPLES]
    layers = tuple(RecurrentStates(nid, network.analysis.types[nid], hidden, gates)
                   for nid, (hidden, gates) in _states(network, x).items())
    outputs = _frozen(network.forward(x, training=False))
    return SequenceStates(split, _frozen(x), _frozen(y), outputs, layers)


def predicts_next_value(network: Network) -> bool:
    """A network from sequences (T, F) to one value per sample: a next-value model."""
    return len(network.input_shape) == 2 and network.output_shape == (1,)


def next_values(network: Network, split: str, x: np.ndarray, y: np.ndarray) -> NextValues:
    """x (n, T, F) sequences, y (n, 1) their next values → the first MAX_POINTS predicted."""
    x, y = x[:MAX_POINTS], np.asarray(y[:MAX_POINTS]).reshape(-1)
    predicted = network.forward(x, training=False).reshape(-1)
    return NextValues(split, _frozen(x[:CURVES, :, 0]), _frozen(y), _frozen(predicted))
