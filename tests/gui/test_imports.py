"""Import dialogs: each returns a data section that loads, and refuses broken files inline."""


import gzip
import os
import threading
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog

from nnstudio import Design, Trainer
from nnstudio.data import DataError, export_csv, load_dataset, set_image_decoder
from nnstudio.data.decoders import image_decoder
from nnstudio.gui import imports
from nnstudio.gui.app import application
from nnstudio.gui.imports import trial
from nnstudio.gui.imports.csv_dialog import CsvImportDialog
from nnstudio.gui.imports.idx_dialog import IdxImportDialog
from nnstudio.gui.imports.images_dialog import ImagesImportDialog
from nnstudio.gui.imports.npz_dialog import NpzImportDialog
from nnstudio.gui.imports.qt_decoder import qt_decode

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


# -- image folders ---------------------------------------------------------------------------

@pytest.fixture
def qt_images(qapp):
    """The app's image decoder registered, as application() does."""
    set_image_decoder(qt_decode)
    yield
    set_image_decoder(None)


def picture(path, colour, size=(40, 30), fmt=None):
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), fmt)


def image_folder(root, classes):
    for name, (colour, count, suffix) in classes.items():
        (root / name).mkdir(parents=True)
        for i in range(count):
            picture(root / name / f"{i}.{suffix}", colour)
    return root


def test_application_registers_the_qt_decoder(qapp):
    try:
        application()
        assert image_decoder() is qt_decode
    finally:
        set_image_decoder(None)


def test_qt_decoder_reads_jpeg_and_png_with_alpha(qapp, tmp_path):
    picture(tmp_path / "red.jpg", "#FF0000", fmt="JPEG")
    red = qt_decode(tmp_path / "red.jpg", (4, 6), True)
    assert red.shape == (3, 4, 6) and red[0].min() > 0.9 and red[1:].max() < 0.1
    grey = qt_decode(tmp_path / "red.jpg", (3, 3), False)
    assert grey.shape == (1, 3, 3) and abs(grey.mean() - 0.299) < 0.03
    clear = QImage(8, 8, QImage.Format.Format_ARGB32)
    clear.fill(QColor(0, 0, 0, 0))
    clear.save(str(tmp_path / "clear.png"))
    white = qt_decode(tmp_path / "clear.png", (2, 2), False)       # laid over white
    assert white.min() == pytest.approx(1.0) and white.max() <= 1.0
    (tmp_path / "bad.jpg").write_bytes(b"\xff\xd8\xffnot really a jpeg")
    with pytest.raises(DataError, match=r"bad\.jpg cannot be read as an image"):
        qt_decode(tmp_path / "bad.jpg", (2, 2), False)


def test_image_folder_dialog_shows_classes_and_returns_a_section_that_loads(
        qtbot, tmp_path, qt_images):
    root = image_folder(tmp_path / "shapes", {"cat": ("#C00000", 6, "png"),
                                              "dog": ("#0000C0", 4, "jpg"),
                                              "eel": ("#00A000", 5, "bmp")})
    (root / "cat" / "notes.txt").write_text("not an image")
    dialog = make(qtbot, ImagesImportDialog, tmp_path)
    dialog.set_path(root)
    counts = [(dialog.table.item(i, 0).text(), dialog.table.item(i, 1).text())
              for i in range(dialog.table.rowCount())]
    assert counts == [("cat", "6"), ("dog", "4"), ("eel", "5")]
    qtbot.waitUntil(lambda: dialog.samples.count() == 9)     # decoded in the background
    assert [dialog.samples.item(i).text() for i in (0, 3, 8)] == ["cat", "dog", "eel"]
    assert "3 classes, 15 images" in dialog.message.text()
    dialog.set_size(16, 20)
    assert dialog.size_choice.currentData() is None and dialog.side_h.isEnabled()
    dialog.rgb.setChecked(True)
    assert "3 × 16 × 20" in dialog.message.text()
    section = accept(qtbot, dialog)
    assert section == {"source": "images", "path": "shapes", "size": [16, 20], "color": "rgb",
                       "validation": 0.2, "test": 0.0, "standardize": True, "seed": 0}
    data = load_dataset(section, base_dir=tmp_path)
    assert data.input_shape == (3, 16, 20) and data.class_names == ("cat", "dog", "eel")
    dialog.set_size(32, 32)
    assert dialog.size_choice.currentData() == 32 and dialog.keys()["size"] == 32


