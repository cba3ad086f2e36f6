"""Sequence nodes: Embedding (ids → vectors), RNN and LSTM (torch.nn.RNN/LSTM numerics).

Sequences are batch-first at the layer boundary, x (N, T, F). The recurrent layers work
time-major inside: the input's contribution x·W for every step is one matmul before the loop,
the loop over time does one (N, units)·U matmul per step into preallocated buffers, and
backpropagation through time runs over the whole sequence. Each keeps its last forward's hidden
states (and the LSTM its gates) for `nnstudio.core.sequence_probes`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import numpy as np

from nnstudio.core.initializers import initialize
from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape, ShapeError, allocated
from nnstudio.core.layers.dense import column_sum
from nnstudio.core.parameter import Parameter
from nnstudio.core.spec import INIT_HELP, NodeType, ParamSpec

#: torch.nn.Embedding's initialisation: N(0, 1)
TORCH_EMBEDDING_INIT = MappingProxyType({"type": "normal", "std": 1.0})


def _fmt(shape: Shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


class Embedding(Layer[np.ndarray]):
    """ids (N, T) → W[ids] (N, T, D); W (num_embeddings, D). Ids arrive as numbers (the
    network's dtype) and must be whole and in 0 … num_embeddings − 1."""

    def __init__(self, node_id: str, num_embeddings: int, embedding_dim: int,
                 weight_init: str | dict | None = None):
        if weight_init is None:
            weight_init = dict(TORCH_EMBEDDING_INIT)
        super().__init__(node_id, num_embeddings=num_embeddings, embedding_dim=embedding_dim,
                         weight_init=weight_init)
        self.num_embeddings = int(num_embeddings)
        self.embedding_dim = int(embedding_dim)
        self.weight_init = weight_init
        self.W: Parameter | None = None

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        if len(shape) != 1:
            raise ShapeError(
                f"Embedding needs ids of shape (time steps,) per sample, got {_fmt(shape)}")
        return (shape[0], self.embedding_dim)

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        self.output_shape(*input_shapes)
        return {"W": (self.num_embeddings, self.embedding_dim)}

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        shape = self.parameter_shapes(*input_shapes)["W"]
        self.parameters = []
        w = initialize(self.weight_init, shape, shape[0], shape[1], None, rng, dtype)
        self.W = self.add_parameter("W", w)

    def ids(self, x: np.ndarray) -> np.ndarray:
        """`x` as int64 ids; ValueError naming the first id that is not whole or in range."""
        ids = x.astype(np.int64)
        wrong = np.flatnonzero((ids != x).ravel())
        if wrong.size:
            raise ValueError(f"Embedding {self.id!r} needs whole-number ids, got "
                             f"{float(x.ravel()[wrong[0]]):g}")
        outside = np.flatnonzero(((ids < 0) | (ids >= self.num_embeddings)).ravel())
        if outside.size:
            raise ValueError(
                f"Embedding {self.id!r}: id {int(ids.ravel()[outside[0]])} is outside its "
                f"vocabulary of {self.num_embeddings} (ids 0 … {self.num_embeddings - 1})")
        return ids

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        self._ids = self.ids(x)
        self._x_shape = x.shape
        return allocated(self.W).value[self._ids]

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        w = allocated(self.W)
        dw = np.zeros_like(w.value)
        np.add.at(dw, self._ids.ravel(), grad.reshape(-1, self.embedding_dim))
        w.accumulate(dw)
        if not self.needs_input_grad:
            return None
        return np.zeros(self._x_shape, grad.dtype)  # ids have no gradient


class Recurrent(Layer[np.ndarray]):
    """What RNN and LSTM share: W (F, gates·units), U (units, gates·units), b (gates·units,),
    h₀ = 0, the last step's h or every step's (return_sequences)."""

    #: how many blocks of `units` columns W, U and b have (1 for RNN, 4 for LSTM)
    gates = 1

    def __init__(self, node_id: str, units: int, return_sequences: bool = False,
                 use_bias: bool = True, weight_init: str | dict = "auto",
                 bias_init: str | dict = "zeros", **params: Any):
        super().__init__(node_id, units=units, return_sequences=return_sequences,
                         use_bias=use_bias, weight_init=weight_init, bias_init=bias_init,
                         **params)
        self.units = int(units)
        self.return_sequences = bool(return_sequences)
        self.use_bias = bool(use_bias)
        self.weight_init = weight_init
        self.bias_init = bias_init
        self.W: Parameter | None = None
        self.U: Parameter | None = None
        self.b: Parameter | None = None
        #: the last forward's hidden states, time-major (T, N, units)
        self._h: np.ndarray | None = None

    #: the activation "auto" initialisation is chosen for
    init_activation = "tanh"

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        name = type(self).__name__
        if len(shape) != 2:
            raise ShapeError(
                f"{name} needs a sequence of shape (time steps, features) per sample, got "
                f"{_fmt(shape)}" + (": put an Embedding before it for ids" if len(shape) == 1
                                    else ""))
        return (shape[0], self.units) if self.return_sequences else (self.units,)

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        self.output_shape(*input_shapes)
        features = input_shapes[0][1]
        width = self.gates * self.units
        shapes: dict[str, Shape] = {"W": (features, width), "U": (self.units, width)}
        if self.use_bias:
            shapes["b"] = (width,)
        return shapes

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        shapes = self.parameter_shapes(*input_shapes)
        self.parameters = []
        act = self.init_activation
        features, width = shapes["W"]
        self.W = self.add_parameter(
            "W", initialize(self.weight_init, shapes["W"], features, width, act, rng, dtype))
        self.U = self.add_parameter(
            "U", initialize(self.weight_init, shapes["U"], self.units, width, act, rng, dtype))
        self.b = None
        if self.use_bias:
            spec = "zeros" if self.bias_init == "auto" else self.bias_init
            self.b = self.add_parameter(
                "b", initialize(spec, shapes["b"], features, width, act, rng, dtype))

    @property
    def hidden_states(self) -> np.ndarray:
        """The last forward's hidden state at every step, (N, T, units) (a view)."""
        if self._h is None:
            raise RuntimeError(f"{type(self).__name__} {self.id!r} has not run forward yet")
        return self._h.transpose(1, 0, 2)

    def _input_part(self, x: np.ndarray) -> np.ndarray:
        """x·W + b for every step at once, time-major (T, N, gates·units); keeps x (T, N, F)."""
        n, t, f = x.shape
        self._x = np.ascontiguousarray(x.transpose(1, 0, 2))
        xw = (self._x.reshape(t * n, f) @ allocated(self.W).value).reshape(t, n, -1)
        if self.b is not None:
            xw += self.b.value
        return xw

    def _output(self, h: np.ndarray) -> np.ndarray:
        self._h = h
        return h.transpose(1, 0, 2) if self.return_sequences else h[-1]

    def _grad_per_step(self, grad: np.ndarray) -> np.ndarray:
        """dL/dh from above for every step, time-major (T, N, units): zero except the last
        step unless return_sequences."""
        assert self._h is not None
        if self.return_sequences:
            return grad.transpose(1, 0, 2)
        dh = np.zeros_like(self._h)
        dh[-1] = grad
        return dh

    def _parameter_grads(self, dz: np.ndarray) -> np.ndarray | None:
        """Accumulate dW, dU, db from dL/dz (T, N, gates·units); dL/dx (N, T, F) or None."""
        assert self._h is not None
        t, n, width = dz.shape
        flat = dz.reshape(t * n, width)
        w, u = allocated(self.W), allocated(self.U)
        w.accumulate(self._x.reshape(t * n, -1).T @ flat)
        u.accumulate(self._h[:-1].reshape((t - 1) * n, self.units).T
                     @ dz[1:].reshape((t - 1) * n, width))
        if self.b is not None:
            self.b.accumulate(column_sum(flat))
        if not self.needs_input_grad:
            return None
        return (flat @ w.value.T).reshape(t, n, -1).transpose(1, 0, 2)


class RNN(Recurrent):
    """hₜ = act(xₜ·W + hₜ₋₁·U + b), act tanh or relu: x (N, T, F) → (N, units), or
    (N, T, units) with return_sequences."""

    def __init__(self, node_id: str, units: int, activation: str = "tanh", **params: Any):
        super().__init__(node_id, units, activation=activation, **params)
        if activation not in ("tanh", "relu"):
            raise ValueError(f"RNN activation must be tanh or relu, got {activation!r}")
        self.activation = activation
        self.init_activation = activation

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        h = self._input_part(x)  # z for every step, overwritten by h step by step
        u = allocated(self.U).value
        step = np.empty_like(h[0])
        for t in range(1, len(h)):
            # h[t - 1] is final when step t reads it
            self._activate(h[t - 1])
            np.matmul(h[t - 1], u, out=step)
            h[t] += step
        self._activate(h[-1])
        return self._output(h)

    def _activate(self, z: np.ndarray) -> None:
        if self.activation == "tanh":
            np.tanh(z, out=z)
        else:
            np.maximum(z, 0, out=z)

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        assert self._h is not None
        h = self._h
        dz = self._grad_per_step(grad).copy()  # dL/dh from above, becomes dL/dz in place
        u_t = allocated(self.U).value.T
        deriv = np.empty_like(h[0])
        carry = np.empty_like(h[0])
        for t in range(len(h) - 1, -1, -1):
            if self.activation == "tanh":
                np.multiply(h[t], h[t], out=deriv)
                np.subtract(1, deriv, out=deriv)
            else:
                np.greater(h[t], 0, out=deriv, casting="unsafe")
            dz[t] *= deriv
            if t:
                np.matmul(dz[t], u_t, out=carry)
                dz[t - 1] += carry
        return self._parameter_grads(dz)


class LSTM(Recurrent):
    """Gates in torch's order i, f, g, o: zₜ = xₜ·W + hₜ₋₁·U + b (N, 4·units);
    cₜ = f⊙cₜ₋₁ + i⊙g, hₜ = o⊙tanh(cₜ); x (N, T, F) → (N, units) or (N, T, units)."""

    gates = 4

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        a = self._input_part(x)  # z for every step, overwritten by the gates' activations
        u = allocated(self.U).value
        n = self.units
        steps = len(a)
        c = np.empty((*a.shape[:2], n), a.dtype)
        tanh_c = np.empty_like(c)
        h = np.empty_like(c)
        step = np.empty_like(a[0])
        fc = np.empty_like(c[0])
        for t in range(steps):
            z = a[t]
            if t:
                np.matmul(h[t - 1], u, out=step)
                z += step
            self._gate_activations(z, n)
            i, f, g, o = z[:, :n], z[:, n:2 * n], z[:, 2 * n:3 * n], z[:, 3 * n:]
            np.multiply(i, g, out=c[t])
            if t:
                np.multiply(f, c[t - 1], out=fc)
                c[t] += fc
            np.tanh(c[t], out=tanh_c[t])
            np.multiply(o, tanh_c[t], out=h[t])
        self._gates, self._c, self._tanh_c = a, c, tanh_c
        return self._output(h)

    @staticmethod
    def _gate_activations(z: np.ndarray, n: int) -> None:
        """z (N, 4n) in place: tanh on g, sigmoid(z) = ½·tanh(z/2) + ½ on i, f and o (no
        overflow, no temporary)."""
        g = z[:, 2 * n:3 * n]
        np.tanh(g, out=g)
        for block in (z[:, :2 * n], z[:, 3 * n:]):
            block *= 0.5
            np.tanh(block, out=block)
            block *= 0.5
            block += 0.5

    @property
    def gate_activations(self) -> np.ndarray:
        """The last forward's gates i, f, g, o after their activations, (N, T, 4·units)."""
        if self._h is None:
            raise RuntimeError(f"LSTM {self.id!r} has not run forward yet")
        return self._gates.transpose(1, 0, 2)

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        assert self._h is not None
        a, c, tanh_c, n = self._gates, self._c, self._tanh_c, self.units
        dh_all = self._grad_per_step(grad)
        u_t = allocated(self.U).value.T
        dz = np.empty_like(a)
        dh = np.empty_like(c[0])
        dc = np.zeros_like(c[0])
        tmp = np.empty_like(c[0])
        for t in range(len(a) - 1, -1, -1):
            i, f, g, o = a[t, :, :n], a[t, :, n:2 * n], a[t, :, 2 * n:3 * n], a[t, :, 3 * n:]
            di, df, dg, do = (dz[t, :, :n], dz[t, :, n:2 * n], dz[t, :, 2 * n:3 * n],
                              dz[t, :, 3 * n:])
            if t == len(a) - 1:
                dh[...] = dh_all[t]
            else:
                np.matmul(dz[t + 1], u_t, out=dh)
                dh += dh_all[t]
            # dL/do = dh·tanh(c); dL/dc += dh·o·(1 − tanh²(c))
            np.multiply(dh, tanh_c[t], out=do)
            np.multiply(tanh_c[t], tanh_c[t], out=tmp)
            np.subtract(1, tmp, out=tmp)
            tmp *= o
            tmp *= dh
            dc += tmp
            np.multiply(dc, g, out=di)
            np.multiply(dc, i, out=dg)
            if t:
                np.multiply(dc, c[t - 1], out=df)
            else:
                df[...] = 0
            dc *= f  # dL/dcₜ₋₁
            # through the activations: σ' = s(1 − s), tanh' = 1 − g²
            for d, s in ((di, i), (df, f), (do, o)):
                np.subtract(1, s, out=tmp)
                tmp *= s
                d *= tmp
            np.multiply(g, g, out=tmp)
            np.subtract(1, tmp, out=tmp)
            dg *= tmp
        return self._parameter_grads(dz)


_RECURRENT_HELP = "Numbers in the hidden state h (its outputs)."
_RETURN_SEQUENCES = ParamSpec(
    "return_sequences", "bool", False,
    help="Output the hidden state at every step (T, units), for another recurrent layer or a "
         "Dense on every step; else only the last step's (units,).")


def _recurrent_params(*extra: ParamSpec) -> tuple[ParamSpec, ...]:
    return (
        ParamSpec("units", "int", minimum=1, maximum=4096, help=_RECURRENT_HELP),
        *extra,
        _RETURN_SEQUENCES,
        ParamSpec("use_bias", "bool", True, help="Add a learned bias to every gate."),
        ParamSpec("weight_init", "init", "auto", help=INIT_HELP),
        ParamSpec("bias_init", "init", "zeros", help="How the biases start."),
    )


def _recurrent_label(p: dict[str, Any]) -> list[str]:
    """"16", or "16 ×T" when it returns every time step's state."""
    return [str(p["units"])] + (["×T"] if p["return_sequences"] else [])


NODE_TYPES = (
    NodeType(
        "Embedding", groups.SEQUENCE, "Looks up a learned vector for each id (word, character).",
        "Row k of the table W (num_embeddings, embedding_dim) is the vector of id k: ids "
        "(T,) become vectors (T, embedding_dim). Equivalent to a one-hot vector times W, "
        "without building the one-hot. word2vec's word vectors are such a table.",
        (ParamSpec("num_embeddings", "int", minimum=1, maximum=1_000_000,
                   help="Vocabulary size: ids run from 0 to num_embeddings − 1."),
         ParamSpec("embedding_dim", "int", minimum=1, maximum=4096,
                   help="Length of each vector."),
         ParamSpec("weight_init", "init", dict(TORCH_EMBEDDING_INIT),
                   help="How the vectors start (normal, std 1, as torch).")),
        Embedding, label=lambda p: [f"{p['num_embeddings']}→{p['embedding_dim']}"],
        starter={"num_embeddings": 32, "embedding_dim": 8},
    ),
    NodeType(
        "RNN", groups.SEQUENCE, "A recurrent layer: reads a sequence step by step.",
        "At each time step h_t = tanh(x_t·W + h_(t−1)·U + b), starting from h_0 = 0: the "
        "hidden state h carries what it has seen. Trained by backpropagation through time; "
        "gradients through many steps vanish or explode, so it forgets what came long ago.",
        _recurrent_params(ParamSpec("activation", "choice", "tanh", choices=("tanh", "relu"),
                                    help="Non-linearity of the hidden state: tanh or relu.")),
        RNN, label=_recurrent_label, starter={"units": 16},
    ),
    NodeType(
        "LSTM", groups.SEQUENCE, "A recurrent layer with gates that decide what to remember.",
        "Long short-term memory: a cell c_t = f⊙c_(t−1) + i⊙g carries information across "
        "steps, the forget gate f, input gate i and output gate o (sigmoids between 0 and 1) "
        "decide what is kept, written and shown: h_t = o⊙tanh(c_t). The cell lets gradients "
        "flow over many steps, so it remembers what a plain RNN forgets.",
        _recurrent_params(), LSTM, label=_recurrent_label, starter={"units": 16},
    ),
)
