"""A design as a standalone Keras 3 script (any backend): the model, its weights, its training.

The model takes nnstudio's NCHW images and works channels-last inside (the layout every Keras
backend runs on a CPU): images are permuted to (H, W, C) after the Input, back to (C, H, W)
before a Flatten (so Dense weights keep nnstudio's order) and at an image output. Conv2D
kernels become (kh, kw, in, out); padding is an explicit Pad2D layer (-inf for max pooling,
zeros otherwise, as torch pads); BatchNorm's Keras momentum is 1 − nnstudio's.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnstudio.export.common import (
    ExportNode,
    ExportPlan,
    TrainingSetup,
    activation_of,
    batch_axis,
    emitter_for,
    padding_of,
)
from nnstudio.export.script import check_loss, module_docstring, settings_literals

FORMAT = "Keras"
#: an NCHW axis (batch = 0) → the same axis of an NHWC tensor
_NHWC_AXIS = {0: 0, 1: 3, 2: 1, 3: 2}


@dataclass(frozen=True)
class Emitted:
    """Lines computing the node's value (named after the node), the name of the value before
    its final activation (for the logits), and its arrays: (layer name, [(nnstudio array,
    axes to transpose or None)])."""

    lines: tuple[str, ...]
    pre_activation: str | None = None
    arrays: tuple[tuple[str, tuple[tuple[str, tuple[int, ...] | None], ...]], ...] = ()


def _is_image(shape: tuple[int, ...]) -> bool:
    return len(shape) == 3


def _activation_layer(name: str, layer_name: str) -> str:
    """A Keras layer applying an nnstudio activation (by name, with nnstudio's defaults)."""
    return {
        "relu": "layers.ReLU", "sigmoid": "layers.Activation", "tanh": "layers.Activation",
        "leaky_relu": "layers.LeakyReLU", "softmax": "layers.Softmax", "elu": "layers.ELU",
        "step": "Step", "linear": "layers.Identity",
    }[name] + "(" + {
        "sigmoid": '"sigmoid", ', "tanh": '"tanh", ', "leaky_relu": "negative_slope=0.01, ",
        "softmax": "axis=-1, ", "elu": "alpha=1.0, ",
    }.get(name, "") + f"name={layer_name!r})"


def _activation_lines(node: ExportNode, act: str, z: str) -> tuple[tuple[str, ...], str | None]:
    """Lines applying `act` to `z` into the node's variable; and the pre-activation value."""
    if act == "linear":
        return (), None
    return (f"{node.name} = {_activation_layer(act, node.name + '_' + act)}({z})",), z


def _regularizer(node: ExportNode) -> str:
    l1, l2 = float(node.params["l1"]), float(node.params["l2"])
    if not (l1 or l2):
        return ""
    # Keras' L2 adds l2·ΣW²; nnstudio adds ½·l2·ΣW²
    return f", kernel_regularizer=keras.regularizers.L1L2(l1={l1!r}, l2={l2 / 2!r})"


def _pairs(node: ExportNode, key: str) -> tuple[int, int]:
    value = node.params[key]
    return (int(value[0]), int(value[1])) if isinstance(value, list | tuple) else (
        int(value), int(value))


def _pad(node: ExportNode, source: str, fill: str) -> tuple[str, ...]:
    """A Pad2D line when the node pads; its value is `<name>_padded`."""
    top, bottom, left, right = padding_of(node)
    if not any((top, bottom, left, right)):
        return ()
    return (f"{node.name}_padded = Pad2D((({top}, {bottom}), ({left}, {right})), {fill}, "
            f"name={node.name + '_pad'!r})({source})",)


def _weighted(node: ExportNode, layer: str, source: str,
              kernel_axes: tuple[int, ...] | None) -> Emitted:
    act = node.params["activation"]
    z = f"{node.name}_z" if act != "linear" else node.name
    lines = (f"{z} = {layer}({source})",)
    more, pre = _activation_lines(node, act, z)
    arrays = [(f"{node.id}.W", kernel_axes)]
    if node.params["use_bias"]:
        arrays.append((f"{node.id}.b", None))
    return Emitted(lines + more, pre, ((node.name, tuple(arrays)),))


def _dense(node: ExportNode, xs: list[str]) -> Emitted:
    layer = (f"layers.Dense({node.params['units']}, use_bias={node.params['use_bias']}, "
             f"name={node.name!r}{_regularizer(node)})")
    return _weighted(node, layer, xs[0], None)


def _conv(node: ExportNode, xs: list[str]) -> Emitted:
    pad = _pad(node, xs[0], "0.0")
    layer = (f"layers.Conv2D({node.params['filters']}, {_pairs(node, 'kernel_size')}, "
             f"strides={_pairs(node, 'stride')}, use_bias={node.params['use_bias']}, "
             f"name={node.name!r}{_regularizer(node)})")
    e = _weighted(node, layer, f"{node.name}_padded" if pad else xs[0], (2, 3, 1, 0))
    return Emitted(pad + e.lines, e.pre_activation, e.arrays)


def _pool(kind: str, fill: str):
    def emit(node: ExportNode, xs: list[str]) -> Emitted:
        pad = _pad(node, xs[0], fill)
        source = f"{node.name}_padded" if pad else xs[0]
        return Emitted((*pad, f"{node.name} = layers.{kind}({_pairs(node, 'pool_size')}, "
                        f"strides={_pairs(node, 'stride')}, name={node.name!r})({source})"))
    return emit


def _batch_norm(node: ExportNode, xs: list[str]) -> Emitted:
    momentum = 1.0 - float(node.params["momentum"])
    line = (f"{node.name} = layers.BatchNormalization(axis=-1, momentum={momentum!r}, "
            f"epsilon={float(node.params['eps'])!r}, name={node.name!r})({xs[0]})")
    keys = tuple((f"{node.id}.{k}", None) for k in ("gamma", "beta", "running_mean",
                                                     "running_var"))
    return Emitted((line,), arrays=((node.name, keys),))


def _flatten(node: ExportNode, xs: list[str]) -> Emitted:
    source = xs[0]
    lines: tuple[str, ...] = ()
    if _is_image(node.input_shapes[0]):  # back to (C, H, W): the features in nnstudio's order
        lines = (f"{node.name}_chw = layers.Permute((3, 1, 2), name={node.name + '_chw'!r})"
                 f"({source})",)
        source = f"{node.name}_chw"
    return Emitted((*lines, f"{node.name} = layers.Flatten(name={node.name!r})({source})"))


def _activation_node(node: ExportNode, xs: list[str]) -> Emitted:
    act = activation_of(node)
    params = node.params
    layer = {
        "leaky_relu": f"layers.LeakyReLU(negative_slope={params.get('negative_slope')!r}, "
                      f"name={node.name!r})",
        "elu": f"layers.ELU(alpha={params.get('alpha')!r}, name={node.name!r})",
    }.get(act, _activation_layer(act, node.name))
    return Emitted((f"{node.name} = {layer}({xs[0]})",), xs[0])


def _dropout(node: ExportNode, xs: list[str]) -> Emitted:
    return Emitted((f"{node.name} = layers.Dropout({float(node.params['rate'])!r}, "
                    f"name={node.name!r})({xs[0]})",))


def _add(node: ExportNode, xs: list[str]) -> Emitted:
    return Emitted((f"{node.name} = layers.Add(name={node.name!r})([{', '.join(xs)}])",))


def _concatenate(node: ExportNode, xs: list[str]) -> Emitted:
    rank = len(node.input_shapes[0])
    axis = batch_axis(int(node.params["axis"]), rank)
    if _is_image(node.input_shapes[0]):
        axis = _NHWC_AXIS[axis]
    return Emitted((f"{node.name} = layers.Concatenate(axis={axis}, name={node.name!r})"
                    f"([{', '.join(xs)}])",))


def _embedding(node: ExportNode, xs: list[str]) -> Emitted:
    p = node.params
    return Emitted((f"{node.name}_ids = ops.cast({xs[0]}, 'int32')",
                    f"{node.name} = layers.Embedding({p['num_embeddings']}, "
                    f"{p['embedding_dim']}, name={node.name!r})({node.name}_ids)"),
                   arrays=((node.name, ((f"{node.id}.W", None),)),))


def _recurrent(node: ExportNode, xs: list[str]) -> Emitted:
    """SimpleRNN/LSTM: Keras' kernel, recurrent kernel and bias are nnstudio's W, U and b
    (the LSTM's gates in the same order i, f, c, o)."""
    p = node.params
    layer, options = (("SimpleRNN", f"activation={p['activation']!r}, ") if node.type == "RNN"
                      else ("LSTM", ""))
    line = (f"{node.name} = layers.{layer}({p['units']}, {options}use_bias={p['use_bias']}, "
            f"return_sequences={p['return_sequences']}, name={node.name!r})({xs[0]})")
    keys = [(f"{node.id}.W", None), (f"{node.id}.U", None)]
    if p["use_bias"]:
        keys.append((f"{node.id}.b", None))
    return Emitted((line,), arrays=((node.name, tuple(keys)),))


def _input(node: ExportNode, xs: list[str]) -> Emitted:
    lines = [f"x = keras.Input(shape={tuple(node.shape)!r}, name={node.name!r})"]
    if _is_image(node.shape):
        lines.append("x_hwc = layers.Permute((2, 3, 1), name='channels_last')(x)")
    return Emitted(tuple(lines))


EMITTERS = {
    "Input": _input,
    "Dense": _dense,
    "Conv2D": _conv,
    "MaxPool2D": _pool("MaxPooling2D", "-math.inf"),
    "AvgPool2D": _pool("AveragePooling2D", "0.0"),
    "Flatten": _flatten,
    "Dropout": _dropout,
    "BatchNorm": _batch_norm,
    **{t: _activation_node for t in ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "ELU",
                                     "Step", "Linear")},
    "Add": _add,
    "Concatenate": _concatenate,
    "Embedding": _embedding,
    "RNN": _recurrent,
    "LSTM": _recurrent,
}


