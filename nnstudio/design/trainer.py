"""The public `Trainer(design)`: the engine's Trainer set up entirely from a design."""

from __future__ import annotations

from typing import Any, cast

import numpy as np

from nnstudio.core import training as core_training
from nnstudio.data import DataError, Dataset, load_dataset
from nnstudio.design.build import build_network
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.footprint import largest_batch
from nnstudio.design.io import os_reason
from nnstudio.design.spec import frozen_ids


def load_design_data(design: Design, dtype: Any = np.float32) -> Dataset:
    """The design's dataset, split and standardised; DesignError (path "data…") if it fails."""
    folder = design.path.parent if design.path is not None else None
    try:
        return load_dataset(design.data, dtype=dtype, base_dir=folder)
    except DataError as exc:
        key = getattr(exc, "key", None)
        raise DesignError([Problem(f"data.{key}" if key else "data", str(exc))]) from None
    except OSError as exc:  # what the data layer's own checks did not foresee
        raise DesignError([Problem("data", f"cannot read the data: {os_reason(exc)}")]) from None
    except ValueError as exc:
        raise DesignError([Problem("data", f"cannot read the data: {exc}")]) from None


class Trainer(core_training.Trainer):
    """Network + data + loss + optimiser, all from the design.

    `dtype` float64 gives exact arithmetic for checks; the design's data already
    loaded (with `dtype`) as `dataset`, spares loading them again (a race shares them);
    DesignError names what does not fit.
    """

    def __init__(self, design: Design, *, dtype: Any = np.float32,
                 dataset: Dataset | None = None):
        # a Dataset's attributes are read-only; SplitData's protocol declares them plainly
        data = cast(core_training.SplitData,
                    load_design_data(design, dtype) if dataset is None else dataset)
        spec = design.training
        samples = max(len(data.x_train), len(data.x_val), len(data.x_test))
        network = build_network(design, dtype=dtype,
                                batch_size=largest_batch(spec["batch_size"], samples))
        try:
            loss = core_training.resolve_loss(spec.get("loss", "auto"), data.task,
                                              core_training.sampled_targets(data))
        except ValueError as exc:
            raise DesignError([Problem("training.loss", str(exc))]) from None
        problems = core_training.compatibility_problems(network, data, loss)
        if problems:
            index = {node["id"]: i for i, node in enumerate(design.nodes)}
            raise DesignError([Problem(f"network.nodes[{index[nid]}]", f"{nid}: {msg}")
                               for nid, msg in problems])
        try:
            super().__init__(network, data, spec, frozen=frozen_ids(design.nodes))
        except ValueError as exc:
            raise DesignError([Problem("training", str(exc))]) from None
        self.design = design
