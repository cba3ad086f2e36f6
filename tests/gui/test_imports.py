"""Import dialogs: each returns a data section that loads, and refuses broken files inline."""


import numpy as np
import pytest
from PySide6.QtWidgets import QDialog

from nnstudio.data import load_dataset
from nnstudio.gui import imports
from nnstudio.gui.imports.npz_dialog import NpzImportDialog


def accept(qtbot, dialog):
    """Press Import and wait for the trial load to finish; the section (or None)."""
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        dialog.ok_button.click()
    return dialog.section if dialog.result() == QDialog.DialogCode.Accepted else None


def refused(qtbot, dialog):
    """Press Import on a choice the trial load refuses; its message."""
    with qtbot.waitSignals([dialog.loader.failed], timeout=20_000):
        dialog.ok_button.click()
    assert not dialog.ok_button.isEnabled()
    assert dialog.section is None and dialog.isVisible()
    return dialog.message.text()


def make(qtbot, cls, tmp_path):
    dialog = cls(base_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_importers_list_every_kind_with_a_menu_text():
    kinds = [kind for kind, _ in imports.IMPORTERS]
    assert set(kinds) == set(imports.DIALOGS)
    assert all(text.endswith("…") for _, text in imports.IMPORTERS)


def test_ask_import_returns_none_when_cancelled(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    for kind, _ in imports.IMPORTERS:
        assert imports.ask_import(kind, None, tmp_path) is None


# -- npz -------------------------------------------------------------------------------------

def test_npz_dialog_lists_arrays_and_returns_a_section_that_loads(qtbot, tmp_path):
    rng = np.random.default_rng(0)
    images = rng.random((40, 1, 8, 8))
    labels = np.repeat(np.arange(4), 10)
    np.savez(tmp_path / "set.npz", pixels=images, target=labels, note=np.arange(3))
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    assert not dialog.ok_button.isEnabled()
    dialog.set_path(tmp_path / "set.npz")
    assert dialog.x_key.currentData() == "pixels"
    assert "40 × 1 × 8 × 8 float64" in dialog.x_key.currentText()
    assert dialog.samples.count() == 8
    dialog.y_key.setCurrentIndex(dialog.y_key.findData("note"))
    assert not dialog.ok_button.isEnabled()
    assert "one target per sample" in dialog.message.text()
    dialog.y_key.setCurrentIndex(dialog.y_key.findData("target"))
    section = accept(qtbot, dialog)
    assert section == {"source": "npz", "path": "set.npz", "x_key": "pixels",
                       "y_key": "target", "task": "auto", "validation": 0.2, "test": 0.0,
                       "standardize": True, "seed": 0}
    data = load_dataset(section, base_dir=tmp_path)
    assert data.input_shape == (1, 8, 8) and data.num_classes == 4


def test_npz_garbage_and_single_class_are_refused_inline(qtbot, tmp_path):
    (tmp_path / "junk.npz").write_bytes(bytes(range(256)) * 4)
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    dialog.set_path(tmp_path / "junk.npz")
    assert "junk.npz is not a readable NumPy .npz file" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()
    np.savez(tmp_path / "one.npz", x=np.zeros((6, 2)), y=np.zeros(6, dtype=int))
    dialog.set_path(tmp_path / "one.npz")
    message = refused(qtbot, dialog)
    assert "only one class" in message
    dialog.task.setCurrentIndex(dialog.task.findData("regression"))
    assert dialog.ok_button.isEnabled()


@pytest.mark.parametrize("name", ["missing.npz"])
def test_a_missing_file_is_reported(qtbot, tmp_path, name):
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    dialog.set_path(tmp_path / name)
    assert name in dialog.message.text() and not dialog.ok_button.isEnabled()
