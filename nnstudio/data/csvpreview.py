"""A quick look at a CSV file for the import dialog, reading only the start of a large file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnstudio.data import csvtext
from nnstudio.data.csvtext import is_missing, parse_number
from nnstudio.data.tables import check_widths, parse
from nnstudio.data.targets import infer_task

#: bytes read from the start of the file; a smaller file is read whole
SCAN_BYTES = 1 << 20


@dataclass(frozen=True)
class CsvPreview:
    """What a CSV file holds, as the import dialog shows it before the file is accepted.

    names, kinds, missing, missing_lines, distinct and tasks have one entry per column. kinds:
    "numeric" (every non-missing cell is a number), "text" or "empty" (only missing cells).
    missing: missing cells per column; missing_lines: the file lines (1-based) they are on.
    distinct: how many different values the column holds (its classes, as a target).
    numbers: how many of its cells are numbers; first_text: (line, cell) of its first cell
    that is neither a number nor missing, None if there is none. tasks:
    what task "auto" makes of the column as the target ("classification" or "regression"; ""
    for an empty column). rows: the first data rows, as text, and
    row_lines the file line each starts on. The counts cover the first
    `scanned` data rows: the whole file when `complete`, else its first SCAN_BYTES.
    """

    path: Path
    delimiter: str
    header: bool
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    missing: tuple[int, ...]
    tasks: tuple[str, ...]
    missing_lines: tuple[tuple[int, ...], ...]
    distinct: tuple[int, ...]
    numbers: tuple[int, ...]
    first_text: tuple[tuple[int, str] | None, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]
    scanned: int
    complete: bool

    def mixed(self, j: int) -> bool:
        """Whether column j holds mostly numbers but some text: a typo, or a stray note."""
        present = self.scanned - self.missing[j]
        return self.kinds[j] == "text" and 2 * self.numbers[j] >= present

    def rows_missing(self, columns: list[int]) -> tuple[int, ...]:
        """The file lines (sorted) with a missing value in any of `columns` (0-based)."""
        return tuple(sorted(set().union(*(self.missing_lines[j] for j in columns))))

    @property
    def has_missing(self) -> bool:
        """Whether a missing value was seen (the dialog then offers drop_missing)."""
        return any(self.missing)


def preview_csv(path: str | Path, rows: int = 20, *, delimiter: str = "auto",
                header: bool | str = "auto") -> CsvPreview:
    """A preview of the CSV file `path` with its first `rows` data rows; `delimiter` and
    `header` as for the csv source ("auto" detects them). DataError, naming the line, for a
    file the csv source would refuse as a whole (binary data, an encoding other than UTF-8,
    no data rows, rows of different lengths)."""
    path = Path(path)
    text, complete = csvtext.read_head(path, SCAN_BYTES)
    parsed = parse(text, path.name, delimiter, header, partial=not complete)
    width = len(parsed.names)
    check_widths(parsed.data, width, parsed.has_header, parsed.delimiter, parsed.where)
    lines = [line for line, _ in parsed.data]
    columns = list(zip(*(cells for _, cells in parsed.data), strict=True))
    kinds, missing, tasks, missing_lines, distinct = [], [], [], [], []
    numbers: list[int] = []
    first_text: list[tuple[int, str] | None] = []
    for column in columns:
        present = [c for c in column if not is_missing(c)]
        missing.append(len(column) - len(present))
        missing_lines.append(tuple(line for line, c in zip(lines, column, strict=True)
                                   if is_missing(c)) if missing[-1] else ())
        values = _numbers(present, parsed.decimal_comma)
        text_cells = [] if values is not None else [
            (line, c) for line, c in zip(lines, column, strict=True)
            if not is_missing(c) and parse_number(c, parsed.decimal_comma) is None]
        numbers.append(len(present) - len(text_cells))
        first_text.append(text_cells[0] if text_cells else None)
        if not present:
            kinds.append("empty")
            tasks.append("")
            distinct.append(0)
            continue
        kinds.append("text" if values is None else "numeric")
        array = np.array(present) if values is None else values
        tasks.append(infer_task(array))
        distinct.append(len(np.unique(array)))
    return CsvPreview(path, parsed.delimiter, parsed.has_header, tuple(parsed.names),
                      tuple(kinds), tuple(missing), tuple(tasks), tuple(missing_lines),
                      tuple(distinct), tuple(numbers), tuple(first_text),
                      tuple(tuple(cells) for _, cells in parsed.data[:rows]),
                      tuple(lines[:rows]),
                      len(parsed.data), complete)


def _numbers(cells: list[str], decimal_comma: bool) -> np.ndarray | None:
    """The cells as float64 (n,) if every one is a number, else None."""
    try:
        return np.array(cells, dtype=np.float64)
    except ValueError:
        numbers = [parse_number(c, decimal_comma) for c in cells]
        return None if None in numbers else np.array(numbers, dtype=np.float64)
