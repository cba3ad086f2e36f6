"""The fully connected layer, and the base it shares with Conv2D (weights, bias, activation)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from nnstudio.core.initializers import initialize
from nnstudio.core.layers import groups
from nnstudio.core.layers.activations import FUSABLE, make_activation
from nnstudio.core.layers.base import Layer, Shape, ShapeError, allocated
from nnstudio.core.parameter import Parameter
from nnstudio.core.spec import NodeType, weighted_params


@lru_cache(maxsize=32)
def _ones(n: int, dtype: np.dtype) -> np.ndarray:
    ones = np.ones(n, dtype)
    ones.flags.writeable = False
    return ones


def column_sum(g: np.ndarray) -> np.ndarray:
    """Σ over the rows of `g` (rows, cols) as a fresh (cols,) array: a BLAS gemv, much faster
    than ``g.sum(axis=0)`` for narrow `g`."""
    return _ones(g.shape[0], g.dtype) @ g


class WeightedLayer(Layer[np.ndarray]):
    """An affine map ``z = x·W + b`` (or a convolution) followed by an activation.

    Subclasses implement `_affine(x) -> z` (a fresh array) and `_affine_backward(dL/dz) -> dL/dx`.
    When the activation is softmax or sigmoid the layer exposes `logits` (z) so a loss can fuse.
    """

    def __init__(
        self,
        node_id: str,
        *,
        activation: str = "linear",
        use_bias: bool = True,
        weight_init: str | dict = "auto",
        bias_init: str | dict = "zeros",
        l1: float = 0.0,
        l2: float = 0.0,
        **params,
    ):
        super().__init__(
            node_id, activation=activation, use_bias=use_bias, weight_init=weight_init,
            bias_init=bias_init, l1=l1, l2=l2, **params,
        )
        self.activation = activation
        self.use_bias = bool(use_bias)
        self.weight_init = weight_init
        self.bias_init = bias_init
        fusable = activation in FUSABLE
        self.final_activation = activation if fusable else None
        # z is a fresh array the layer owns, so the activation may overwrite it unless it is
        # needed afterwards as the logits
        self._act = make_activation(activation, inplace=not fusable)
        #: the number of outputs (units, filters): the length of b
        self.outputs = 0
        self.W: Parameter | None = None
        self.b: Parameter | None = None

    def _init_parameters(
        self, w_shape: Shape, fans: tuple[int, int], dtype: np.dtype, rng: np.random.Generator
    ) -> None:
        """Allocate W (`w_shape`) and, with use_bias, b (`outputs`,); `fans` = (in, out)."""
        self.parameters = []
        act = self.activation if self.activation != "linear" else self.init_hint
        w = initialize(self.weight_init, w_shape, *fans, act, rng, dtype)
        self.W = self.add_parameter("W", w)
        self.b = None
        if self.use_bias:
            spec = "zeros" if self.bias_init == "auto" else self.bias_init
            b = initialize(spec, (self.outputs,), *fans, act, rng, dtype)
            self.b = self.add_parameter("b", b)

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        z = self._affine(x)
        if self.final_activation is not None:
            self._z = z
        return self._act.forward(z, training)

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        return self._affine_backward(self._act.backward(grad))

    def backward_from_logits(self, grad: np.ndarray) -> np.ndarray | None:
        if self.final_activation is None:
            return super().backward_from_logits(grad)
        return self._affine_backward(grad)

    @property
    def logits(self) -> np.ndarray:
        if self.final_activation is None:
            return super().logits
        return self._z

    def _affine(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def _affine_backward(self, grad: np.ndarray) -> np.ndarray | None:
        raise NotImplementedError


class Dense(WeightedLayer):
    """``y = act(x @ W + b)``: x (N, in), W (in, units), b (units,), y (N, units); on a
    sequence x (N, T, in) it acts on the last axis, y (N, T, units), as torch.nn.Linear."""

    def __init__(self, node_id: str, units: int, **params):
        super().__init__(node_id, units=units, **params)
        self.units = self.outputs = int(units)

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        if len(shape) not in (1, 2):
            raise ShapeError(
                f"Dense needs a flat input of shape (features,), got {tuple(shape)}: "
                "add a Flatten before it"
            )
        return (*shape[:-1], self.units)

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        self.output_shape(*input_shapes)
        features = input_shapes[0][-1]
        shapes: dict[str, Shape] = {"W": (features, self.units)}
        if self.use_bias:
            shapes["b"] = (self.units,)
        return shapes

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        features = self.parameter_shapes(*input_shapes)["W"][0]
        self._init_parameters((features, self.units), (features, self.units), dtype, rng)

    def _affine(self, x: np.ndarray) -> np.ndarray:
        self._x = x if x.ndim == 2 else x.reshape(-1, x.shape[-1])
        z = self._x @ allocated(self.W).value
        if self.b is not None:
            z += self.b.value
        return z if x.ndim == 2 else z.reshape(*x.shape[:-1], self.units)

    def _affine_backward(self, grad: np.ndarray) -> np.ndarray | None:
        w = allocated(self.W)
        shape = grad.shape[:-1]
        g = grad if grad.ndim == 2 else grad.reshape(-1, self.units)
        w.accumulate(self._x.T @ g)
        if self.b is not None:
            self.b.accumulate(column_sum(g))
        if not self.needs_input_grad:
            return None
        dx = g @ w.value.T
        return dx if grad.ndim == 2 else dx.reshape(*shape, -1)


NODE_TYPES = (
    NodeType(
        "Dense", groups.CORE, "A fully connected layer: y = x·W + b.",
        "Every output is a weighted sum of every input plus a bias, then an optional "
        "activation. W has shape (inputs, units). The workhorse of the multilayer perceptron.",
        weighted_params("units", "Number of neurons (outputs).", 1_000_000),
        Dense, label=lambda p: [str(p["units"])],
        starter={"units": 8, "activation": "tanh"},
    ),
)
