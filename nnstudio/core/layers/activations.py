"""Element-wise non-linearities: the functions themselves and the nodes that apply them.

`make_activation` returns a small stateful object: ``forward(z, training) -> y`` remembers what
``backward(dL/dy) -> dL/dz`` needs. Arrays keep their shape and dtype. With ``inplace=True`` the
forward may overwrite `z` (for callers that own a fresh `z`, like Dense); backward never
modifies its argument.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer
from nnstudio.core.spec import ACTIVATIONS, LabelWords, NodeType, ParamSpec

#: activations a loss can fuse with (it then wants the values before them, the logits)
FUSABLE = frozenset({"sigmoid", "softmax"})


class Activation:
    """The identity, and the base of every activation function."""

    name = "linear"

    def __init__(self, inplace: bool = False):
        self.inplace = inplace

    def _out(self, z: np.ndarray) -> np.ndarray | None:
        """Where forward writes: `z` itself when in place, else a new array (None)."""
        return z if self.inplace else None

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        return z

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad


class ReLUFunction(Activation):
    name = "relu"

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        self.y = np.maximum(z, 0, out=self._out(z))
        return self.y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad * (self.y > 0)


class LeakyReLUFunction(Activation):
    """x if x > 0 else slope·x, for 0 ≤ slope ≤ 1 (torch: the gradient at 0 is the slope)."""

    name = "leaky_relu"

    def __init__(self, negative_slope: float = 0.01, inplace: bool = False):
        super().__init__(inplace)
        self.slope = float(negative_slope)

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        self.y = np.maximum(z, z * self.slope, out=self._out(z))
        return self.y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        d = np.multiply(self.y > 0, 1.0 - self.slope, dtype=grad.dtype)
        d += self.slope
        d *= grad
        return d


class SigmoidFunction(Activation):
    name = "sigmoid"

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        y = np.negative(z, out=self._out(z))
        with np.errstate(over="ignore"):  # exp(-z) = inf gives exactly 0
            np.exp(y, out=y)
        y += 1
        self.y = np.reciprocal(y, out=y)
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        d = np.subtract(1, self.y)
        d *= self.y
        d *= grad
        return d


class TanhFunction(Activation):
    name = "tanh"

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        self.y = np.tanh(z, out=self._out(z))
        return self.y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        d = np.square(self.y)
        np.subtract(1, d, out=d)
        d *= grad
        return d


class SoftmaxFunction(Activation):
    """exp(z) / Σ exp(z) over axis 1 (the features, or the channels of an image)."""

    name = "softmax"

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        y = np.subtract(z, z.max(axis=1, keepdims=True), out=self._out(z))
        np.exp(y, out=y)
        y /= y.sum(axis=1, keepdims=True)
        self.y = y
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        gy = grad * self.y
        d = np.subtract(grad, gy.sum(axis=1, keepdims=True))
        d *= self.y
        return d


class ELUFunction(Activation):
    """x if x > 0 else α·(eˣ − 1)."""

    name = "elu"

    def __init__(self, alpha: float = 1.0, inplace: bool = False):
        super().__init__(inplace)
        self.alpha = float(alpha)

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        neg = np.minimum(z, 0)
        np.expm1(neg, out=neg)
        neg *= self.alpha
        self.neg = neg  # α·(eᶻ − 1) where z ≤ 0, else 0
        y = np.maximum(z, 0, out=self._out(z))
        y += neg
        self.y = y
        return y

    def backward(self, grad: np.ndarray) -> np.ndarray:
        # dy/dz = 1 where z > 0, else α·eᶻ = neg + α
        d = np.multiply(self.y > 0, 1.0 - self.alpha, dtype=grad.dtype)
        d += self.neg
        d += self.alpha
        d *= grad
        return d


class StepFunction(Activation):
    """1 where z > 0 else 0; the gradient is zero everywhere."""

    name = "step"

    def forward(self, z: np.ndarray, training: bool) -> np.ndarray:
        return (z > 0).astype(z.dtype)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return np.zeros_like(grad)


_FUNCTIONS: dict[str, type[Activation]] = {
    cls.name: cls
    for cls in (
        Activation, ReLUFunction, LeakyReLUFunction, SigmoidFunction, TanhFunction,
        SoftmaxFunction, ELUFunction, StepFunction,
    )
}


def make_activation(name: str, **kw) -> Activation:
    """A new activation object; `kw` may hold negative_slope (leaky_relu), alpha (elu), inplace."""
    try:
        cls = _FUNCTIONS[name]
    except KeyError:
        raise ValueError(
            f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}"
        ) from None
    return cls(**kw)


class ActivationLayer(Layer[np.ndarray]):
    """A node applying one activation function; shapes pass through unchanged."""

    activation: ClassVar[str]

    def __init__(self, node_id: str, **params):
        super().__init__(node_id, **params)
        self.function = make_activation(self.activation, **params)

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        return self.function.forward(x, training)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return self.function.backward(grad)


class FusableActivationLayer(ActivationLayer):
    """An activation a loss may fuse with: it keeps its input as the logits."""

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        self._x = x
        return self.function.forward(x, training)

    @property
    def logits(self) -> np.ndarray:
        return self._x

    def backward_from_logits(self, grad: np.ndarray) -> np.ndarray:
        return grad


class ReLU(ActivationLayer):
    activation = "relu"


class LeakyReLU(ActivationLayer):
    activation = "leaky_relu"


class Sigmoid(FusableActivationLayer):
    activation = "sigmoid"
    final_activation = "sigmoid"


class Tanh(ActivationLayer):
    activation = "tanh"


class Softmax(FusableActivationLayer):
    activation = "softmax"
    final_activation = "softmax"


class ELU(ActivationLayer):
    activation = "elu"


class Step(ActivationLayer):
    activation = "step"


class Linear(ActivationLayer):
    activation = "linear"


def _act(layer: type[ActivationLayer], summary: str, help_: str, *params: ParamSpec,
         label: LabelWords | None = None) -> NodeType:
    return NodeType(layer.__name__, groups.ACTIVATIONS, summary, help_, params, layer,
                    activation=layer.activation, label=label, preserves_shape=True)


NODE_TYPES = (
    _act(ReLU, "max(0, x).",
         "Rectified linear unit: passes positives, zeroes negatives. Does not saturate for "
         "positive inputs, so gradients flow through deep networks."),
    _act(LeakyReLU, "x if x > 0, else slope·x.",
         "Like ReLU but lets a small gradient through for negative inputs, so units cannot die.",
         ParamSpec("negative_slope", "float", 0.01, 0.0, 1.0,
                   help="Slope for negative inputs."),
         label=lambda p: [f"{p['negative_slope']:g}"]),
    _act(Sigmoid, "1 / (1 + e^−x), between 0 and 1.",
         "The classic squashing function. Saturates at 0 and 1, where its gradient vanishes: "
         "the reason deep sigmoid networks learn slowly."),
    _act(Tanh, "tanh(x), between −1 and 1.",
         "A zero-centred sigmoid. Still saturates, but usually trains better than sigmoid."),
    _act(Softmax, "Turns scores into probabilities that sum to 1.",
         "exp(x_i) / Σ exp(x_j) over the features. Put it last in a classifier; with the "
         "cross-entropy loss it is fused for numerical stability."),
    _act(ELU, "x if x > 0, else α·(e^x − 1).",
         "Exponential linear unit: smooth, negative outputs push mean activations to zero.",
         ParamSpec("alpha", "float", 1.0, 0.0, 100.0, help="Value approached for large "
                   "negative inputs (−α).")),
    _act(Step, "1 if x > 0, else 0: the perceptron's threshold.",
         "Rosenblatt's threshold unit. Its gradient is zero everywhere, which is exactly why "
         "backpropagation needed smooth activations."),
    _act(Linear, "The identity: y = x.",
         "Passes values through unchanged. Useful as a named point in a graph."),
)
