"""The commands the GUI sends the training worker, each declared once as a frozen dataclass.

The controller sends a command with `WorkerSession.send`; Qt queues it into the worker's thread,
where `TrainingWorker.run` looks its type up in the worker's `CommandTable` and calls the
handler registered for it. A command's `name` (its class name in snake case: `SetData` →
"set_data") is what a failure says the worker was doing.

Add a command: declare a dataclass here (`counted = False` if it changes nothing a snapshot
shows), write the worker's handler with `@COMMANDS.handles(TheCommand)`, send it from the
controller. A test checks that every command declared here has a handler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar


@dataclass(frozen=True)
class WorkerCommand:
    """One thing the GUI asks of the worker."""

    #: counted commands are numbered, and every snapshot carries how many were handled before
    #: it, so the GUI knows which of its commands the panels already show
    counted: ClassVar[bool] = True

    @classmethod
    def name(cls) -> str:
        """The command's name in reports: "set_data" for SetData."""
        return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


# -- the design and running ------------------------------------------------------------------
@dataclass(frozen=True)
class Load(WorkerCommand):
    """Train the design `doc` (its file at `path`, "" if none) from now on, from the weights
    file `weights` when given ("" for fresh weights)."""

    doc: dict[str, Any]
    path: str = ""
    weights: str = ""


@dataclass(frozen=True)
class Play(WorkerCommand):
    """Train until paused or finished, or for `steps` steps when steps > 0."""

    steps: int = 0


@dataclass(frozen=True)
class Pause(WorkerCommand):
    """Stop training, keeping the weights."""


@dataclass(frozen=True)
class StepBatch(WorkerCommand):
    """Exactly one mini-batch update, then paused."""


@dataclass(frozen=True)
class StepEpoch(WorkerCommand):
    """Train at full speed to the end of the current epoch, then pause."""


@dataclass(frozen=True)
class Reset(WorkerCommand):
    """Fresh weights from the design's seed, with its current training settings."""


# -- live settings ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SetLearningRate(WorkerCommand):
    lr: float


@dataclass(frozen=True)
class SetBatchSize(WorkerCommand):
    size: int


@dataclass(frozen=True)
class SetRegularization(WorkerCommand):
    """A Dense/Conv2D node's L1/L2 strength, from the next step on (and after a reset)."""

    node_id: str
    l1: float
    l2: float


@dataclass(frozen=True)
class SetEpochLimit(WorkerCommand):
    epochs: int


@dataclass(frozen=True)
class SetEarlyStopping(WorkerCommand):
    """False, True or {"patience": …}: from the end of the current epoch on."""

    spec: Any


@dataclass(frozen=True)
class SetData(WorkerCommand):
    """Train on the data `section` from the next step on, keeping the weights."""

    section: dict[str, Any]


@dataclass(frozen=True)
class SetTraining(WorkerCommand):
    """The design's training section, used from the next reset on."""

    section: dict[str, Any]


@dataclass(frozen=True)
class SetSpeed(WorkerCommand):
    """Seconds between steps: 0 is full speed, more is slow motion, one step per tick."""

    delay: float


# -- weights and image tasks -----------------------------------------------------------------
@dataclass(frozen=True)
class SaveWeights(WorkerCommand):
    """Write the trained weights to `path` (answered by `weightsSaved`)."""

    path: str


@dataclass(frozen=True)
class SetFeatureSample(WorkerCommand):
    """Show the feature maps of held-out sample `index` from the next snapshot on."""

    index: int


@dataclass(frozen=True)
class Predict(WorkerCommand):
    """The class probabilities of one input `x` (any shape with as many values as the
    network's input), answered by `predicted(request, probabilities)`."""

    counted: ClassVar[bool] = False
    request: int
    x: Any


@dataclass(frozen=True)
class Acknowledge(WorkerCommand):
    """The GUI has drawn the last snapshot, spending `draws` seconds on each probe's panels."""

    counted: ClassVar[bool] = False
    draws: Mapping[str, float]


C = TypeVar("C", bound=WorkerCommand)
W = TypeVar("W")
Handler = Callable[[W, C], None]


class CommandTable:
    """Command type → the worker method that carries it out."""

    def __init__(self) -> None:
        self._handlers: dict[type[WorkerCommand], Callable[[Any, Any], None]] = {}

    def handles(self, kind: type[C]) -> Callable[[Handler[W, C]], Handler[W, C]]:
        """Decorator: the method handles commands of type `kind`."""
        def register(method: Handler[W, C]) -> Handler[W, C]:
            if kind in self._handlers:
                raise ValueError(f"{kind.__name__} has two handlers")
            self._handlers[kind] = method
            return method
        return register

    def handler(self, command: WorkerCommand) -> Callable[[Any, Any], None] | None:
        return self._handlers.get(type(command))

    @property
    def kinds(self) -> frozenset[type[WorkerCommand]]:
        return frozenset(self._handlers)


def declared() -> frozenset[type[WorkerCommand]]:
    """Every command type declared in this module."""
    return frozenset(kind for kind in globals().values() if isinstance(kind, type)
                     and issubclass(kind, WorkerCommand) and kind is not WorkerCommand)
