"""CSV text, below the level of columns: decoding, delimiter and header detection, records."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

from nnstudio.data import limits
from nnstudio.data.errors import DataError
from nnstudio.data.paths import open_regular

DELIMITERS = (",", ";", "\t")
#: cells read as a missing value (compared in lower case)
MISSING = frozenset({"", "na", "n/a", "nan", "null", "none", "?"})
SNIFF_LINES = 50
SNIFF_CHARS = 65_536
#: records read between two progress reports
PROGRESS_EVERY = 4096

#: (line number, stripped cells) of one non-blank record
Record = tuple[int, list[str]]


def delimiter_name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else repr(delimiter)


def show(cell: str, limit: int = 40) -> str:
    """A cell quoted for a message, shortened if long."""
    return repr(cell if len(cell) <= limit else cell[:limit] + "…")


def read_text(path: Path) -> str:
    """The file's text: UTF-8, an optional byte-order mark removed. DataError for binary data,
    UTF-16 or any other encoding."""
    return decode(_read(path, None), path.name)


def read_head(path: Path, limit: int) -> tuple[str, bool]:
    """The text of the file's first `limit` bytes, cut after its last whole line, and whether
    that is the whole file. DataError as for read_text."""
    data = _read(path, limit + 1)
    if len(data) <= limit:
        return decode(data, path.name), True
    end = data.rfind(b"\n", 0, limit)
    return decode(data[:end + 1] if end >= 0 else data[:limit], path.name), False


def _read(path: Path, limit: int | None) -> bytes:
    """The first `limit` bytes of the regular file `path` (all of it if None, once its text
    and a copy are known to fit in memory)."""
    try:
        with open_regular(path) as file:
            if limit is None:
                limits.check_fits(2 * os.fstat(file.fileno()).st_size, path.name, "path")
            return file.read(-1 if limit is None else limit)
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}", key="path") from None


def decode(data: bytes, where: str) -> str:
    """UTF-8 text from a CSV file's bytes; DataError for binary data or another encoding."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DataError(f"{where} is UTF-16 text; save it as UTF-8 (\"CSV UTF-8\")",
                        key="path")
    if b"\x00" in data:
        raise DataError(f"{where} is not a text file: it holds binary data (a spreadsheet "
                        f"workbook, perhaps); export it as CSV", key="path")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise DataError(f"{where}, line {line}: the byte 0x{data[exc.start]:02x} is not "
                        f"UTF-8 text; save the file as UTF-8 (\"CSV UTF-8\")",
                        key="path", row=line) from None


def parse_number(cell: str, decimal_comma: bool) -> float | None:
    """The number a cell holds ("5,1" too when `decimal_comma`), or None if it holds text."""
    try:
        return float(cell)
    except ValueError:
        pass
    if decimal_comma and cell.count(",") == 1 and "." not in cell:
        try:
            return float(cell.replace(",", "."))
        except ValueError:
            return None
    return None


def is_missing(cell: str) -> bool:
    return cell.lower() in MISSING


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first lines into the same number (> 1)
    of fields most consistently, then into the most numbers; comma if none splits them."""
    lines = [line for line in text[:SNIFF_CHARS].splitlines() if line.strip()][:SNIFF_LINES]
    best, best_score = ",", (0.0, 0.0, 0)
    for d in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=d, skipinitialspace=True))
        except csv.Error:
            continue
        counts = [len(r) for r in rows]
        modal = max(set(counts), key=counts.count)
        if modal < 2:
            continue
        cells = [c.strip() for r in rows for c in r]
        numeric = sum(parse_number(c, d != ",") is not None for c in cells) / len(cells)
        score = (counts.count(modal) / len(counts), numeric, modal)
        if score > best_score:
            best, best_score = d, score
    return best


def records(text: str, delimiter: str, where: str, partial: bool = False,
            progress: Callable[[float], None] | None = None) -> list[Record]:
    """Every non-blank record with the line it starts on; cells stripped of spaces. DataError
    for a quote left open (it swallows the rest of the file into one last record), unless
    `partial` (the text is the start of a file): then that last record is dropped.
    `progress`, if given, is called now and then with the fraction of the lines read."""
    lines = text.count("\n") + 1
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                        skipinitialspace=True)
    out: list[Record] = []
    start = 1
    last: list[str] = []
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                out.append((start, [c.strip() for c in cells]))
                last = cells
            start = reader.line_num + 1
            if progress is not None and len(out) % PROGRESS_EVERY == 0:
                progress(reader.line_num / lines)
    except csv.Error as exc:
        raise DataError(f"{where}, line {start}: cannot read the record ({exc}); is a quote "
                        f"(\") left open?",
                        key="path", row=start) from None
    if any("\n" in c or "\r" in c for c in last) and _open_quote(text, out[-1][0]):
        if partial:
            return out[:-1]
        line = out[-1][0]
        raise DataError(f"{where}, line {line}: a quote (\") opened on this line is never "
                        f"closed", key="path", row=line)
    return out


def _open_quote(text: str, line: int) -> bool:
    """Whether a quote opened in the text from `line` (1-based) on is never closed."""
    lines = io.StringIO(text, newline="").readlines()
    return "".join(lines[line - 1:]).count('"') % 2 == 1


def detect_header(rows: list[Record], decimal_comma: bool) -> bool:
    """Whether the first record names the columns: it has text where the records below
    mostly hold numbers (or it is the only record and holds text)."""
    first = rows[0][1]
    if len(rows) == 1:
        return any(parse_number(c, decimal_comma) is None for c in first if not is_missing(c))
    below = [cells for _, cells in rows[1:SNIFF_LINES]]
    for j, cell in enumerate(first):
        if is_missing(cell) or parse_number(cell, decimal_comma) is not None:
            continue
        column = [r[j] for r in below if j < len(r) and not is_missing(r[j])]
        numbers = sum(parse_number(c, decimal_comma) is not None for c in column)
        if column and 2 * numbers >= len(column):
            return True
    return False
