"""Errors the engine raises. Every message is written for the person who made the design."""


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
    """The loss became NaN or infinite; the last finite weights have been restored.

    `loss` is the non-finite value, `epoch`/`step` (1-based) where it happened, and
    `learning_rate` the rate in force.
    """

    def __init__(self, message: str, *, loss: float, epoch: int, step: int,
                 learning_rate: float):
        super().__init__(message)
        self.loss = loss
        self.epoch = epoch
        self.step = step
        self.learning_rate = learning_rate