def _build_function(plan: ExportPlan) -> tuple[list[str], list[str]]:
    """(the lines of build_models, the PARAMETERS entries); DesignError for a node Keras'
    export cannot express."""
    values: dict[str, str] = {}
    body: list[str] = []
    arrays: list[str] = []
    logits = None
    for node in plan.nodes:
        emit = emitter_for(EMITTERS, node, FORMAT)
        e = emit(node, [values[s] for s in node.inputs])
        body.append(f"# {node.comment}")
        body += e.lines
        values[node.id] = "x_hwc" if node.type == "Input" and _is_image(node.shape) else (
            "x" if node.type == "Input" else node.name)
        arrays += [f"    {layer!r}: {list(keys)!r},\n" for layer, keys in e.arrays]
        if node.id == plan.output_id and activation_of(node) in ("softmax", "sigmoid"):
            logits = e.pre_activation
    out = values[plan.output_id]
    if _is_image(plan.output.shape):
        body.append(f"{out} = layers.Permute((3, 1, 2), name='channels_first')({out})")
    body += [f"model = keras.Model(x, {out}, name='model')",
             f"logits_model = keras.Model(x, {logits or out}, name='logits')"]
    return body, arrays


def generate(plan: ExportPlan, weights_file: str, data_file: str) -> str:
    """The script's source; `weights_file`, `data_file`: names of the archives beside it."""
    assert plan.training is not None
    check_loss(plan.training, FORMAT)
    body, arrays = _build_function(plan)
    build = ("def build_models(weights: str | Path | None = None) -> tuple[keras.Model, "
             "keras.Model]:\n"
             '    """(the model, the same layers up to the logits: what training reads)."""\n'
             + "".join(f"    {line}\n" for line in body)
             + "    load_weights(model, WEIGHTS if weights is None else weights)\n"
             + "    return model, logits_model")
    parts = [
        module_docstring(plan, "Keras 3", "[--epochs N]", _cannot_match(plan.training)),
        _HEADER.format(weights=weights_file, data=data_file),
        _settings(plan, plan.training),
        _HELPERS,
        "#: layer → its nnstudio arrays in Keras' order, with the axes to transpose them by\n"
        "PARAMETERS = {\n" + "".join(arrays) + "}",
        build,
        _FUNCTIONS,
    ]
    return "\n\n\n".join(p.strip("\n") for p in parts) + "\n"


