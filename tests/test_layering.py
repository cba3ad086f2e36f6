"""Imports point one way (DESIGN.md): gui → design, data, core; design → core, data; data → core;
core imports none of them, and nothing but gui loads Qt.

Two checks, as each misses what the other sees: a fresh interpreter imports every module of a
layer (and runs the command line's non-GUI commands) and lists what ended up in sys.modules,
which catches imports made through any chain of modules; and every import statement of a
layer's source, including those inside functions that the first check never calls, is read.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "resources" / "examples" / "xor.json"
QT = ("PySide6", "shiboken6", "pyqtgraph", "superqt")

#: package → the nnstudio packages it must never import (on top of Qt and nnstudio.gui)
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "nnstudio.core": ("nnstudio.data", "nnstudio.design", "nnstudio.gui", "nnstudio.cli"),
    "nnstudio.data": ("nnstudio.design", "nnstudio.gui", "nnstudio.cli"),
    "nnstudio.design": ("nnstudio.gui", "nnstudio.cli"),
    "nnstudio.export": ("nnstudio.gui", "nnstudio.cli"),
}

#: how the layering test runs each command of `nnstudio.cli.COMMANDS`
COMMAND_RUNS: dict[str, list[str]] = {
    "validate": ["validate", str(EXAMPLE)],
    "info": ["info", str(EXAMPLE)],
    "train": ["train", str(EXAMPLE), "--epochs", "1", "--quiet", "--save-weights", "w.npz",
              "--metrics-json", "m.json"],
    "train --vary": ["train", str(EXAMPLE), "--epochs", "1", "--quiet",
                     "--vary", "training.optimizer.type=sgd,adam", "--metrics-json", "r.json"],
    "export": ["export", str(EXAMPLE), "--format", "pytorch", "--output", "xor.py"],
    "trace": ["trace", str(EXAMPLE), "--sample", "0,1", "--json", "t.json"],
}

_REPORT = f"""
import json, sys
print(json.dumps(sorted(name for name in sys.modules
                        if name.split(".")[0] in {set(QT)!r} or name.startswith("nnstudio."))))
"""

IMPORT_ALL = """
import importlib, pkgutil, sys
package = importlib.import_module(sys.argv[1])
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)
""" + _REPORT

RUN_COMMANDS = """
import io, json, sys
from nnstudio import cli
runs = json.loads(sys.argv[1])
unknown = set(cli.COMMANDS) - set(runs)
assert not unknown, f"tests/test_layering.py: add how to run {sorted(unknown)} to COMMAND_RUNS"
for argv in runs.values():
    out = io.StringIO()
    code = cli.main(argv, out)
    assert code == 0, (argv, code, out.getvalue())
""" + _REPORT


def loaded_modules(program: str, argument: str, cwd: Path) -> list[str]:
    """The Qt and nnstudio modules in sys.modules after a fresh interpreter runs `program`."""
    result = subprocess.run([sys.executable, "-c", program, argument], capture_output=True,
                            text=True, cwd=cwd, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def offenders(modules: list[str], forbidden: tuple[str, ...]) -> list[str]:
    return [m for m in modules
            if m.split(".")[0] in QT or any(m == f or m.startswith(f + ".") for f in forbidden)]


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_importing_every_module_of_a_layer_loads_nothing_above_it(package, tmp_path):
    modules = loaded_modules(IMPORT_ALL, package, tmp_path)
    assert any(m.startswith(package + ".") for m in modules), "the walk imported nothing"
    bad = offenders(modules, FORBIDDEN[package])
    assert not bad, f"importing {package} loaded {', '.join(bad)}"


def test_the_commands_run_without_qt(tmp_path):
    modules = loaded_modules(RUN_COMMANDS, json.dumps(COMMAND_RUNS), tmp_path)
    assert "nnstudio.design.trainer" in modules, "the train command did not run"
    bad = offenders(modules, ("nnstudio.gui",))
    assert not bad, f"the commands loaded {', '.join(bad)}"
    assert (tmp_path / "w.npz").is_file() and (tmp_path / "m.json").is_file()


def imported_names(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import statement in the file, at any depth."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package holding `module`
                package = module.split(".")
                is_package = path.name == "__init__.py"
                base = package[: len(package) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.append((node.lineno, target))
            names += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return names


def source_files(package: str) -> list[tuple[Path, str]]:
    """(path, module name) of every .py file of a package."""
    folder = ROOT.joinpath(*package.split("."))
    found = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append((path, ".".join(parts[:-1] if parts[-1] == "__init__" else parts)))
    return found


@pytest.mark.parametrize("package", list(FORBIDDEN))
def test_no_import_statement_points_up(package):
    bad = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path, module in source_files(package)
        for line, name in imported_names(path, module)
        if offenders([name], FORBIDDEN[package])
    ]
    assert not bad, "\n".join(bad)
