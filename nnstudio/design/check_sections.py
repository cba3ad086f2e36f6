"""Validation of the `data` and `training` sections against the data and optimiser catalogues.

Keys are checked one by one (so every problem is reported); the catalogues' own resolvers then
run once on a section whose keys are all fine, to apply their rules that span several keys.
"""

from __future__ import annotations

from typing import Any

from nnstudio.core.catalog import ParamSpec, check_value
from nnstudio.core.optimizers import OPTIMIZERS, resolve_options
from nnstudio.data import catalog as data_catalog
from nnstudio.data.catalog import DataParam
from nnstudio.data.errors import DataError
from nnstudio.design.checks import check_object, check_specs, did_you_mean, show, unknown_keys
from nnstudio.design.errors import Problem, child
from nnstudio.design.spec import (
    DEFAULT_DATA,
    DEFAULT_OPTIMIZER,
    EARLY_STOPPING_PARAMS,
    LOSS_NAMES,
    TRAINING_KEYS,
    TRAINING_PARAMS,
)


def data_spec(data: dict[str, Any]) -> dict[str, Any]:
    """The data section as the data catalogue reads it: without a source, the design default."""
    return dict(data) if "source" in data else {**DEFAULT_DATA, **data}


def check_data(data: Any, path: str = "data") -> list[Problem]:
    """Every problem with the data section."""
    problems = check_object(data, path, '{"source": "toy2d", "name": "spiral"}')
    if problems:
        return problems
    spec = data_spec(data)
    name = spec["source"]
    sources = list(data_catalog.SOURCES)
    source = data_catalog.SOURCES.get(name) if isinstance(name, str) else None
    if source is None:
        why = f"unknown data source {show(name)}{did_you_mean(name, sources)}"
        return [Problem(child(path, "source"), f"{why}; the sources are {', '.join(sources)}")]
    problems = unknown_keys(data, ["source", *(p.name for p in source.params)], path,
                            f"the {name} source")
    problems += check_specs(data, source.params, path, _data_value)
    if not problems:
        try:
            data_catalog.resolve_spec(spec)
        except DataError as exc:
            problems.append(Problem(child(path, exc.key) if exc.key else path, str(exc)))
    return problems


def _data_value(p: DataParam, value: Any) -> str | None:
    if p.kind == "path" and isinstance(value, str) and "\x00" in value:
        return "must not contain a NUL character (\\u0000): no file is named so"
    message = data_catalog.check_value(p, value)
    if message and p.kind == "choice":
        message += did_you_mean(value, [c for c in p.choices if isinstance(c, str)])
    return message


def check_training(training: Any, path: str = "training") -> list[Problem]:
    """Every problem with the training section."""
    problems = check_object(training, path, '{"optimizer": {"type": "adam", "lr": 0.01}}')
    if problems:
        return problems
    problems = unknown_keys(training, TRAINING_KEYS, path, "the training section")
    if "loss" in training:
        problems += _check_loss(training["loss"], child(path, "loss"))
    if "optimizer" in training:
        problems += _check_optimizer(training["optimizer"], child(path, "optimizer"))
    problems += check_specs(training, TRAINING_PARAMS, path)
    if "early_stopping" in training:
        problems += _check_early_stopping(training["early_stopping"],
                                          child(path, "early_stopping"))
    return problems


def _check_loss(loss: Any, path: str) -> list[Problem]:
    if isinstance(loss, str) and loss in LOSS_NAMES:
        return []
    return [Problem(path, f"unknown loss {show(loss)}{did_you_mean(loss, LOSS_NAMES)}; the "
                          f"losses are {', '.join(LOSS_NAMES)}")]


def _check_optimizer(optimizer: Any, path: str) -> list[Problem]:
    """Every problem with an optimiser object such as {"type": "adam", "lr": 0.01}."""
    problems = check_object(optimizer, path, '{"type": "adam", "lr": 0.01}')
    if problems:
        return problems
    name = optimizer.get("type", DEFAULT_OPTIMIZER)
    if not isinstance(name, str) or name not in OPTIMIZERS:
        return [Problem(child(path, "type"), f"unknown optimizer {show(name)}"
                                             f"{did_you_mean(name, OPTIMIZERS)}; the optimizers "
                                             f"are {', '.join(OPTIMIZERS)}")]
    specs = OPTIMIZERS[name][1]
    problems = unknown_keys(optimizer, ["type", *(p.name for p in specs)], path, name)
    problems += check_specs(optimizer, specs, path, _optimizer_value)
    if not problems:
        try:
            resolve_options({**optimizer, "type": name})
        except ValueError as exc:
            problems.append(Problem(path, str(exc)))
    return problems


def _optimizer_value(p: ParamSpec, value: Any) -> str | None:
    """check_value, extended to the optimisers' "float_pair" kind (a list of two numbers)."""
    if p.kind != "float_pair":
        return check_value(p, value)
    if not (isinstance(value, list) and len(value) == 2):
        return f"must be a list of two numbers, got {show(value)}"
    one = ParamSpec(p.name, "float", None, p.minimum, p.maximum,
                    exclusive_minimum=p.exclusive_minimum, exclusive_maximum=p.exclusive_maximum)
    messages = [check_value(one, v) for v in value]
    return next((f"item {i}: {m}" for i, m in enumerate(messages) if m), None)


def _check_early_stopping(value: Any, path: str) -> list[Problem]:
    if isinstance(value, bool):
        return []
    if not isinstance(value, dict):
        return [Problem(path, f"must be false, true or an object such as "
                              f'{{"patience": 10}}, got {show(value)}')]
    return (unknown_keys(value, [p.name for p in EARLY_STOPPING_PARAMS], path, "early_stopping")
            + check_specs(value, EARLY_STOPPING_PARAMS, path))
