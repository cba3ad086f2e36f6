"""The node catalogue: every node type, its parameters, defaults, ranges and teaching text.

This table is the single source of truth for the engine (defaults), the design validator and the
shipped JSON Schema (ranges, choices), and the GUI (palette groups, tooltips, inspector widgets).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

ACTIVATIONS = ("linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax", "elu", "step")
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu"})
INITIALIZERS = (
    "auto", "zeros", "constant", "normal", "uniform",
    "xavier_uniform", "xavier_normal", "he_uniform", "he_normal",
)
GROUPS = ("Core", "Activations", "Convolution", "Regularisation", "Merge")
#: colour of each palette group (also used for node cards on the canvas)
GROUP_COLOURS = {
    "Core": "#4C78A8",
    "Activations": "#F58518",
    "Convolution": "#54A24B",
    "Regularisation": "#B279A2",
    "Merge": "#9D755D",
}

# A layer as large as this is refused before anything is allocated (about 2 GB of float32).
MAX_PARAMETERS = 500_000_000
MAX_ACTIVATION_ELEMENTS = 50_000_000  # per sample


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a node type.

    kind: "int", "float", "float_pair" (e.g. Adam's betas), "bool", "activation", "init",
    "size" (int or [h, w]),
    "padding" (int, [h, w], "same" or "valid"), "shape" (list of ints), "axis" (int).
    """

    name: str
    kind: str
    default: Any = REQUIRED
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    #: the minimum itself is not allowed (e.g. eps > 0)
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


@dataclass(frozen=True)
class NodeType:
    name: str
    group: str
    summary: str
    help: str
    params: tuple[ParamSpec, ...] = ()
    module: str = ""
    min_inputs: int = 1
    max_inputs: int | None = 1
    #: the activation name a pure activation node applies
    activation: str | None = None
    extra: dict = field(default_factory=dict)

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    @property
    def takes_input(self) -> bool:
        return self.max_inputs != 0


_INIT_HELP = (
    "How the weights start: 'auto' is He for the ReLU family and Xavier otherwise; 'zeros' "
    "shows the symmetry problem (every neuron learns the same thing)."
)


def _trainable(units_name: str, units_help: str, maximum: int) -> tuple[ParamSpec, ...]:
    return (
        ParamSpec(units_name, "int", minimum=1, maximum=maximum, help=units_help),
        ParamSpec("activation", "activation", "linear",
                  help="Non-linearity applied to the output."),
        ParamSpec("use_bias", "bool", True, help="Add a learned bias to every output."),
        ParamSpec("weight_init", "init", "auto", help=_INIT_HELP),
        ParamSpec("bias_init", "init", "zeros", help="How the biases start."),
        ParamSpec("l1", "float", 0.0, 0.0, 100.0,
                  help="L1 penalty λ·Σ|W|: pushes weights to exactly zero."),
        ParamSpec("l2", "float", 0.0, 0.0, 100.0,
                  help="L2 penalty ½·λ·ΣW² (weight decay): keeps weights small."),
    )


def _conv_params() -> tuple[ParamSpec, ...]:
    base = _trainable("filters", "Number of filters (output channels).", 4096)
    return (
        base[0],
        ParamSpec("kernel_size", "size", 3, 1, 64, help="Height and width of each filter."),
        ParamSpec("stride", "size", 1, 1, 64, help="Step between filter positions."),
        ParamSpec("padding", "padding", 0, 0, 64,
                  help="Zeros added around the input: a number, 'same' (keep the size) or "
                       "'valid' (none)."),
        *base[1:],
    )


def _pool_params() -> tuple[ParamSpec, ...]:
    return (
        ParamSpec("pool_size", "size", 2, 1, 64, help="Height and width of each window."),
        ParamSpec("stride", "size", None, 1, 64,
                  help="Step between windows; empty means the same as pool_size."),
        ParamSpec("padding", "padding", 0, 0, 32, help="Padding around the input."),
    )


