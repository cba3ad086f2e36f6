"""What the data layer says about a broken file or data setting, in the user's language.

The data layer is Qt-free and writes its problems as English f-strings ("data.csv, line 3,
column 'b': 'x' is not a number; …"). `data_problem_tr` translates those it has templates for,
with the same file names, lines, columns and values; {problem} and {hint} parts are translated
in turn. The tests make the data layer write every template, so a changed wording fails a test
instead of quietly showing English.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.gui.templated import TemplateTranslator

#: translation context of the data layer's problems
CONTEXT = "DataProblem"
#: the problems of the CSV reader (nnstudio.data.csvtext, nnstudio.data.tables), of class
#: targets, of the split fractions, of paths and of sizes files announce, the more specific
#: first
TEMPLATES = (
    QT_TRANSLATE_NOOP("DataProblem", "{where} is empty"),
    QT_TRANSLATE_NOOP("DataProblem", "{where} holds no values"),
    QT_TRANSLATE_NOOP("DataProblem", "{where} has a header line but no data rows"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} has a single column (separated by {delimiter}), so nothing is "
                      "left for features besides the target; check the delimiter"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where}, line {line} has {count} fields but the header has {width}; "
                      "{hint}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where}, line {line} has {count} fields but line {first} has {width}; "
                      "{hint}"),
    QT_TRANSLATE_NOOP("DataProblem", "a value containing {delimiter} must be in quotes"),
    QT_TRANSLATE_NOOP("DataProblem", "an empty value still needs its {delimiter}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where}, line {line}: a quote (\") opened on this line is never closed"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where}, line {line}: the byte {byte} is not UTF-8 text; save the file as "
                      "UTF-8 (\"CSV UTF-8\")"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where}, line {line}, column {column}: {problem}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{cell} is not a number; every column except the target must hold "
                      "numbers (remove this column, or make it the target)"),
    QT_TRANSLATE_NOOP("DataProblem", "{cell} is not a finite number"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "missing value ({count} missing in the file); fill them in, or set "
                      "drop_missing to drop those rows"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{cell} is text, so the target cannot be predicted by regression; use "
                      "task classification"),
    QT_TRANSLATE_NOOP("DataProblem", "{where}: every row has a missing value"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} has no column named {name} (the file has no header line, so use "
                      "an index); its columns are: {names}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} has no column named {name}; its columns are: {names}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "target column {index} does not exist: {where} has {count} columns, "
                      "numbered 0 to {last}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "column {index} does not exist: {where} has {count} columns, numbered 0 "
                      "to {last}"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} has {count} columns named {name}; give the column's index "
                      "instead"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "column {column} is the target, so it cannot be a feature too"),
    QT_TRANSLATE_NOOP("DataProblem", "column {column} is chosen as a feature twice"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} is UTF-16 text; save it as UTF-8 (\"CSV UTF-8\")"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} is not a text file: it holds binary data (a spreadsheet "
                      "workbook, perhaps); export it as CSV"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the target column {column} has only one class ({name}); a classifier "
                      "needs at least two"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "validation + test must leave some samples for training; got {validation} "
                      "+ {test}"),
    QT_TRANSLATE_NOOP("DataProblem", "cannot read {path}: {reason}"),
    QT_TRANSLATE_NOOP("DataProblem", "file not found: {path}"),
    # paths that are not regular files, refused before they are opened (nnstudio.data.paths)
    QT_TRANSLATE_NOOP("DataProblem", "folder not found: {path}"),
    QT_TRANSLATE_NOOP("DataProblem", "{path} is a folder, not a file"),
    QT_TRANSLATE_NOOP("DataProblem", "{path} is a file, not a folder"),
    QT_TRANSLATE_NOOP("DataProblem", "{path} is a named pipe (FIFO), not a regular file"),
    QT_TRANSLATE_NOOP("DataProblem", "{path} is a socket, not a regular file"),
    QT_TRANSLATE_NOOP("DataProblem", "{path} is a device, not a regular file"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "name too long: {name}… has {count} characters, and a file or folder "
                      "name may have at most {limit}"),
    QT_TRANSLATE_NOOP("DataProblem", "name too long: {path} is longer than this system allows"),
    # sizes a file announces, checked before allocating (nnstudio.data.limits and the readers)
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} would need {size} of memory to load, but data may take at most "
                      "{budget} here (half of the memory free now)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} announces {size} of data, more than its {compressed} of "
                      "compressed data can hold (damaged, or a decompression bomb)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} announces {width} × {height} pixels, more than the {limit} an "
                      "image may have (damaged, or a decompression bomb)"),
    QT_TRANSLATE_NOOP("DataProblem", "{where} holds no data: its header announces {shape} values"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} is a damaged PNG file: it holds more image data than the {size} "
                      "bytes its header announces"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "{where} holds a single array; save inputs and targets together with "
                      "numpy.savez(path, x=inputs, y=targets)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the array {key} in {where} is encrypted; nnstudio reads unencrypted .npz "
                      "files (as numpy.savez writes them)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the array {key} in {where} is compressed with zip method {method}, which "
                      "nnstudio does not read; save it with numpy.savez or "
                      "numpy.savez_compressed"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the array {key} in {where} announces {size} from {compressed} of "
                      "compressed data, more than that can hold (damaged, or a decompression "
                      "bomb)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the array {key} in {where} is truncated: its header announces {shape} "
                      "values of type {dtype}, {size}, but it holds less"),
    QT_TRANSLATE_NOOP("DataProblem", "the array {key} in {where} is truncated"),
    QT_TRANSLATE_NOOP("DataProblem", "a point needs finite coordinates that a float can hold"),
)

#: the problems of the sequence, text and word sources (nnstudio.data.sequences, text, words,
#: the npz reader's sequences and the catalogue's rule on ids)
SEQUENCE_TEMPLATES = (
    QT_TRANSLATE_NOOP("DataProblem",
                      "{samples} sequences of {length} steps × {features} features are "
                      "{values} values; at most {limit} are allowed: use fewer samples or "
                      "shorter sequences"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the {source} source gives ids of characters or words, which cannot be "
                      "standardised: set standardize to false"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the array {key} in {where} has shape {shape}; sequences need shape "
                      "(samples, time steps, features) or (samples, time steps)"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the bundled text {name} is missing from this installation of nnstudio; "
                      "reinstall it"),
    QT_TRANSLATE_NOOP("DataProblem",
                      "the text has {count} characters, too few for windows of {length}: use a "
                      "shorter length"),
)

#: a problem of the data layer in the user's language (unchanged without a template)
data_problem_tr = TemplateTranslator(
    CONTEXT, cast("tuple[str, ...]", TEMPLATES + SEQUENCE_TEMPLATES))
