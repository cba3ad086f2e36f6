"""Every node type declares every facet the program reads, and each facet works.

A type is declared once, in its layer module (`nnstudio.core.layers.*`): spec, class, card
label, teaching text, what it preserves, its palette group. The exporters keep one emitter per
type. This test walks the catalogue so that a new type missing any of it fails here, by name.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import numpy as np
import pytest

from nnstudio.core.catalog import (
    GROUP_COLOURS,
    GROUPS,
    NODE_TYPES,
    check_params,
    check_value,
    create_layer,
    layer_class,
    node_label,
    resolve_params,
)
from nnstudio.core.layers.base import Layer, ShapeError
from nnstudio.design.edit import SHAPE_PRESERVING, default_params
from nnstudio.export import keras, onnx_export, pytorch

TYPES = sorted(NODE_TYPES)
MARKS = Path(__file__).resolve().parents[1] / "nnstudio" / "gui" / "translation_marks.py"
#: per-sample shapes tried, in order, as a type's input: a vector, a sequence, an image
CANDIDATE_SHAPES = ((4,), (3, 4), (2, 6, 6))


def _values(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Small whole numbers as floats: valid ids for an Embedding, plain inputs for the rest."""
    return rng.integers(0, 3, size=shape).astype(np.float64)


def _marks() -> set[tuple[str, str]]:
    """(context, text) of every QT_TRANSLATE_NOOP in the generated translation marks."""
    tree = ast.parse(MARKS.read_text(encoding="utf-8"))
    return {(call.args[0].value, call.args[1].value) for call in ast.walk(tree)
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"
            and all(isinstance(a, ast.Constant) for a in call.args[:2])}


def _sample_input(name: str, rng: np.random.Generator):
    """(layer, per-sample input shapes, batch) for a small forward pass of type `name`."""
    params = default_params(name)
    layer = create_layer("n", name, params)
    spec = NODE_TYPES[name]
    if spec.max_inputs == 0:
        shape = tuple(params["shape"])
        return layer, [], _values(rng, (3, *shape))
    arity = max(spec.min_inputs, 1)
    for shape in CANDIDATE_SHAPES:
        try:
            layer.output_shape(*([shape] * arity))
        except ShapeError:
            continue
        xs = [_values(rng, (3, *shape)) for _ in range(arity)]
        return layer, [shape] * arity, xs if arity > 1 else xs[0]
    raise AssertionError(f"{name} takes none of the sample shapes {CANDIDATE_SHAPES}")


@pytest.mark.parametrize("name", TYPES)
def test_spec_is_complete_and_its_defaults_are_valid(name):
    spec = NODE_TYPES[name]
    assert spec.name == name
    assert spec.summary.strip() and spec.help.strip(), f"{name} needs teaching text"
    names = [p.name for p in spec.params]
    assert len(names) == len(set(names)), f"{name} repeats a parameter"
    for p in spec.params:
        assert p.help.strip(), f"{name}.{p.name} needs a help text"
        if not p.required and p.default is not None:
            assert check_value(p, p.default) is None, f"{name}.{p.name}'s default is invalid"
    assert check_params(name, default_params(name)) == []
    assert set(resolve_params(name, default_params(name))) == set(names)


@pytest.mark.parametrize("name", TYPES)
def test_class_runs_forward_and_backward(name):
    assert layer_class(name) is NODE_TYPES[name].layer
    assert issubclass(layer_class(name), Layer)
    rng = np.random.default_rng(0)
    layer, shapes, x = _sample_input(name, rng)
    out_shape = layer.output_shape(*shapes)
    layer.build(shapes, np.dtype(np.float64), rng)
    y = layer.forward(x, training=True)
    assert y.shape == (3, *out_shape)
    dx = layer.backward(np.ones_like(y))
    if NODE_TYPES[name].max_inputs == 0:
        return
    for g, xi in zip(dx if isinstance(dx, list) else [dx], x if isinstance(x, list) else [x],
                     strict=True):
        assert g.shape == xi.shape
    if NODE_TYPES[name].preserves_shape:
        assert out_shape == shapes[0]


@pytest.mark.parametrize("name", TYPES)
def test_label_names_the_type(name):
    assert node_label(name, default_params(name)).startswith(name)


@pytest.mark.parametrize("name", TYPES)
def test_group_has_a_colour(name):
    group = NODE_TYPES[name].group
    assert group in GROUPS
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", GROUP_COLOURS[group])


def test_shape_preserving_list_is_read_from_the_types():
    assert set(SHAPE_PRESERVING) == {n for n, s in NODE_TYPES.items() if s.preserves_shape}


@pytest.mark.parametrize("name", TYPES)
def test_every_exporter_writes_the_type(name):
    tables = {"PyTorch": pytorch.EMITTERS, "Keras": keras.EMITTERS, "ONNX": onnx_export.EMITTERS}
    missing = [fmt for fmt, emitters in tables.items() if name not in emitters]
    assert not missing, f"{name} has no emitter for {', '.join(missing)}"


@pytest.mark.parametrize("name", TYPES)
def test_teaching_text_is_marked_for_translation(name):
    """Fails for a new type until its texts are merged into the translations (the marks are
    written by packaging/update_translations.py)."""
    spec = NODE_TYPES[name]
    marks = _marks()
    missing = [text for text in (spec.summary, spec.help, *(p.help for p in spec.params))
               if ("Catalog", text) not in marks]
    assert ("LayerName", name) in marks and not missing, f"{name}: not translated: {missing}"
