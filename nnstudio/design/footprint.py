"""How much memory a network needs to train, estimated from its inferred shapes before anything
is allocated, and checked against what the machine has free.

A file of a few hundred bytes can ask for two Dense layers of 20 000 units: 400 million
weights, 8 GB with their gradients and the optimiser's state. The estimate counts, in the
network's dtype:

- every parameter `PARAMETER_COPIES` times (value, gradient, two Adam moments, the trainer's
  last good and best weights);
- every node's values per sample (its output, and a convolution's unfolded windows) for the
  largest batch a forward pass sees (`largest_batch`: a training step's, or evaluation's
  and the probes' up to EVAL_BATCH samples), `ACTIVATION_COPIES` times (value, gradient,
  the layer's cache).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.graph import GraphAnalysis
from nnstudio.core.training import EVAL_BATCH
from nnstudio.data.memory import available_bytes
from nnstudio.design.errors import DesignError, Problem

PARAMETER_COPIES = 6
ACTIVATION_COPIES = 3
#: above this share of the free memory, a warning
WARN_FRACTION = 0.5


@dataclass(frozen=True)
class Footprint:
    """Estimated bytes for training a network."""

    parameter_bytes: int
    activation_bytes: int
    #: the batch the activations are counted for
    batch: int

    @property
    def total(self) -> int:
        return self.parameter_bytes + self.activation_bytes

    def describe(self) -> str:
        """"about 9.6 GB (9.6 GB for the weights and their training state, 12 MB for the
        values of a batch of 1024)"."""
        return (f"about {format_bytes(self.total)} ({format_bytes(self.parameter_bytes)} for "
                f"the weights and their training state, {format_bytes(self.activation_bytes)} "
                f"for the values of a batch of {self.batch})")


def largest_batch(batch_size: int, samples: int | None = None) -> int:
    """The most samples one forward pass takes: a training batch of `batch_size`, or an
    evaluation batch of EVAL_BATCH, never more than the data's `samples` (when known)."""
    batch = max(int(batch_size), EVAL_BATCH)
    return max(1, batch if samples is None else min(batch, int(samples)))


def estimate(analysis: GraphAnalysis, batch: int, dtype: object = np.float32) -> Footprint:
    """The footprint of training the analysed network when forward passes take at most
    `batch` samples (see largest_batch)."""
    itemsize = np.dtype(dtype).itemsize  # type: ignore[call-overload]
    return Footprint(
        parameter_bytes=analysis.total_parameters * itemsize * PARAMETER_COPIES,
        activation_bytes=analysis.elements_per_sample * batch * itemsize * ACTIVATION_COPIES,
        batch=batch,
    )


def check_footprint(analysis: GraphAnalysis, batch: int, dtype: object = np.float32,
                    available: int | None = None) -> str | None:
    """DesignError (at "network") when training the network would not fit in the free memory
    (`available`, default: what the machine has now); a warning to show when it needs more
    than WARN_FRACTION of it; else None."""
    need = estimate(analysis, batch, dtype)
    free = available_bytes() if available is None else available
    if need.total > free:
        raise DesignError([Problem("network", f"training this network needs {need.describe()}"
                                              f", more than the {format_bytes(free)} of memory "
                                              "free: make the layers smaller")])
    if need.total > WARN_FRACTION * free:
        return (f"training this network needs {need.describe()}, "
                f"{need.total / free:.0%} of the {format_bytes(free)} of memory free")
    return None


def format_bytes(n: int) -> str:
    """"512 B", "12 MB", "9.6 GB" (powers of 1000)."""
    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            value = n / size
            return f"{value:.1f} {unit}" if value < 10 else f"{value:,.0f} {unit}"
    return f"{n} B"
