"""Write torch's numbers for every case in `cases.py` into the .npz fixtures beside this file.

The default test suite has no torch; `tests/core/test_reference_values.py` compares nnstudio
with these fixtures instead. Run this by hand, where torch is installed, whenever a case is
added or changed (a new node type, loss or optimiser option)::

    python -m venv --system-site-packages /tmp/torchvenv
    /tmp/torchvenv/bin/pip install torch==2.13.0      # the CPU wheel
    /tmp/torchvenv/bin/python tests/core/reference/make_reference.py

It writes layers.npz, losses.npz, optimizers.npz and networks.npz (float64, keys
"<case>/<what>"), each case's inputs included, so the comparison needs nothing but NumPy.
nnstudio is used only for shapes, option defaults and the networks' starting weights; every
value compared comes from torch.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cases  # beside this script
from cases import LayerCase, LossCase, NetworkCase

from nnstudio.core import losses
from nnstudio.core.catalog import create_layer, resolve_params
from nnstudio.core.layers.conv import pair, resolve_padding
from nnstudio.core.network import Network
from nnstudio.core.optimizers import resolve_options

Arrays = dict[str, np.ndarray]
F64 = torch.float64
TorchFn = Callable[[list[torch.Tensor], dict[str, torch.Tensor], bool], torch.Tensor]

ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "linear": lambda z: z,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda z: torch.softmax(z, dim=1),
    "elu": F.elu,
    "step": lambda z: torch.heaviside(z, torch.zeros((), dtype=z.dtype)),
}


def numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().numpy().astype(np.float64).copy()


def flat(arrays: list[np.ndarray]) -> np.ndarray:
    """The arrays raveled and joined, in order: one fixture entry instead of many."""
    return np.concatenate([a.ravel() for a in arrays])


# -- layers ---------------------------------------------------------------------------------------
def _conv_padding(case: LayerCase) -> tuple[tuple[int, int, int, int], tuple[int, int]]:
    """((top, bottom, left, right) padding, (kh, kw)) as nnstudio resolves them."""
    p = resolve_params(case.type, case.params)
    kernel = pair(p.get("kernel_size", p.get("pool_size")))
    _, h, w = case.input_shapes[0]
    return resolve_padding(p["padding"], kernel, pair(p["stride"]), (h, w)), kernel


def _padded(x: torch.Tensor, pad: tuple[int, int, int, int], fill: float) -> torch.Tensor:
    top, bottom, left, right = pad
    return F.pad(x, (left, right, top, bottom), value=fill)


def _dense(case: LayerCase) -> TorchFn:
    act = ACTIVATIONS[case.params.get("activation", "linear")]
    return lambda xs, p, training: act(F.linear(xs[0], p["W"].T, p.get("b")))


def _conv(case: LayerCase) -> TorchFn:
    p = resolve_params(case.type, case.params)
    act = ACTIVATIONS[p["activation"]]
    stride = pair(p["stride"])
    if p["padding"] == "same":  # torch's own 'same' (extra row/column at the end)
        return lambda xs, q, training: act(F.conv2d(xs[0], q["W"], q.get("b"), padding="same"))
    pad, _ = _conv_padding(case)
    return lambda xs, q, training: act(F.conv2d(xs[0], q["W"], q.get("b"), stride=stride,
                                                padding=(pad[0], pad[2])))


def _pool(case: LayerCase) -> TorchFn:
    p = resolve_params(case.type, case.params)
    pad, kernel = _conv_padding(case)
    stride = pair(p["stride"])
    if case.type == "MaxPool2D":
        def pool(x: torch.Tensor, padding: tuple[int, int]) -> torch.Tensor:
            return F.max_pool2d(x, kernel, stride, padding)
        fill = -np.inf
    else:
        def pool(x: torch.Tensor, padding: tuple[int, int]) -> torch.Tensor:
            return F.avg_pool2d(x, kernel, stride, padding, count_include_pad=True)
        fill = 0.0
    top, bottom, left, right = pad
    if (top, left) == (bottom, right):  # torch's own padding argument
        return lambda xs, q, training: pool(xs[0], (top, left))
    return lambda xs, q, training: pool(_padded(xs[0], pad, fill), (0, 0))


def _batchnorm(case: LayerCase) -> tuple[TorchFn, dict[str, torch.Tensor]]:
    p = resolve_params(case.type, case.params)
    channels = case.input_shapes[0][0]
    buffers = {"running_mean": torch.zeros(channels, dtype=torch.float64),
               "running_var": torch.ones(channels, dtype=torch.float64)}

    def fn(xs: list[torch.Tensor], q: dict[str, torch.Tensor], training: bool) -> torch.Tensor:
        return F.batch_norm(xs[0], buffers["running_mean"], buffers["running_var"], q["gamma"],
                            q["beta"], training=training, momentum=p["momentum"], eps=p["eps"])
    return fn, buffers


def _dropout(case: LayerCase) -> TorchFn:
    rate = resolve_params(case.type, case.params)["rate"]

    def fn(xs: list[torch.Tensor], q: dict[str, torch.Tensor], training: bool) -> torch.Tensor:
        torch.manual_seed(zlib.crc32(case.name.encode()))
        return F.dropout(xs[0], rate, training=training)
    return fn


def _activation_node(case: LayerCase) -> TorchFn:
    params = resolve_params(case.type, case.params)
    fns: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
        **ACTIVATIONS,
        "leaky_relu": lambda z: F.leaky_relu(z, params.get("negative_slope", 0.01)),
        "elu": lambda z: F.elu(z, params.get("alpha", 1.0)),
    }
    act = fns[create_layer("n", case.type, case.params).activation]
    return lambda xs, q, training: act(xs[0])


class Recurrent(torch.nn.Module):
    """torch.nn.RNN / LSTM (batch first) with nnstudio's parameters: W (F, gates·units) is
    weight_ih transposed, U weight_hh transposed, b is bias_ih (bias_hh held at zero: torch's
    two biases only ever act as their sum). Returns every step's h or the last one's."""

    def __init__(self, kind: str, features: int, p: dict[str, Any]):
        super().__init__()
        options = {"nonlinearity": p["activation"]} if kind == "RNN" else {}
        module = torch.nn.RNN if kind == "RNN" else torch.nn.LSTM
        self.inner = module(features, p["units"], batch_first=True, bias=p["use_bias"],
                            dtype=F64, **options)
        self.return_sequences = p["return_sequences"]
        self.W = torch.nn.Parameter(self.inner.weight_ih_l0.detach().T.clone())
        self.U = torch.nn.Parameter(self.inner.weight_hh_l0.detach().T.clone())
        self.b = (torch.nn.Parameter(torch.zeros(self.W.shape[1], dtype=F64)) if p["use_bias"]
                  else None)
        for name, _ in list(self.inner.named_parameters()):
            getattr(self.inner, name).requires_grad_(False)

    def run(self, x: torch.Tensor, w: torch.Tensor, u: torch.Tensor,
            b: torch.Tensor | None) -> torch.Tensor:
        weights = {"weight_ih_l0": w.T, "weight_hh_l0": u.T}
        if b is not None:
            weights.update({"bias_ih_l0": b, "bias_hh_l0": torch.zeros_like(b)})
        out = torch.func.functional_call(self.inner, weights, (x,))[0]
        return out if self.return_sequences else out[:, -1]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.run(x, self.W, self.U, self.b)


def _recurrent(case: LayerCase) -> TorchFn:
    p = resolve_params(case.type, case.params)
    module = Recurrent(case.type, case.input_shapes[0][-1], p)
    return lambda xs, q, training: module.run(xs[0], q["W"], q["U"], q.get("b"))


def torch_function(case: LayerCase) -> tuple[TorchFn, dict[str, torch.Tensor]]:
    """torch's computation of the case's layer, and the buffers it keeps between passes."""
    kind = case.type
    if kind == "BatchNorm":
        return _batchnorm(case)
    simple: dict[str, Callable[[LayerCase], TorchFn]] = {
        "Dense": _dense, "Conv2D": _conv, "MaxPool2D": _pool, "AvgPool2D": _pool,
        "Dropout": _dropout, "RNN": _recurrent, "LSTM": _recurrent,
    }
    if kind in simple:
        return simple[kind](case), {}
    fixed: dict[str, TorchFn] = {
        "Input": lambda xs, q, t: xs[0] * 1.0,
        "Flatten": lambda xs, q, t: torch.flatten(xs[0], 1),
        "Add": lambda xs, q, t: torch.stack(xs).sum(dim=0),
        "Concatenate": lambda xs, q, t: torch.cat(xs, dim=case.params.get("axis", 1)),
        "Embedding": lambda xs, q, t: F.embedding(xs[0].long(), q["W"]),
    }
    if kind in fixed:
        return fixed[kind], {}
    return _activation_node(case), {}


def parameter_values(case: LayerCase) -> Arrays:
    """Starting values for the layer's parameters, by short name (shapes from nnstudio)."""
    layer = create_layer("n", case.type, case.params)
    rng = cases.rng_for(case.name + "/params")
    values = {}
    for name, shape in layer.parameter_shapes(*case.input_shapes).items():
        v = rng.standard_normal(shape)
        values[name] = v * 0.3 + 1.0 if name == "gamma" else v * 0.5
    return values


