"""What the sequence panels draw: each recurrent node's hidden state at every time step, and an
LSTM's gate activations.

Pure functions of a `Network` (NumPy only, never Qt), with the rules of `core.probes`: they run
one forward pass with ``training=False`` (call them between training steps, never between a
forward and its backward) and return fresh read-only arrays in the network's dtype.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.layers.sequence import LSTM, Recurrent
from nnstudio.core.network import Network
from nnstudio.core.readonly import read_only


def recurrent_layers(network: Network) -> dict[str, Recurrent]:
    """The RNN and LSTM nodes' layers by node id, in topological order."""
    return {nid: layer for nid in network.order
            if isinstance(layer := network.layers[nid], Recurrent)}


def hidden_states(network: Network, x: np.ndarray) -> dict[str, np.ndarray]:
    """{node id: h (N, T, units)} of every RNN/LSTM node for the samples x (N, *input shape):
    the hidden state after each time step (row t is hₜ)."""
    network.forward(x, training=False)
    return {nid: read_only(layer.hidden_states.copy())
            for nid, layer in recurrent_layers(network).items()}


def lstm_gates(network: Network, x: np.ndarray) -> dict[str, dict[str, np.ndarray]]:
    """{LSTM node id: {"input", "forget", "cell", "output": (N, T, units)}} for the samples x:
    the gates i, f (sigmoids, 0 … 1), the candidate g (tanh, −1 … 1) and o at each step."""
    network.forward(x, training=False)
    gates = {}
    for nid, layer in recurrent_layers(network).items():
        if isinstance(layer, LSTM):
            a, n = layer.gate_activations, layer.units
            gates[nid] = {name: read_only(a[..., k * n:(k + 1) * n].copy())
                          for k, name in enumerate(("input", "forget", "cell", "output"))}
    return gates
