"""Where the bundled resources (datasets, examples, icons) are."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """`<repo>/resources` in a source checkout, else the installed `nnstudio._resources`."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "resources").is_dir():
        return root / "resources"
    installed = files("nnstudio._resources")
    if isinstance(installed, Path):
        return installed
    # without an __init__.py it is a namespace package, whose MultiplexedPath is no Path but
    # joins to real paths
    return Path(str(installed.joinpath("datasets"))).parent
