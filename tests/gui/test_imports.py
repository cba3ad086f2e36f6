"""Import dialogs: each returns a data section that loads, and refuses broken files inline."""


from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QDialog

from nnstudio import Design, Trainer
from nnstudio.data import export_csv, load_dataset
from nnstudio.gui import imports
from nnstudio.gui.imports.csv_dialog import CsvImportDialog
from nnstudio.gui.imports.npz_dialog import NpzImportDialog

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


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


# -- CSV -------------------------------------------------------------------------------------

def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.fixture
def iris_csv(tmp_path):
    path = tmp_path / "tables" / "iris.csv"
    path.parent.mkdir()
    export_csv(load_dataset({"source": "builtin", "name": "iris"}), path)
    return path


def test_csv_dialog_imports_iris_and_the_section_trains(qtbot, tmp_path, iris_csv):
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(iris_csv)
    p = dialog.preview
    assert p.header and p.delimiter == "," and p.names[-1] == "class"
    assert dialog.table.rowCount() == 12 and dialog.table.columnCount() == 5
    assert "text" in dialog.table.horizontalHeaderItem(4).text()
    assert "numbers" in dialog.table.horizontalHeaderItem(0).text()
    assert dialog.target.currentText() == "class" and dialog.classification.isChecked()
    assert not dialog.regression.isEnabled()          # a text target cannot be regressed
    assert dialog.classes.text() == "3 classes"
    assert dialog.feature_columns() == [0, 1, 2, 3]
    dialog.set_features(["petal_length_cm", "petal_width_cm", "sepal_length_cm"])
    dialog.splits.test.setValue(0.2)
    dialog.splits.seed.setValue(1)
    section = accept(qtbot, dialog)
    assert section == {
        "source": "csv", "path": "tables/iris.csv", "target": "class",
        "columns": ["sepal_length_cm", "petal_length_cm", "petal_width_cm"],
        "delimiter": ",", "header": True, "task": "classification", "drop_missing": False,
        "validation": 0.2, "test": 0.2, "standardize": True, "seed": 1}
    doc = Design.load(EXAMPLES / "iris.json").to_dict()
    doc["data"] = section
    for node in doc["network"]["nodes"]:
        if node["type"] == "Input":
            node["params"]["shape"] = [3]
    Design.from_dict(doc).save(tmp_path / "iris_csv.json")
    trainer = Trainer(Design.load(tmp_path / "iris_csv.json"))
    for _ in range(60):
        trainer.run_epoch()
    assert trainer.evaluate("validation")["accuracy"] >= 0.9


def test_csv_numeric_target_can_be_regression(qtbot, tmp_path):
    rows = "".join(f"{i},{i * 0.5},{i * 1.5 + 0.25}\n" for i in range(30))
    path = write(tmp_path, "r.csv", "a,b,y\n" + rows)
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(path)
    assert dialog.target.currentText() == "y" and dialog.regression.isChecked()
    assert "Predicts the number in y" in dialog.classes.text()
    section = accept(qtbot, dialog)
    assert section["task"] == "regression" and section["columns"] == ["a", "b"]
    assert load_dataset(section, base_dir=tmp_path).task == "regression"


def test_csv_delimiter_and_header_can_be_overridden(qtbot, tmp_path):
    path = write(tmp_path, "s.csv", "1;2;x\n3;4;y\n5;6;x\n7;8;y\n")
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(path)
    assert dialog.preview.delimiter == ";" and not dialog.preview.header
    assert "semicolon" in dialog.detected.text()
    dialog.header.setCurrentIndex(dialog.header.findData(True))
    assert dialog.preview.header and dialog.preview.names == ("1", "2", "x")
    dialog.header.setCurrentIndex(dialog.header.findData(False))
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(","))
    assert "single column" in dialog.message.text() and not dialog.ok_button.isEnabled()
    dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    section = accept(qtbot, dialog)
    assert section["target"] == 2 and section["columns"] == [0, 1]   # no header: indices
    assert section["header"] is False and section["delimiter"] == ";"


def test_csv_missing_values_are_reported_and_can_be_dropped(qtbot, tmp_path):
    path = write(tmp_path, "m.csv", "a,b,label\n1,2,x\n3,,y\n5,6,x\nNA,8,y\n9,10,x\n11,12,y\n")
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(path)
    assert dialog.missing.text() == "Rows with missing values: 2, in a (1), b (1); line 3, 5."
    assert not dialog.ok_button.isEnabled() and "missing values" in dialog.message.text()
    assert dialog.drop_missing.isVisibleTo(dialog)
    dialog.set_features(["b"])                      # a no longer counts
    assert dialog.missing.text() == "Rows with missing values: 1, in b (1); line 3."
    dialog.drop_missing.setChecked(True)
    section = accept(qtbot, dialog)
    assert section["drop_missing"] is True
    assert len(load_dataset({**section, "validation": 0.0}, base_dir=tmp_path).y_train) == 5


@pytest.mark.parametrize(("text", "words"), [
    ("", "e.csv is empty"),
    ("a,b,label\n", "e.csv has a header line but no data rows"),
    ("a,b,label\n1,2,x\n3,4,5,y\n", "e.csv, line 3 has 4 fields but the header has 3"),
    ("just one column\n1\n2\n", "single column"),
    ("a,b,label\n1,2,x\n3,4,x\n", "The target column label has only one class"),
    ("a,b,label\n1,2,\n3,4,\n", "The target column label holds no values"),
    ("a,b,label\n1,2,x\n3,oops,y\n5,6,x\n", "Column b, line 3: 'oops' is not a number"),
])
def test_csv_broken_files_are_explained_inline(qtbot, tmp_path, text, words):
    path = write(tmp_path, "e.csv", text)
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(path)
    if dialog.preview is not None and "label" in dialog.preview.names:
        dialog.set_target("label")
    assert words in dialog.message.text()
    assert dialog.message.error and not dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.section is None


def test_csv_binary_garbage_is_refused(qtbot, tmp_path):
    (tmp_path / "sheet.csv").write_bytes(b"PK\x03\x04\x14\x00\x00\x00binary\x00\x01\x02")
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(tmp_path / "sheet.csv")
    assert "is not a text file" in dialog.message.text() and not dialog.ok_button.isEnabled()


def test_csv_problem_past_the_preview_is_caught_by_the_trial_load(qtbot, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setattr("nnstudio.data.csvpreview.SCAN_BYTES", 64)
    body = "".join(f"{i},{i + 1},{'xy'[i % 2]}\n" for i in range(30))
    path = write(tmp_path, "late.csv", "a,b,label\n" + body + "7,seven,x\n")
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path(path)
    assert not dialog.preview.complete and dialog.ok_button.isEnabled()
    message = refused(qtbot, dialog)
    assert "late.csv, line 32, column 'b': 'seven' is not a number" in message
    assert dialog.message.error
    dialog.set_features(["a"])                       # a different choice may be tried
    assert accept(qtbot, dialog)["columns"] == ["a"]
