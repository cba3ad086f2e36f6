"""Files: save/open round trip, the unsaved-changes question, broken files, recent files, drops."""

import json
import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from nnstudio.design import Design, DesignError
from nnstudio.gui import settings
from nnstudio.gui.dialogs import ProblemsDialog
from nnstudio.gui.examples import examples_dir, list_examples
from nnstudio.gui.files import design_files
from nnstudio.gui.main_window import MainWindow

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for the user: scripted replies to the window's questions, and what was shown."""

    def __init__(self, window, monkeypatch):
        self.save_changes = Button.Discard
        self.save_path: Path | None = None
        self.open_path: Path | None = None
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.problems: list[ProblemsDialog] = []
        self.save_failures: list[str] = []
        self.save_elsewhere = False             # the answer to "Could not save: Save As…?"
        monkeypatch.setattr(window, "ask_save_changes", self._ask_save_changes)
        monkeypatch.setattr(window, "offer_save_as", self._offer_save_as)
        monkeypatch.setattr(window, "ask_save_path", lambda: self._ask("save as", self.save_path))
        monkeypatch.setattr(window, "ask_open_path", lambda: self._ask("open", self.open_path))
        monkeypatch.setattr(window, "show_error", lambda title, text: self.errors.append(text))
        monkeypatch.setattr(ProblemsDialog, "exec", lambda dialog: self.problems.append(dialog))

    def _ask_save_changes(self):
        self.asked.append("save changes")
        return self.save_changes

    def _offer_save_as(self, text):
        self.save_failures.append(text)
        return self.save_elsewhere

    def _ask(self, what, answer):
        self.asked.append(what)
        return answer


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def user(window, monkeypatch):
    return Answers(window, monkeypatch)


def modify(window):
    window.canvas.add_node("Tanh")
    assert window.isWindowModified()


def test_save_then_open_is_an_exact_round_trip(tmp_path, window, user):
    window.canvas.select_nodes(["h1"])
    window.canvas.delete_selection()          # an unfinished network saves and opens too
    window.canvas.add_node("Conv2D", (123.0, -45.0))
    user.save_path = tmp_path / "mine"
    assert window.act["save"].isEnabled()
    window.act["save"].trigger()
    assert user.asked == ["save as"]          # untitled: Save goes to Save As
    saved = tmp_path / "mine.json"
    assert window.model.path == saved
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("Spiral, two hidden layers[*]")
    expected = window.model.design.to_dict()
    window.act["new"].trigger()
    assert window.model.nodes == []
    assert window.files.open_path(saved)
    assert window.model.design.to_dict() == expected
    assert window.model.node("conv2d1")["pos"] == [120.0, -40.0]
    assert window.model.path == saved
    assert not window.isWindowModified()


def test_save_writes_to_the_open_file_without_asking(tmp_path, window, user):
    path = tmp_path / "spiral.json"
    Design.default().save(path)
    window.files.open_path(path)
    modify(window)
    window.act["save"].trigger()
    assert user.asked == []
    assert Design.load(path, draft=True) == window.model.design


def test_a_failed_save_keeps_the_design_and_its_changes(tmp_path, window, user):
    modify(window)
    user.save_path = tmp_path / "missing-folder" / "x.json"
    assert not window.files.save()
    assert user.save_failures and "missing-folder" in user.save_failures[0]
    assert window.isWindowModified()
    assert window.model.path is None
    assert len(window.model.nodes) == 5


def test_new_asks_about_unsaved_changes(tmp_path, window, user):
    modify(window)
    user.save_changes = Button.Cancel
    window.act["new"].trigger()
    assert len(window.model.nodes) == 5 and window.isWindowModified()
    user.save_changes = Button.Discard
    window.act["new"].trigger()
    assert window.model.nodes == [] and not window.isWindowModified()
    modify(window)
    user.save_changes = Button.Save
    user.save_path = tmp_path / "kept.json"
    window.act["new"].trigger()
    assert window.model.nodes == []
    assert [n["type"] for n in Design.load(user.save_path, draft=True).nodes] == ["Tanh"]
    assert user.asked == ["save changes"] * 3 + ["save as"]


def test_saving_cancelled_in_the_prompt_keeps_everything(window, user):
    modify(window)
    user.save_changes = Button.Save
    user.save_path = None                      # the Save As dialog is cancelled
    window.act["new"].trigger()
    assert len(window.model.nodes) == 5 and window.isWindowModified()


def test_closing_asks_about_unsaved_changes(qtbot, window, user):
    modify(window)
    user.save_changes = Button.Cancel
    window.close()
    assert window.isVisible()
    user.save_changes = Button.Discard
    window.close()
    assert not window.isVisible()