def layer_reference(case: LayerCase) -> Arrays:
    out: Arrays = {}
    values = parameter_values(case)
    out.update({f"{case.name}/param/{k}": v for k, v in values.items()})
    params = {k: torch.tensor(v, requires_grad=True) for k, v in values.items()}
    fn, buffers = torch_function(case)
    for index, mode in enumerate(case.passes):
        key = f"{case.name}/{index}"
        xs = [torch.tensor(x, requires_grad=True) for x in case.inputs(index)]
        for p in params.values():
            p.grad = None
        y = fn(xs, params, mode == "train")
        g = cases.rng_for(key + "/grad").standard_normal(tuple(y.shape))
        if case.differentiable:
            y.backward(torch.tensor(g))
        out[f"{key}/y"] = numpy(y)
        out[f"{key}/g"] = g
        for i, x in enumerate(xs):
            out[f"{key}/x{i}"] = numpy(x)
            grad = x.grad if x.grad is not None else torch.zeros_like(x)
            out[f"{key}/gx{i}"] = numpy(grad)
        for name, p in params.items():
            out[f"{key}/grad/{name}"] = numpy(p.grad if p.grad is not None else torch.zeros_like(p))
        for name, buf in buffers.items():
            out[f"{key}/buffer/{name}"] = numpy(buf)
        if case.type == "Dropout" and mode == "train":
            # what our layer's uniform draws must be (≥ rate: kept) to drop what torch dropped;
            # read from dL/dx, as a kept 0 in x gives a 0 in y too
            out[f"{key}/uniforms"] = (out[f"{key}/gx0"] != 0).astype(np.float64)
    return out