def _act(name: str, act: str, summary: str, help_: str, *params: ParamSpec) -> NodeType:
    return NodeType(name, "Activations", summary, help_, params, "activations", activation=act)


NODE_TYPES: dict[str, NodeType] = {t.name: t for t in (
    NodeType(
        "Input", "Core", "Where the data enters the network.",
        "The network's input. Its shape is the shape of one sample: [2] for a point in the "
        "plane, [4] for the four iris measurements, [1, 8, 8] for an 8×8 grey image.",
        (ParamSpec("shape", "shape", help="Shape of one sample, without the batch axis."),),
        "reshape", min_inputs=0, max_inputs=0,
    ),
    NodeType(
        "Dense", "Core", "A fully connected layer: y = x·W + b.",
        "Every output is a weighted sum of every input plus a bias, then an optional "
        "activation. W has shape (inputs, units). The workhorse of the multilayer perceptron.",
        _trainable("units", "Number of neurons (outputs).", 1_000_000),
        "dense",
    ),
    NodeType(
        "Flatten", "Core", "Turns an image (C, H, W) into a vector.",
        "Lays the channels, rows and columns out in one long vector, so a Dense layer can "
        "follow a convolution. No parameters.",
        (), "reshape",
    ),
    NodeType(
        "Conv2D", "Convolution", "Slides small learned filters over an image.",
        "Each filter looks at a kernel_size window of all input channels at every position and "
        "produces one output channel (a feature map). Weights have shape (filters, channels, kh, "
        "kw). Output size: (H + 2·padding − kernel) / stride + 1.",
        _conv_params(), "conv",
    ),
    NodeType(
        "MaxPool2D", "Convolution", "Keeps the largest value in each window.",
        "Shrinks feature maps by taking the maximum of each pool_size window: cheap, no "
        "parameters, and a little invariance to small shifts.",
        _pool_params(), "pool",
    ),
    NodeType(
        "AvgPool2D", "Convolution", "Averages each window.",
        "Shrinks feature maps by averaging each pool_size window (padding counts as zeros). "
        "No parameters.",
        _pool_params(), "pool",
    ),
    NodeType(
        "Dropout", "Regularisation", "Randomly silences units while training.",
        "During training each value is zeroed with probability rate and the rest are scaled by "
        "1/(1 − rate) (inverted dropout), so nothing changes at test time. Fights overfitting.",
        (ParamSpec("rate", "float", 0.5, 0.0, 1.0, exclusive_maximum=True,
                   help="Probability of dropping each value."),),
        "regularization",
    ),
    NodeType(
        "BatchNorm", "Regularisation", "Normalises each feature over the mini-batch.",
        "Subtracts the batch mean and divides by the batch standard deviation of each feature "
        "(or channel), then scales by γ and shifts by β. Running averages are used at test "
        "time. Makes deep networks train faster and less sensitive to initialisation.",
        (ParamSpec("momentum", "float", 0.1, 0.0, 1.0,
                   help="Weight of the newest batch in the running statistics."),
         ParamSpec("eps", "float", 1e-5, 0.0, 1.0, exclusive_minimum=True,
                   help="Added to the variance to avoid dividing by zero.")),
        "normalization",
    ),
    _act("ReLU", "relu", "max(0, x).",
         "Rectified linear unit: passes positives, zeroes negatives. Does not saturate for "
         "positive inputs, so gradients flow through deep networks."),
    _act("LeakyReLU", "leaky_relu", "x if x > 0, else slope·x.",
         "Like ReLU but lets a small gradient through for negative inputs, so units cannot die.",
         ParamSpec("negative_slope", "float", 0.01, 0.0, 1.0,
                   help="Slope for negative inputs.")),
    _act("Sigmoid", "sigmoid", "1 / (1 + e^−x), between 0 and 1.",
         "The classic squashing function. Saturates at 0 and 1, where its gradient vanishes: "
         "the reason deep sigmoid networks learn slowly."),
    _act("Tanh", "tanh", "tanh(x), between −1 and 1.",
         "A zero-centred sigmoid. Still saturates, but usually trains better than sigmoid."),
    _act("Softmax", "softmax", "Turns scores into probabilities that sum to 1.",
         "exp(x_i) / Σ exp(x_j) over the features. Put it last in a classifier; with the "
         "cross-entropy loss it is fused for numerical stability."),
    _act("ELU", "elu", "x if x > 0, else α·(e^x − 1).",
         "Exponential linear unit: smooth, negative outputs push mean activations to zero.",
         ParamSpec("alpha", "float", 1.0, 0.0, 100.0, help="Value approached for large "
                   "negative inputs (−α).")),
    _act("Step", "step", "1 if x > 0, else 0: the perceptron's threshold.",
         "Rosenblatt's threshold unit. Its gradient is zero everywhere, which is exactly why "
         "backpropagation needed smooth activations."),
    _act("Linear", "linear", "The identity: y = x.",
         "Passes values through unchanged. Useful as a named point in a graph."),
    NodeType(
        "Add", "Merge", "Adds its inputs element by element.",
        "Sums two or more inputs of the same shape. With an identity branch it makes a "
        "residual (skip) connection: y = x + F(x).",
        (), "merge", min_inputs=2, max_inputs=None,
    ),
    NodeType(
        "Concatenate", "Merge", "Joins its inputs along one axis.",
        "Stacks two or more inputs side by side along axis (1 = features or channels); the "
        "other axes must match.",
        (ParamSpec("axis", "axis", 1, help="Axis to join along, counting the batch as 0."),),
        "merge", min_inputs=2, max_inputs=None,
    ),
)}


