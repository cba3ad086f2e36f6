"""From a resolved data spec to Samples: one loader per source."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.data import paths, regression, sequences, text, toy2d, words
from nnstudio.data.builtin import load_builtin
from nnstudio.data.catalog import SOURCES
from nnstudio.data.errors import DataError
from nnstudio.data.idx import load_idx
from nnstudio.data.imagefolder import load_image_folder
from nnstudio.data.npz import load_npz
from nnstudio.data.samples import Samples
from nnstudio.data.tables import read_csv


def _title(spec: dict[str, Any]) -> str:
    return SOURCES[spec["source"]].dataset(spec["name"]).title


def _toy2d(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    x, y = toy2d.generate(spec["name"], spec["samples"], spec["noise"], spec["seed"],
                          spec["classes"])
    return Samples(x, y, "classification", "points2d",
                   tuple(f"class {k}" for k in range(spec["classes"])), ("x1", "x2"), _title(spec))


def _regression(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    x, y = regression.generate(spec["name"], spec["samples"], spec["noise"], spec["seed"])
    one_d = x.shape[1] == 1
    return Samples(x, y, "regression", "curve1d" if one_d else "points2d", (),
                   ("x1",) if one_d else ("x1", "x2"), _title(spec))


def _sequence(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    x, y = sequences.generate(spec["name"], spec["samples"], spec["length"], spec["noise"],
                              spec["symbols"], spec["seed"])
    if spec["name"] in sequences.NEXT_VALUE:
        return Samples(x, y, "regression", "sequence", (), ("value",), _title(spec))
    features = (tuple(f"symbol {k}" for k in range(spec["symbols"]))
                if spec["name"] == "first_last" else ("bit",))
    return Samples(x, y, "classification", "sequence", ("no", "yes") if
                   spec["name"] == "first_last" else ("even", "odd"), features, _title(spec))


def _text(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    return text.next_character(text.read_corpus(spec["name"]), spec["length"], spec["stride"],
                               _title(spec))


def _words(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    return words.word2vec_samples(text.read_corpus(spec["name"]), spec["mode"],
                                  spec["window"], spec["negatives"], spec["seed"],
                                  _title(spec))


def _points(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    points = spec["points"]
    if not points:
        raise DataError("there are no points yet: click on the plane to add some",
                        key="points")
    table = np.array(points, dtype=np.float64).reshape(len(points), 3)
    return Samples(table[:, :2].copy(), table[:, 2].astype(np.int64), "classification",
                   "points2d", tuple(f"class {k}" for k in range(spec["classes"])),
                   ("x1", "x2"), "Drawn points")


def _builtin(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    return load_builtin(spec["name"])


def resolve_path(value: str, base_dir: Path | None, key: str = "path",
                 folder: bool = False) -> Path:
    """`value` relative to `base_dir` (the design's folder; the working folder if None);
    DataError (with `key`) unless it names an existing regular file, or folder if `folder`
    (see paths.regular_file: devices, FIFOs and sockets are refused without opening them)."""
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = (Path(base_dir) if base_dir is not None else Path.cwd()) / path
    if folder:
        paths.folder(path, key)
    else:
        paths.regular_file(path, key)
    return path


def _csv(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    path = resolve_path(spec["path"], base_dir)
    table = read_csv(path, target=spec["target"], columns=spec["columns"],
                     delimiter=spec["delimiter"],
                     header=spec["header"], task=spec["task"],
                     drop_missing=spec["drop_missing"])
    return Samples(table.x, table.y, table.task, "table", table.class_names,
                   table.feature_names, path.stem)


def _npz(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    return load_npz(resolve_path(spec["path"], base_dir), x_key=spec["x_key"],
                    y_key=spec["y_key"], task=spec["task"], sequence=spec["sequence"])


def _images(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    folder = resolve_path(spec["path"], base_dir, folder=True)
    return load_image_folder(folder, tuple(spec["size"]), spec["color"] == "rgb")


def _idx(spec: dict[str, Any], base_dir: Path | None) -> Samples:
    return load_idx(resolve_path(spec["images"], base_dir, "images"),
                    resolve_path(spec["labels"], base_dir, "labels"))


LOADERS: dict[str, Callable[[dict[str, Any], Path | None], Samples]] = {
    "toy2d": _toy2d, "points": _points, "regression": _regression, "builtin": _builtin,
    "csv": _csv, "npz": _npz, "images": _images, "idx": _idx, "sequence": _sequence,
    "text": _text, "words": _words,
}


def load_samples(spec: dict[str, Any], base_dir: Path | None = None) -> Samples:
    """The samples a resolved spec (see catalog.resolve_spec) describes."""
    return LOADERS[spec["source"]](spec, base_dir)
