"""File ▸ Export…: the dialog chooses the format and the file; problems become messages."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import importlib.util
from pathlib import Path

from nnstudio.design import Design, save_weights
from nnstudio.gui.examples import examples_dir
from nnstudio.gui.export_dialog import ExportActions, ExportDialog


def _gui_fixtures():
    """The GUI tests' fixtures (offscreen Qt, isolated settings, open_window)."""
    path = Path(__file__).resolve().parents[1] / "gui" / "conftest.py"
    spec = importlib.util.spec_from_file_location("export_gui_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_gui = _gui_fixtures()
isolated_settings = _gui.isolated_settings
windows_deleted_after_the_test = _gui.windows_deleted_after_the_test
open_window = _gui.open_window


@pytest.fixture
def window(open_window):
    return open_window(Design.load(examples_dir() / "xor.json"))


def test_the_file_menu_has_export(window):
    action = window.act["export"]
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.text() == "&Export…"


def test_the_dialog_proposes_a_file_and_follows_the_format(window, tmp_path):
    dialog = ExportDialog(window, tmp_path)
    assert dialog.chosen_format() == "pytorch"
    assert dialog.chosen_path().parent == tmp_path and dialog.chosen_path().suffix == ".py"
    dialog.format.setCurrentIndex(dialog.format.findData("onnx"))
    assert dialog.chosen_path().suffix == ".onnx"
    dialog.path.setText(str(tmp_path / "model"))
    assert dialog.chosen_path() == tmp_path / "model.onnx"


def test_exporting_from_the_dialog_writes_the_script_and_its_archives(window, tmp_path,
                                                                      monkeypatch):
    statuses: list[str] = []
    monkeypatch.setattr(window, "show_status", statuses.append)
    out = tmp_path / "out"
    out.mkdir()
    dialog = ExportDialog(window, out)
    dialog.path.setText(str(out / "xor.py"))
    actions = window.findChild(ExportActions)
    assert actions.export_from(dialog)
    assert sorted(p.name for p in out.iterdir()) == ["xor.data.npz", "xor.py",
                                                     "xor.weights.npz"]
    compile((out / "xor.py").read_text(), "xor.py", "exec")
    assert statuses == [f"Exported: {out / 'xor.py'}"]
    assert actions.folder == out


def test_the_chosen_weights_are_exported(window, tmp_path):
    from nnstudio import build_network

    net = build_network(window.model.design, seed=7)
    save_weights(net, tmp_path / "trained.npz")
    dialog = ExportDialog(window, tmp_path, "keras")
    dialog.path.setText(str(tmp_path / "k.py"))
    dialog.weights.setText(str(tmp_path / "trained.npz"))
    dialog.export()
    with np.load(tmp_path / "k.weights.npz") as out:
        for key, value in net.state_dict().items():
            np.testing.assert_array_equal(out[key], value)


@pytest.mark.parametrize("problem", ["no file", "bad weights", "missing folder"])
def test_a_failed_export_is_shown_as_a_message(window, tmp_path, monkeypatch, problem):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append((title, text)))
    dialog = ExportDialog(window, tmp_path)
    dialog.path.setText({"no file": "", "bad weights": str(tmp_path / "m.py"),
                         "missing folder": str(tmp_path / "no" / "m.py")}[problem])
    if problem == "bad weights":
        (tmp_path / "bad.npz").write_bytes(b"not a zip")
        dialog.weights.setText(str(tmp_path / "bad.npz"))
    assert not window.findChild(ExportActions).export_from(dialog)
    ((title, text),) = shown
    assert title == "Could not export the design"
    expected = {"no file": "Choose a file to export to.", "bad weights": "bad.npz",
                "missing folder": "No such file or directory"}[problem]
    assert expected in text
    assert not (tmp_path / "m.py").exists()
