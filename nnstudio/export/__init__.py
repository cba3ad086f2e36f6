"""Export a design to PyTorch, Keras or ONNX (Qt-free; torch and keras are never imported).

`export_design(design, "pytorch", "model.py")` writes the script and, beside it,
``model.weights.npz`` (the weights, keyed "<node id>.<array>") and ``model.data.npz`` (the
design's data as nnstudio splits it). "keras" writes the same for Keras 3; "onnx" writes one
model file (it needs the `onnx` package: pip install onnx).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError
from nnstudio.design.io import atomic_write
from nnstudio.export.common import FORMATS, ExportPlan, plan_for

__all__ = ["FORMATS", "export_design", "side_files"]


def side_files(output: str | Path) -> tuple[Path, Path]:
    """(weights archive, data archive) a script export writes beside `output`."""
    out = Path(output)
    return out.with_name(f"{out.stem}.weights.npz"), out.with_name(f"{out.stem}.data.npz")


def export_design(design: Design, format: str, output: str | Path,
                  weights: str | Path | None = None) -> list[Path]:
    """Write `design` in `format` ("pytorch", "keras" or "onnx") to `output`; `weights`: an
    nnstudio .npz of trained weights (default: the weights nnstudio starts training from).
    Returns the files written. DesignError for a design, weights file or node the format
    cannot take, naming it; nothing is written then."""
    if format not in FORMATS:
        raise DesignError(f"unknown export format {format!r}; choose one of "
                          f"{', '.join(FORMATS)}")
    output = Path(output)
    if format == "onnx":
        from nnstudio.export.onnx_export import onnx_bytes

        model = onnx_bytes(plan_for(design, weights, with_training=False))
        atomic_write(output, lambda f: f.write(model))
        return [output]
    plan = plan_for(design, weights)
    weights_file, data_file = side_files(output)
    source = _script(plan, format, weights_file.name, data_file.name)
    _write_npz(weights_file, plan.state)
    _write_npz(data_file, plan.data)
    atomic_write(output, lambda f: f.write(source.encode("utf-8")))
    return [output, weights_file, data_file]


def _script(plan: ExportPlan, format: str, weights_file: str, data_file: str) -> str:
    if format == "pytorch":
        from nnstudio.export import pytorch

        return pytorch.generate(plan, weights_file, data_file)
    from nnstudio.export import keras

    return keras.generate(plan, weights_file, data_file)


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    state: dict[str, Any] = arrays  # np.savez's keyword arrays are typed loosely
    atomic_write(path, lambda f: np.savez(f, **state))
