"""What the design package says about a design or weights file, in the user's language.

The design package is Qt-free and writes its problems as English f-strings, most of them at a
JSON path ("network.nodes[2].params.units: must be at least 1, got 0"). `design_problem_tr`
keeps the path as written (it is code, not prose) and translates the message after it: the
design package's own templates here, and the network's, the catalogue's and the data layer's
findings it passes on through their translators (nnstudio.gui.network_text, catalog_text,
data_text). The tests make the design package write every template, so a changed wording
fails a test instead of quietly showing English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.design.errors import Problem
from nnstudio.gui.catalog_text import catalog_tr, problem_tr
from nnstudio.gui.data_text import data_problem_tr
from nnstudio.gui.network_text import network_problem_tr
from nnstudio.gui.templated import TemplateTranslator

#: translation context of the problems with a design file
CONTEXT = "DesignProblem"
#: translation context of the problems with a weights file
WEIGHTS_CONTEXT = "WeightsProblem"

#: the problems of reading, validating and saving a design (nnstudio.design.io, checks,
#: validate, check_network, check_sections, lesson, overrides, document, trainer), the more
#: specific first
TEMPLATES: tuple[str, ...] = cast(tuple[str, ...], (
    # saving (io, document)
    QT_TRANSLATE_NOOP("DesignProblem",
                      "cannot save: a file name cannot contain a NUL character (\\0)"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot save {path}: it is a folder"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot save {path}: it is not a regular file"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "cannot save {path}: the design holds values a design file cannot"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot save {path}: the design is nested too deeply"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot save {path}: {reason}"),
    QT_TRANSLATE_NOOP("DesignProblem", "this design has no file yet: give a path to save it to"),
    # the file itself (io)
    QT_TRANSLATE_NOOP("DesignProblem", "a file name cannot contain a NUL character (\\0)"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} does not exist"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is a folder, not a file"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "{path} is a symbolic link; nnstudio reads only the file itself"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is not a regular file"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is not a text file (it is not UTF-8)"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is not a text file"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is empty"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is {size} MB; a design file is at most {limit} MB"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "{path} ends too early (is it truncated?): {reason} (line {line}, column "
                      "{column})"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "{path} is not valid JSON: {reason} (line {line}, column {column})"),
    QT_TRANSLATE_NOOP("DesignProblem", "{path} is nested too deeply to be a design"),
    QT_TRANSLATE_NOOP("DesignProblem", "appears more than once in the same object"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot read the data: {problem}"),
    QT_TRANSLATE_NOOP("DesignProblem", "cannot read {path}: {reason}"),
    # JSON sanity (checks)
    QT_TRANSLATE_NOOP("DesignProblem", "is nested more than {depth} levels deep"),
    QT_TRANSLATE_NOOP("DesignProblem", "has a key that is not text: {key}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "holds text that is not valid Unicode (a lone surrogate such as \\ud800)"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a finite number, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "is a number of {digits} digits, too large to use: numbers must stay "
                      "below 1.8e308"),
    # the whole document (validate)
    QT_TRANSLATE_NOOP("DesignProblem", "a design file holds a JSON object ({...}), not a list"),
    QT_TRANSLATE_NOOP("DesignProblem", "a design file holds a JSON object ({...}), not a text"),
    QT_TRANSLATE_NOOP("DesignProblem", "a design file holds a JSON object ({...}), not a number"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "a design file holds a JSON object ({...}), not a boolean"),
    QT_TRANSLATE_NOOP("DesignProblem", "a design file holds a JSON object ({...}), not null"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "this is not an nnstudio design (it has no format; a design has "
                      "\"format\": \"nnstudio-design\")"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "this is not an nnstudio design (its format is {format}; a design has "
                      "\"format\": \"nnstudio-design\")"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "made by a newer nnstudio (file version {version}, this nnstudio reads up "
                      "to {supported}): update nnstudio"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing: add \"version\": {version}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a whole number such as {version}, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be 1 or more, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "is missing: a design needs a network of nodes and edges"),
    # keys and objects (checks)
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key (did you mean {suggestion}?)"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a design takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; the network takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a node takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; the training section takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; the {source} source takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a lesson takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a step takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a translation takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; a translated step takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a known key; {what} takes {keys}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be an object of texts, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "must be an object of dotted paths and values such as {example}, got "
                      "{value}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "must be an object of language codes such as {example}, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be an object such as {example}, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing ({hint})"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing"),
    # the network section (check_network)
    QT_TRANSLATE_NOOP("DesignProblem", "is missing; a node looks like {example}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a list, got {value}; a node looks like {example}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a list of pairs such as [{example}], got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing: every node needs a unique id such as \"h1\""),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a non-empty text, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "{id} is already the id of network.nodes[{index}]; ids must be unique"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing: choose a node type such as Dense or Conv2D"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "unknown node type {type} (did you mean {suggestion}?); the types are "
                      "{types}"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown node type {type}; the types are {types}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "must be a pair of node ids such as {example}, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "names a node that does not exist: {names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be two numbers [x, y], got {value}"),
    # the data and training sections (check_sections)
    QT_TRANSLATE_NOOP("DesignProblem",
                      "unknown data source {name} (did you mean {suggestion}?); the sources are "
                      "{names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown data source {name}; the sources are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "must not contain a NUL character (\\u0000): no file is named so"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "unknown loss {name} (did you mean {suggestion}?); the losses are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown loss {name}; the losses are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "unknown optimizer {name} (did you mean {suggestion}?); the optimizers are "
                      "{names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown optimizer {name}; the optimizers are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a list of two numbers, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "item {index}: {problem}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "must be false, true or an object such as {example}, got {value}"),
    # the name, the description and the lesson (validate, lesson)
    QT_TRANSLATE_NOOP("DesignProblem", "must be a text, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "is missing: a lesson needs a list of steps"),
    QT_TRANSLATE_NOOP("DesignProblem", "makes {count} changes; a step makes at most {limit}"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "is not a dotted path such as training.optimizer.lr or "
                      "network.nodes.h1.params.units"),
    QT_TRANSLATE_NOOP("DesignProblem", "is not a language code such as zh_CN or de"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "has {count} steps, the lesson {steps}: translate the steps in the same "
                      "order ({} for one left in English)"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown concept {name} (did you mean {suggestion}?)"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown concept {name}; the concepts are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown panel {name} (did you mean {suggestion}?)"),
    QT_TRANSLATE_NOOP("DesignProblem", "unknown panel {name}; the panels are {names}"),
    QT_TRANSLATE_NOOP("DesignProblem", "{name} is listed twice"),
    QT_TRANSLATE_NOOP("DesignProblem", "must be a list, got {value}"),
    QT_TRANSLATE_NOOP("DesignProblem", "has {count} steps; at most {limit} are allowed"),
    QT_TRANSLATE_NOOP("DesignProblem", "has {count} concepts; at most {limit} are allowed"),
    QT_TRANSLATE_NOOP("DesignProblem", "has {count} panels; at most {limit} are allowed"),
    QT_TRANSLATE_NOOP("DesignProblem", "must have at least {minimum} step"),
    QT_TRANSLATE_NOOP("DesignProblem", "is {count} characters long; at most {limit} are allowed"),
    # a lesson step's changes (overrides)
    QT_TRANSLATE_NOOP("DesignProblem",
                      "is not a dotted path such as training.optimizer.lr (got {path})"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "the network has no node {key} (did you mean {suggestion}?)"),
    QT_TRANSLATE_NOOP("DesignProblem", "the network has no node {key} (its nodes: {ids})"),
    QT_TRANSLATE_NOOP("DesignProblem", "{where} is {value}, which has no {key} inside"),
    QT_TRANSLATE_NOOP("DesignProblem",
                      "{where} is a list of {count}: {key} is not a position in it"),
))  # cast: QT_TRANSLATE_NOOP is typed as returning object, it returns its text

#: the problems of loading a weights file (nnstudio.design.weights), the more specific first
WEIGHTS_TEMPLATES: tuple[str, ...] = cast(tuple[str, ...], (
    QT_TRANSLATE_NOOP("WeightsProblem", "{path} is not a weights file (.npz)"),
    QT_TRANSLATE_NOOP("WeightsProblem", "{path} is damaged and cannot be read"),
    QT_TRANSLATE_NOOP("WeightsProblem", "appears twice in the archive"),
    QT_TRANSLATE_NOOP("WeightsProblem", "is missing from {name}"),
    QT_TRANSLATE_NOOP("WeightsProblem", "is not a parameter of this network"),
    QT_TRANSLATE_NOOP("WeightsProblem", "is encrypted; nnstudio reads only plain .npz archives"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "is compressed with zip method {method}; nnstudio reads only stored or "
                      "deflated members, as numpy writes them"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "claims {claimed} bytes, more than a parameter of shape {shape} can take "
                      "({most})"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "claims {stored} stored bytes, more than the whole file holds ({size})"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "claims {claimed} bytes but stores {stored}: the archive is damaged"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "claims {claimed} bytes from {stored} deflated, more than deflate can "
                      "expand: the archive is damaged"),
    QT_TRANSLATE_NOOP("WeightsProblem", "holds Python objects, which nnstudio never loads"),
    QT_TRANSLATE_NOOP("WeightsProblem", "is not an array of real numbers ({dtype})"),
    QT_TRANSLATE_NOOP("WeightsProblem", "has shape {shape}, this network needs {expected}"),
    QT_TRANSLATE_NOOP("WeightsProblem", "holds NaN or infinite values"),
    QT_TRANSLATE_NOOP("WeightsProblem",
                      "holds values too large for {dtype} (up to {largest}; {dtype} holds up "
                      "to {limit})"),
))

#: what comes before the first ": " of a located problem: a JSON path, a weights key or a
#: node id (no space, no colon)
_PATH = re.compile(r"[^\s:]+")


def _message_tr(text: str) -> str:
    """A message without its path, by the first translator that has a template for it; a part
    of one ({problem}, {hint}) that none has may be a catalogue text."""
    for translate in (_design_tr, _weights_tr, network_problem_tr, problem_tr, data_problem_tr):
        translated = translate(text)
        if translated != text:
            return translated
    return catalog_tr(text)


def design_problem_tr(text: str) -> str:
    """A design package's problem ("path: message", or a message of the whole file) in the
    user's language, the path kept as written; unchanged when nothing translates it."""
    where, sep, message = text.partition(": ")
    if sep and _PATH.fullmatch(where):
        translated = design_problem_tr(message)
        if translated != message:
            return f"{where}: {translated}"
    return _message_tr(text)


def problem_text(problem: Problem) -> str:
    """One Problem as the window shows it: its path as written, its message translated."""
    message = design_problem_tr(problem.message)
    return f"{problem.path}: {message}" if problem.path else message


def problem_texts(problems: Iterable[object]) -> list[str]:
    """Problems (or texts) as lines in the user's language."""
    return [problem_text(p) if isinstance(p, Problem) else design_problem_tr(str(p))
            for p in problems]


_design_tr = TemplateTranslator(CONTEXT, TEMPLATES, nested=_message_tr)
_weights_tr = TemplateTranslator(WEIGHTS_CONTEXT, WEIGHTS_TEMPLATES)
