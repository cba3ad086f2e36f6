"""A design as a standalone PyTorch script: the model, its weights and its training.

The script needs only numpy and torch. Each node is one attribute of the model (named after
the node id), `forward` visits them in graph order; nnstudio's conventions become torch's:
Dense W (in, out) is Linear.weight (out, in) transposed; Conv2D weights are torch's already;
asymmetric ('same') padding is an explicit F.pad; BatchNorm's momentum and eps are torch's.
"""

from __future__ import annotations

from dataclasses import dataclass

from nnstudio.export.common import (
    ExportNode,
    ExportPlan,
    TrainingSetup,
    activation_of,
    emitter_for,
    is_symmetric,
    padding_of,
)
from nnstudio.export.script import (
    check_loss,
    docstring_text,
    module_docstring,
    settings_literals,
)

FORMAT = "PyTorch"


@dataclass(frozen=True)
class Emitted:
    """How one node is written: its module (None for the Input), the expression computing its
    value before the activation, and that activation as a format string around it."""

    module: str | None
    expression: str
    activation: str = "{}"
    #: (nnstudio array, torch state entry, transposed) for each of its arrays
    arrays: tuple[tuple[str, str, bool], ...] = ()


def _function(name: str) -> str:
    """An activation applied inside a Dense/Conv2D node, as a format string."""
    return {
        "linear": "{}", "relu": "torch.relu({})", "leaky_relu": "F.leaky_relu({}, 0.01)",
        "sigmoid": "torch.sigmoid({})", "tanh": "torch.tanh({})",
        "softmax": "torch.softmax({}, dim=1)", "elu": "F.elu({}, 1.0)", "step": "step({})",
    }[name]


def _weighted_arrays(node: ExportNode, transpose: bool) -> tuple[tuple[str, str, bool], ...]:
    arrays = [(f"{node.id}.W", f"{node.name}.weight", transpose)]
    if node.params["use_bias"]:
        arrays.append((f"{node.id}.b", f"{node.name}.bias", False))
    return tuple(arrays)


def _dense(node: ExportNode, inputs: list[str]) -> Emitted:
    features = node.input_shapes[0][-1]
    module = f"nn.Linear({features}, {node.params['units']}, bias={node.params['use_bias']})"
    return Emitted(module, f"self.{node.name}({inputs[0]})",
                   _function(node.params["activation"]), _weighted_arrays(node, True))


def _pairs(node: ExportNode, key: str) -> tuple[int, int]:
    value = node.params[key]
    return (int(value[0]), int(value[1])) if isinstance(value, list | tuple) else (
        int(value), int(value))


def _padded(node: ExportNode, source: str, fill: str) -> tuple[str, str]:
    """(the module's padding argument, the input expression) for a Conv2D or pool node:
    symmetric padding is the module's own, anything else an explicit F.pad."""
    top, bottom, left, right = pad = padding_of(node)
    if is_symmetric(pad):
        return f"({top}, {left})", source
    value = f", value={fill}" if fill != "0.0" else ""
    return "0", f"F.pad({source}, ({left}, {right}, {top}, {bottom}){value})"


def _conv(node: ExportNode, inputs: list[str]) -> Emitted:
    channels = node.input_shapes[0][0]
    padding, source = _padded(node, inputs[0], "0.0")
    module = (f"nn.Conv2d({channels}, {node.params['filters']}, "
              f"kernel_size={_pairs(node, 'kernel_size')}, stride={_pairs(node, 'stride')}, "
              f"padding={padding}, bias={node.params['use_bias']})")
    return Emitted(module, f"self.{node.name}({source})", _function(node.params["activation"]),
                   _weighted_arrays(node, False))


def _pool(kind: str, fill: str, extra: str = ""):
    def emit(node: ExportNode, inputs: list[str]) -> Emitted:
        padding, source = _padded(node, inputs[0], fill)
        module = (f"nn.{kind}(kernel_size={_pairs(node, 'pool_size')}, "
                  f"stride={_pairs(node, 'stride')}, padding={padding}{extra})")
        return Emitted(module, f"self.{node.name}({source})")
    return emit