# -- losses ---------------------------------------------------------------------------------------
def torch_loss(case: LossCase, t: torch.Tensor) -> Callable[[torch.Tensor], torch.Tensor]:
    """The torch expression DESIGN.md defines each loss by (fused: on probabilities)."""
    if case.fused == "softmax":
        return lambda x: F.nll_loss(torch.log(torch.softmax(x, 1)), t)
    if case.fused == "sigmoid":
        return lambda x: F.binary_cross_entropy(torch.sigmoid(x), t)
    return {
        "mse": lambda x: F.mse_loss(x, t.reshape(x.shape)),
        "cross_entropy": lambda x: F.cross_entropy(x, t),
        "binary_cross_entropy": lambda x: F.binary_cross_entropy_with_logits(x, t),
        # Σ_{j≠y} max(0, s_j − s_y + 1) / N: torch's multi-margin loss also divides by C
        "hinge": lambda x: F.multi_margin_loss(x, t) * x.shape[1],
        "negative_sampling": lambda x: -(F.logsigmoid(x.gather(1, t[:, :1])).sum()
                                         + F.logsigmoid(-x.gather(1, t[:, 1:])).sum()) / len(x),
    }[case.loss]


def loss_reference(case: LossCase) -> Arrays:
    output, target = case.arrays()
    x = torch.tensor(output, requires_grad=True)
    value = torch_loss(case, torch.tensor(target))(x)
    value.backward()
    return {f"{case.name}/output": output, f"{case.name}/target": target,
            f"{case.name}/value": np.array(value.item()), f"{case.name}/grad": numpy(x.grad)}