def _cannot_match(t: TrainingSetup) -> str:
    notes = [
        "- Adam's (and RMSProp's, AdaGrad's) epsilon: Keras adds it to a differently scaled "
        "denominator,\n  so the steps differ slightly, most in the first steps.",
        "- BatchNorm's moving variance: Keras updates it with the batch's biased variance, torch "
        "and\n  nnstudio with the unbiased one (Keras momentum = 1 − nnstudio momentum).",
        "- Dropout masks: Keras draws its own random numbers.",
        "- The epoch's training loss is Keras' mean over batches (nnstudio weights them by "
        "size), its\n  training accuracy measured after the epoch (nnstudio's: during it).",
        "- nnstudio's divergence guard (restore the last sane weights) is not reproduced.",
    ]
    o = t.options
    if o.get("weight_decay") and t.optimizer != "adamw":
        notes.append("- weight_decay: Keras applies it to the weights directly (decoupled), "
                     "torch adds it to the gradient.")
    if o.get("dampening"):
        notes.append("- SGD's dampening: Keras has none; it is ignored.")
    if o.get("amsgrad") and t.optimizer in ("adam", "adamw"):
        notes.append("- AMSGrad: Keras keeps the maximum of the raw second moment.")
    return "\n".join(notes)


def _settings(plan: ExportPlan, t: TrainingSetup) -> str:
    return settings_literals(plan, t, "nnstudio's L1/L2 penalties (layer → (l1, l2)), set as "
                                      "kernel regularizers above")


