"""nnstudio: see neural networks learn.

The small public API::

    from nnstudio import Design, DesignError, build_network, Trainer
    design = Design.load("resources/examples/spiral.json")
    net = build_network(design)          # or build_network(design, dtype=numpy.float64)
    trainer = Trainer(design)
    trainer.run_epoch()

The names load on first use, so `import nnstudio.core` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["Design", "DesignError", "Trainer", "build_network"]
__version__ = "0.1.0"

_HOMES = {
    "Design": "nnstudio.design.document",
    "DesignError": "nnstudio.design.errors",
    "build_network": "nnstudio.design.build",
    "Trainer": "nnstudio.design.trainer",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'nnstudio' has no attribute {name!r}")