def _batch_norm(node: ExportNode, inputs: list[str]) -> Emitted:
    shape = node.input_shapes[0]
    kind = "BatchNorm1d" if len(shape) == 1 else "BatchNorm2d"
    module = (f"nn.{kind}({shape[0]}, eps={node.params['eps']!r}, "
              f"momentum={node.params['momentum']!r})")
    arrays = tuple((f"{node.id}.{ours}", f"{node.name}.{theirs}", False) for ours, theirs in (
        ("gamma", "weight"), ("beta", "bias"), ("running_mean", "running_mean"),
        ("running_var", "running_var")))
    return Emitted(module, inputs[0], f"self.{node.name}({{}})", arrays)


def _simple(module: str):
    """A node whose module is applied to its one input, written as its activation (so a final
    softmax/sigmoid node can be skipped to read the logits)."""
    def emit(node: ExportNode, inputs: list[str]) -> Emitted:
        return Emitted(module.format(**node.params), inputs[0], f"self.{node.name}({{}})")
    return emit


def _embedding(node: ExportNode, inputs: list[str]) -> Emitted:
    module = f"nn.Embedding({node.params['num_embeddings']}, {node.params['embedding_dim']})"
    return Emitted(module, f"self.{node.name}({inputs[0]}.long())",
                   arrays=((f"{node.id}.W", f"{node.name}.weight", False),))


def _recurrent(node: ExportNode, inputs: list[str]) -> Emitted:
    """RNN/LSTM as the script's Recurrent (torch's module, batch first, bias_hh held at 0)."""
    p = node.params
    options = f", nonlinearity={p['activation']!r}" if node.type == "RNN" else ""
    module = (f"Recurrent(nn.{node.type}({node.input_shapes[0][-1]}, {p['units']}, "
              f"batch_first=True, bias={p['use_bias']}{options}), "
              f"return_sequences={p['return_sequences']})")
    arrays = [(f"{node.id}.W", f"{node.name}.inner.weight_ih_l0", True),
              (f"{node.id}.U", f"{node.name}.inner.weight_hh_l0", True)]
    if p["use_bias"]:
        arrays.append((f"{node.id}.b", f"{node.name}.inner.bias_ih_l0", False))
    return Emitted(module, f"self.{node.name}({inputs[0]})", arrays=tuple(arrays))


def _merge(module: str):
    def emit(node: ExportNode, inputs: list[str]) -> Emitted:
        return Emitted(module.format(**node.params), f"self.{node.name}({', '.join(inputs)})")
    return emit


EMITTERS = {
    "Input": lambda node, inputs: Emitted(None, "x"),
    "Dense": _dense,
    "Conv2D": _conv,
    "MaxPool2D": _pool("MaxPool2d", "-math.inf"),
    "AvgPool2D": _pool("AvgPool2d", "0.0", ", count_include_pad=True"),
    "Flatten": _simple("nn.Flatten()"),
    "Dropout": _simple("nn.Dropout(p={rate!r})"),
    "BatchNorm": _batch_norm,
    "ReLU": _simple("nn.ReLU()"),
    "LeakyReLU": _simple("nn.LeakyReLU(negative_slope={negative_slope!r})"),
    "Sigmoid": _simple("nn.Sigmoid()"),
    "Tanh": _simple("nn.Tanh()"),
    "Softmax": _simple("nn.Softmax(dim=1)"),
    "ELU": _simple("nn.ELU(alpha={alpha!r})"),
    "Step": _simple("Step()"),
    "Linear": _simple("nn.Identity()"),
    "Add": _merge("Add()"),
    "Concatenate": _merge("Concatenate(dim={axis!r})"),
    "Embedding": _embedding,
    "RNN": _recurrent,
    "LSTM": _recurrent,
}


def emit_all(plan: ExportPlan) -> list[tuple[ExportNode, Emitted]]:
    """Every node with how it is written, in graph order; DesignError for a node torch's
    export cannot express."""
    names = {n.id: "x" if n.id == plan.input_id else n.name for n in plan.nodes}
    return [(node, emitter_for(EMITTERS, node, FORMAT)(node, [names[s] for s in node.inputs]))
            for node in plan.nodes]


