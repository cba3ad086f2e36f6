"""Recording a panel or the window as an animated GIF or WebP."""

import errno
import re
import sys

import pytest
from PIL import Image
from PySide6.QtWidgets import QLabel, QMessageBox

from nnstudio.design import Design
from nnstudio.gui import recorder as recorder_module
from nnstudio.gui.examples import examples_dir
from nnstudio.gui.figure_dialogs import FigureActions, RecordDialog
from nnstudio.gui.panels.boundary import BoundaryPanel
from nnstudio.gui.recorder import Recorder, RecordingError, write_animation


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def label(qtbot):
    widget = QLabel("frame 0")
    widget.resize(400, 200)
    widget.setStyleSheet("background: white; font-size: 40px;")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def record_frames(recorder, label, count):
    """`count` different pictures of `label`, grabbed directly."""
    for i in range(count):
        label.setText(f"frame {i}")
        assert recorder.grab_frame()


def saved(qtbot, recorder, path):
    with qtbot.waitSignal(recorder.saved, timeout=20_000) as blocker:
        recorder.save(path)
    return blocker.args


@pytest.mark.parametrize("suffix", ["gif", "webp"])
def test_a_recording_is_an_animation_of_the_frames_and_width_asked(qtbot, label, out, suffix):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 4)
    path = out / f"r.{suffix}"
    assert saved(qtbot, recorder, path) == [str(path), 4]
    with Image.open(path) as image:
        assert image.is_animated and image.n_frames == 4
        assert image.size == (200, 100)
        assert image.info["loop"] == 0
        image.load()
        assert image.info["duration"] == 100
    assert [p.name for p in out.iterdir()] == [path.name]


def test_an_unchanged_picture_lengthens_the_frame_before(qtbot, label, out):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 2)
    assert recorder.grab_frame()
    assert [f.repeats for f in recorder.frames] == [1, 2]
    assert recorder.seconds == pytest.approx(0.3)
    path = out / "r.gif"
    saved(qtbot, recorder, path)
    with Image.open(path) as image:
        image.seek(1)
        assert image.info["duration"] == 200


def test_the_timer_grabs_until_stop(qtbot, label):
    recorder = Recorder(label, fps=30, width=200)
    with qtbot.waitSignal(recorder.stopped) as blocker:
        recorder.start()
        qtbot.waitUntil(lambda: recorder.ticks >= 3, timeout=10_000)
        recorder.stop()
    assert blocker.args == [""]
    assert not recorder.recording


def test_a_recording_stops_by_itself_at_its_limit(qtbot, label):
    recorder = Recorder(label, fps=10, width=200, max_seconds=0.3)
    with qtbot.waitSignal(recorder.stopped, timeout=10_000) as blocker:
        recorder.start()
    assert "limit" in blocker.args[0]
    assert recorder.ticks == 3
    assert not recorder.grab_frame()


def test_frames_are_kept_compressed(label):
    recorder = Recorder(label, fps=10, width=400)
    record_frames(recorder, label, 3)
    raw = 400 * 200 * 3
    assert all(len(frame.data) < raw / 4 for frame in recorder.frames)
    assert recorder.stored_bytes == sum(len(frame.data) for frame in recorder.frames)


def test_a_full_memory_budget_stops_the_recording(label, monkeypatch):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 1)
    monkeypatch.setattr(recorder_module, "MEMORY_BUDGET", recorder.stored_bytes)
    assert not recorder.grab_frame()


def test_a_panel_records_while_training(qtbot, open_window, out):
    window = open_window(Design.load(examples_dir() / "spiral.json"))
    panel = next(p for p in window.training.panels if isinstance(p, BoundaryPanel))
    recorder = Recorder(panel, fps=10, width=320)
    recorder.grab_frame()
    for _ in range(3):
        with qtbot.waitSignal(window.training.controller.settled, timeout=20_000):
            window.training.controller.step_epoch()
        recorder.grab_frame()
    assert len(recorder.frames) >= 3  # the boundary moved between epochs
    path = out / "boundary.gif"
    saved(qtbot, recorder, path)
    with Image.open(path) as image:
        assert image.is_animated and image.n_frames == len(recorder.frames)
        assert image.width == 320


@pytest.mark.parametrize(("name", "message"), [
    ("missing/r.gif", "missing"),
    ("r.mp4", r"\.gif or \.webp"),
])
def test_a_bad_file_is_a_message(qtbot, label, out, name, message):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 2)
    with qtbot.waitSignal(recorder.failed, timeout=20_000) as blocker:
        recorder.save(out / name)
    assert re.search(message, blocker.args[0])
    assert list(out.iterdir()) == []


def test_a_full_disk_leaves_no_half_file(label, out, monkeypatch):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 2)

    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(recorder_module.os, "replace", no_space)
    with pytest.raises(RecordingError, match="No space left"):
        write_animation(recorder.frames, recorder.size, recorder.fps, out / "r.gif")
    assert list(out.iterdir()) == []


