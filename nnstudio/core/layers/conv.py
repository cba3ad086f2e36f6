"""2-D convolution (torch.nn.Conv2d numerics), plus the window arithmetic pooling shares.

Images are NCHW at the layer boundary. Internally the layer works channels-last: it copies the
(padded) input into an (N, H, W, C) buffer, gathers every kernel window into one matrix
(im2col: rows = output positions, columns = (kh, kw, C)) and does a single matmul. Its output is
an NCHW *view* of channels-last memory, which element-wise layers, pooling and the next
convolution read without a copy.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Shape, ShapeError, allocated
from nnstudio.core.layers.dense import WeightedLayer, column_sum
from nnstudio.core.spec import NodeType, ParamSpec, size_text, square_text, weighted_params

Pair = tuple[int, int]
#: (top, bottom, left, right)
Padding = tuple[int, int, int, int]


def pair(value: int | list[int] | tuple[int, int]) -> Pair:
    """(h, w) from a size given as an int or [h, w]."""
    if isinstance(value, (list, tuple)):
        h, w = value
        return int(h), int(w)
    return int(value), int(value)


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """(before, after) giving ceil(size / stride) outputs; the odd pixel goes after (as torch)."""
    total = max((-(-size // stride) - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def resolve_padding(padding, kernel: Pair, stride: Pair, size: Pair) -> Padding:
    """(top, bottom, left, right) for padding given as an int, [h, w], "same" or "valid"."""
    if padding == "valid":
        return 0, 0, 0, 0
    if padding == "same":
        return (*same_padding(size[0], kernel[0], stride[0]),
                *same_padding(size[1], kernel[1], stride[1]))
    ph, pw = pair(padding)
    return ph, ph, pw, pw


def output_size(size: Pair, kernel: Pair, stride: Pair, padding: Padding) -> Pair:
    """Number of window positions along H and W (floor mode)."""
    top, bottom, left, right = padding
    return ((size[0] + top + bottom - kernel[0]) // stride[0] + 1,
            (size[1] + left + right - kernel[1]) // stride[1] + 1)


def image_shape(layer: str, shape: Shape) -> tuple[int, int, int]:
    """(C, H, W) of a per-sample image shape, or a ShapeError naming `layer`."""
    if len(shape) != 3:
        hint = ": use Input shape [1, H, W] for a grey image" if len(shape) == 2 else ""
        raise ShapeError(
            f"{layer} needs an image input of shape (channels, height, width), got "
            f"{tuple(shape)}{hint}"
        )
    c, h, w = shape
    return c, h, w


def channels_last(x: np.ndarray) -> np.ndarray:
    """An (N, H, W, C) view of an NCHW array."""
    return x.transpose(0, 2, 3, 1)


def channels_first(x: np.ndarray) -> np.ndarray:
    """An (N, C, H, W) view of an NHWC array."""
    return x.transpose(0, 3, 1, 2)


class Conv2D(WeightedLayer):
    """x (N, C, H, W) → y (N, filters, Ho, Wo); W (filters, C, kh, kw), b (filters,)."""

    def __init__(self, node_id: str, filters: int, kernel_size=3, stride=1, padding=0, **params):
        super().__init__(node_id, filters=filters, kernel_size=kernel_size, stride=stride,
                         padding=padding, **params)
        self.filters = self.outputs = int(filters)
        self.kernel = pair(kernel_size)
        self.stride = pair(stride)
        self.padding = padding
        self._pad_buffer: np.ndarray | None = None

    def _geometry(self, shape: Shape) -> tuple[int, int, int, Padding, Pair]:
        """(C, H, W, padding, (Ho, Wo)) for a per-sample input shape; ShapeError if impossible."""
        c, h, w = image_shape("Conv2D", shape)
        if self.padding == "same" and self.stride != (1, 1):
            raise ShapeError(
                f"Conv2D padding 'same' needs stride 1, got stride {self.stride}: "
                "use a number for the padding"
            )
        pad = resolve_padding(self.padding, self.kernel, self.stride, (h, w))
        out = output_size((h, w), self.kernel, self.stride, pad)
        if min(out) < 1:
            raise ShapeError(
                f"Conv2D kernel {self.kernel[0]}×{self.kernel[1]} does not fit the input "
                f"{h}×{w} padded by {pad}: use a smaller kernel or more padding"
            )
        return c, h, w, pad, out

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        *_, (ho, wo) = self._geometry(shape)
        return self.filters, ho, wo

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        (shape,) = input_shapes
        c, *_ = self._geometry(shape)
        shapes: dict[str, Shape] = {"W": (self.filters, c, *self.kernel)}
        if self.use_bias:
            shapes["b"] = (self.filters,)
        return shapes

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        (shape,) = input_shapes
        c, h, w, self._pad, self._out = self._geometry(shape)
        self._in = (c, h, w)
        kh, kw = self.kernel
        self._init_parameters(
            (self.filters, c, kh, kw), (c * kh * kw, self.filters * kh * kw), dtype, rng
        )

    def _padded(self, xh: np.ndarray) -> np.ndarray:
        """The (N, Hp, Wp, C) padded input, channels-last in memory; the zero border of the
        reused buffer never changes."""
        top, bottom, left, right = self._pad
        if not any(self._pad):
            return np.ascontiguousarray(xh)  # a copy only for NCHW memory with C > 1
        n, h, w, c = xh.shape
        shape = (n, h + top + bottom, w + left + right, c)
        buf = self._pad_buffer
        if buf is None or buf.shape != shape or buf.dtype != xh.dtype:
            buf = self._pad_buffer = np.zeros(shape, xh.dtype)
        buf[:, top:top + h, left:left + w] = xh
        return buf

    def _affine(self, x: np.ndarray) -> np.ndarray:
        w = allocated(self.W).value
        if x.shape[1:] != self._in:  # the strided window view below must stay inside x
            raise ShapeError(
                f"Conv2D {self.id!r} was built for samples of shape {self._in}, got {x.shape[1:]}"
            )
        n = x.shape[0]
        kh, kw = self.kernel
        sh, sw = self.stride
        ho, wo = self._out
        c = self._in[0]
        xp = self._padded(channels_last(x))
        s0, s1, s2, s3 = xp.strides
        windows = as_strided(xp, (n, ho, wo, kh, kw, c), (s0, s1 * sh, s2 * sw, s1, s2, s3),
                             writeable=False)
        self._cols = windows.reshape(n * ho * wo, kh * kw * c)
        self._wmat = w.transpose(2, 3, 1, 0).reshape(kh * kw * c, self.filters)
        z = self._cols @ self._wmat
        if self.b is not None:
            z += self.b.value
        return channels_first(z.reshape(n, ho, wo, self.filters))

    def _affine_backward(self, grad: np.ndarray) -> np.ndarray | None:
        n = grad.shape[0]
        kh, kw = self.kernel
        sh, sw = self.stride
        ho, wo = self._out
        c, h, w = self._in
        gmat = channels_last(grad).reshape(n * ho * wo, self.filters)
        dw = (self._cols.T @ gmat).reshape(kh, kw, c, self.filters)
        allocated(self.W).accumulate(np.ascontiguousarray(dw.transpose(3, 2, 0, 1)))
        if self.b is not None:
            self.b.accumulate(column_sum(gmat))
        if not self.needs_input_grad:
            return None
        top, bottom, left, right = self._pad
        dxp = np.zeros((n, h + top + bottom, w + left + right, c), grad.dtype)
        for i in range(kh):
            rows = slice(i, i + sh * (ho - 1) + 1, sh)
            for j in range(kw):
                # dL/d(window element (i, j)) for every position: (N·Ho·Wo, F) @ (F, C)
                dcol = gmat @ self._wmat[(i * kw + j) * c:(i * kw + j + 1) * c].T
                dxp[:, rows, j:j + sw * (wo - 1) + 1:sw] += dcol.reshape(n, ho, wo, c)
        return channels_first(dxp[:, top:top + h, left:left + w])


def _conv_params() -> tuple[ParamSpec, ...]:
    base = weighted_params("filters", "Number of filters (output channels).", 4096)
    return (
        base[0],
        ParamSpec("kernel_size", "size", 3, 1, 64, help="Height and width of each filter."),
        ParamSpec("stride", "size", 1, 1, 64, help="Step between filter positions."),
        ParamSpec("padding", "padding", 0, 0, 64,
                  help="Zeros added around the input: a number, 'same' (keep the size) or "
                       "'valid' (none)."),
        *base[1:],
    )


def _conv_label(p: dict) -> list[str]:
    """"16 3×3", or "16 3×3 /2" with a stride."""
    words = [str(p["filters"]), square_text(p["kernel_size"])]
    if p["stride"] not in (1, [1, 1]):
        words.append(f"/{size_text(p['stride'])}")
    return words


NODE_TYPES = (
    NodeType(
        "Conv2D", groups.CONVOLUTION, "Slides small learned filters over an image.",
        "Each filter looks at a kernel_size window of all input channels at every position and "
        "produces one output channel (a feature map). Weights have shape (filters, channels, kh, "
        "kw). Output size: (H + 2·padding − kernel) / stride + 1.",
        _conv_params(), Conv2D, label=_conv_label,
        starter={"filters": 8, "kernel_size": 3, "activation": "relu"}, feature_maps=True,
    ),
)
