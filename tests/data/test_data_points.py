"""Drawn points: the inline source and the pure edits the GUI's undo commands call."""

import copy

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset
from nnstudio.data.catalog import resolve_spec
from nnstudio.data.points import add_point, clear_points, points_spec, remove_nearest

DRAWN = {"source": "points", "validation": 0.25, "seed": 2,
         "points": [[-2, -2, 0], [-1.5, -2.5, 0], [-2.5, -1, 0], [-1, -1.5, 0],
                    [2, 2, 1], [1.5, 2.5, 1], [2.5, 1, 1], [1, 1.5, 1.0]]}


def test_drawn_points_load_like_a_toy():
    data = load_dataset(DRAWN, dtype=np.float64)
    assert data.kind == "points2d" and data.task == "classification"
    assert data.num_classes == 2 and data.class_names == ("class 0", "class 1")
    assert (len(data.x_train), len(data.x_val)) == (6, 2)
    assert not data.standardized and data.feature_names == ("x1", "x2")
    everything = np.concatenate([data.points("train"), data.points("validation")])
    labels = np.concatenate([data.y_train, data.y_val])
    table = np.array(DRAWN["points"], dtype=np.float64)
    order = np.lexsort(everything.T)
    np.testing.assert_array_equal(everything[order], table[np.lexsort(table[:, :2].T), :2])
    np.testing.assert_array_equal(labels[order], table[np.lexsort(table[:, :2].T), 2])
    squares = load_dataset({**DRAWN, "features": ["x1^2", "x1x2"]})
    assert squares.input_shape == (2,) and squares.feature_names == ("x1^2", "x1x2")


def test_classes_default_to_the_largest_label_plus_one():
    assert resolve_spec({"source": "points", "points": [[0, 0, 0]]})["classes"] == 2
    assert resolve_spec({"source": "points", "points": [[0, 0, 4]]})["classes"] == 5
    data = load_dataset({"source": "points", "points": [[0, 0, 0], [1, 1, 2]], "classes": 4})
    assert data.num_classes == 4 and data.num_outputs == 4


@pytest.mark.parametrize(("points", "key", "words"), [
    ([], "points", "no points yet"),
    ("many", "points", "list of"),
    ([[0, 0, 0], [1, 1]], "points", "bad point at index 1"),
    ([[0, 0, 0], [1, "a", 0]], "points", "bad point at index 1"),
    ([[0, 0, 0], [0, 0, 0], [1, 1, -1]], "points", "bad point at index 2: its class"),
    ([[0, 0, 0.5]], "points", "index 0: its class must be a whole number"),
    ([[0, 0, 8]], "points", "from 0 to 7"),
    ([[0, 0, True]], "points", "index 0"),
    ([[float("nan"), 0, 0]], "points", "index 0"),
])
def test_bad_points_name_their_index(points, key, words):
    with pytest.raises(DataError, match=words) as info:
        load_dataset({"source": "points", "points": points})
    assert info.value.key == key


def test_classes_must_cover_the_labels():
    with pytest.raises(DataError, match="index 1 has class 3, but classes is 3") as info:
        load_dataset({"source": "points", "points": [[0, 0, 0], [1, 1, 3]], "classes": 3})
    assert info.value.key == "classes"
    with pytest.raises(DataError, match="at least 2"):
        load_dataset({"source": "points", "points": [[0, 0, 0]], "classes": 1})


def test_add_and_remove_are_pure():
    before = copy.deepcopy(DRAWN)
    added = add_point(DRAWN, 0.123456, -4, 1)
    assert before == DRAWN
    assert added["points"][-1] == [0.123, -4.0, 1] and len(added["points"]) == 9
    assert added["points"][:-1] == [[float(x), float(y), int(c)] for x, y, c in DRAWN["points"]]
    assert added["points"][0] is not DRAWN["points"][0]
    removed = remove_nearest(added, 0.2, -3.9, 0.5)
    assert removed["points"] == added["points"][:-1] and len(added["points"]) == 9
    assert remove_nearest(added, 5, 5, 0.5) == added
    assert remove_nearest({"source": "points"}, 0, 0, 1) == {"source": "points", "points": []}
    cleared = clear_points(added)
    assert cleared["points"] == [] and cleared["seed"] == 2
    assert add_point({"source": "points", "classes": 2}, 0, 0, 3)["classes"] == 4


@pytest.mark.parametrize(("x", "y", "label", "words"), [
    (float("inf"), 0, 0, "finite"), ("1", 0, 0, "finite"), (0, 0, 8, "from 0 to 7"),
    (0, 0, -1, "from 0 to 7"), (0, 0, 1.0, "whole number"), (0, 0, True, "whole number")])
def test_add_point_refuses_bad_points(x, y, label, words):
    with pytest.raises(DataError, match=words):
        add_point({"source": "points"}, x, y, label)


def test_a_toy_becomes_editable_points():
    spec = {"source": "toy2d", "name": "spiral", "classes": 3, "samples": 60, "seed": 4,
            "validation": 0.3, "features": ["x1", "sin_x2"]}
    drawn = points_spec(spec)
    assert drawn["source"] == "points" and drawn["classes"] == 3 and len(drawn["points"]) == 60
    assert (drawn["validation"], drawn["seed"], drawn["features"]) == (0.3, 4, ["x1", "sin_x2"])
    toy, copy_ = load_dataset(spec, dtype=np.float64), load_dataset(drawn, dtype=np.float64)
    np.testing.assert_allclose(copy_.points("train"), toy.points("train"), atol=5e-4)
    np.testing.assert_array_equal(copy_.y_val, toy.y_val)
    assert len(add_point(spec, 0, 0, 2)["points"]) == 61
    with pytest.raises(DataError, match="only classified points"):
        points_spec({"source": "regression", "name": "plane"})
    with pytest.raises(DataError, match="only classified points"):
        points_spec({"source": "builtin", "name": "iris"})
