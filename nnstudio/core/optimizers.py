"""Optimisers: torch.optim's update rules and defaults, applied in place to NumPy parameters.

Each `Optimizer.step()` reads every ``Parameter.grad`` and updates ``Parameter.value`` in place,
skipping parameters whose grad is None (their state and step count stay untouched, as in torch).
State is created on a parameter's first update, as in torch.

Speed: the per-step scalars are 0-d arrays of the parameter dtype (the cheapest ufunc operands,
and they never upcast float32), recomputed once per step and dtype; every update is a handful of
in-place ufuncs into shared scratch buffers; large parameters are updated in row blocks of about
256 KiB so the scratch and state stay in cache between passes.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import numpy as np

from nnstudio.core.catalog import ParamSpec
from nnstudio.core.parameter import Parameter
from nnstudio.core.suggest import closest

_BLOCK_BYTES = 256 * 1024


# -- the catalogue -------------------------------------------------------------------------------
def _lr(default: float) -> ParamSpec:
    return ParamSpec("lr", "float", default, 0.0,
                     help="Learning rate: how far each step moves the weights.")


def _weight_decay(default: float = 0.0, decoupled: bool = False) -> ParamSpec:
    text = ("Shrinks every weight by lr·weight_decay·w each step, apart from the gradient "
            "(decoupled weight decay)." if decoupled else
            "L2 penalty: adds weight_decay·w to every gradient (all parameters, biases too).")
    return ParamSpec("weight_decay", "float", default, 0.0, help=text)


def _sgd_params(momentum: float) -> tuple[ParamSpec, ...]:
    return (
        _lr(1e-3),
        ParamSpec("momentum", "float", momentum, 0.0, 1.0,
                  help="Fraction of the previous step kept: a heavy ball rolling downhill."),
        ParamSpec("dampening", "float", 0.0, 0.0, 1.0,
                  help="Scales the new gradient by (1 − dampening) in the momentum buffer."),
        _weight_decay(),
        ParamSpec("nesterov", "bool", False,
                  help="Nesterov momentum: look ahead along the momentum before stepping."),
    )


def _adam_params(weight_decay: float, decoupled: bool) -> tuple[ParamSpec, ...]:
    return (
        _lr(1e-3),
        ParamSpec("betas", "float_pair", (0.9, 0.999), 0.0, 1.0, exclusive_maximum=True,
                  help="Decay rates of the running mean of the gradient and of its square."),
        ParamSpec("eps", "float", 1e-8, 0.0, help="Added to the denominator for stability."),
        _weight_decay(weight_decay, decoupled),
        ParamSpec("amsgrad", "bool", False,
                  help="AMSGrad: divide by the largest squared-gradient average seen so far."),
    )


#: canonical name → (teaching one-liner, parameters with torch.optim's defaults and ranges).
#: Kind "float_pair" is a list of two floats, each within [minimum, maximum).
OPTIMIZERS: dict[str, tuple[str, tuple[ParamSpec, ...]]] = {
    "sgd": ("Stochastic gradient descent: w ← w − lr·g, the plain downhill step.",
            _sgd_params(0.0)),
    "momentum": ("SGD with momentum 0.9: steps accumulate velocity, smoothing zig-zags.",
                 _sgd_params(0.9)),
    "adagrad": ("AdaGrad: divides each step by the root of that weight's summed squared "
                "gradients, so often-updated weights slow down.", (
        _lr(1e-2),
        ParamSpec("lr_decay", "float", 0.0, 0.0,
                  help="Learning rate at step t is lr / (1 + (t − 1)·lr_decay)."),
        _weight_decay(),
        ParamSpec("initial_accumulator_value", "float", 0.0, 0.0,
                  help="Starting value of the summed squared gradients."),
        ParamSpec("eps", "float", 1e-10, 0.0, help="Added to the denominator for stability."),
    )),
    "rmsprop": ("RMSProp: divides each step by a running average of recent squared gradients.", (
        _lr(1e-2),
        ParamSpec("alpha", "float", 0.99, 0.0, 1.0,
                  help="Smoothing constant of the squared-gradient average."),
        ParamSpec("eps", "float", 1e-8, 0.0, help="Added to the denominator for stability."),
        _weight_decay(),
        ParamSpec("momentum", "float", 0.0, 0.0, 1.0, help="Momentum on the scaled steps."),
        ParamSpec("centered", "bool", False,
                  help="Divide by the gradient's estimated variance instead of its raw square."),
    )),
    "adam": ("Adam: momentum plus RMSProp-style scaling, with bias correction for the first "
             "steps.", _adam_params(0.0, decoupled=False)),
    "adamw": ("AdamW: Adam with weight decay applied to the weights directly, not through the "
              "gradient.", _adam_params(1e-2, decoupled=True)),
}


# -- the machinery shared by every optimiser -------------------------------------------------------
class _Scalars:
    """One dtype's per-step constants (0-d arrays named by the optimiser) and scratch buffers."""

    def __init__(self, dtype: np.dtype, names: Sequence[str]):
        self.t = 0  # the step the constants were computed for; 0 = stale
        for name in names:
            setattr(self, name, np.zeros((), dtype))
        self.block = max(1, _BLOCK_BYTES // dtype.itemsize)
        self._dtype = dtype
        self._s = np.empty(self.block, dtype)
        self._s2 = np.empty(self.block, dtype)

    def __getattr__(self, name: str) -> np.ndarray:
        """Reached only for a constant the optimiser did not name (and tells type checkers
        that every named constant is a 0-d array)."""
        raise AttributeError(f"no per-step constant {name!r}")

    def set(self, **values: float) -> None:
        for name, value in values.items():
            getattr(self, name).fill(value)

    def scratch(self, shape: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
        """Two scratch arrays of `shape`, views into buffers shared by every parameter."""
        n = math.prod(shape)
        if n > self._s.size:
            self._s = np.empty(n, self._dtype)
            self._s2 = np.empty(n, self._dtype)
        return self._s[:n].reshape(shape), self._s2[:n].reshape(shape)


class _Slot:
    """One parameter's optimiser state and precomputed call arguments."""

    __slots__ = ("args", "blocks", "k", "param", "state", "t")

    def __init__(self, param: Parameter):
        self.param = param
        self.clear()

    def clear(self) -> None:
        self.state: list[np.ndarray] | None = None
        self.t = 0
        self.k: _Scalars | None = None
        #: (scratch, scratch2, *state) for a whole-array update
        self.args: tuple[np.ndarray, ...] = ()
        #: (rows, scratch, scratch2) per block for a blocked update, or None
        self.blocks: list[tuple[slice, np.ndarray, np.ndarray]] | None = None


class Optimizer:
    """Base of every optimiser: state bookkeeping, blocking, checkpointing, the live lr.

    Subclasses define `_state_names` (torch's names, in the order the kernel takes them),
    `_scalar_names`, `_refresh` (the per-step constants for step t) and `_kernel`, which
    updates one array (or block) in place: ``_kernel(k, value, grad, s, s2, *state)``.
    """

    _scalar_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self, type_name: str, params: Sequence[Parameter], options: dict[str, Any]):
        self.type = type_name
        self._options = dict(options)
        self._lr = float(options["lr"])
        self._weight_decay = float(options.get("weight_decay", 0.0))
        self._slots = [_Slot(p) for p in params]
        names = [p.name for p in params]
        if len(set(names)) != len(names):
            dup = next(n for n in names if names.count(n) > 1)
            raise ValueError(f"parameter {dup!r} is given to the optimiser twice")
        self._scalars: dict[np.dtype, _Scalars] = {}

    # -- public API ---------------------------------------------------------------------------
    @property
    def lr(self) -> float:
        """The learning rate; setting it takes effect on the next step."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        self._lr = _check_value(self.type, _lr(0.0), value)
        self._options["lr"] = self._lr
        for k in self._scalars.values():
            k.t = 0

    @property
    def options(self) -> dict[str, Any]:
        """Every hyper-parameter, defaults filled in (a copy)."""
        return dict(self._options)

    @property
    def parameters(self) -> list[Parameter]:
        return [slot.param for slot in self._slots]

    def step(self) -> None:
        """Update every parameter whose grad is not None, in place."""
        kernel = self._kernel
        for slot in self._slots:
            p = slot.param
            g = p.grad
            if g is None:
                continue
            k, state = self._started(slot)
            t = slot.t = slot.t + 1
            if k.t != t:
                self._refresh(k, t)
                k.t = t
            if slot.blocks is None:
                kernel(k, p.value, g, *slot.args)
            else:
                value = p.value
                for rows, s, s2 in slot.blocks:
                    kernel(k, value[rows], g[rows], s, s2, *[a[rows] for a in state])

    def reset(self) -> None:
        """Forget all state (moments, step counts), as a freshly made optimiser."""
        for slot in self._slots:
            slot.clear()
        self._scalars.clear()

    def state_arrays(self) -> dict[str, np.ndarray]:
        """State as ``{"<param name>.<torch state name>": array}``, plus ``"<name>.step"``."""
        out: dict[str, np.ndarray] = {}
        for slot in self._slots:
            if slot.state is None:
                continue
            name = slot.param.name
            for key, arr in zip(self._state_names(), slot.state, strict=True):
                out[f"{name}.{key}"] = self._export(key, arr)
            out[f"{name}.step"] = np.array(slot.t, dtype=np.int64)
        return out

    def load_state_arrays(self, arrays: dict[str, np.ndarray]) -> None:
        """Replace all state by `arrays` (as from `state_arrays`); ValueError if they don't fit."""
        keys = ("step", *self._state_names())
        by_name = {slot.param.name: slot for slot in self._slots}
        found: dict[str, dict[str, np.ndarray]] = {}
        for full_key, arr in arrays.items():
            name, _, key = full_key.rpartition(".")
            if name not in by_name or key not in keys:
                raise ValueError(
                    f"{self.type} optimiser state {full_key!r} does not belong to these "
                    f"parameters (expected '<parameter name>.<{' | '.join(keys)}>')"
                )
            found.setdefault(name, {})[key] = np.asarray(arr)
        for name, parts in found.items():
            missing = [key for key in keys if key not in parts]
            if missing:
                raise ValueError(f"optimiser state for {name!r} lacks {', '.join(missing)}")
            value = by_name[name].param.value
            for key in keys[1:]:
                if parts[key].shape != value.shape:
                    raise ValueError(
                        f"optimiser state {name}.{key} has shape {parts[key].shape}, but the "
                        f"parameter has shape {value.shape}"
                    )
        self.reset()
        for name, parts in found.items():
            slot = by_name[name]
            value = slot.param.value
            self._start(slot, [self._import(key, parts[key].astype(value.dtype))
                               for key in keys[1:]])
            slot.t = int(parts["step"])

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self._options.items())
        return f"{type(self).__name__}({self.type!r}, {opts})"

    # -- hooks for subclasses -----------------------------------------------------------------
    def _state_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _new_state(self, value: np.ndarray) -> list[np.ndarray]:
        return [np.zeros_like(value, order="C") for _ in self._state_names()]

    def _export(self, key: str, arr: np.ndarray) -> np.ndarray:
        """State array `key` in torch's form (a copy)."""
        return arr.copy()

    def _import(self, key: str, arr: np.ndarray) -> np.ndarray:
        """Inverse of `_export`; may return `arr` itself (already a private copy)."""
        return arr

    def _refresh(self, k: _Scalars, t: int) -> None:
        raise NotImplementedError

    def _kernel(self, k: _Scalars, p: np.ndarray, g: np.ndarray, s: np.ndarray,
                s2: np.ndarray, *state: np.ndarray) -> None:
        raise NotImplementedError

    # -- internals ----------------------------------------------------------------------------
    def _started(self, slot: _Slot) -> tuple[_Scalars, list[np.ndarray]]:
        """The slot's per-step constants and state, made fresh on its first update."""
        if slot.k is None or slot.state is None:
            return self._start(slot, self._new_state(slot.param.value))
        return slot.k, slot.state

    def _start(self, slot: _Slot, state: list[np.ndarray]) -> tuple[_Scalars, list[np.ndarray]]:
        """Attach `state` to `slot` and plan its update: whole array, or blocks of rows."""
        value = slot.param.value
        k = self._scalars.get(value.dtype)
        if k is None:
            k = self._scalars[value.dtype] = _Scalars(value.dtype, self._scalar_names)
        slot.state, slot.k, slot.blocks = state, k, None
        rows = value.shape[0] if value.ndim else 1
        row_size = value.size // rows if rows else 0
        per_block = max(1, k.block // max(1, row_size))
        if value.size <= k.block or per_block >= rows:
            slot.args = (*k.scratch(value.shape), *state)
            return k, state
        row_shape = value.shape[1:]
        s, s2 = k.scratch((per_block, *row_shape))
        slot.blocks = []
        for a in range(0, rows, per_block):
            b = min(a + per_block, rows)
            slot.blocks.append((slice(a, b), s[: b - a], s2[: b - a]))
        return k, state


# -- the optimisers --------------------------------------------------------------------------------
class SGD(Optimizer):
    """torch.optim.SGD: with momentum μ, dampening τ: b ← μ·b + (1 − τ)·g (b = g on the first
    step); the step is lr·b, or lr·(g + μ·b) with Nesterov. weight_decay adds wd·w to g."""

    _scalar_names = ("lr", "wd", "momentum", "keep")

    def __init__(self, type_name: str, params: Sequence[Parameter], options: dict[str, Any]):
        super().__init__(type_name, params, options)
        self._momentum = options["momentum"] != 0
        self._nesterov = bool(options["nesterov"])
        self._dampened = options["dampening"] != 0

    def _state_names(self) -> tuple[str, ...]:
        return ("momentum_buffer",) if self._momentum else ()

    def _refresh(self, k: _Scalars, t: int) -> None:
        o = self._options
        k.set(lr=self._lr, wd=self._weight_decay, momentum=o["momentum"],
              keep=1.0 - o["dampening"])

    def _kernel(self, k: _Scalars, p: np.ndarray, g: np.ndarray, s: np.ndarray,
                s2: np.ndarray, *state: np.ndarray) -> None:
        if self._weight_decay:
            np.multiply(p, k.wd, out=s2)
            s2 += g
            g = s2
        if self._momentum:
            (buf,) = state
            if k.t == 1:
                np.copyto(buf, g)
            else:
                buf *= k.momentum
                if self._dampened:
                    np.multiply(g, k.keep, out=s)
                    buf += s
                else:
                    buf += g
            if self._nesterov:
                np.multiply(buf, k.momentum, out=s)
                s += g
                g = s
            else:
                g = buf
        np.multiply(g, k.lr, out=s)
        p -= s


class Adagrad(Optimizer):
    """torch.optim.Adagrad: G ← G + g²; w ← w − lr_t·g / (√G + eps),
    lr_t = lr / (1 + (t − 1)·lr_decay)."""

    _scalar_names = ("lr", "wd", "eps")

    def _state_names(self) -> tuple[str, ...]:
        return ("sum",)

    def _new_state(self, value: np.ndarray) -> list[np.ndarray]:
        return [np.full_like(value, self._options["initial_accumulator_value"], order="C")]

    def _refresh(self, k: _Scalars, t: int) -> None:
        o = self._options
        k.set(lr=self._lr / (1.0 + (t - 1) * o["lr_decay"]), wd=self._weight_decay,
              eps=o["eps"])

    def _kernel(self, k: _Scalars, p: np.ndarray, g: np.ndarray, s: np.ndarray,
                s2: np.ndarray, *state: np.ndarray) -> None:
        if self._weight_decay:
            np.multiply(p, k.wd, out=s2)
            s2 += g
            g = s2
        (total,) = state
        np.multiply(g, g, out=s)
        total += s
        np.sqrt(total, out=s)
        s += k.eps
        np.divide(g, s, out=s)
        s *= k.lr
        p -= s


class RMSprop(Optimizer):
    """torch.optim.RMSprop: v ← α·v + (1 − α)·g²; w ← w − lr·g / (√v + eps). centered subtracts
    the squared running mean of g from v; momentum μ keeps b ← μ·b + g / (√v + eps)."""

    _scalar_names = ("lr", "wd", "alpha", "rest", "eps", "momentum")

    def __init__(self, type_name: str, params: Sequence[Parameter], options: dict[str, Any]):
        super().__init__(type_name, params, options)
        self._centered = bool(options["centered"])
        self._momentum = options["momentum"] > 0

    def _state_names(self) -> tuple[str, ...]:
        return ("square_avg",
                *(("grad_avg",) if self._centered else ()),
                *(("momentum_buffer",) if self._momentum else ()))

    def _refresh(self, k: _Scalars, t: int) -> None:
        o = self._options
        k.set(lr=self._lr, wd=self._weight_decay, alpha=o["alpha"], rest=1.0 - o["alpha"],
              eps=o["eps"], momentum=o["momentum"])

    def _kernel(self, k: _Scalars, p: np.ndarray, g: np.ndarray, s: np.ndarray,
                s2: np.ndarray, *state: np.ndarray) -> None:
        if self._weight_decay:
            np.multiply(p, k.wd, out=s2)
            s2 += g
            g = s2
        square_avg = state[0]
        np.multiply(g, g, out=s)
        s *= k.rest
        square_avg *= k.alpha
        square_avg += s
        if self._centered:
            grad_avg = state[1]
            grad_avg *= k.alpha
            np.multiply(g, k.rest, out=s)
            grad_avg += s
            np.multiply(grad_avg, grad_avg, out=s)
            np.subtract(square_avg, s, out=s)
            np.sqrt(s, out=s)
        else:
            np.sqrt(square_avg, out=s)
        s += k.eps
        np.divide(g, s, out=s)
        if self._momentum:
            buf = state[-1]
            buf *= k.momentum
            buf += s
            np.multiply(buf, k.lr, out=s)
        else:
            s *= k.lr
        p -= s


class Adam(Optimizer):
    """torch.optim.Adam (weight_decay as L2 added to g) and AdamW (decoupled: w ← w·(1 − lr·wd)).

    m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², w ← w − lr/(1 − β1ᵗ) · m / (√v/√(1 − β2ᵗ)
    + eps). To save two passes per step the arrays hold m/(1 − β1) and v/(1 − β2) and the
    constants absorb the factors; `state_arrays` reports torch's exp_avg and exp_avg_sq.
    """

    _scalar_names = ("b1", "b2", "wd", "decay", "eps", "step")
    decoupled: ClassVar[bool] = False

    def __init__(self, type_name: str, params: Sequence[Parameter], options: dict[str, Any]):
        super().__init__(type_name, params, options)
        self._b1, self._b2 = (float(b) for b in options["betas"])
        self._amsgrad = bool(options["amsgrad"])
        self._l2 = bool(self._weight_decay) and not self.decoupled
        self._decay = bool(self._weight_decay) and self.decoupled

    def _state_names(self) -> tuple[str, ...]:
        return ("exp_avg", "exp_avg_sq", *(("max_exp_avg_sq",) if self._amsgrad else ()))

    def _scale(self, key: str) -> float:
        return 1.0 - (self._b1 if key == "exp_avg" else self._b2)

    def _export(self, key: str, arr: np.ndarray) -> np.ndarray:
        return arr * self._scale(key)

    def _import(self, key: str, arr: np.ndarray) -> np.ndarray:
        arr /= self._scale(key)
        return arr

    def _refresh(self, k: _Scalars, t: int) -> None:
        b1, b2, lr = self._b1, self._b2, self._lr
        # √v/√(1 − β2ᵗ) = root·√(v/(1 − β2)) with root = √((1 − β2)/(1 − β2ᵗ))
        root = math.sqrt((1.0 - b2) / (1.0 - b2**t))
        k.set(b1=b1, b2=b2, wd=self._weight_decay, decay=1.0 - lr * self._weight_decay,
              eps=self._options["eps"] / root,
              step=lr * (1.0 - b1) / ((1.0 - b1**t) * root))

    def _kernel(self, k: _Scalars, p: np.ndarray, g: np.ndarray, s: np.ndarray,
                s2: np.ndarray, *state: np.ndarray) -> None:
        if self._decay:
            p *= k.decay
        elif self._l2:
            np.multiply(p, k.wd, out=s2)
            s2 += g
            g = s2
        m, v = state[0], state[1]
        m *= k.b1
        m += g
        np.multiply(g, g, out=s)
        v *= k.b2
        v += s
        if self._amsgrad:
            v_max = state[2]
            np.maximum(v_max, v, out=v_max)
            np.sqrt(v_max, out=s)
        else:
            np.sqrt(v, out=s)
        s += k.eps
        np.divide(m, s, out=s)
        s *= k.step
        p -= s


class AdamW(Adam):
    decoupled = True


_CLASSES: dict[str, type[Optimizer]] = {
    "sgd": SGD, "momentum": SGD, "adagrad": Adagrad, "rmsprop": RMSprop, "adam": Adam,
    "adamw": AdamW,
}


# -- construction and validation -----------------------------------------------------------------
def canonical_optimizer(name: str) -> str:
    """`name` if it is an optimiser type; ValueError (with a suggestion) otherwise."""
    if isinstance(name, str) and name in OPTIMIZERS:
        return name
    close = closest(name, OPTIMIZERS)
    hint = f" Did you mean {close!r}?" if close is not None else ""
    raise ValueError(
        f"unknown optimizer type {name!r}.{hint} The optimizers are {', '.join(OPTIMIZERS)}."
    )


def resolve_options(spec: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(type, every option with defaults filled in) for an optimizer spec; ValueError if bad."""
    if not isinstance(spec, dict) or "type" not in spec:
        raise ValueError(f"an optimizer is an object with a 'type', got {spec!r}")
    name = canonical_optimizer(spec["type"])
    params = OPTIMIZERS[name][1]
    known = {p.name: p for p in params}
    options: dict[str, Any] = {}
    for key, value in spec.items():
        if key == "type":
            continue
        if key not in known:
            close = closest(str(key), known)
            hint = f" Did you mean {close!r}?" if close is not None else ""
            raise ValueError(
                f"{name} has no option {key!r}.{hint} Its options are {', '.join(known)}."
            )
        options[key] = _check_value(name, known[key], value)
    for p in params:
        options.setdefault(p.name, p.default)
    if options.get("nesterov") and (options["momentum"] <= 0 or options["dampening"] != 0):
        raise ValueError(f"{name}: nesterov needs momentum > 0 and dampening 0")
    return name, options


def make_optimizer(spec: dict[str, Any], params: Iterable[Parameter]) -> Optimizer:
    """The optimizer `spec` describes (e.g. ``{"type": "adam", "lr": 0.01}``) over `params`."""
    name, options = resolve_options(spec)
    return _CLASSES[name](name, list(params), options)


def _check_value(optimizer: str, spec: ParamSpec, value: Any) -> Any:
    """`value` converted for `spec` (float, bool, or a pair of floats); ValueError if invalid."""
    where = f"{optimizer}: {spec.name}"
    if spec.kind == "bool":
        if not isinstance(value, bool | np.bool_):
            raise ValueError(f"{where} must be true or false, got {value!r}")
        return bool(value)
    if spec.kind == "float_pair":
        if (isinstance(value, str) or not isinstance(value, Sequence | np.ndarray)
                or len(value) != 2):
            raise ValueError(f"{where} must be a list of two numbers, got {value!r}")
        return tuple(_check_number(f"{where}[{i}]", spec, v) for i, v in enumerate(value))
    return _check_number(where, spec, value)


def _check_number(where: str, spec: ParamSpec, value: Any) -> float:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        raise ValueError(f"{where} must be a number, got {value!r}")
    x = float(value)
    if not math.isfinite(x):
        raise ValueError(f"{where} must be finite, got {value!r}")
    lo, hi = spec.minimum, spec.maximum
    if lo is not None and (x < lo or (spec.exclusive_minimum and x == lo)):
        raise ValueError(f"{where} must be {'>' if spec.exclusive_minimum else '≥'} {lo:g}, "
                         f"got {value!r}")
    if hi is not None and (x > hi or (spec.exclusive_maximum and x == hi)):
        raise ValueError(f"{where} must be {'<' if spec.exclusive_maximum else '≤'} {hi:g}, "
                         f"got {value!r}")
    return x