@pytest.mark.parametrize(("classes", "words"), [
    ({}, "has no class sub-folders"),
    ({"cat": ("#000000", 2, "png")}, "has a single class folder (cat)"),
    ({"cat": ("#000000", 2, "png"), "dog": ("#FFFFFF", 0, "png")},
     "The class folder dog holds no images"),
])
def test_image_folder_problems_are_explained(qtbot, tmp_path, qt_images, classes, words):
    root = image_folder(tmp_path / "pics", classes)
    root.mkdir(exist_ok=True)
    dialog = make(qtbot, ImagesImportDialog, tmp_path)
    dialog.set_path(root)
    assert words in dialog.message.text() and not dialog.ok_button.isEnabled()


def test_an_unreadable_image_is_named_by_the_trial_load(qtbot, tmp_path, qt_images):
    root = image_folder(tmp_path / "pics", {"a": ("#000000", 2, "png"),
                                            "b": ("#FFFFFF", 2, "png")})
    (root / "b" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    dialog = make(qtbot, ImagesImportDialog, tmp_path)
    dialog.set_path(root)
    qtbot.waitUntil(lambda: "cannot read b/broken.png" in dialog.samples_note.text())
    message = refused(qtbot, dialog)
    assert "broken.png cannot be read as an image" in message


def test_a_folder_outside_the_design_folder_is_absolute(qtbot, tmp_path, qt_images):
    root = image_folder(tmp_path / "elsewhere", {"a": ("#000000", 2, "png"),
                                                 "b": ("#FFFFFF", 2, "png")})
    (tmp_path / "designs").mkdir()
    dialog = make(qtbot, ImagesImportDialog, tmp_path / "designs")
    dialog.set_path(root)
    assert dialog.keys()["path"] == str(root)


# -- IDX -------------------------------------------------------------------------------------

def idx_file(path, array):
    codes = {np.dtype("u1"): 0x08, np.dtype(">f4"): 0x0D}
    big = array.astype(array.dtype.newbyteorder(">"))
    data = (bytes([0, 0, codes[big.dtype], array.ndim])
            + b"".join(int(d).to_bytes(4, "big") for d in array.shape) + big.tobytes())
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def mnist(folder, n=50, prefix="train"):
    folder.mkdir(exist_ok=True)
    rng = np.random.default_rng(1)
    images = idx_file(folder / f"{prefix}-images-idx3-ubyte.gz",
                      rng.integers(0, 256, (n, 7, 6), dtype=np.uint8))
    labels = idx_file(folder / f"{prefix}-labels-idx1-ubyte.gz",
                      (np.arange(n) % 10).astype(np.uint8))
    return images, labels


def test_idx_dialog_guesses_the_labels_and_returns_a_section_that_loads(qtbot, tmp_path):
    images, labels = mnist(tmp_path / "mnist")
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    assert dialog.labels_field.path() == labels
    assert dialog.shape.text() == "50 images of 7 × 6 pixels; 50 labels, 10 classes"
    assert dialog.samples.count() == 16 and dialog.samples.item(3).text() == "3"
    section = accept(qtbot, dialog)
    assert section == {"source": "idx", "images": "mnist/train-images-idx3-ubyte.gz",
                       "labels": "mnist/train-labels-idx1-ubyte.gz", "validation": 0.2,
                       "test": 0.0, "standardize": True, "seed": 0}
    data = load_dataset(section, base_dir=tmp_path)
    assert data.input_shape == (1, 7, 6) and data.num_classes == 10


def test_idx_labels_follow_a_new_images_file_and_can_be_changed(qtbot, tmp_path):
    mnist(tmp_path, 50, "train")
    images, labels = mnist(tmp_path, 30, "t10k")
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(tmp_path / "train-images-idx3-ubyte.gz")
    dialog.set_path(images)
    assert dialog.labels_field.path() == labels and dialog.ok_button.isEnabled()
    dialog.set_labels(tmp_path / "train-labels-idx1-ubyte.gz")
    assert "holds 30 images but train-labels-idx1-ubyte.gz holds 50 labels" in (
        dialog.message.text())
    assert not dialog.ok_button.isEnabled()
    dialog.set_labels(images)
    assert "shape (30, 7, 6)" in dialog.message.text()
    dialog.set_labels(tmp_path / "nowhere")
    message = dialog.message.text()
    assert message.startswith("file not found:") and "nowhere" in message


@pytest.mark.parametrize(("content", "words"), [
    (b"", "is empty"),
    (b"\x00\x00\x08", "not an IDX file"),
    (b"garbage, not an IDX file at all", "not an IDX file"),
])
def test_idx_broken_images_files_are_explained(qtbot, tmp_path, content, words):
    (tmp_path / "bad-images-idx3-ubyte").write_bytes(content)
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(tmp_path / "bad-images-idx3-ubyte")
    assert words in dialog.message.text() and not dialog.ok_button.isEnabled()


def test_idx_truncated_file_is_caught_by_the_trial_load(qtbot, tmp_path):
    images, _ = mnist(tmp_path)
    data = gzip.decompress(images.read_bytes())
    images.write_bytes(gzip.compress(data[:-10]))
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    assert dialog.ok_button.isEnabled()
    assert "does not match its header" in refused(qtbot, dialog)


def test_idx_single_class_is_refused(qtbot, tmp_path):
    images, labels = mnist(tmp_path)
    idx_file(labels, np.zeros(50, dtype=np.uint8))
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    assert "only one class" in dialog.message.text() and not dialog.ok_button.isEnabled()


# -- off the GUI thread ----------------------------------------------------------------------

def test_a_long_load_shows_progress_and_can_be_stopped(qtbot, tmp_path, monkeypatch):
    """The trial load runs in a worker: the dialog keeps handling events, shows progress, and
    Stop ends the load without closing the dialog."""
    images, _ = mnist(tmp_path, 400)
    monkeypatch.setattr("nnstudio.data.idx.READ_CHUNK", 16)
    gate = threading.Event()
    real = trial.trial_load

    def slow(section, base_dir, progress):
        def report(fraction):
            progress(fraction)
            gate.wait(5)
        return real(section, base_dir, report)

    monkeypatch.setattr(trial, "trial_load", slow)
    monkeypatch.setattr("nnstudio.gui.imports.base.trial_load", slow)
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0)
    assert dialog.loader.busy and dialog.progress.isVisible()
    assert not dialog.ok_button.isEnabled() and not dialog.body.isEnabled()
    with qtbot.waitSignal(dialog.loader.cancelled, timeout=10_000):
        dialog.stop_button.click()
        gate.set()
    assert dialog.isVisible() and dialog.section is None
    assert not dialog.progress.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.message.text() == "Loading stopped."
    assert accept(qtbot, dialog)["images"] == "train-images-idx3-ubyte.gz"


