"""Trained weights beside the design: .npz round trips and every refusal."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np
import pytest
from design_docs import cnn, mlp

from nnstudio.design import (
    Design,
    DesignError,
    build_network,
    load_weights,
    save_weights,
    weights_path_for,
)


def network(make=mlp, seed: int = 0):
    return build_network(Design.from_dict(make()), seed=seed)


def test_weights_path_is_beside_the_design() -> None:
    assert weights_path_for("/a/b/spiral.json") == Path("/a/b/spiral.npz")
    assert weights_path_for(Path("my.design.json")) == Path("my.design.npz")


@pytest.mark.parametrize("make", [mlp, cnn])
def test_round_trip(tmp_path: Path, make) -> None:
    source, target = network(make, seed=1), network(make, seed=2)
    path = tmp_path / "w.npz"
    save_weights(source, path)
    with np.load(path, allow_pickle=False) as saved:
        assert sorted(saved.files) == sorted(source.state_dict())
    load_weights(target, path)
    for name, value in source.state_dict().items():
        np.testing.assert_array_equal(target.state_dict()[name], value)
    assert os.listdir(tmp_path) == ["w.npz"]


def test_names_are_parameter_names(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    save_weights(network(), path)
    with np.load(path) as saved:
        assert set(saved.files) == {"h1.W", "h1.b", "out.W", "out.b"}
        assert saved["h1.W"].shape == (2, 8)


def refusal(net, path: Path) -> DesignError:
    before = net.state_dict()
    with pytest.raises(DesignError) as info:
        load_weights(net, path)
    for name, value in before.items():
        np.testing.assert_array_equal(net.state_dict()[name], value)
    return info.value


def test_missing_file(tmp_path: Path) -> None:
    error = refusal(network(), tmp_path / "none.npz")
    assert "does not exist" in str(error)


@pytest.mark.parametrize("data", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_not_an_npz(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "w.npz"
    path.write_bytes(data)
    assert "not a weights file" in str(refusal(network(), path))


def test_a_single_npy_is_not_an_npz(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    with open(path, "wb") as f:
        np.save(f, np.zeros(3))
    assert "not a weights file" in str(refusal(network(), path))


def test_truncated_archive(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    save_weights(network(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "w.npz" in str(refusal(network(), path))


def test_damaged_member(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("h1.W.npy", b"\x93NUMPY garbage")
    assert "damaged" in str(refusal(network(), path))


def test_object_arrays_are_never_unpickled(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    state = network().state_dict()
    state["h1.W"] = np.array([[{"evil": 1}] * 8] * 2, dtype=object)
    np.savez(path, **state)
    error = refusal(network(), path)
    assert [(p.path, "objects" in p.message) for p in error.problems] == [("h1.W", True)]


def test_names_and_shapes_that_do_not_fit_are_all_listed(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    state = network().state_dict()
    del state["out.b"]
    state["h1.W"] = np.zeros((3, 8), np.float32)
    state["h9.W"] = np.zeros(2, np.float32)
    np.savez(path, **state)
    problems = {p.path: p.message for p in refusal(network(), path).problems}
    assert set(problems) == {"out.b", "h1.W", "h9.W"}
    assert "missing" in problems["out.b"]
    assert "(3, 8)" in problems["h1.W"] and "(2, 8)" in problems["h1.W"]
    assert "not a parameter" in problems["h9.W"]


def test_text_arrays_and_non_finite_values_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    state = network().state_dict()
    state["h1.b"] = np.array(["x"] * 8)
    np.savez(path, **state)
    assert refusal(network(), path).problems[0].path == "h1.b"
    state = network().state_dict()
    state["out.W"][0, 0] = np.nan
    np.savez(path, **state)
    assert "NaN" in str(refusal(network(), path))


def test_weights_of_another_design_do_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "w.npz"
    save_weights(network(cnn), path)
    assert len(refusal(network(mlp), path).problems) > 1


def test_failed_save_keeps_the_old_weights(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "w.npz"
    save_weights(network(seed=1), path)
    before = path.read_bytes()

    def refuse(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DesignError, match="Input/output error"):
        save_weights(network(seed=2), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["w.npz"]