def test_without_pillow_the_message_says_how_to_get_it(label, out, monkeypatch):
    recorder = Recorder(label, fps=10, width=200)
    record_frames(recorder, label, 2)
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(RecordingError, match="pip install Pillow"):
        write_animation(recorder.frames, recorder.size, recorder.fps, out / "r.gif")


def test_nothing_recorded_is_a_message(label, out):
    with pytest.raises(RecordingError, match="Nothing was recorded"):
        write_animation([], None, 10, out / "r.gif")


def test_the_window_records_with_an_indicator_and_stop(qtbot, open_window, out):
    window = open_window()
    actions = window.findChild(FigureActions)
    dialog = RecordDialog(window, out)
    assert dialog.chosen().widget is window
    dialog.fps.setValue(5)
    dialog.width_box.setValue(300)
    dialog.format.setCurrentIndex(dialog.format.findData("webp"))
    assert dialog.path.text().endswith("-window.webp")
    assert actions.start_from(dialog)
    indicator = actions.indicator
    assert indicator.isVisible() and indicator.label.text() == "● Recording 0:00"
    assert window.act["record"].text() == "Stop &Recording"
    for _ in range(10):
        actions.recorder.grab_frame()
    assert indicator.label.text() == "● Recording 0:02"
    with qtbot.waitSignal(actions.recorder.saved, timeout=20_000):
        indicator.stop_button.click()
    assert actions.indicator is None
    assert window.act["record"].text() == "&Record…"
    assert "Recording saved" in window.statusBar().currentMessage()
    with Image.open(dialog.chosen_path()) as image:
        assert image.format == "WEBP" and image.width == 300


def test_a_failed_save_offers_another_file(qtbot, open_window, out, monkeypatch):
    window = open_window()
    actions = window.findChild(FigureActions)
    offered = []
    monkeypatch.setattr(actions, "ask_other_path",
                        lambda message: offered.append(message) or out / "elsewhere.gif")
    dialog = RecordDialog(window, out)
    assert actions.start_from(dialog)
    actions.recorder.grab_frame()
    actions.path = out / "missing" / "r.gif"  # the folder went away while recording
    with qtbot.waitSignal(actions.recorder.saved, timeout=20_000):
        actions.recorder.stop()
    assert offered and "missing" in offered[0]
    assert (out / "elsewhere.gif").exists()
    assert actions.indicator is None


def test_a_missing_folder_is_refused_before_recording(open_window, out, monkeypatch):
    window = open_window()
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    dialog = RecordDialog(window, out)
    dialog.path.setText(str(out / "missing" / "r.gif"))
    assert not window.findChild(FigureActions).start_from(dialog)
    assert shown and "missing" in shown[0]


def test_nothing_of_figures_and_recordings_holds_the_window(open_window, out):
    """A Python reference to the window from one of its own children makes a cycle that only
    the garbage collector frees, at any moment and from any thread: a window created by
    `nnstudio --screenshot` in the tests then crashed a later test."""
    window = open_window()
    actions = window.findChild(FigureActions)
    dialog = RecordDialog(window, out)
    recorder = dialog.recorder()
    for holder in (actions, dialog, recorder):
        assert not any(value is window for value in vars(holder).values())


def start_recording(window, out):
    actions = window.findChild(FigureActions)
    dialog = RecordDialog(window, out)
    assert actions.start_from(dialog)
    actions.recorder.grab_frame()
    return actions, dialog.chosen_path()


def test_closing_the_window_while_recording_saves_the_recording(open_window, out, monkeypatch):
    window = open_window()
    actions, path = start_recording(window, out)
    asked = []
    monkeypatch.setattr(actions, "ask_save_recording",
                        lambda: asked.append(True) or QMessageBox.StandardButton.Save)
    assert window.close()
    assert asked and not actions.recorder.recording
    with Image.open(path) as image:
        assert image.format == "GIF" and image.n_frames >= 1


def test_closing_while_recording_can_be_cancelled_or_discard_it(open_window, out, monkeypatch):
    window = open_window()
    actions, path = start_recording(window, out)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(actions, "ask_save_recording", lambda: answers.pop(0))
    assert not window.close()
    assert window.isVisible() and actions.recorder.recording
    assert window.close()
    assert not answers and not path.exists() and not actions.recorder.frames
    assert actions.indicator is None


def test_a_failed_save_on_closing_offers_another_file(open_window, out, monkeypatch):
    window = open_window()
    actions, _path = start_recording(window, out)
    actions.path = out / "missing" / "r.gif"
    monkeypatch.setattr(actions, "ask_save_recording", lambda: QMessageBox.StandardButton.Save)
    offered = []
    monkeypatch.setattr(actions, "ask_other_path",
                        lambda message: offered.append(message) or out / "elsewhere.gif")
    assert window.close()
    assert offered and "missing" in offered[0] and (out / "elsewhere.gif").exists()


def test_closing_waits_for_a_save_under_way(qtbot, open_window, out):
    window = open_window()
    actions, path = start_recording(window, out)
    actions.recorder.stop()  # the save starts on its thread
    assert window.close()
    assert path.exists() and not actions.recorder.saving
