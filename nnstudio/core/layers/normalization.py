"""Batch normalisation (torch.nn.BatchNorm1d / BatchNorm2d numerics)."""

from __future__ import annotations

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape, ShapeError, allocated
from nnstudio.core.layers.conv import channels_first, channels_last
from nnstudio.core.layers.dense import column_sum
from nnstudio.core.parameter import Parameter
from nnstudio.core.spec import NodeType, ParamSpec


class BatchNorm(Layer[np.ndarray]):
    """``y = γ·(x − μ)/√(σ² + eps) + β`` per feature of (N, C) or per channel of (N, C, H, W).

    Training normalises with the batch mean and biased variance and moves the running
    statistics: running = (1 − momentum)·running + momentum·batch, with the unbiased variance.
    Evaluation normalises with the running statistics. γ, β, running_mean, running_var: (C,).
    Internally every input is seen as a (rows, C) matrix (channels-last for images).
    """

    def __init__(self, node_id: str, momentum: float = 0.1, eps: float = 1e-5):
        super().__init__(node_id, momentum=momentum, eps=eps)
        self.momentum = float(momentum)
        self.eps = float(eps)
        self.gamma: Parameter | None = None
        self.beta: Parameter | None = None

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        if len(shape) not in (1, 3):
            raise ShapeError(
                "BatchNorm needs features (C,) or an image (C, H, W), got "
                f"{tuple(shape)}"
            )
        return shape

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        (shape,) = input_shapes
        channels = self.output_shape(shape)[0]
        return {"gamma": (channels,), "beta": (channels,)}

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        (c,) = self.parameter_shapes(*input_shapes)["gamma"]
        self.parameters = []
        self.gamma = self.add_parameter("gamma", np.ones(c, dtype))
        self.beta = self.add_parameter("beta", np.zeros(c, dtype))
        self.buffers["running_mean"] = np.zeros(c, dtype)
        self.buffers["running_var"] = np.ones(c, dtype)

    def _rows(self, a: np.ndarray) -> np.ndarray:
        """`a` as (rows, C): features as they are, images channels-last."""
        if a.ndim == 2:
            return a
        return channels_last(a).reshape(-1, a.shape[1])

    def _unrows(self, rows: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
        """The inverse of `_rows` for an array of `shape`."""
        if len(shape) == 2:
            return rows
        n, c, h, w = shape
        return channels_first(rows.reshape(n, h, w, c))

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        rows = self._rows(x)
        self._shape = x.shape
        gamma, beta = allocated(self.gamma).value, allocated(self.beta).value
        if training:
            m = rows.shape[0]
            if m < 2:
                raise ShapeError(
                    "BatchNorm needs more than one value per channel when training, got input "
                    f"of shape {x.shape}: use a batch size above 1"
                )
            mean = column_sum(rows) / m
            xhat = rows - mean
            var = column_sum(np.square(xhat)) / m
            self._inv_std = 1.0 / np.sqrt(var + self.eps)
            xhat *= self._inv_std
            self._xhat = xhat
            self._training = True
            self._update_running(mean, var * (m / (m - 1)))
            y = xhat * gamma
        else:
            self._inv_std = 1.0 / np.sqrt(self.buffers["running_var"] + self.eps)
            self._rows_in = rows
            self._training = False
            y = rows * (gamma * self._inv_std)
            y -= self.buffers["running_mean"] * (gamma * self._inv_std)
        y += beta
        return self._unrows(y, x.shape)

    def _update_running(self, mean: np.ndarray, unbiased_var: np.ndarray) -> None:
        k = self.momentum
        for name, batch in (("running_mean", mean), ("running_var", unbiased_var)):
            running = self.buffers[name]
            running *= 1.0 - k
            running += k * batch

    def backward(self, grad: np.ndarray) -> np.ndarray:
        g = self._rows(grad)
        gamma, beta = allocated(self.gamma), allocated(self.beta)
        scale = gamma.value * self._inv_std
        if self._training:
            xhat = self._xhat
        else:
            xhat = (self._rows_in - self.buffers["running_mean"]) * self._inv_std
        dbeta = column_sum(g)
        dgamma = column_sum(g * xhat)
        gamma.accumulate(dgamma)
        beta.accumulate(dbeta)
        if self._training:
            m = g.shape[0]
            dx = xhat * (dgamma / -m)
            dx += g
            dx -= dbeta / m
            dx *= scale
        else:
            dx = g * scale
        return self._unrows(dx, self._shape)


NODE_TYPES = (
    NodeType(
        "BatchNorm", groups.REGULARISATION, "Normalises each feature over the mini-batch.",
        "Subtracts the batch mean and divides by the batch standard deviation of each feature "
        "(or channel), then scales by γ and shifts by β. Running averages are used at test "
        "time. Makes deep networks train faster and less sensitive to initialisation.",
        (ParamSpec("momentum", "float", 0.1, 0.0, 1.0,
                   help="Weight of the newest batch in the running statistics."),
         ParamSpec("eps", "float", 1e-5, 0.0, 1.0, exclusive_minimum=True,
                   help="Added to the variance to avoid dividing by zero.")),
        BatchNorm, preserves_shape=True,
    ),
)