# -- optimisers -----------------------------------------------------------------------------------
TORCH_OPTIMIZERS = {"sgd": "SGD", "momentum": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop",
                    "adam": "Adam", "adamw": "AdamW"}


def optimizer_reference(spec: dict[str, Any]) -> Arrays:
    plan = cases.TRAJECTORY
    key = cases.spec_id(spec)
    start = plan.start(spec)
    grads = plan.gradients(spec)
    _, options = resolve_options(spec)
    if "betas" in options:
        options["betas"] = tuple(options["betas"])
    params = [torch.nn.Parameter(torch.tensor(v)) for v in start]
    opt = getattr(torch.optim, TORCH_OPTIMIZERS[spec["type"]])(params, **options)
    values = []
    for step, step_grads in enumerate(grads):
        if step == plan.lr_change:
            for group in opt.param_groups:
                group["lr"] *= plan.lr_factor
        for p, g in zip(params, step_grads, strict=True):
            p.grad = None if g is None else torch.tensor(g)
        opt.step()
        values.append(flat([numpy(p) for p in params]))
    # each parameter raveled, concatenated in order; a missing gradient is stored as zeros
    out: Arrays = {
        f"{key}/start": flat(start),
        f"{key}/grads": np.stack([flat([np.zeros_like(v) if g is None else g
                                        for v, g in zip(start, step_grads, strict=True)])
                                  for step_grads in grads]),
        f"{key}/has_grad": np.array([[g is not None for g in step_grads]
                                     for step_grads in grads]),
        f"{key}/values": np.stack(values),
    }
    states = [opt.state[p] for p in params]
    for name in states[0]:
        if states[0][name] is None:  # SGD without momentum keeps momentum_buffer = None
            continue
        out[f"{key}/state/{name}"] = flat([numpy(torch.as_tensor(s[name])) for s in states])
    return out


# -- networks -------------------------------------------------------------------------------------
def torch_model(case: NetworkCase, net: Network) -> tuple[torch.nn.Sequential, dict[str, Any]]:
    """The chain as a torch.nn.Sequential (a fused final softmax/sigmoid left to the loss), and
    nnstudio name → (torch tensor, transposed?) for every parameter and buffer."""
    fused = losses.fusable(case.loss, net.final_activation)
    modules: list[torch.nn.Module] = []
    names: dict[str, Any] = {}
    shapes = net.analysis.shapes
    for prev, node in zip(case.nodes, case.nodes[1:], strict=False):
        nid, kind = node["id"], node["type"]
        p = resolve_params(kind, node.get("params", {}))
        in_shape = shapes[prev["id"]]
        if kind in ("Dense", "Conv2D"):
            if kind == "Dense":
                module: torch.nn.Module = torch.nn.Linear(in_shape[-1], p["units"],
                                                          bias=p["use_bias"], dtype=F64)
            else:
                module = torch.nn.Conv2d(in_shape[0], p["filters"], p["kernel_size"],
                                         p["stride"], p["padding"], bias=p["use_bias"], dtype=F64)
            modules.append(module)
            names[f"{nid}.W"] = (module.weight, kind == "Dense")
            if p["use_bias"]:
                names[f"{nid}.b"] = (module.bias, False)
            last = node is case.nodes[-1]
            if p["activation"] != "linear" and not (last and fused):
                act = ACTIVATIONS[p["activation"]]
                modules.append(_Lambda(act))
        elif kind == "BatchNorm":
            bn_cls = torch.nn.BatchNorm1d if len(in_shape) == 1 else torch.nn.BatchNorm2d
            bn = bn_cls(in_shape[0], eps=p["eps"], momentum=p["momentum"], dtype=F64)
            modules.append(bn)
            names.update({f"{nid}.gamma": (bn.weight, False), f"{nid}.beta": (bn.bias, False),
                          f"{nid}.running_mean": (bn.running_mean, False),
                          f"{nid}.running_var": (bn.running_var, False)})
        elif kind in ("RNN", "LSTM"):
            recurrent = Recurrent(kind, in_shape[-1], p)
            modules.append(recurrent)
            names.update({f"{nid}.W": (recurrent.W, False), f"{nid}.U": (recurrent.U, False)})
            if recurrent.b is not None:
                names[f"{nid}.b"] = (recurrent.b, False)
        elif kind == "Embedding":
            embedding = torch.nn.Embedding(p["num_embeddings"], p["embedding_dim"], dtype=F64)
            modules += [_Lambda(lambda x: x.long()), embedding]
            names[f"{nid}.W"] = (embedding.weight, False)
        elif kind == "MaxPool2D":
            modules.append(torch.nn.MaxPool2d(p["pool_size"], p["stride"], p["padding"]))
        elif kind == "Flatten":
            modules.append(torch.nn.Flatten())
        else:
            modules.append(_Lambda(ACTIVATIONS[create_layer(nid, kind, p).activation]))
    return torch.nn.Sequential(*modules), names


