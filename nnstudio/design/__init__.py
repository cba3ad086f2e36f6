"""The JSON design format: load, validate, save, build, and trained weights beside it."""

from nnstudio.design.build import build_network
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.weights import load_weights, save_weights, weights_path_for

__all__ = [
    "Design",
    "DesignError",
    "Problem",
    "build_network",
    "load_weights",
    "save_weights",
    "weights_path_for",
]
