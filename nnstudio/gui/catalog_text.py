"""Translating the engine's catalogue texts where the GUI shows them.

The catalogues (node types, initialisers, losses, optimisers, training keys, data sources) are
Qt-free and hold English. The GUI passes each text through `catalog_tr` (and a layer's type
name through `layer_title`) when it shows it. `catalog_texts` lists every such text, so that
packaging/update_translations.py can write them as QT_TRANSLATE_NOOP marks
(nnstudio/gui/translation_marks.py) where lupdate finds them. `problem_tr` translates the
catalogue's verdicts on a value ("must be at least 1, got 0") by their templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from nnstudio.core.catalog import NODE_TYPES, ParamSpec
from nnstudio.core.initializers import INITIALIZER_PARAMS
from nnstudio.core.losses import LOSSES
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.data.catalog import SOURCES
from nnstudio.design import spec
from nnstudio.gui.templated import TemplateTranslator

#: translation context of the catalogues' summaries, help texts and titles
CONTEXT = "Catalog"
#: translation context of the node type names, as the palette and inspector show them
LAYER_CONTEXT = "LayerName"
#: translation context of the catalogue's verdicts on a value
PROBLEM_CONTEXT = "CatalogProblem"
#: the verdicts of nnstudio.core.catalog.check_value, {value} being the refused value's repr
PROBLEM_TEMPLATES: tuple[str, ...] = cast(tuple[str, ...], (
    QT_TRANSLATE_NOOP("CatalogProblem", "must be an integer, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be a number, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be greater than {limit}, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be at least {limit}, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be less than {limit}, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be at most {limit}, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be true or false, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem",
                      "must be a pair of numbers such as [0.9, 0.999], got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be a pair of numbers, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be a number or a pair [height, width], got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem",
                      "must be an integer or a pair [height, width], got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem",
                      "must be an integer or a pair [height, width], 'same' or 'valid', "
                      "got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be a list of positive integers such as [2] or "
                                        "[1, 28, 28], got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must have one to three dimensions, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "must be one of {names}, got {value}"),
    # a node's parameters (nnstudio.core.catalog.check_params), {name} the parameter's repr
    QT_TRANSLATE_NOOP("CatalogProblem", "{type} has no parameter {name}; it takes {names}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "{type} has no parameter {name}"),
    QT_TRANSLATE_NOOP("CatalogProblem", "{type} needs {name}"),
    # an initialiser's options (nnstudio.core.initializers.parse_spec), {name} its repr
    QT_TRANSLATE_NOOP("CatalogProblem", "initialiser {name}: {key} must be a number, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem",
                      "initialiser {name}: {key} must be at least {limit}, got {value}"),
    QT_TRANSLATE_NOOP("CatalogProblem",
                      "initialiser {name}: {key} must be at most {limit}, got {value}"),
))  # cast: QT_TRANSLATE_NOOP is typed as returning object, it returns its text


#: the name nnstudio.data.sources gives class k of a dataset that names none; the data dock's
#: class picker shows the same words
DEFAULT_CLASS_NAME = str(QT_TRANSLATE_NOOP("DataPanel", "class {k}"))
_DEFAULT_CLASS = re.compile(r"class (?P<k>\d+)")


def catalog_tr(text: str) -> str:
    """`text` from a catalogue in the user's language (unchanged when untranslated)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def layer_title(type_name: str) -> str:
    """A node type as a reader of the user's language knows it: "Dense" is "Dense（全连接层）"
    in Chinese; the type name itself always stays visible, as in the design file."""
    return QCoreApplication.translate(LAYER_CONTEXT, type_name)


#: a verdict of check_value in the user's language (unchanged when it has no template)
problem_tr = TemplateTranslator(PROBLEM_CONTEXT, PROBLEM_TEMPLATES)


def class_name_tr(name: str) -> str:
    """A dataset's class name in the user's language: the generated "class 3" becomes
    "类别 3" in Chinese; a name the data itself gives (an iris species) stays as it is."""
    match = _DEFAULT_CLASS.fullmatch(name)
    if match is None:
        return name
    return QCoreApplication.translate("DataPanel", DEFAULT_CLASS_NAME).format(k=match["k"])


def _param_help(params: tuple[ParamSpec, ...]) -> Iterator[str]:
    return (p.help for p in params)


def _catalogue_texts() -> Iterator[str]:
    for node in NODE_TYPES.values():
        yield node.summary
        yield node.help
        yield from _param_help(node.params)
    for options in INITIALIZER_PARAMS.values():
        yield from _param_help(options)
    yield from LOSSES.values()
    for summary, params in OPTIMIZERS.values():
        yield summary
        yield from _param_help(params)
    yield from (spec.LOSS_HELP, spec.OPTIMIZER_HELP, spec.EARLY_STOPPING_HELP)
    yield from _param_help(spec.TRAINING_PARAMS + spec.EARLY_STOPPING_PARAMS)
    for source in SOURCES.values():
        yield source.title
        yield source.summary
        yield from _param_help(source.params)
        for dataset in source.datasets:
            yield dataset.title
            yield dataset.summary


def catalog_texts() -> list[tuple[str, str]]:
    """Every (context, English text) the GUI may show from a catalogue, each once, in
    catalogue order."""
    seen = dict.fromkeys((LAYER_CONTEXT, name) for name in NODE_TYPES)
    seen.update(dict.fromkeys((CONTEXT, text) for text in _catalogue_texts() if text))
    return list(seen)