def test_closing_during_a_load_stops_it(qtbot, tmp_path, monkeypatch):
    images, _ = mnist(tmp_path, 400)
    monkeypatch.setattr("nnstudio.data.idx.READ_CHUNK", 16)
    started = threading.Event()
    real = trial.trial_load

    def slow(section, base_dir, progress):
        def report(fraction):
            started.set()
            progress(fraction)
            time.sleep(0.001)
        return real(section, base_dir, report)

    monkeypatch.setattr("nnstudio.gui.imports.base.trial_load", slow)
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    dialog.ok_button.click()
    assert started.wait(10)
    dialog.reject()
    assert not dialog.loader.busy and dialog.section is None
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_ask_import_returns_the_accepted_section(qtbot, tmp_path, monkeypatch):
    np.savez(tmp_path / "d.npz", x=np.arange(20.0).reshape(10, 2), y=np.arange(10) % 2)

    def user(dialog):
        """What a user does: choose the file, press Import, wait for the load."""
        dialog.set_path(tmp_path / "d.npz")
        with qtbot.waitSignal(dialog.finished, timeout=20_000):
            dialog.ok_button.click()
        return dialog.result()

    monkeypatch.setattr(QDialog, "exec", user)
    section = imports.ask_import("npz", None, tmp_path)
    assert section is not None and section["path"] == "d.npz" and section["x_key"] == "x"


