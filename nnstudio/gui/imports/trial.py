"""The trial load a dialog runs before it accepts: the design's own loaders, with progress."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from nnstudio.data import Dataset, resolve_spec
from nnstudio.data.dataset import make_dataset
from nnstudio.data.idx import load_idx
from nnstudio.data.imagefolder import load_image_folder
from nnstudio.data.npz import load_npz
from nnstudio.data.samples import Samples
from nnstudio.data.sources import resolve_path
from nnstudio.data.tables import read_csv
from nnstudio.gui.imports.background import Progress


def design_path(path: Path, base_dir: Path | None) -> str:
    """How a design refers to `path`: relative to `base_dir` (POSIX slashes) when the file is
    inside it, else absolute."""
    path = Path(path).expanduser().absolute()
    if base_dir is not None:
        try:
            return path.relative_to(Path(base_dir).expanduser().absolute()).as_posix()
        except ValueError:
            pass
    return str(path)


def _csv(spec: dict[str, Any], base: Path | None, progress: Progress) -> Samples:
    path = resolve_path(spec["path"], base)
    table = read_csv(path, target=spec["target"], columns=spec["columns"],
                     delimiter=spec["delimiter"], header=spec["header"], task=spec["task"],
                     drop_missing=spec["drop_missing"], progress=progress)
    return Samples(table.x, table.y, table.task, "table", table.class_names,
                   table.feature_names, path.stem)


def _npz(spec: dict[str, Any], base: Path | None, progress: Progress) -> Samples:
    return load_npz(resolve_path(spec["path"], base), x_key=spec["x_key"],
                    y_key=spec["y_key"], task=spec["task"], progress=progress)


def _images(spec: dict[str, Any], base: Path | None, progress: Progress) -> Samples:
    folder = resolve_path(spec["path"], base, folder=True)
    return load_image_folder(folder, tuple(spec["size"]), spec["color"] == "rgb",
                             progress=progress)


def _idx(spec: dict[str, Any], base: Path | None, progress: Progress) -> Samples:
    return load_idx(resolve_path(spec["images"], base, "images"),
                    resolve_path(spec["labels"], base, "labels"), progress=progress)


_LOADERS: dict[str, Callable[[dict[str, Any], Path | None, Progress], Samples]] = {
    "csv": _csv, "npz": _npz, "images": _images, "idx": _idx}


def trial_load(section: Mapping[str, Any], base_dir: Path | None,
               progress: Progress) -> Dataset:
    """The dataset `section` (a csv, npz, images or idx data section) describes, loaded as
    `nnstudio.data.load_dataset` loads it, reporting progress; DataError as it would raise."""
    spec = resolve_spec(section)
    samples = _LOADERS[spec["source"]](spec, base_dir, progress)
    return make_dataset(samples, validation=spec["validation"], test=spec["test"],
                        standardize=spec["standardize"], seed=spec["seed"])
