"""Saves that cannot succeed say why (DesignError), links are replaced, not written through,
and the temporaries of killed saves are cleaned up."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from design_docs import mlp

from nnstudio.design import Design, DesignError
from nnstudio.design import io as design_io
from nnstudio.design.io import remove_stale_temporaries


def saved_design(tmp_path: Path) -> tuple[Design, Path, bytes]:
    path = tmp_path / "d.json"
    design = Design.from_dict(mlp())
    design.save(path)
    return design, path, path.read_bytes()


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("value", [nested(5000), float("nan"), object(), {1: "x"}])
def test_a_document_an_editor_made_unwritable_fails_with_a_design_error(tmp_path: Path,
                                                                      value: Any) -> None:
    design, path, before = saved_design(tmp_path)
    design.network["x-extension"] = value
    with pytest.raises(DesignError, match="cannot save"):
        design.save()
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["d.json"]


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"),
                                   OSError(28, "No space left on device"),
                                   OSError(30, "Read-only file system")])
def test_a_folder_or_disk_that_refuses_the_save_says_why(tmp_path: Path, monkeypatch,
                                                         error: OSError) -> None:
    design, path, before = saved_design(tmp_path)

    def refuse(*args: Any, **kwargs: Any) -> int:
        raise error

    monkeypatch.setattr(design_io.os, "open", refuse)
    with pytest.raises(DesignError, match=error.strerror):
        design.save()
    assert path.read_bytes() == before


def test_saving_onto_a_folder_is_a_design_error(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(DesignError, match="cannot save"):
        Design.from_dict(mlp()).save(tmp_path / "d.json")
    assert os.listdir(tmp_path) == ["d.json"]


def test_saving_a_design_replaces_a_symlink_and_leaves_its_target_alone(tmp_path: Path
                                                                        ) -> None:
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("precious")
    link = tmp_path / "d.json"
    link.symlink_to(unrelated)
    Design.from_dict(mlp()).save(link)
    assert unrelated.read_text() == "precious"
    assert not link.is_symlink() and Design.load(link).name == "Spiral"


def temporary(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_text("half a save")
    when = time.time() - age
    os.utime(path, (when, when))
    return path


def test_stale_temporaries_of_ours_are_removed_and_nothing_else(tmp_path: Path) -> None:
    hour = 3600.0
    stale = [temporary(tmp_path, ".d.json.0123abcd.tmp", 2 * hour),
             temporary(tmp_path, ".d.npz.89abcdef.tmp", 2 * hour)]
    kept = [temporary(tmp_path, ".d.json.fedcba98.tmp", 60),           # a save in progress
            temporary(tmp_path, ".d.json.0123abcz.tmp", 2 * hour),     # not our pattern
            temporary(tmp_path, ".other.json.0123abcd.tmp", 2 * hour),  # another file's
            temporary(tmp_path, "d.json.0123abcd.tmp", 2 * hour)]
    (tmp_path / ".d.json.00000000.tmp").mkdir()  # a folder of that name is left alone
    (tmp_path / ".d.json.11111111.tmp").symlink_to(kept[-1])
    Design.from_dict(mlp()).save(tmp_path / "d.json")
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in kept)
    assert (tmp_path / ".d.json.00000000.tmp").is_dir()
    assert (tmp_path / ".d.json.11111111.tmp").is_symlink()


def test_opening_a_design_cleans_its_stale_temporaries(tmp_path: Path) -> None:
    Design.from_dict(mlp()).save(tmp_path / "d.json")
    stale = temporary(tmp_path, ".d.json.0123abcd.tmp", 7200)
    Design.load(tmp_path / "d.json")
    assert not stale.exists()


def test_remove_stale_temporaries_reports_what_it_removed(tmp_path: Path) -> None:
    stale = temporary(tmp_path, ".w.npz.0123abcd.tmp", 120)
    assert remove_stale_temporaries(tmp_path / "w.npz") == []
    assert remove_stale_temporaries(tmp_path / "w.npz", max_age=60) == [stale]
    assert remove_stale_temporaries(tmp_path / "missing" / "w.npz") == []


def test_a_save_never_replaces_a_fifo_and_a_nul_is_no_name(tmp_path: Path) -> None:
    fifo = tmp_path / "d.json"
    os.mkfifo(fifo)
    with pytest.raises(DesignError, match="not a regular file"):
        Design.from_dict(mlp()).save(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.listdir(tmp_path) == ["d.json"]
    with pytest.raises(DesignError, match="NUL"):
        Design.from_dict(mlp()).save(tmp_path / "a\u0000b.json")