def test_enter_in_the_path_field_reads_the_file_without_importing(qtbot, tmp_path):
    np.savez(tmp_path / "d.npz", x=np.zeros((4, 2)), y=np.arange(4) % 2)
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    dialog.activateWindow()
    dialog.path_field.edit.setFocus()
    qtbot.keyClicks(dialog.path_field.edit, str(tmp_path / "d.npz"))
    qtbot.keyClick(dialog.path_field.edit, Qt.Key.Key_Return)
    assert dialog.inspected == tmp_path / "d.npz" and dialog.ok_button.isEnabled()
    assert not dialog.loader.busy and dialog.isVisible()


def test_qt_decoder_shrinks_large_photos_first_without_changing_the_picture(
        qapp, tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    pixels = np.kron(rng.integers(0, 256, (30, 40, 3), dtype=np.uint8), np.ones((10, 10, 1),
                                                                               np.uint8))
    image = QImage(np.ascontiguousarray(pixels).data, 400, 300, 1200,
                   QImage.Format.Format_RGB888).copy()
    image.save(str(tmp_path / "photo.png"))
    fast = qt_decode(tmp_path / "photo.png", (6, 8), True)
    monkeypatch.setattr("nnstudio.gui.imports.qt_decoder.PRESCALE", 10**6)
    exact = qt_decode(tmp_path / "photo.png", (6, 8), True)
    assert fast.shape == exact.shape == (3, 6, 8)
    assert np.abs(fast - exact).max() < 1 / 255


def test_a_load_outlives_its_deleted_dialog_quietly(qtbot, tmp_path, monkeypatch):
    images, _ = mnist(tmp_path, 400)
    monkeypatch.setattr("nnstudio.data.idx.READ_CHUNK", 16)
    started, finished = threading.Event(), threading.Event()
    real = trial.trial_load

    def slow(section, base_dir, progress):
        def report(fraction):
            started.set()
            time.sleep(0.001)
            progress(fraction)
        try:
            return real(section, base_dir, report)
        finally:
            finished.set()

    monkeypatch.setattr("nnstudio.gui.imports.base.trial_load", slow)
    dialog = IdxImportDialog(base_dir=tmp_path)
    dialog.set_path(images)
    dialog.ok_button.click()
    assert started.wait(10)
    loader = dialog.loader
    shiboken6.delete(dialog)                 # no done(): deleted outright
    assert finished.wait(10)                 # the load stopped at its next progress report
    assert loader._idle.wait(10)


# -- hostile paths and unexpected errors -------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("cls", [CsvImportDialog, NpzImportDialog, IdxImportDialog])
def test_a_fifo_is_refused_by_name_without_blocking(qtbot, tmp_path, cls):
    fifo = tmp_path / "pipe.data"
    os.mkfifo(fifo)
    dialog = make(qtbot, cls, tmp_path)
    dialog.set_path(fifo)  # opening it would block the window for ever
    assert dialog.message.text() == f"{fifo} is a named pipe (FIFO), not a regular file"
    assert not dialog.ok_button.isEnabled()


def test_a_device_and_a_name_too_long_are_refused_by_name(qtbot, tmp_path):
    dialog = make(qtbot, CsvImportDialog, tmp_path)
    dialog.set_path("/dev/zero")
    assert dialog.message.text() == "/dev/zero is a device, not a regular file"
    dialog.set_path(tmp_path / ("n" * 300 + ".csv"))
    assert dialog.message.text().startswith("name too long: nnnn")
    assert not dialog.ok_button.isEnabled()


def test_idx_labels_with_a_name_too_long_are_refused_by_name(qtbot, tmp_path):
    images, _ = mnist(tmp_path)
    dialog = make(qtbot, IdxImportDialog, tmp_path)
    dialog.set_path(images)
    dialog.set_labels(tmp_path / ("l" * 300))
    assert dialog.message.text().startswith("name too long: llll")
    assert not dialog.ok_button.isEnabled()


def test_an_unexpected_error_in_the_trial_load_is_told_with_its_details(qtbot, tmp_path,
                                                                        monkeypatch):
    from PySide6.QtGui import QGuiApplication

    from nnstudio.gui.imports import base

    np.savez(tmp_path / "a.npz", x=np.zeros((6, 2)), y=np.arange(6) % 2)
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    dialog.set_path(tmp_path / "a.npz")
    assert not dialog.copy_details.isVisible()

    def broken(*args):
        raise KeyError("a reader's bug")

    monkeypatch.setattr(base, "trial_load", broken)
    assert refused(qtbot, dialog) == "KeyError: \"a reader's bug\""
    assert dialog.copy_details.isVisible() and not dialog.progress.isVisible()
    dialog.copy_details.click()
    assert "Traceback" in QGuiApplication.clipboard().text()
    monkeypatch.undo()
    dialog.splits.seed.setValue(5)  # another choice: the dialog is usable again
    assert not dialog.copy_details.isVisible()
    assert accept(qtbot, dialog)["seed"] == 5


def test_an_unexpected_error_reading_the_file_is_told_with_its_details(qtbot, tmp_path,
                                                                       monkeypatch):
    from nnstudio.gui.imports import npz_dialog

    np.savez(tmp_path / "a.npz", x=np.zeros((6, 2)), y=np.arange(6) % 2)

    def broken(path):
        raise IndexError("list index out of range")

    monkeypatch.setattr(npz_dialog, "list_arrays", broken)
    dialog = make(qtbot, NpzImportDialog, tmp_path)
    dialog.set_path(tmp_path / "a.npz")
    assert dialog.message.text() == "Unexpected error: IndexError: list index out of range"
    assert dialog.copy_details.isVisible() and not dialog.ok_button.isEnabled()


def test_sample_images_that_fail_to_decode_say_why(qtbot, tmp_path, qt_images, monkeypatch):
    from nnstudio.gui.imports import images_dialog

    def broken(*args):
        raise RuntimeError("decoder crashed")

    monkeypatch.setattr(images_dialog, "_decode_all", broken)
    root = image_folder(tmp_path / "pics", {"a": ("#000000", 2, "png"),
                                            "b": ("#FFFFFF", 2, "png")})
    dialog = make(qtbot, ImagesImportDialog, tmp_path)
    dialog.set_path(root)
    qtbot.waitUntil(lambda: "decoder crashed" in dialog.samples_note.text())
    assert dialog.samples_note.text() == ("Cannot show sample images: RuntimeError: decoder "
                                          "crashed")


def test_qt_decoder_refuses_an_image_announcing_too_many_pixels(qapp, tmp_path):
    from tests.data.test_data_hostile import png_file

    path = tmp_path / "bomb.png"
    path.write_bytes(png_file(20_000, 20_000, zlib.compress(bytes(20_001 * 8))))
    with pytest.raises(DataError, match=r"^bomb\.png announces 20000 × 20000 pixels"):
        qt_decode(path, (28, 28), False)
