"""Reading a CSV table: numeric feature columns and one target column."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from nnstudio.data import csvtext, limits
from nnstudio.data.csvtext import Record, delimiter_name, is_missing, parse_number, show
from nnstudio.data.errors import DataError
from nnstudio.data.targets import encode_classes, infer_task

#: the memory a parsed cell takes at most (measured ≈ 45): a short Python string, its place
#: in a list, its float64 value and its float32 copy in the dataset
CELL_BYTES = 60
#: the memory a parsed record takes beyond its cells (measured ≈ 220): its tuple, list and
#: line number, and its target's text
ROW_BYTES = 240


@dataclass(frozen=True)
class Table:
    """x float64 (N, F); y int64 labels (N,) for classification or float64 (N, 1)."""

    x: np.ndarray
    y: np.ndarray
    task: str
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]
    target_name: str


@dataclass(frozen=True)
class _Layout:
    """Where things are in the file, for messages."""

    where: str
    names: list[str]
    has_header: bool
    lines: list[int]
    decimal_comma: bool

    def column(self, j: int) -> str:
        return f"column {self.names[j]!r}" if self.has_header else f"column {j + 1}"

    def error(self, i: int, j: int, message: str, key: str = "path") -> DataError:
        line = self.lines[i]
        return DataError(f"{self.where}, line {line}, {self.column(j)}: {message}",
                         key=key, row=line, column=self.names[j])


@dataclass(frozen=True)
class Parsed:
    """A CSV text split into records, its delimiter and header settled."""

    where: str
    delimiter: str
    has_header: bool
    names: list[str]
    data: list[Record]

    @property
    def decimal_comma(self) -> bool:
        """Whether "5,1" may be read as 5.1 (the delimiter is not a comma)."""
        return self.delimiter != ","


def parse(text: str, where: str, delimiter: str = "auto", header: bool | str = "auto",
          partial: bool = False, progress: Callable[[float], None] | None = None) -> Parsed:
    """The records of a CSV text, its delimiter detected if "auto" and its header line
    detected if "auto"; `partial` when the text is only the start of the file. DataError for
    an empty text or one with a header line only. `progress` as for csvtext.records."""
    if not text.strip():
        raise DataError(f"{where} is empty", key="path")
    if delimiter == "auto":
        delimiter = csvtext.sniff_delimiter(text)
    limits.check_fits(parse_cost(text, delimiter), where, "path")
    rows = csvtext.records(text, delimiter, where, partial, progress)
    if not rows:
        raise DataError(f"{where} holds no values", key="path")
    has_header = (csvtext.detect_header(rows, delimiter != ",") if header == "auto"
                  else bool(header))
    rows = _drop_empty_last_column(rows)
    data = rows[1:] if has_header else rows
    if not data:
        raise DataError(f"{where} has a header line but no data rows", key="path")
    width = len(rows[0][1])
    names = [c or f"column {j + 1}" for j, c in enumerate(rows[0][1])] if has_header else [
        f"column {j + 1}" for j in range(width)]
    return Parsed(where, delimiter, has_header, names, data)


def parse_cost(text: str, delimiter: str) -> int:
    """The bytes parsing `text` into a table takes at most: the text, a copy, CELL_BYTES
    for each cell and ROW_BYTES for each line."""
    lines = text.count("\n") + 1
    return 2 * len(text) + (text.count(delimiter) + lines) * CELL_BYTES + lines * ROW_BYTES


def read_csv(path: Path, *, target: str | int | None = None,
             columns: list[str | int] | None = None, delimiter: str = "auto",
             header: bool | str = "auto", task: str = "auto",
             drop_missing: bool = False,
             progress: Callable[[float], None] | None = None) -> Table:
    """The table in the CSV file `path`; DataError naming the line and column of any problem.

    target: a column name, a 0-based index (negative counts from the end) or None for the last
    column. columns: the feature columns in that order (names or indices), None for every
    column but the target. Text targets become classes, numbered in sorted order.
    `progress`, if given, is called now and then with the fraction of the file read.
    """
    reading = None if progress is None else (lambda fraction: progress(0.8 * fraction))
    parsed = parse(csvtext.read_text(path), path.name, delimiter, header, progress=reading)
    where, names, data = parsed.where, parsed.names, parsed.data
    width = len(names)
    check_widths(data, width, parsed.has_header, parsed.delimiter, where)
    if width < 2:
        raise DataError(f"{where} has a single column (separated by "
                        f"{delimiter_name(parsed.delimiter)}), so nothing is left for features "
                        f"besides the target; check the delimiter", key="path")
    layout = _Layout(where, names, parsed.has_header, [line for line, _ in data],
                     parsed.decimal_comma)
    t = _column_index(target, layout, "target") if target is not None else width - 1
    features = _feature_indices(columns, t, layout)
    cells = [row for _, row in data]
    x, x_missing = _numeric_columns(cells, features, layout)
    if progress is not None:
        progress(0.95)
    target_cells = np.array([row[t] for row in cells], dtype=str)
    t_missing = np.array([is_missing(c) for c in target_cells], dtype=bool)
    keep = _rows_to_keep(np.column_stack([x_missing, t_missing]), [*features, t], layout,
                         drop_missing)
    if not keep.all():
        x, target_cells = x[keep], target_cells[keep]
        layout = replace(layout, lines=[n for n, k in zip(layout.lines, keep, strict=True) if k])
    y, task, class_names = _target(target_cells, t, task, layout)
    return Table(x, y, task, tuple(names[j] for j in features), class_names, names[t])


def _drop_empty_last_column(rows: list[Record]) -> list[Record]:
    """Without the last column when every line ends with an empty one (a trailing delimiter)."""
    if all(len(cells) > 1 and cells[-1] == "" for _, cells in rows):
        return [(line, cells[:-1]) for line, cells in rows]
    return rows


def check_widths(data: list[Record], width: int, has_header: bool, delimiter: str,
                  where: str) -> None:
    reference = "the header has" if has_header else f"line {data[0][0]} has"
    for line, cells in data:
        if len(cells) != width:
            hint = (f"a value containing {delimiter_name(delimiter)} must be in quotes"
                    if len(cells) > width else
                    f"an empty value still needs its {delimiter_name(delimiter)}")
            raise DataError(f"{where}, line {line} has {len(cells)} fields but {reference} "
                            f"{width}; {hint}", key="path", row=line)


def _rows_to_keep(missing: np.ndarray, columns: list[int], layout: _Layout,
                  drop_missing: bool) -> np.ndarray:
    """Rows (N,) without missing values, given the missing mask (N, len(columns)) of the file
    columns `columns`; DataError at the first missing value unless `drop_missing`."""
    if not missing.any() or drop_missing:
        keep = ~np.asarray(missing.any(axis=1))
        if not keep.any():
            raise DataError(f"{layout.where}: every row has a missing value", key="path")
        return keep
    order = np.argsort(columns)
    i, k = np.argwhere(missing[:, order])[0]
    raise layout.error(i, columns[order[k]],
                       f"missing value ({int(missing.sum())} missing in the file); fill them "
                       f"in, or set drop_missing to drop those rows")


def _column_index(ref: str | int, layout: _Layout, key: str) -> int:
    """The 0-based index of the column `ref` names (a name, or an index counting from 0,
    negative from the end); DataError with `key` if there is no such column."""
    width = len(layout.names)
    what = "target column" if key == "target" else "column"
    if isinstance(ref, int):
        if -width <= ref < width:
            return ref % width
        raise DataError(f"{what} {ref} does not exist: {layout.where} has {width} columns, "
                        f"numbered 0 to {width - 1}", key=key)
    for fold in (str, str.casefold):
        matches = [j for j, n in enumerate(layout.names) if fold(n) == fold(ref.strip())]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise DataError(f"{layout.where} has {len(matches)} columns named {ref!r}; "
                            f"give the column's index instead", key=key)
    hint = "" if layout.has_header else " (the file has no header line, so use an index)"
    raise DataError(f"{layout.where} has no column named {ref!r}{hint}; its columns are: "
                    f"{', '.join(layout.names)}", key=key)


def _feature_indices(columns: list[str | int] | None, t: int, layout: _Layout) -> list[int]:
    """The feature columns' indices: those `columns` names, or all but the target `t`."""
    if columns is None:
        return [j for j in range(len(layout.names)) if j != t]
    out: list[int] = []
    for ref in columns:
        j = _column_index(ref, layout, "columns")
        if j == t:
            raise DataError(f"{layout.column(j)} is the target, so it cannot be a feature too",
                            key="columns")
        if j in out:
            raise DataError(f"{layout.column(j)} is chosen as a feature twice", key="columns")
        out.append(j)
    return out