_HEADER = '''
from __future__ import annotations

import argparse
import math
from pathlib import Path

import keras
import numpy as np
from keras import layers, ops

HERE = Path(__file__).resolve().parent
#: the weights nnstudio exported (keyed "<node id>.<array>"), and the data split as it splits it
WEIGHTS = HERE / "{weights}"
DATA = HERE / "{data}"
'''

_HELPERS = '''
class Pad2D(layers.Layer):
    """Pads (N, H, W, C) by ((top, bottom), (left, right)) with `value`."""

    def __init__(self, padding, value: float, **kwargs) -> None:
        super().__init__(**kwargs)
        self.padding = padding
        self.value = value

    def call(self, x):
        (top, bottom), (left, right) = self.padding
        return ops.pad(x, [[0, 0], [top, bottom], [left, right], [0, 0]],
                       constant_values=self.value)


class Step(layers.Layer):
    """The perceptron's threshold: 1 where x > 0, else 0 (zero gradient)."""

    def call(self, x):
        return ops.cast(ops.greater(x, 0), x.dtype)
'''

_FUNCTIONS = '''
def load_weights(model: keras.Model, path: str | Path) -> None:
    """Copy an nnstudio weights archive (.npz keyed "<node id>.<array>") into `model`."""
    with np.load(path, allow_pickle=False) as arrays:
        for layer, keys in PARAMETERS.items():
            model.get_layer(layer).set_weights(
                [arrays[key] if axes is None else arrays[key].transpose(axes)
                 for key, axes in keys])


def nnstudio_weights(model: keras.Model) -> dict[str, np.ndarray]:
    """The model's arrays in nnstudio's names and layouts."""
    out = {}
    for layer, keys in PARAMETERS.items():
        for (key, axes), value in zip(keys, model.get_layer(layer).get_weights()):
            out[key] = value if axes is None else value.transpose(np.argsort(axes))
    return out


def build_model(weights: str | Path | None = None) -> keras.Model:
    """The network with nnstudio's weights (`weights`: an nnstudio .npz; default: the archive
    exported beside this script); x: (batch, *nnstudio's input shape)."""
    return build_models(weights)[0]


def load_data(path: str | Path = DATA) -> dict[str, np.ndarray]:
    """x_train, y_train, x_validation, y_validation, x_test, y_test as nnstudio splits them."""
    with np.load(path, allow_pickle=False) as arrays:
        return {key: arrays[key] for key in arrays.files}


def loss_targets(y: np.ndarray) -> np.ndarray:
    """Labels (N,) or values as the loss wants them, as nnstudio's targets_for does."""
    if TARGETS == "labels":
        return y.astype("int64")
    if TARGETS == "onehot":
        return np.eye(OUTPUT_UNITS, dtype="float32")[y]
    y = y.astype("float32")
    return y.reshape(-1, 1) if y.ndim == 1 else y


def hinge(t, scores):
    """Σ over wrong classes of max(0, s_j − s_y + 1), averaged over the batch."""
    onehot = ops.one_hot(ops.cast(ops.reshape(t, (-1,)), "int32"), OUTPUT_UNITS)
    true = ops.sum(scores * onehot, axis=1, keepdims=True)
    margins = ops.maximum(scores - true + 1.0, 0.0) * (1.0 - onehot)
    return ops.sum(margins, axis=1)


def make_loss():
    if LOSS == "cross_entropy":
        return keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    if LOSS == "binary_cross_entropy":
        return keras.losses.BinaryCrossentropy(from_logits=True)
    if LOSS == "mse":
        return keras.losses.MeanSquaredError()
    return hinge


def make_optimizer() -> keras.optimizers.Optimizer:
    o = OPTIONS
    if OPTIMIZER in ("sgd", "momentum"):
        return keras.optimizers.SGD(o["lr"], momentum=o["momentum"], nesterov=o["nesterov"],
                                    weight_decay=o["weight_decay"] or None)
    if OPTIMIZER == "adagrad":
        lr = (keras.optimizers.schedules.InverseTimeDecay(o["lr"], 1, o["lr_decay"])
              if o["lr_decay"] else o["lr"])
        return keras.optimizers.Adagrad(
            lr, initial_accumulator_value=o["initial_accumulator_value"], epsilon=o["eps"],
            weight_decay=o["weight_decay"] or None)
    if OPTIMIZER == "rmsprop":
        return keras.optimizers.RMSprop(o["lr"], rho=o["alpha"], momentum=o["momentum"],
                                        epsilon=o["eps"], centered=o["centered"],
                                        weight_decay=o["weight_decay"] or None)
    beta_1, beta_2 = o["betas"]
    if OPTIMIZER == "adamw":
        return keras.optimizers.AdamW(o["lr"], weight_decay=o["weight_decay"], beta_1=beta_1,
                                      beta_2=beta_2, epsilon=o["eps"], amsgrad=o["amsgrad"])
    return keras.optimizers.Adam(o["lr"], beta_1=beta_1, beta_2=beta_2, epsilon=o["eps"],
                                 amsgrad=o["amsgrad"], weight_decay=o["weight_decay"] or None)


def predicted_classes(scores: np.ndarray) -> np.ndarray:
    if scores.ndim == 2 and scores.shape[1] > 1:
        return scores.argmax(axis=1)
    if LOSS in ("cross_entropy", "hinge"):
        return np.zeros(len(scores), dtype="int64")
    return (scores.reshape(-1) > THRESHOLD).astype("int64")


def evaluate(logits_model: keras.Model, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Loss (without the penalties) and accuracy on one split, in evaluation mode."""
    scores = ops.convert_to_numpy(logits_model(x, training=False))
    result = {"loss": float(ops.convert_to_numpy(ops.mean(make_loss()(loss_targets(y), scores))))}
    if CLASSIFICATION:
        result["accuracy"] = float(np.mean(predicted_classes(scores) == y))
    return result


def train(model: keras.Model, logits_model: keras.Model, data: dict | None = None,
          epochs: int = EPOCHS, log=print) -> list[dict]:
    """Train as nnstudio does (same splits, shuffling, batches, loss, penalties, optimiser and
    early stopping); one log line per epoch; returns one metrics dict per epoch."""
    data = load_data() if data is None else data
    keras.utils.set_random_seed(SEED)
    logits_model.compile(optimizer=make_optimizer(), loss=make_loss())
    x, y = data["x_train"], data["y_train"]
    t = loss_targets(y)
    rng = np.random.default_rng(SEED)
    history: list[dict] = []
    best, best_weights, bad = math.inf, None, 0
    for epoch in range(1, epochs + 1):
        order = rng.permutation(len(x)) if SHUFFLE else np.arange(len(x))
        fit = logits_model.fit(x[order], t[order], batch_size=BATCH_SIZE, epochs=1,
                               shuffle=False, verbose=0)
        entry = {"epoch": epoch, "train_loss": float(fit.history["loss"][-1])}
        if CLASSIFICATION:
            entry["train_accuracy"] = evaluate(logits_model, x, y)["accuracy"]
        if len(data["x_validation"]):
            metrics = evaluate(logits_model, data["x_validation"], data["y_validation"])
            entry.update({f"validation_{k}": v for k, v in metrics.items()})
        history.append(entry)
        log("  ".join([f"epoch {epoch}/{epochs}"] + [f"{k} {v:.4f}" for k, v in entry.items()
                                                      if k != "epoch"]))
        if EARLY_STOPPING is not None:
            monitored = entry.get("validation_loss", entry["train_loss"])
            if monitored < best - EARLY_STOPPING["min_delta"]:
                best, bad = monitored, 0
                if EARLY_STOPPING["restore_best"]:
                    best_weights = model.get_weights()
            else:
                bad += 1
                if bad >= EARLY_STOPPING["patience"]:
                    log(f"stopped early: no better for {bad} epochs")
                    if best_weights is not None:
                        model.set_weights(best_weights)
                    break
    return history


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--device", default=None,
                        help="ignored: Keras places the work on its backend's device")
    parser.add_argument("--save-weights", type=Path, metavar="W.npz",
                        help="save the trained weights for nnstudio")
    args = parser.parse_args(argv)
    model, logits_model = build_models()
    train(model, logits_model, epochs=args.epochs)
    data = load_data()
    for split in ("train", "validation", "test"):
        if len(data[f"x_{split}"]):
            metrics = evaluate(logits_model, data[f"x_{split}"], data[f"y_{split}"])
            print(f"{split:<10} " + "  ".join(f"{k} {v:.4f}" for k, v in metrics.items()))
    if args.save_weights is not None:
        np.savez(args.save_weights, **nnstudio_weights(model))


if __name__ == "__main__":
    main()
'''