def read_only_folder(tmp_path):
    """A folder nobody may write in (skipped where permissions do not bind, e.g. as root)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.touch()
    except OSError:
        return folder
    probe.unlink()
    pytest.skip("this user may write in a read-only folder")


def test_a_save_into_a_read_only_folder_says_why_and_keeps_the_changes(tmp_path, window,
                                                                        user):
    path = tmp_path / "kept.json"
    Design.default().save(path)
    window.files.open_path(path)
    modify(window)
    folder = read_only_folder(tmp_path)
    user.save_path = folder / "x.json"
    assert not window.files.save_as()
    assert "Permission denied" in user.save_failures[0] and "read-only" in user.save_failures[0]
    assert window.isWindowModified() and window.model.path == path


def test_a_save_where_a_folder_is_a_file_says_why(tmp_path, window, user):
    (tmp_path / "file").write_text("")
    modify(window)
    user.save_path = tmp_path / "file" / "x.json"
    assert not window.files.save()
    assert len(user.save_failures) == 1 and "file" in user.save_failures[0]
    assert window.isWindowModified() and window.model.path is None


@pytest.mark.parametrize("error", [RecursionError("maximum recursion depth exceeded"),
                                   DesignError("cannot save x.json: nested too deeply")])
def test_a_failed_save_on_close_says_why_and_cancels_the_close(tmp_path, window, user,
                                                               monkeypatch, error):
    modify(window)

    def failing_save(design, path=None):
        raise error

    monkeypatch.setattr(Design, "save", failing_save)
    user.save_changes = Button.Save
    user.save_path = tmp_path / "x.json"
    window.close()
    assert window.isVisible() and window.isWindowModified()
    assert len(user.save_failures) == 1 and str(error) in user.save_failures[0]
    assert len(window.model.nodes) == 5


def test_save_as_offered_after_a_failed_save_saves_elsewhere(tmp_path, window, user):
    (tmp_path / "file").write_text("")
    modify(window)
    user.save_path = tmp_path / "file" / "x.json"
    assert not window.files.save()
    user.save_elsewhere = True
    user.save_changes = Button.Save
    user.save_path = tmp_path / "x.json"
    window.files._save_to(tmp_path / "file" / "y.json")       # fails, then Save As works
    assert window.model.path == tmp_path / "x.json" and not window.isWindowModified()
    assert [n["type"] for n in Design.load(tmp_path / "x.json", draft=True).nodes][-1] == "Tanh"


def stale_temporary(path, age=2 * 3600, tag="0badcafe"):
    """A temporary file a save killed mid-way left beside `path`, `age` seconds ago."""
    tmp = path.with_name(f".{path.name}.{tag}.tmp")
    tmp.write_text('{"format": "nnstu')
    os.utime(tmp, (time.time() - age, time.time() - age))
    return tmp


def test_opening_and_saving_clear_the_temporaries_killed_saves_left(tmp_path, window, user):
    path = tmp_path / "kept.json"
    Design.default().save(path)
    left = stale_temporary(path)
    window.files.open_path(path)
    assert not left.exists()
    left, weights_left = stale_temporary(path), stale_temporary(path.with_suffix(".npz"))
    recent = stale_temporary(path, age=5, tag="5afe5afe")  # another window saving just now?
    modify(window)
    assert window.files.save()
    assert not left.exists() and not weights_left.exists() and recent.exists()


def test_opening_another_file_asks_first(tmp_path, window, user):
    path = tmp_path / "other.json"
    Design.default().save(path)
    modify(window)
    user.save_changes = Button.Cancel
    user.open_path = path
    window.act["open"].trigger()
    assert len(window.model.nodes) == 5
    user.save_changes = Button.Discard
    window.act["open"].trigger()
    assert window.model.path == path
    assert user.asked == ["open", "save changes", "open", "save changes"]


@pytest.mark.parametrize(("text", "expected"), [
    ('{"format": "nnstudio-design", "version": 1, "network": {', "ends too early"),
    (json.dumps({"format": "nnstudio-design", "version": 1,
                 "network": {"nodes": [{"id": "a", "type": "Dense3D", "params": {}}],
                             "edges": []}}), "Dense3D"),
])
def test_a_broken_file_opens_nothing_and_lists_its_problems(tmp_path, window, user, text,
                                                            expected):
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    modify(window)
    before = window.model.design.to_dict()
    assert not window.files.open_path(path)
    assert window.model.design.to_dict() == before
    assert window.isWindowModified()
    assert user.asked == []
    (dialog,) = user.problems
    assert dialog.source.name == "broken.json"
    assert any(expected in line for line in dialog.lines)
    assert "broken.json" in dialog.windowTitle()
    dialog.copy_to_clipboard()
    assert expected in dialog.report()


def test_recent_files_menu_lists_saved_files(tmp_path, window, user):
    for name in ("a", "b"):
        user.save_path = tmp_path / f"{name}.json"
        window.files.save_as()
    window.recent_menu.aboutToShow.emit()
    entries = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert entries == [str(tmp_path / "b.json"), str(tmp_path / "a.json")]
    (tmp_path / "b.json").unlink()
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(tmp_path / "a.json")]
    window.act["new"].trigger()
    entries[0].trigger()
    assert window.model.path == tmp_path / "a.json"
    clear = window.recent_menu.actions()[-1]
    assert clear.text() == "&Clear Menu"
    clear.trigger()
    assert settings.recent_files() == []
    assert not [a for a in window.recent_menu.actions() if a.data()]


def test_recent_files_keep_the_newest_ten(tmp_path):
    for i in range(12):
        path = tmp_path / f"d{i}.json"
        path.write_text("{}")
        settings.add_recent_file(path)
    settings.add_recent_file(tmp_path / "d5.json")
    names = [p.name for p in settings.recent_files()]
    assert names[:2] == ["d5.json", "d11.json"]
    assert len(names) == settings.MAX_RECENT


def test_open_example_opens_an_untitled_copy(window, user):
    spiral = next(e for e in list_examples() if e.path.name == "spiral.json")
    action = next(a for a in window.examples_menu.actions() if a.text() == spiral.name)
    window.act["new"].trigger()
    action.trigger()
    assert window.model.design.to_dict() == Design.load(spiral.path).to_dict()
    assert action.toolTip() == spiral.description != ""
    assert window.model.path is None
    assert not window.isWindowModified()
    assert len(list_examples()) == len(list(examples_dir().glob("*.json")))


def test_dropping_a_design_file_opens_it(qtbot, tmp_path, window, user):
    path = tmp_path / "dropped.json"
    Design.default().save(path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)), QUrl("https://example.com/x.json")])
    assert design_files(data) == [path]
    event = QDropEvent(QPointF(400, 300), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.model.path == path)