def _numeric_columns(cells: list[list[str]], columns: list[int], layout: _Layout
                     ) -> tuple[np.ndarray, np.ndarray]:
    """The feature values (N, F) float64 (NaN where missing) and the missing mask (N, F)."""
    x = np.empty((len(cells), len(columns)))
    missing = np.zeros(x.shape, dtype=bool)
    for k, j in enumerate(columns):
        column = [row[j] for row in cells]
        try:
            x[:, k] = np.array(column, dtype=np.float64)
            if np.isfinite(x[:, k]).all():
                continue
        except ValueError:
            pass
        for i, cell in enumerate(column):
            if is_missing(cell):
                x[i, k], missing[i, k] = np.nan, True
                continue
            value = parse_number(cell, layout.decimal_comma)
            if value is None:
                raise layout.error(i, j, f"{show(cell)} is not a number; every column except "
                                         f"the target must hold numbers (remove this column, or "
                                         f"make it the target)")
            if not np.isfinite(value):
                raise layout.error(i, j, f"{show(cell)} is not a finite number")
            x[i, k] = value
    return x, missing


def _target(cells: np.ndarray, t: int, task: str, layout: _Layout
            ) -> tuple[np.ndarray, str, tuple[str, ...]]:
    """(y, task, class names) from the target column's cells (N,)."""
    numbers = [parse_number(c, layout.decimal_comma) for c in cells]
    text = [i for i, v in enumerate(numbers) if v is None]
    what = f"the target {layout.column(t)}"
    if text:
        if task == "regression":
            raise layout.error(text[0], t, f"{show(str(cells[text[0]]))} is text, so the "
                                           f"target cannot be predicted by regression; use "
                                           f"task classification", key="task")
        values: np.ndarray = cells
    else:
        values = np.array(numbers, dtype=np.float64)
        bad = np.flatnonzero(~np.isfinite(values))
        if len(bad):
            raise layout.error(int(bad[0]), t, f"{show(str(cells[bad[0]]))} is not a finite "
                                               f"number")
    if task == "auto":
        task = infer_task(values)
    if task == "regression":
        return values.reshape(-1, 1), task, ()
    labels, names = encode_classes(values, what)
    return labels, task, names
