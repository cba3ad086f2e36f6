"""Arrays handed out by the probes: made read-only, so a panel cannot change the engine's state."""

from __future__ import annotations

import numpy as np


def read_only(arr: np.ndarray) -> np.ndarray:
    """`arr` itself, its writeable flag cleared (pass a fresh copy of anything the engine
    keeps)."""
    arr.setflags(write=False)
    return arr