def _model_class(plan: ExportPlan, emitted: list[tuple[ExportNode, Emitted]]) -> list[str]:
    title = docstring_text(plan.design_name)
    lines = ["class Model(nn.Module):",
             f'    """{title}: one attribute per node, as in nnstudio."""',
             "", "    def __init__(self) -> None:", "        super().__init__()"]
    for node, e in emitted:
        if e.module is not None:
            lines += [f"        # {node.comment}", f"        self.{node.name} = {e.module}"]
    lines += ["", "    def forward(self, x: torch.Tensor, logits: bool = False) -> torch.Tensor:",
              '        """x: (batch, *input shape) → the output node\'s value; with `logits`,',
              '        the output before its final softmax/sigmoid (what the loss reads)."""']
    for node, e in emitted:
        if node.type == "Input":
            lines.append(f"        # {node.comment}: x")
            continue
        if node.id == plan.output_id and activation_of(node) in ("softmax", "sigmoid"):
            lines += [f"        {node.name} = {e.expression}  # {node.comment}",
                      "        if logits:", f"            return {node.name}",
                      f"        {node.name} = {e.activation.format(node.name)}"]
        else:
            lines.append(f"        {node.name} = {e.activation.format(e.expression)}"
                         f"  # {node.comment}")
    lines.append(f"        return {plan.output.name}")
    return lines


def generate(plan: ExportPlan, weights_file: str, data_file: str) -> str:
    """The script's source; `weights_file`, `data_file`: names of the archives beside it."""
    emitted = emit_all(plan)
    assert plan.training is not None
    check_loss(plan.training, FORMAT)
    arrays = [a for _, e in emitted for a in e.arrays]
    parts = [
        module_docstring(plan, "PyTorch", "[--device cuda] [--epochs N]", _CANNOT_MATCH),
        _HEADER.format(weights=weights_file, data=data_file),
        _settings(plan, plan.training),
        _HELPERS,
        "\n".join(_model_class(plan, emitted)),
        "#: (nnstudio array, torch state entry, transposed: Dense W is (in, out), Linear.weight "
        "(out, in))\nPARAMETERS = [\n" + "".join(f"    {a!r},\n" for a in arrays) + "]",
        _FUNCTIONS,
    ]
    return "\n\n\n".join(p.strip("\n") for p in parts) + "\n"


def _settings(plan: ExportPlan, t: TrainingSetup) -> str:
    return settings_literals(plan, t, "module attribute → (l1, l2): nnstudio adds l1·Σ|W| + "
                                      "½·l2·ΣW² (weights only)")


_CANNOT_MATCH = """\
- Dropout masks: torch draws its own random numbers, so a design with dropout trains to a
  similar, not the same, result.
- The initial weights are nnstudio's (in the weights archive); torch.manual_seed(SEED) only
  seeds dropout here.
- nnstudio's divergence guard (pause and restore the last sane weights when the loss blows
  up) is not reproduced: the script stops when the loss is not finite."""

_HEADER = '''
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

HERE = Path(__file__).resolve().parent
#: the weights nnstudio exported (keyed "<node id>.<array>"), and the data split as it splits it
WEIGHTS = HERE / "{weights}"
DATA = HERE / "{data}"
'''

_HELPERS = '''
def step(x: torch.Tensor) -> torch.Tensor:
    """The perceptron's threshold: 1 where x > 0, else 0; its gradient is zero everywhere."""
    return (x > 0).to(x.dtype) + x * 0


class Step(nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return step(x)


class Add(nn.Module):
    """y = x1 + x2 + …"""

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        y = xs[0] + xs[1]
        for x in xs[2:]:
            y = y + x
        return y


class Concatenate(nn.Module):
    """Joins its inputs along `dim` (the batch is 0)."""

    def __init__(self, dim: int) -> None:
        super().__init__()
        self.dim = dim

    def forward(self, *xs: torch.Tensor) -> torch.Tensor:
        return torch.cat(xs, dim=self.dim)


class Recurrent(nn.Module):
    """torch.nn.RNN/LSTM (batch first) → every step's hidden state, or the last step's.
    nnstudio keeps one bias: it is bias_ih; bias_hh stays zero and is not trained."""

    def __init__(self, inner: nn.RNNBase, return_sequences: bool) -> None:
        super().__init__()
        self.inner = inner
        self.return_sequences = return_sequences
        if inner.bias:
            with torch.no_grad():
                inner.bias_hh_l0.zero_()
            inner.bias_hh_l0.requires_grad_(False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.inner(x)[0]
        return out if self.return_sequences else out[:, -1]
'''

