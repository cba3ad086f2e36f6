"""The graph analysis's verdicts on a network, why it cannot train on the data and why a
wire cannot be drawn, in the user's language.

The engine is Qt-free and writes its findings as English f-strings ("has no input: connect a
layer to it", "Dense needs a flat input of shape (features,), got (1, 8, 8): add a Flatten
before it"). `network_problem_tr` finds the template a finding was written from and gives its
translation with the same values; a {problem} inside one is itself a finding, translated in
turn. A finding with no template stays in English. The tests make the analysis write every
template, so a changed wording fails a test instead of quietly showing English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnstudio.gui.catalog_text import layer_title, problem_tr
from nnstudio.gui.templated import TemplateTranslator

#: translation context of the findings
CONTEXT = "NetworkProblem"
#: the findings of nnstudio.core.graph.analyze and of the layers' shape checks, the more
#: specific before the more general where one could match the other's text
TEMPLATES: tuple[str, ...] = cast(tuple[str, ...], (
    QT_TRANSLATE_NOOP("NetworkProblem", "the id {id} is used by more than one node"),
    QT_TRANSLATE_NOOP("NetworkProblem", "unknown node type {type}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the connection {source} → {target} names a node that does not exist: "
                      "{names}"),
    QT_TRANSLATE_NOOP("NetworkProblem", "{source} is connected to {target} twice"),
    QT_TRANSLATE_NOOP("NetworkProblem", "the network is empty: drag an Input and some layers in"),
    QT_TRANSLATE_NOOP("NetworkProblem", "an {type} node takes no incoming connections"),
    QT_TRANSLATE_NOOP("NetworkProblem", "has no input: connect a layer to it"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{type} takes one input but {count} are connected ({names}); merge them "
                      "with Add or Concatenate first"),
    QT_TRANSLATE_NOOP("NetworkProblem", "{type} needs at least {minimum} inputs, has {count}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the connections make a cycle through {path}; a network must flow one way"),
    QT_TRANSLATE_NOOP("NetworkProblem", "the network has no Input node"),
    QT_TRANSLATE_NOOP("NetworkProblem", "only one Input node is supported; also found {names}"),
    QT_TRANSLATE_NOOP("NetworkProblem", "is not connected to the input {input}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the network has several outputs ({names}): every branch must end in the "
                      "one output node"),
    QT_TRANSLATE_NOOP("NetworkProblem", "the network has no layer after its Input"),
    QT_TRANSLATE_NOOP("NetworkProblem", "cannot infer the output shape: {problem}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "would have {count} parameters (about {size} GB); the limit is {limit}"),
    QT_TRANSLATE_NOOP("NetworkProblem", "output shape {shape} is impossible or too large"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the network passes {limit} parameters here; make the layers smaller"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} needs an image input of shape (channels, height, width), got "
                      "{shape}: use Input shape [1, H, W] for a grey image"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} needs an image input of shape (channels, height, width), got "
                      "{shape}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Conv2D padding 'same' needs stride 1, got stride {stride}: use a number "
                      "for the padding"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Conv2D kernel {kernel} does not fit the input {size} padded by {padding}: "
                      "use a smaller kernel or more padding"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Dense needs a flat input of shape (features,), got {shape}: add a Flatten "
                      "before it"),
    QT_TRANSLATE_NOOP("NetworkProblem", "Add needs inputs of the same shape, got {shapes}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} needs a sequence of shape (time steps, features) per sample, got "
                      "{shape}: put an Embedding before it for ids"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} needs a sequence of shape (time steps, features) per sample, got "
                      "{shape}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Embedding needs ids of shape (time steps,) per sample, got {shape}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Concatenate axis {axis} does not exist for inputs of shape (batch, {rank} "
                      "more axes): use an axis from 1 to {rank} (0 is the batch)"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Concatenate needs inputs with the same number of axes, got {shapes}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "Concatenate along axis {axis} needs inputs that match on every other "
                      "axis, got {shapes}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "BatchNorm needs features (C,) or an image (C, H, W), got {shape}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} padding {padding} is more than half the pool size {size}: some "
                      "windows would hold nothing but padding"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{layer} window {window} is larger than the input {size} (padded by "
                      "{padding}): use a smaller pool_size"),
    # why the network cannot train on the data (nnstudio.core.training.compatibility_problems)
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the output node must give a flat vector, but gives shape {shape}: add "
                      "Flatten and Dense before it"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the output layer has {units} units but the data has {classes} classes: "
                      "give it {classes} units"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "binary_cross_entropy needs two classes and one output unit (the data has "
                      "{classes} classes, the output {units} units)"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "with mse on {classes} classes the output layer needs {classes} units "
                      "(one-hot targets) or 1 unit"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "with mse on {classes} classes the output layer needs {classes} units "
                      "(one-hot targets)"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the data is a regression task: use the mse loss, not {loss}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the output layer has {units} units but the data has {targets} target "
                      "value(s) per sample"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "the Input shape {shape} does not match the data, whose samples have "
                      "shape {data_shape}"),
    # why a wire cannot be drawn (nnstudio.design.edit.connection_problem)
    QT_TRANSLATE_NOOP("NetworkProblem", "both ends must be nodes on the canvas"),
    QT_TRANSLATE_NOOP("NetworkProblem", "{node} cannot feed itself"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "{node} is an Input: data enters there, nothing can connect into it"),
    QT_TRANSLATE_NOOP("NetworkProblem", "{source} is already connected to {target}"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "connecting {source} → {target} would make a cycle ({target} already feeds "
                      "{source}); a network must flow one way"),
    # the memory a network needs to train (nnstudio.design.footprint), {estimate} in turn
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "training this network needs {estimate}, more than the {free} of memory "
                      "free: make the layers smaller"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "training this network needs {estimate}, {percent} of the {free} of "
                      "memory free"),
    QT_TRANSLATE_NOOP("NetworkProblem",
                      "about {total} ({weights} for the weights and their training state, "
                      "{values} for the values of a batch of {batch})"),
    QT_TRANSLATE_NOOP("NetworkProblem", "{name}: {problem}"),  # a parameter's verdict
))  # cast: QT_TRANSLATE_NOOP is typed as returning object, it returns its text


def _nested(text: str) -> str:
    """A {problem} inside a finding: a finding itself, or a parameter's verdict (tried second:
    the catalogue's "{type} needs {name}" would also take "Add needs inputs of the same …")."""
    finding = network_problem_tr(text)
    return finding if finding != text else problem_tr(text)


