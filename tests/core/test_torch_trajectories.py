"""Whole networks train exactly as PyTorch does (float64): same weights, same data, same steps.

These compare a few full training steps (forward, loss, backward, optimiser) of the engine with
the equivalent torch model; they run when torch is installed.
"""

import numpy as np
import pytest

from nnstudio.core import losses
from nnstudio.core.network import Network
from nnstudio.core.optimizers import make_optimizer

torch = pytest.importorskip("torch")
nn = torch.nn


def run_engine(nodes, edges, x, y, loss, opt_spec, steps):
    net = Network(nodes, edges, dtype=np.float64, seed=0)
    opt = make_optimizer(opt_spec, net.parameters())
    fused = losses.fusable(loss, net.final_activation)
    history = []
    for _ in range(steps):
        out = net.forward(x, training=True)
        scores = net.logits() if fused else out
        value, grad = losses.compute_loss(loss, scores, y, fused=fused)
        history.append(value)
        net.zero_grad()
        net.backward(grad, from_logits=fused is not None)
        opt.step()
    return net, history


def run_torch(model, opt, loss_fn, x, y, steps):
    """The same loop in torch; returns the losses of each step."""
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    history = []
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(model(xt), yt)
        loss.backward()
        opt.step()
        history.append(loss.item())
    return history


def copy_into_torch(net, pairs):
    """pairs: [(engine parameter name, torch tensor, transpose?)]"""
    state = net.state_dict()
    with torch.no_grad():
        for name, tensor, transpose in pairs:
            value = state[name].T if transpose else state[name]
            tensor.copy_(torch.from_numpy(np.ascontiguousarray(value)))


def test_mlp_with_batchnorm_and_adam_matches_torch():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(16, 5))
    y = rng.integers(0, 3, size=16)
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [5]}},
        {"id": "h", "type": "Dense", "params": {"units": 7}},
        {"id": "bn", "type": "BatchNorm", "params": {}},
        {"id": "act", "type": "Tanh", "params": {}},
        {"id": "out", "type": "Dense", "params": {"units": 3, "activation": "softmax"}},
    ]
    edges = [["x", "h"], ["h", "bn"], ["bn", "act"], ["act", "out"]]
    spec = {"type": "adam", "lr": 0.01, "weight_decay": 0.01}
    initial = Network(nodes, edges, dtype=np.float64, seed=0)

    model = nn.Sequential(nn.Linear(5, 7), nn.BatchNorm1d(7), nn.Tanh(), nn.Linear(7, 3)).double()
    copy_into_torch(initial, [("h.W", model[0].weight, True), ("h.b", model[0].bias, False),
                              ("out.W", model[3].weight, True), ("out.b", model[3].bias, False)])
    opt = torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.01)
    # the engine's softmax output fused with cross-entropy == torch's CE on logits
    torch_losses = run_torch(model, opt, nn.functional.cross_entropy, x, y, 6)

    net, engine_losses = run_engine(nodes, edges, x, y, "cross_entropy", spec, 6)
    assert np.allclose(engine_losses, torch_losses, rtol=1e-6, atol=0)
    state = net.state_dict()
    assert np.allclose(state["h.W"], model[0].weight.detach().numpy().T, rtol=1e-6, atol=1e-12)
    assert np.allclose(state["out.b"], model[3].bias.detach().numpy(), rtol=1e-6, atol=1e-12)
    assert np.allclose(state["bn.running_var"], model[1].running_var.numpy(), rtol=1e-6)
    assert np.allclose(state["bn.gamma"], model[1].weight.detach().numpy(), rtol=1e-6)


def test_cnn_with_sgd_momentum_matches_torch():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(6, 1, 8, 8))
    y = rng.integers(0, 4, size=6)
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [1, 8, 8]}},
        {"id": "c1", "type": "Conv2D",
         "params": {"filters": 3, "padding": 1, "activation": "relu"}},
        {"id": "p1", "type": "MaxPool2D", "params": {}},
        {"id": "c2", "type": "Conv2D", "params": {"filters": 4, "kernel_size": 3, "stride": 2,
                                                  "activation": "leaky_relu"}},
        {"id": "f", "type": "Flatten", "params": {}},
        {"id": "out", "type": "Dense", "params": {"units": 4}},
    ]
    edges = [["x", "c1"], ["c1", "p1"], ["p1", "c2"], ["c2", "f"], ["f", "out"]]
    initial = Network(nodes, edges, dtype=np.float64, seed=0)
    model = nn.Sequential(
        nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(3, 4, 3, stride=2), nn.LeakyReLU(), nn.Flatten(), nn.Linear(4, 4)).double()
    copy_into_torch(initial, [("c1.W", model[0].weight, False), ("c1.b", model[0].bias, False),
                              ("c2.W", model[3].weight, False), ("c2.b", model[3].bias, False),
                              ("out.W", model[6].weight, True), ("out.b", model[6].bias, False)])
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)
    torch_losses = run_torch(  # hinge: torch's multi-margin loss not divided by C (= 4)
        model, opt, lambda out, t: nn.functional.multi_margin_loss(out, t) * 4, x, y, 5)

    spec = {"type": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True}
    net, engine_losses = run_engine(nodes, edges, x, y, "hinge", spec, 5)
    assert np.allclose(engine_losses, torch_losses, rtol=1e-6, atol=0)
    state = net.state_dict()
    assert np.allclose(state["c1.W"], model[0].weight.detach().numpy(), rtol=1e-6, atol=1e-12)
    assert np.allclose(state["out.W"], model[6].weight.detach().numpy().T, rtol=1e-6, atol=1e-12)


def test_regression_mse_with_rmsprop_matches_torch():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(10, 3))
    y = rng.normal(size=(10, 2))
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [3]}},
        {"id": "h", "type": "Dense", "params": {"units": 6, "activation": "elu"}},
        {"id": "out", "type": "Dense", "params": {"units": 2}},
    ]
    edges = [["x", "h"], ["h", "out"]]
    initial = Network(nodes, edges, dtype=np.float64, seed=0)
    model = nn.Sequential(nn.Linear(3, 6), nn.ELU(), nn.Linear(6, 2)).double()
    copy_into_torch(initial, [("h.W", model[0].weight, True), ("h.b", model[0].bias, False),
                              ("out.W", model[2].weight, True), ("out.b", model[2].bias, False)])
    opt = torch.optim.RMSprop(model.parameters(), lr=0.01, momentum=0.5, centered=True)
    torch_losses = run_torch(model, opt, nn.functional.mse_loss, x, y, 8)
    spec = {"type": "rmsprop", "lr": 0.01, "momentum": 0.5, "centered": True}
    net, engine_losses = run_engine(nodes, edges, x, y, "mse", spec, 8)
    assert np.allclose(engine_losses, torch_losses, rtol=1e-6, atol=0)
    assert np.allclose(net.state_dict()["h.W"], model[0].weight.detach().numpy().T,
                       rtol=1e-6, atol=1e-12)