_FUNCTIONS = '''
def load_weights(model: Model, path: str | Path) -> None:
    """Copy an nnstudio weights archive (.npz keyed "<node id>.<array>") into `model`."""
    state = model.state_dict()
    with np.load(path, allow_pickle=False) as arrays:
        with torch.no_grad():
            for ours, theirs, transposed in PARAMETERS:
                value = arrays[ours].T if transposed else arrays[ours]
                state[theirs].copy_(torch.as_tensor(np.ascontiguousarray(value)))


def nnstudio_weights(model: Model) -> dict[str, np.ndarray]:
    """The model's arrays in nnstudio's names and layouts (save with np.savez to open them in
    nnstudio)."""
    state = model.state_dict()
    out = {}
    for ours, theirs, transposed in PARAMETERS:
        value = state[theirs].detach().cpu().numpy()
        out[ours] = np.ascontiguousarray(value.T if transposed else value)
    return out


def build_model(weights: str | Path | None = None, dtype: torch.dtype = torch.float32) -> Model:
    """The network with nnstudio's weights (`weights`: an nnstudio .npz; default: the archive
    exported beside this script), in `dtype`. Call .eval() for inference."""
    model = Model().to(dtype)
    load_weights(model, WEIGHTS if weights is None else weights)
    return model


def load_data(path: str | Path = DATA) -> dict[str, np.ndarray]:
    """x_train, y_train, x_validation, y_validation, x_test, y_test as nnstudio splits them."""
    with np.load(path, allow_pickle=False) as arrays:
        return {key: arrays[key] for key in arrays.files}


def loss_targets(y: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    """Labels (N,) or values as the loss wants them, as nnstudio's targets_for does."""
    if TARGETS == "labels":
        return y.long()
    if TARGETS == "onehot":
        return F.one_hot(y.long(), OUTPUT_UNITS).to(dtype)
    y = y.to(dtype)
    return y.reshape(-1, 1) if y.ndim == 1 else y


def data_loss(scores: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """The design's loss, averaged over the batch (scores: logits when FUSED)."""
    if LOSS == "cross_entropy":
        return F.cross_entropy(scores, t)
    if LOSS == "binary_cross_entropy":
        return F.binary_cross_entropy_with_logits(scores, t)
    if LOSS == "mse":
        return F.mse_loss(scores, t)
    # hinge: Σ over wrong classes of max(0, s_j − s_y + 1), averaged over the batch
    margins = scores - scores.gather(1, t[:, None]) + 1
    margins = margins.scatter(1, t[:, None], 0.0).clamp(min=0)
    return margins.sum() / scores.shape[0]


def penalty(model: Model) -> torch.Tensor | float:
    total: torch.Tensor | float = 0.0
    for name, (l1, l2) in PENALTIES.items():
        w = getattr(model, name).weight
        if l2:
            total = total + 0.5 * l2 * (w * w).sum()
        if l1:
            total = total + l1 * w.abs().sum()
    return total


def scores_of(model: Model, x: torch.Tensor) -> torch.Tensor:
    """What the loss and the class predictions read: the logits when FUSED."""
    return model(x, logits=FUSED is not None)


def predicted_classes(scores: torch.Tensor) -> torch.Tensor:
    if scores.ndim == 2 and scores.shape[1] > 1:
        return scores.argmax(dim=1)
    if LOSS in ("cross_entropy", "hinge"):
        return torch.zeros(len(scores), dtype=torch.long, device=scores.device)
    return (scores.reshape(-1) > THRESHOLD).long()


def make_optimizer(model: Model) -> torch.optim.Optimizer:
    o = dict(OPTIONS)
    if OPTIMIZER in ("sgd", "momentum"):
        return torch.optim.SGD(model.parameters(), **o)
    if OPTIMIZER == "adagrad":
        return torch.optim.Adagrad(model.parameters(), **o)
    if OPTIMIZER == "rmsprop":
        return torch.optim.RMSprop(model.parameters(), **o)
    o["betas"] = tuple(o["betas"])
    cls = torch.optim.AdamW if OPTIMIZER == "adamw" else torch.optim.Adam
    return cls(model.parameters(), **o)


def evaluate(model: Model, x: torch.Tensor, y: torch.Tensor) -> dict[str, float]:
    """Loss (without the penalties) and accuracy on one split, in evaluation mode."""
    model.eval()
    with torch.no_grad():
        scores = scores_of(model, x)
        result = {"loss": float(data_loss(scores, loss_targets(y, scores.dtype)))}
        if CLASSIFICATION:
            result["accuracy"] = float((predicted_classes(scores) == y).float().mean())
    return result


def train(model: Model, data: dict[str, np.ndarray] | None = None, epochs: int = EPOCHS,
          device: str = "cpu", max_steps: int | None = None, log=print) -> list[dict]:
    """Train as nnstudio does (same splits, shuffling, batches, loss, penalties, optimiser and
    early stopping); one log line per epoch; returns one metrics dict per epoch."""
    data = load_data() if data is None else data
    torch.manual_seed(SEED)
    dtype = next(model.parameters()).dtype
    model.to(device)
    tensors = {key: torch.tensor(value, device=device) for key, value in data.items()}
    x, y = tensors["x_train"].to(dtype), tensors["y_train"]
    x_val, y_val = tensors["x_validation"].to(dtype), tensors["y_validation"]
    optimizer = make_optimizer(model)
    rng = np.random.default_rng(SEED)
    history: list[dict] = []
    best, best_state, bad, steps = math.inf, None, 0, 0
    for epoch in range(1, epochs + 1):
        order = torch.as_tensor(rng.permutation(len(x)) if SHUFFLE else np.arange(len(x)),
                                device=device)
        model.train()
        total, correct = 0.0, 0
        for lo in range(0, len(x), BATCH_SIZE):
            xb, yb = x[order[lo:lo + BATCH_SIZE]], y[order[lo:lo + BATCH_SIZE]]
            scores = scores_of(model, xb)
            loss = data_loss(scores, loss_targets(yb, dtype)) + penalty(model)
            value = loss.item()
            if not math.isfinite(value):
                sys.exit(f"epoch {epoch}: the loss is {value}; lower the learning rate")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += value * len(xb)
            if CLASSIFICATION:
                correct += int((predicted_classes(scores.detach()) == yb).sum())
            steps += 1
            if max_steps is not None and steps >= max_steps:
                return history
        entry = {"epoch": epoch, "train_loss": total / len(x)}
        if CLASSIFICATION:
            entry["train_accuracy"] = correct / len(x)
        if len(x_val):
            entry.update({f"validation_{k}": v for k, v in evaluate(model, x_val, y_val).items()})
        history.append(entry)
        log("  ".join([f"epoch {epoch}/{epochs}"] + [f"{k} {v:.4f}" for k, v in entry.items()
                                                      if k != "epoch"]))
        if EARLY_STOPPING is not None:
            monitored = entry.get("validation_loss", entry["train_loss"])
            if monitored < best - EARLY_STOPPING["min_delta"]:
                best, bad = monitored, 0
                if EARLY_STOPPING["restore_best"]:
                    best_state = {k: v.clone() for k, v in model.state_dict().items()}
            else:
                bad += 1
                if bad >= EARLY_STOPPING["patience"]:
                    log(f"stopped early: no better for {bad} epochs")
                    if best_state is not None:
                        model.load_state_dict(best_state)
                    break
    return history


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu", help="cpu, cuda, mps…")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--save-weights", type=Path, metavar="W.npz",
                        help="save the trained weights for nnstudio")
    args = parser.parse_args(argv)
    model = build_model()
    train(model, epochs=args.epochs, device=args.device)
    data = load_data()
    for split in ("train", "validation", "test"):
        x = torch.as_tensor(data[f"x_{split}"], device=args.device)
        if len(x):
            y = torch.as_tensor(data[f"y_{split}"], device=args.device)
            metrics = evaluate(model, x, y)
            print(f"{split:<10} " + "  ".join(f"{k} {v:.4f}" for k, v in metrics.items()))
    if args.save_weights is not None:
        np.savez(args.save_weights, **nnstudio_weights(model))


if __name__ == "__main__":
    main()
'''