def node_type(type_name: str) -> NodeType:
    """The catalogue entry for `type_name`; KeyError if there is none."""
    return NODE_TYPES[type_name]


def resolve_params(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """`params` with every omitted parameter set to its default (pool stride = pool_size)."""
    spec = NODE_TYPES[type_name]
    out = {}
    for p in spec.params:
        if p.name in params:
            out[p.name] = params[p.name]
        elif not p.required:
            out[p.name] = p.default
    if "pool_size" in out and out.get("stride") is None:
        out["stride"] = out["pool_size"]
    return out


def layer_class(type_name: str) -> type:
    spec = NODE_TYPES[type_name]
    module = importlib.import_module(f"nnstudio.core.layers.{spec.module}")
    return getattr(module, type_name)


def create_layer(node_id: str, type_name: str, params: dict[str, Any]):
    """A new, unbuilt layer for one node (defaults filled in)."""
    return layer_class(type_name)(node_id, **resolve_params(type_name, params))


def _plain(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _number_problem(p: ParamSpec, v: Any) -> str | None:
    lo, hi = p.minimum, p.maximum
    if lo is not None and (v < lo or (p.exclusive_minimum and v == lo)):
        word = "greater than" if p.exclusive_minimum else "at least"
        return f"must be {word} {_plain(lo)}, got {v!r}"
    if hi is not None and (v > hi or (p.exclusive_maximum and v == hi)):
        word = "less than" if p.exclusive_maximum else "at most"
        return f"must be {word} {_plain(hi)}, got {v!r}"
    return None


def _is_int(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (
        isinstance(v, float) and v.is_integer())


def check_value(p: ParamSpec, v: Any) -> str | None:
    """Why `v` is not a valid value for parameter `p`, or None when it is."""
    if p.kind == "int" or p.kind == "axis":
        if not _is_int(v):
            return f"must be an integer, got {v!r}"
        return None if p.kind == "axis" else _number_problem(p, v)
    if p.kind == "float":
        if isinstance(v, bool) or not isinstance(v, int | float) or v != v:
            return f"must be a number, got {v!r}"
        return _number_problem(p, v)
    if p.kind == "bool":
        return None if isinstance(v, bool) else f"must be true or false, got {v!r}"
    if p.kind == "float_pair":
        if not isinstance(v, list | tuple) or len(v) != 2:
            return f"must be a pair of numbers such as [0.9, 0.999], got {v!r}"
        for item in v:
            if isinstance(item, bool) or not isinstance(item, int | float) or item != item:
                return f"must be a pair of numbers, got {v!r}"
            problem = _number_problem(p, item)
            if problem:
                return problem
        return None
    if p.kind == "activation":
        return None if v in ACTIVATIONS else (
            f"unknown activation {v!r}; choose one of {', '.join(ACTIVATIONS)}")
    if p.kind == "init":
        name = v.get("type") if isinstance(v, dict) else v
        return None if name in INITIALIZERS else (
            f"unknown initialiser {name!r}; choose one of {', '.join(INITIALIZERS)}")
    if p.kind in ("size", "padding"):
        if p.kind == "padding" and v in ("same", "valid"):
            return None
        if v is None and p.name == "stride":
            return None
        items = v if isinstance(v, list | tuple) and len(v) == 2 else [v]
        if isinstance(v, list | tuple) and len(v) != 2:
            return f"must be a number or a pair [height, width], got {v!r}"
        for item in items:
            if not _is_int(item):
                extra = ", 'same' or 'valid'" if p.kind == "padding" else ""
                return f"must be an integer or a pair [height, width]{extra}, got {v!r}"
            problem = _number_problem(p, item)
            if problem:
                return problem
        return None
    if p.kind == "shape":
        if not isinstance(v, list | tuple) or not v or not all(_is_int(d) and d >= 1 for d in v):
            return f"must be a list of positive integers such as [2] or [1, 28, 28], got {v!r}"
        if len(v) > 3:
            return f"must have one to three dimensions, got {len(v)}"
        return None
    raise AssertionError(f"unknown parameter kind {p.kind}")


def check_params(type_name: str, params: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem with a node's params as (param name, message); [] when all is well."""
    spec = NODE_TYPES[type_name]
    known = {p.name for p in spec.params}
    problems = [(name, f"{type_name} has no parameter {name!r}"
                 + (f"; it takes {', '.join(sorted(known))}" if known else ""))
                for name in params if name not in known]
    for p in spec.params:
        if p.name not in params:
            if p.required:
                problems.append((p.name, f"{type_name} needs {p.name!r}"))
            continue
        problem = check_value(p, params[p.name])
        if problem:
            problems.append((p.name, problem))
    return problems


def _size_text(v: Any) -> str:
    return "×".join(str(int(d)) for d in v) if isinstance(v, list | tuple) else f"{int(v)}"


def node_label(type_name: str, params: dict[str, Any]) -> str:
    """A short description of a node, as on its canvas card: "Dense 8 · tanh", "Conv2D 16 3×3"."""
    if type_name not in NODE_TYPES:
        return type_name
    p = resolve_params(type_name, params)
    parts = [type_name]
    if type_name == "Input":
        parts.append(_size_text(p.get("shape", [])))
    elif type_name in ("Dense", "Conv2D"):
        parts.append(str(p.get("units", p.get("filters", "?"))))
        if type_name == "Conv2D":
            k = p["kernel_size"]
            parts.append(_size_text(k if isinstance(k, list) else [k, k]))
            if p["stride"] not in (1, [1, 1]):
                parts.append(f"/{_size_text(p['stride'])}")
    elif type_name in ("MaxPool2D", "AvgPool2D"):
        k = p["pool_size"]
        parts.append(_size_text(k if isinstance(k, list) else [k, k]))
    elif type_name == "Dropout":
        parts.append(f"{p['rate']:g}")
    elif type_name == "LeakyReLU":
        parts.append(f"{p['negative_slope']:g}")
    text = " ".join(parts)
    if p.get("activation", "linear") != "linear":
        text += f" · {p['activation']}"
    return text
