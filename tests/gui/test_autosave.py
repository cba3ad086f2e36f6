"""Autosave and recovery: edits are written to the user data folder soon after they are made
and every minute, a clean close removes them, and the next start after a crash offers them
back, edits, file and weights included. The data folder is the test's own (conftest)."""

import json
import shutil
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from nnstudio.design import Design
from nnstudio.gui import autosave, settings
from nnstudio.gui.app import open_window, parse_args
from nnstudio.gui.dialogs import ProblemsDialog, Recovery
from nnstudio.gui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    """Autosave 50 ms after an edit; the minute's autosave is out of the way unless asked."""
    monkeypatch.setattr(autosave, "EDIT_DELAY_MS", 50)
    monkeypatch.setattr(autosave, "INTERVAL_MS", 3_600_000)


class Offers:
    """Stands in for the user at the recovery offer: the answer, and what was offered."""

    def __init__(self, answer=Recovery.RECOVER):
        self.answer = answer
        self.offered: list[tuple[str, str]] = []
        self.problems: list[ProblemsDialog] = []

    def ask(self, name, when):
        self.offered.append((name, when))
        return self.answer


@pytest.fixture
def offers(monkeypatch):
    offers = Offers()
    monkeypatch.setattr(MainWindow, "ask_recover", lambda window, name, when:
                        offers.ask(name, when))
    monkeypatch.setattr(ProblemsDialog, "exec", lambda dialog: offers.problems.append(dialog))
    return offers


@pytest.fixture
def make_window(qtbot, monkeypatch):
    def make(design=None):
        window = MainWindow(design, remember_layout=False)
        qtbot.addWidget(window)
        monkeypatch.setattr(window, "ask_save_changes", lambda: Button.Discard)
        window.show()
        return window
    return make


def folder():
    return settings.data_folder() / "autosave"


def autosaved(qtbot, window):
    """The window's autosaved design, once it is written."""
    path = window.autosave.session.design
    qtbot.waitUntil(path.is_file, timeout=5_000)
    return Design.load(path, draft=True)