#: a finding of the graph analysis in the user's language (unchanged without a template)
network_problem_tr = TemplateTranslator(CONTEXT, TEMPLATES, nested=_nested,
                                        only_if_nested=("{name}: {problem}",),
                                        nested_fields=("problem", "estimate"))


#: a JSON path into a node: its index and what follows it (".params.units")
NODE_PATH = re.compile(r"network\.nodes\[(\d+)\](\S*)")
#: a finding that starts with the id of the node it is about ("out: the output layer …")
NAMED_FINDING = re.compile(r"([^\s:]+): (.+)", re.DOTALL)


def located_problem_tr(line: str, nodes: Sequence[dict[str, Any]] = ()) -> str:
    """A problem as a design check words it, "where: finding" (network.nodes[3]: has no
    input: …) or a bare finding, with the finding in the user's language and a node's JSON
    path shown as the card's id and type ("h2 (Dense): …"). `nodes`: the design's nodes, in
    file order, that the paths' indices count."""
    translated = network_problem_tr(line)
    if translated != line or ": " not in line:
        return translated
    where, finding = line.split(": ", 1)
    path = NODE_PATH.fullmatch(where)
    if path is None:
        return f"{where}: {network_problem_tr(finding)}"
    node_id, finding = _named_node(int(path[1]), finding, nodes)
    if node_id is None:
        return f"{where}: {network_problem_tr(finding)}"
    inside = f" · {path[2].lstrip('.')}" if path[2] else ""
    return f"{card_name(node_id, nodes)}{inside}: {network_problem_tr(finding)}"


def _named_node(index: int, finding: str, nodes: Sequence[dict[str, Any]]
                ) -> tuple[str | None, str]:
    """(the id of node `index`, the finding without that id in front), or (None, finding)
    when neither `nodes` nor the finding names it."""
    node_id = nodes[index].get("id") if 0 <= index < len(nodes) else None
    named = NAMED_FINDING.fullmatch(finding)
    if named is not None and (node_id is None or named[1] == node_id) \
            and network_problem_tr(finding) == finding:
        return named[1], named[2]
    return (node_id, finding) if isinstance(node_id, str) else (None, finding)


def card_name(node_id: str, nodes: Sequence[dict[str, Any]] = ()) -> str:
    """How the window names a node: its id and, when known, its type ("h2 (Dense)")."""
    kind = next((n.get("type") for n in nodes if n.get("id") == node_id), None)
    return f"{node_id} ({layer_title(kind)})" if isinstance(kind, str) else node_id
