"""The step-through commands the training worker carries out: trace the next step, freeze
nodes, set one weight by hand. Declared and handled here, registered in the worker's
`COMMANDS` (the worker module imports this one); the trace is computed in the worker's thread, on a
float64 copy of its network, and sent back as `TrainingWorker.traced(request, Trace)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from nnstudio.core.trace import DEFAULT_EPSILON, trace_trainer
from nnstudio.gui.training.commands import CommandTable, WorkerCommand

if TYPE_CHECKING:
    from nnstudio.gui.training.worker import TrainingWorker

#: networks with more parameters than this are traced without the numerical gradient (two
#: forward passes per parameter would keep the worker busy for seconds)
MAX_NUMERIC_PARAMETERS = 20_000


@dataclass(frozen=True)
class TraceStep(WorkerCommand):
    """Trace the next step as if its batch were the training samples `indices`; the answer
    comes as `traced(request, Trace)` (None when nothing is loaded)."""

    counted: ClassVar[bool] = False
    request: int
    indices: tuple[int, ...] = (0,)
    epsilon: float = DEFAULT_EPSILON


@dataclass(frozen=True)
class SetFrozen(WorkerCommand):
    """From the next step on, the parameters of exactly these nodes are not updated."""

    node_ids: tuple[str, ...]


@dataclass(frozen=True)
class SetWeight(WorkerCommand):
    """Set element `index` of parameter `param` ("h1.W") to `value` (a weight edited by
    hand). An edit of a parameter the current network does not have (it was rebuilt since)
    does nothing."""

    param: str
    index: tuple[int, ...]
    value: float


def trace_step(worker: TrainingWorker, command: TraceStep) -> None:
    trainer = worker.trainer
    trace = None
    if trainer is not None:
        numeric = trainer.network.num_parameters <= MAX_NUMERIC_PARAMETERS
        trace = trace_trainer(trainer, command.indices, epsilon=command.epsilon,
                              numeric=numeric)
    worker.traced.emit(command.request, trace)


def set_frozen(worker: TrainingWorker, command: SetFrozen) -> None:
    design = worker._design  # the worker's own copy: a reset or reload keeps the freezing
    if design is not None:
        for node in design.network["nodes"]:
            if node["id"] in command.node_ids:
                node["frozen"] = True
            else:
                node.pop("frozen", None)
    if worker.trainer is not None:
        worker.trainer.set_frozen(command.node_ids)


def set_weight(worker: TrainingWorker, command: SetWeight) -> None:
    trainer = worker.trainer
    if trainer is None:
        return
    param = next((p for p in trainer.network.parameters() if p.name == command.param), None)
    if param is None or len(command.index) != param.value.ndim or any(
            not 0 <= i < n for i, n in zip(command.index, param.value.shape, strict=True)):
        return
    param.value[command.index] = command.value
    worker._publish()  # outputs, loss and boundary redrawn at once


def register(table: CommandTable) -> None:
    """Add the handlers to the worker's command table."""
    table.handles(TraceStep)(trace_step)
    table.handles(SetFrozen)(set_frozen)
    table.handles(SetWeight)(set_weight)


#: the commands declared here (the worker's table has a handler for each)
DECLARED: frozenset[type[WorkerCommand]] = frozenset({TraceStep, SetFrozen, SetWeight})


def _register() -> None:
    from nnstudio.gui.training.worker import COMMANDS

    register(COMMANDS)


_register()