class _Lambda(torch.nn.Module):
    def __init__(self, fn: Callable[[torch.Tensor], torch.Tensor]):
        super().__init__()
        self.fn = fn

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fn(x)


def network_loss(case: NetworkCase) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    return {
        "cross_entropy": F.cross_entropy,
        "hinge": lambda out, t: F.multi_margin_loss(out, t) * out.shape[1],
        "mse": F.mse_loss,
        "binary_cross_entropy": lambda out, t: F.binary_cross_entropy_with_logits(
            out, t.reshape(out.shape).double()),
    }[case.loss]


def network_reference(case: NetworkCase) -> Arrays:
    net = Network(case.nodes, case.edges(), dtype=np.float64, seed=0)
    start = net.state_dict()
    model, names = torch_model(case, net)
    with torch.no_grad():
        for name, (tensor, transposed) in names.items():
            value = start[name].T if transposed else start[name]
            tensor.copy_(torch.from_numpy(np.ascontiguousarray(value)))
    x, y = case.batch()
    opt = getattr(torch.optim, TORCH_OPTIMIZERS[case.optimizer["type"]])(
        model.parameters(), **resolve_options(case.optimizer)[1])
    loss_fn = network_loss(case)
    history = []
    for _ in range(case.steps):
        opt.zero_grad()
        loss = loss_fn(model(torch.from_numpy(x)), torch.from_numpy(y))
        loss.backward()
        opt.step()
        history.append(loss.item())
    out: Arrays = {f"{case.name}/x": x, f"{case.name}/y": y,
                   f"{case.name}/losses": np.array(history)}
    for name, (tensor, transposed) in names.items():
        out[f"{case.name}/start/{name}"] = start[name]
        final = numpy(tensor)
        out[f"{case.name}/final/{name}"] = final.T if transposed else final
    return out


def main() -> None:
    if torch.__version__.split("+")[0] != cases.TORCH_VERSION:
        sys.exit(f"made with torch {cases.TORCH_VERSION}, this is {torch.__version__}: update "
                 "cases.TORCH_VERSION if the new numbers are meant")
    torch.set_num_threads(1)
    families: dict[str, Arrays] = {"layers": {}, "losses": {}, "optimizers": {}, "networks": {}}
    for layer_case in cases.LAYER_CASES:
        families["layers"].update(layer_reference(layer_case))
    for loss_case in cases.LOSS_CASES:
        families["losses"].update(loss_reference(loss_case))
    for spec in cases.OPTIMIZER_SPECS:
        families["optimizers"].update(optimizer_reference(spec))
    for network_case in cases.NETWORK_CASES:
        families["networks"].update(network_reference(network_case))
    for family, arrays in families.items():
        path = cases.FIXTURES / f"{family}.npz"
        np.savez_compressed(path, **arrays)
        print(f"{path.name}: {len(arrays)} arrays, {path.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
