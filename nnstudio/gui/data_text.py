"""What the data layer says about a broken file or data setting, in the user's language.

The data layer is Qt-free and writes its problems as English f-strings ("data.csv, line 3,
column 'b': 'x' is not a number; …"). `data_problem_tr` translates those it has templates for,
with the same file names, lines, columns and values; {problem} and {hint} parts are translated
in turn. The tests make the data layer write every template, so a changed wording fails a test
instead of quietly showing English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.gui.templated import TemplateTranslator

#: translation context of the data layer's problems
CONTEXT = "DataProblem"
#: the problems of the CSV reader (nnstudio.data.csvtext, nnstudio.data.tables), of class
#: targets and of the split fractions, the more specific first
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
)

#: a problem of the data layer in the user's language (unchanged without a template)
data_problem_tr = TemplateTranslator(CONTEXT, TEMPLATES)
