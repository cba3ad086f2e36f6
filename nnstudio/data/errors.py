"""The error every data problem is reported with."""

from __future__ import annotations

from nnstudio.core.errors import NNStudioError


class DataError(NNStudioError):
    """A dataset that cannot be made or read, explained for the user.

    `key` is the data-spec key at fault ("path", "target", "noise", ...) when one is; `row` (the
    1-based line of the file) and `column` (its name) locate a problem inside a file.
    """

    def __init__(self, message: str, *, key: str | None = None, row: int | None = None,
                 column: str | None = None):
        super().__init__(message)
        self.key = key
        self.row = row
        self.column = column
