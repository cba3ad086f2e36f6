"""Drawn points: the pure edits of an inline `points` source that the GUI's undo commands call.

A points spec is a design's data section {"source": "points", "points": [[x, y, class], ...],
...}. The edits never change the spec they are given: they return a new one. Coordinates are
stored rounded to DECIMALS places (a thousandth of the plane's unit), which keeps design files
short and is far finer than a click can place a point.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.data.catalog import resolve_spec
from nnstudio.data.errors import DataError
from nnstudio.data.sources import load_samples
from nnstudio.data.values import MAX_CLASSES, is_finite_number

DECIMALS = 3
#: the keys a points spec shares with the other sources it can be made from
SHARED_KEYS = ("features", "validation", "test", "standardize", "seed")


def points_spec(spec: Mapping[str, Any], base_dir: str | Path | None = None) -> dict[str, Any]:
    """A copy of `spec` if it is a points spec; else a points spec holding every sample of the
    2-D classification data `spec` describes (e.g. a toy2d circle, so the user can edit it),
    with its features, fractions, standardize and seed. DataError for other data."""
    if spec.get("source") == "points":
        out = dict(spec)
        out["points"] = [list(p) for p in spec.get("points", [])]
        return out
    resolved = resolve_spec(spec)
    samples = load_samples(resolved, Path(base_dir) if base_dir is not None else None)
    if samples.kind != "points2d" or samples.task != "classification":
        raise DataError(f"only classified points in the plane can be drawn on; "
                        f"{samples.title or resolved['source']} is not such data",
                        key="source")
    points = [[round(float(x), DECIMALS), round(float(y), DECIMALS), int(c)]
              for (x, y), c in zip(samples.x, samples.y, strict=True)]
    shared = {k: resolved[k] for k in SHARED_KEYS if k in resolved}
    return {"source": "points", "points": points, "classes": len(samples.class_names),
            **shared}


def add_point(spec: Mapping[str, Any], x: float, y: float, label: int) -> dict[str, Any]:
    """`spec` as a points spec with the point (x, y) of class `label` added last; `classes`
    grows to include `label` when the spec sets it."""
    if not (is_finite_number(x) and is_finite_number(y)):
        raise DataError("a point needs finite coordinates that a float can hold", key="points")
    if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label < MAX_CLASSES:
        raise DataError(f"a point's class must be a whole number from 0 to {MAX_CLASSES - 1}, "
                        f"got {label!r}", key="points")
    out = points_spec(spec)
    out["points"].append([round(float(x), DECIMALS), round(float(y), DECIMALS), label])
    if out.get("classes") is not None and label >= out["classes"]:
        out["classes"] = label + 1
    return out


def remove_nearest(spec: Mapping[str, Any], x: float, y: float, radius: float
                   ) -> dict[str, Any]:
    """`spec` as a points spec without the point nearest to (x, y), if it lies within
    `radius`; unchanged (but still a new dict) when none does."""
    out = points_spec(spec)
    points = out["points"]
    if points:
        xy = np.array([p[:2] for p in points], dtype=np.float64)
        distance = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        nearest = int(np.argmin(distance))
        if distance[nearest] <= radius:
            del points[nearest]
    return out


def clear_points(spec: Mapping[str, Any]) -> dict[str, Any]:
    """`spec` as a points spec with no points (its other keys kept)."""
    return {**points_spec(spec), "points": []}
