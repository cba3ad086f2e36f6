"""Reading design files that are not what they should be, and writing them atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from design_docs import mlp

from nnstudio.design import Design, DesignError
from nnstudio.design import io as design_io


def load_problem(path: Path) -> str:
    """The single whole-file problem Design.load reports for `path`."""
    with pytest.raises(DesignError) as info:
        Design.load(path)
    (problem,) = info.value.problems
    assert problem.path == ""
    assert info.value.source == str(path)
    return problem.message


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in load_problem(tmp_path / "nope.json")


def test_directory(tmp_path: Path) -> None:
    assert "is a folder" in load_problem(tmp_path)


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary", b"\x89PNG\r\n\x1a\n\xff\xfe\xfd",
                                  b'{"format": "nnstudio-design", "name": "caf\xe9"}'])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(data)
    assert "is not a text file" in load_problem(path)


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(data)
    assert "is empty" in load_problem(path)


def test_malformed_json_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{\n  "format": "nnstudio-design",\n  "version" 1\n}\n')
    message = load_problem(path)
    assert "not valid JSON" in message
    assert "line 3, column 13" in message


def test_truncated_json(tmp_path: Path) -> None:
    text = json.dumps(mlp(), indent=2)
    path = tmp_path / "x.json"
    path.write_text(text[: len(text) // 2])
    message = load_problem(path)
    assert "ends too early" in message
    assert "line " in message and "column " in message


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(design_io.MAX_FILE_BYTES + 1)  # sparse: no disk space used
    assert "at most 50 MB" in load_problem(path)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(mlp()).encode())
    assert Design.load(path).name == "Spiral"


def test_duplicate_keys_are_reported_with_their_path() -> None:
    text = json.dumps(mlp()).replace('"units": 8', '"units": 8, "units": 9')
    with pytest.raises(DesignError) as info:
        Design.from_json(text)
    assert [p.path for p in info.value.problems] == ["network.nodes[1].params.units"]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "1e400"])
def test_non_finite_numbers_are_refused(token: str) -> None:
    text = json.dumps(mlp()).replace('"lr": 0.01', f'"lr": {token}')
    with pytest.raises(DesignError) as info:
        Design.from_json(text)
    (problem,) = info.value.problems
    assert problem.path == "training.optimizer.lr"
    assert "finite" in problem.message


def test_deeply_nested_json_is_refused() -> None:
    with pytest.raises(DesignError, match="nested too deeply"):
        Design.from_json("[" * 100_000 + "]" * 100_000)


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old")
    design_io.atomic_write(path, lambda f: f.write(b"new"))
    assert path.read_text() == "new"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_atomic_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old")
    path.chmod(0o640)
    design_io.atomic_write(path, lambda f: f.write(b"new"))
    assert path.stat().st_mode & 0o777 == 0o640


def test_atomic_write_failing_midway_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old")

    def half_then_fail(f) -> None:
        f.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(DesignError, match="No space left on device"):
        design_io.atomic_write(path, half_then_fail)
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_atomic_write_into_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DesignError, match="cannot save"):
        design_io.atomic_write(tmp_path / "no" / "f.txt", lambda f: f.write(b"x"))


def test_dumps_keeps_key_order_and_inlines_plain_lists() -> None:
    text = design_io.dumps({"b": [1, 2], "a": {"pos": [0.5, -1], "e": [["x", "y"]]},
                            "c": [], "d": {}})
    assert text == ('{\n  "b": [1, 2],\n  "a": {\n    "pos": [0.5, -1],\n    "e": [\n'
                    '      ["x", "y"]\n    ]\n  },\n  "c": [],\n  "d": {}\n}\n')


def test_atomic_write_replaces_a_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("precious")
    link = tmp_path / "link.txt"
    link.symlink_to(unrelated)
    design_io.atomic_write(link, lambda f: f.write(b"new"))
    assert not link.is_symlink() and link.read_text() == "new"
    assert unrelated.read_text() == "precious"
