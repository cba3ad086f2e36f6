"""Errors the engine raises. Every message is written for the person who made the design."""

import math


class NNStudioError(Exception):
    """Base of every error nnstudio raises on purpose."""


class GraphError(NNStudioError):
    """A network graph that cannot be built.

    `problems` lists every problem found as (node id or None, message); `node` is the first
    problem's node.
    """

    def __init__(self, problems: list[tuple[str | None, str]] | str, node: str | None = None):
        if isinstance(problems, str):
            problems = [(node, problems)]
        self.problems = problems
        self.node = problems[0][0] if problems else None
        super().__init__("\n".join(msg if n is None else f"{n}: {msg}" for n, msg in problems))


class TrainingDiverged(NNStudioError):
    """The loss became NaN or infinite, or blew up (far above its best for a sustained
    stretch); the weights of the last checkpoint taken while the loss was sane are back.

    `loss` is the non-finite value (or the smoothed loss of the blow-up, `blown_up` True),
    `epoch`/`step` (1-based) where it happened, `learning_rate` the rate in force;
    `restored_step` the steps completed when the restored checkpoint was taken (0: the start)
    and `restored_loss` its smoothed loss (nan if unknown); `suggested_learning_rate` a lower
    rate that was tried from there and lowered the loss, or None.
    """

    def __init__(self, message: str, *, loss: float, epoch: int, step: int,
                 learning_rate: float, blown_up: bool = False, restored_step: int = 0,
                 restored_loss: float = math.nan,
                 suggested_learning_rate: float | None = None):
        super().__init__(message)
        self.loss = loss
        self.epoch = epoch
        self.step = step
        self.learning_rate = learning_rate
        self.blown_up = blown_up
        self.restored_step = restored_step
        self.restored_loss = restored_loss
        self.suggested_learning_rate = suggested_learning_rate
