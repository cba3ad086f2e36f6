"""Max and average pooling over NCHW images (torch.nn.MaxPool2d / AvgPool2d numerics, floor mode).

Both work channels-last and separably: first over the kw columns of every window (within each
row), then over its kh rows, each stage a few whole-array operations per kernel offset. For max
pooling the column-then-row order picks, among equal maxima, the first in row-major order, the
one torch's CPU kernel sends the gradient to.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape, ShapeError
from nnstudio.core.layers.conv import (
    Padding,
    channels_first,
    channels_last,
    image_shape,
    output_size,
    pair,
    resolve_padding,
)
from nnstudio.core.spec import NodeType, ParamSpec, square_text


class _Pool2D(Layer[np.ndarray]):
    """Window geometry, the padded channels-last input, and the shape checks both pools share."""

    #: the value padding takes
    fill: float = 0.0

    def __init__(self, node_id: str, pool_size=2, stride=None, padding=0):
        super().__init__(node_id, pool_size=pool_size, stride=stride, padding=padding)
        self.kernel = pair(pool_size)
        self.stride = pair(pool_size if stride is None else stride)
        self.padding = padding
        self._buffer: np.ndarray | None = None

    def _geometry(self, shape: Shape) -> tuple[int, int, int, Padding, tuple[int, int]]:
        """(C, H, W, padding, (Ho, Wo)) for a per-sample input; ShapeError if impossible."""
        name = type(self).__name__
        c, h, w = image_shape(name, shape)
        kh, kw = self.kernel
        pad = resolve_padding(self.padding, self.kernel, self.stride, (h, w))
        if max(pad[:2]) * 2 > kh or max(pad[2:]) * 2 > kw:
            raise ShapeError(
                f"{name} padding {pad} is more than half the pool size {kh}×{kw}: some windows "
                "would hold nothing but padding"
            )
        out = output_size((h, w), self.kernel, self.stride, pad)
        if min(out) < 1:
            raise ShapeError(
                f"{name} window {kh}×{kw} is larger than the input {h}×{w} (padded by {pad}): "
                "use a smaller pool_size"
            )
        return c, h, w, pad, out

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        c, *_, (ho, wo) = self._geometry(shape)
        return c, ho, wo

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        (shape,) = input_shapes
        _, h, w, self._pad, self._out = self._geometry(shape)
        self._in = (h, w)
        top, bottom, left, right = self._pad
        hp, wp = h + top + bottom, w + left + right
        kh, kw = self.kernel
        sh, sw = self.stride
        ho, wo = self._out
        # every padded row (column) lies in exactly one window: results can be assigned, not added
        self._rows_tile = sh == kh and hp == ho * kh
        self._cols_tile = sw == kw and wp == wo * kw
        self._row_slices = [slice(i, i + sh * (ho - 1) + 1, sh) for i in range(kh)]
        self._col_slices = [slice(j, j + sw * (wo - 1) + 1, sw) for j in range(kw)]

    def _padded(self, x: np.ndarray) -> np.ndarray:
        """The input as (N, Hp, Wp, C), padded with `fill`."""
        xh = channels_last(x)
        top, bottom, left, right = self._pad
        if not any(self._pad):
            return xh
        n, h, w, c = xh.shape
        shape = (n, h + top + bottom, w + left + right, c)
        buf = self._buffer
        if buf is None or buf.shape != shape or buf.dtype != xh.dtype:
            buf = self._buffer = np.full(shape, self.fill, xh.dtype)
        buf[:, top:top + h, left:left + w] = xh
        return buf

    def _input_grad(self, dxp: np.ndarray) -> np.ndarray:
        """dL/dx (N, C, H, W) from the gradient of the padded channels-last input."""
        top, _, left, _ = self._pad
        h, w = self._in
        return channels_first(dxp[:, top:top + h, left:left + w])

    def _new(self, shape: tuple[int, ...], tiled: bool, dtype: np.dtype) -> np.ndarray:
        """A gradient accumulator: uninitialised when every entry will be assigned once."""
        return np.empty(shape, dtype) if tiled else np.zeros(shape, dtype)


class MaxPool2D(_Pool2D):
    """y[n, c, i, j] = max of the window; x (N, C, H, W) → y (N, C, Ho, Wo)."""

    fill = -np.inf

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        xp = self._padded(x)
        cols, self._col_wins = _running_max([xp[:, :, s] for s in self._col_slices])
        y, self._row_wins = _running_max([cols[:, s] for s in self._row_slices])
        self._shapes = xp.shape, cols.shape
        return channels_first(y)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        xshape, cshape = self._shapes
        dcols = self._new(cshape, self._rows_tile, grad.dtype)
        _route(channels_last(grad), self._row_wins,
               [dcols[:, s] for s in self._row_slices], self._rows_tile)
        dxp = self._new(xshape, self._cols_tile, grad.dtype)
        _route(dcols, self._col_wins, [dxp[:, :, s] for s in self._col_slices], self._cols_tile)
        return self._input_grad(dxp)


def _running_max(candidates: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """(element-wise max, masks) where masks[k - 1] marks where candidate k beat all before it."""
    first, *rest = candidates
    if not rest:
        return first.copy(), []
    wins = [rest[0] > first]
    best = np.maximum(first, rest[0])
    for v in rest[1:]:
        wins.append(v > best)
        np.maximum(best, v, out=best)
    return best, wins


def _route(grad: np.ndarray, wins: list[np.ndarray], targets: list[np.ndarray], tiled: bool):
    """Send each gradient to the candidate that won: the last k whose mask is set, else 0."""
    rest = grad
    for mask, target in zip(reversed(wins), reversed(targets[1:]), strict=True):
        if tiled:
            part = np.multiply(rest, mask, out=target)
        else:
            part = rest * mask
            target += part
        rest = np.subtract(rest, part, out=None if rest is grad else rest)
    if tiled:
        targets[0][...] = rest
    else:
        targets[0] += rest


class AvgPool2D(_Pool2D):
    """y = mean of the window, padding counted as zeros; x (N, C, H, W) → y (N, C, Ho, Wo)."""

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        xp = self._padded(x)
        cols = _sum([xp[:, :, s] for s in self._col_slices])
        y = _sum([cols[:, s] for s in self._row_slices])
        y *= 1.0 / (self.kernel[0] * self.kernel[1])
        self._shapes = xp.shape, cols.shape
        return channels_first(y)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        xshape, cshape = self._shapes
        g = channels_last(grad) * (1.0 / (self.kernel[0] * self.kernel[1]))
        dcols = self._new(cshape, self._rows_tile, grad.dtype)
        _spread(g, [dcols[:, s] for s in self._row_slices], self._rows_tile)
        dxp = self._new(xshape, self._cols_tile, grad.dtype)
        _spread(dcols, [dxp[:, :, s] for s in self._col_slices], self._cols_tile)
        return self._input_grad(dxp)


def _sum(parts: list[np.ndarray]) -> np.ndarray:
    """A new array holding the element-wise sum of `parts`."""
    if len(parts) == 1:
        return parts[0].copy()
    total = parts[0] + parts[1]
    for p in parts[2:]:
        total += p
    return total


def _spread(grad: np.ndarray, targets: list[np.ndarray], tiled: bool) -> None:
    """Give every target the whole gradient (each window element gets dL/dy)."""
    for target in targets:
        if tiled:
            target[...] = grad
        else:
            target += grad


def _pool_params() -> tuple[ParamSpec, ...]:
    return (
        ParamSpec("pool_size", "size", 2, 1, 64, help="Height and width of each window."),
        ParamSpec("stride", "size", None, 1, 64,
                  help="Step between windows; empty means the same as pool_size."),
        ParamSpec("padding", "padding", 0, 0, 32, help="Padding around the input."),
    )


def _stride_defaults_to_pool_size(p: dict) -> None:
    if p.get("stride") is None:
        p["stride"] = p["pool_size"]


def _pool_type(name: str, layer: type, summary: str, help_: str) -> NodeType:
    return NodeType(name, groups.CONVOLUTION, summary, help_, _pool_params(), layer,
                    label=lambda p: [square_text(p["pool_size"])],
                    complete=_stride_defaults_to_pool_size, feature_maps=True)


NODE_TYPES = (
    _pool_type(
        "MaxPool2D", MaxPool2D, "Keeps the largest value in each window.",
        "Shrinks feature maps by taking the maximum of each pool_size window: cheap, no "
        "parameters, and a little invariance to small shifts."),
    _pool_type(
        "AvgPool2D", AvgPool2D, "Averages each window.",
        "Shrinks feature maps by averaging each pool_size window (padding counts as zeros). "
        "No parameters."),
)