def dead_pid():
    """The id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def crash(window, session_id="crashed"):
    """What a crash of `window` leaves: its autosave, and a lock naming a process that is gone
    (in Qt's lock format, the window's own lock with another process id)."""
    session = window.autosave.session
    for suffix in (".json", ".npz", ".origin"):
        if session.file(suffix).is_file():
            shutil.copy(session.file(suffix), folder() / f"{session_id}{suffix}")
    lines = session.lock.read_bytes().split(b"\n")
    lines[0] = str(dead_pid()).encode()
    (folder() / f"{session_id}.lock").write_bytes(b"\n".join(lines))


def session_files():
    return sorted(p.name for p in folder().iterdir()) if folder().is_dir() else []


def test_the_data_folder_is_the_tests_own(tmp_path):
    assert folder() == tmp_path / "user-data" / "autosave"


def test_an_edit_is_autosaved_soon_after_with_nothing_else_touched(qtbot, make_window):
    window = make_window()
    window.canvas.add_node("Tanh")
    saved = autosaved(qtbot, window)
    assert [n["type"] for n in saved.nodes][-1] == "Tanh"
    assert window.model.path is None                  # the design keeps its own (no) file
    assert json.loads(window.autosave.session.origin.read_text()) == {"path": None}
    assert window.isWindowModified()


def test_edits_in_quick_succession_wait_for_the_delay(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(autosave, "EDIT_DELAY_MS", 3_600_000)
    window = make_window()
    window.canvas.add_node("Tanh")
    window.canvas.add_node("ReLU")
    qtbot.wait(200)
    assert not window.autosave.session.design.exists()
    assert window.autosave.save_now() and window.autosave.session.design.is_file()


def test_unsaved_changes_are_autosaved_every_interval(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(autosave, "EDIT_DELAY_MS", 3_600_000)
    monkeypatch.setattr(autosave, "INTERVAL_MS", 50)
    window = make_window()
    assert not window.autosave.session.design.exists()   # nothing to lose: nothing written
    window.canvas.add_node("ReLU")
    assert [n["type"] for n in autosaved(qtbot, window).nodes][-1] == "ReLU"


def test_a_clean_close_removes_the_autosave(qtbot, make_window):
    window = make_window()
    window.canvas.add_node("Tanh")
    autosaved(qtbot, window)
    assert session_files()
    window.close()
    assert session_files() == []


def test_saving_the_design_retires_its_autosave(qtbot, make_window, tmp_path):
    window = make_window()
    window.canvas.add_node("Tanh")
    autosaved(qtbot, window)
    window.files._save_to(tmp_path / "kept.json")
    qtbot.waitUntil(lambda: not window.autosave.session.design.exists(), timeout=5_000)


def test_after_a_crash_the_next_window_offers_the_design_back_with_its_edits(
        qtbot, make_window, offers, tmp_path):
    path = tmp_path / "mine.json"
    Design.default().save(path)
    first = make_window(Design.load(path))
    first.canvas.add_node("Sigmoid")
    edited = first.model.design.to_dict()
    autosaved(qtbot, first)
    crash(first)

    second = make_window()
    assert second.offer_recovery()
    assert offers.offered[0][0] == "Spiral, two hidden layers" and offers.offered[0][1]
    assert second.model.design.to_dict() == edited
    assert second.model.path == path                 # Save writes to the original file
    assert second.isWindowModified()
    assert Design.load(path) == Design.default()     # which is untouched until then
    assert second.autosave.session.id == "crashed"   # the recovered files stay until saved
    second.close()
    assert not (folder() / "crashed.json").exists()


def test_a_recovered_design_finds_its_relative_data(qtbot, make_window, offers, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "points.csv").write_text("a,b,label\n0,1,0\n1,0,1\n0,0,0\n1,1,1\n")
    doc = Design.default().to_dict()
    doc["data"] = {"source": "csv", "path": "points.csv", "target": "label"}
    path = project / "csv.json"
    Design.from_dict(doc).save(path)
    first = make_window(Design.load(path))
    first.canvas.add_node("Tanh")
    assert autosaved(qtbot, first).section("data")["path"] != "points.csv"  # from autosave/
    crash(first)

    second = make_window()
    assert second.offer_recovery()
    assert second.model.design.section("data")["path"] == "points.csv"
    assert second.model.design.base_dir == project


def test_discard_deletes_the_autosave_and_later_keeps_it_for_the_next_start(
        qtbot, make_window, offers):
    first = make_window()
    first.canvas.add_node("Tanh")
    autosaved(qtbot, first)
    crash(first)

    offers.answer = Recovery.LATER
    window = make_window()
    assert not window.offer_recovery()
    assert (folder() / "crashed.json").is_file() and not (folder() / "crashed.lock").exists()
    offers.answer = Recovery.DISCARD                 # the next start (as far as files go)
    assert not window.offer_recovery()
    assert len(offers.offered) == 2
    assert not (folder() / "crashed.json").exists()
    assert window.model.design == Design.default() and not window.isWindowModified()


def test_open_windows_never_offer_each_others_autosaves(qtbot, make_window, offers):
    first, second = make_window(), make_window()
    first.canvas.add_node("Tanh")
    second.canvas.add_node("ReLU")
    assert [n["type"] for n in autosaved(qtbot, first).nodes][-1] == "Tanh"
    assert [n["type"] for n in autosaved(qtbot, second).nodes][-1] == "ReLU"
    assert first.autosave.session.id != second.autosave.session.id
    assert not first.offer_recovery() and not second.offer_recovery()
    assert offers.offered == []


def test_a_corrupt_autosave_is_reported_not_fatal(qtbot, make_window, offers):
    first = make_window()
    first.canvas.add_node("Tanh")
    autosaved(qtbot, first)
    crash(first)
    (folder() / "crashed.json").write_text('{"format": "nnstudio-design", "network": ')
    window = make_window()
    assert not window.offer_recovery()
    assert offers.offered == []
    assert offers.problems and offers.problems[0].source.name == "crashed.json"
    assert not (folder() / "crashed.json").exists()
    assert window.isVisible() and window.model.design == Design.default()


def test_trained_weights_are_autosaved_and_recovered(qtbot, open_window, offers):
    first = open_window()
    controller = first.training.controller
    with qtbot.waitSignal(controller.settled, timeout=20_000):
        controller.play(20)
    first.autosave.save_now()
    qtbot.waitUntil(first.autosave.session.weights.is_file, timeout=10_000)
    crash(first)

    second = open_window()
    assert second.offer_recovery()
    qtbot.waitUntil(lambda: second.training.controller.weights_loaded, timeout=20_000)


def test_the_app_offers_recovery_at_start(qtbot, make_window, offers, monkeypatch):
    first = make_window()
    first.canvas.add_node("Tanh")
    autosaved(qtbot, first)
    crash(first)
    window = open_window(parse_args([]))
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_save_changes", lambda: Button.Discard)
    qtbot.waitUntil(lambda: bool(offers.offered), timeout=5_000)
    assert window.isWindowModified()
