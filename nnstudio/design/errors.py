"""Problems with a design file, each located by its JSON path."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nnstudio.core.errors import NNStudioError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a design.

    `path` points into the JSON document (``network.nodes[2].params.units``); it is empty when
    the problem concerns the whole file.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DesignError(NNStudioError):
    """A design that cannot be read, validated, built or saved; `problems` lists every reason.

    `source` names where the design came from (a file path or "<string>") when known.
    """

    def __init__(self, problems: Iterable[Problem] | str, source: str | None = None):
        self.problems: list[Problem] = (
            [Problem("", problems)] if isinstance(problems, str) else list(problems))
        self.source = source
        super().__init__("\n".join(map(str, self.problems)))


def child(path: str, key: str | int) -> str:
    """The JSON path of `key` inside `path`: ``child("network", "nodes")``, ``child(p, 2)``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key
