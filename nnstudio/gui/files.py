"""New, open, save and recent files for one window, guarded by the unsaved-changes question.

The questions to the user (which file? save the changes?) and the error reports go through a
`Prompts` object, the main window, so tests can answer them without dialogs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from nnstudio.design import Design, DesignError
from nnstudio.design.io import read_text
from nnstudio.design.spec import FORMAT, VERSION
from nnstudio.gui import language, settings
from nnstudio.gui.design_text import problem_texts
from nnstudio.gui.examples import example_tr
from nnstudio.gui.model import DesignModel

DESIGN_SUFFIX = ".json"


class Prompts(Protocol):
    """What the file logic asks the user, and how it reports failures."""

    def ask_save_changes(self) -> QMessageBox.StandardButton: ...
    def ask_open_path(self) -> Path | None: ...
    def ask_save_path(self) -> Path | None: ...
    def show_problems(self, error: DesignError) -> None: ...
    def show_error(self, title: str, text: str) -> None: ...
    def offer_save_as(self, text: str) -> bool: ...


def empty_design() -> Design:
    """A new design with nothing on the canvas."""
    return Design.from_dict({"format": FORMAT, "version": VERSION, "name": "",
                             "description": "", "network": {"nodes": [], "edges": []}},
                            draft=True)


def display_name(design: Design, untitled: str) -> str:
    """The design's name, else its file name, else `untitled`."""
    if design.name.strip():
        return design.name.strip()
    return design.path.stem if design.path is not None else untitled


def design_files(mime: QMimeData) -> list[Path]:
    """The local `.json` files among the URLs being dragged."""
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(DESIGN_SUFFIX)]


class DocumentFiles(QObject):
    """Replaces, saves and remembers the design held by `model`."""

    #: a different design is now open (New, Open, an example, a recent file)
    opened = Signal()
    #: the recent-files list changed
    recentChanged = Signal()
    #: a short report for the status bar
    message = Signal(str)
    #: the design was saved to this path
    saved = Signal(Path)

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, prompts: Prompts,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.undo_stack, self.prompts = model, undo_stack, prompts

    # -- the unsaved-changes guard -------------------------------------------------------------
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def confirm_discard(self) -> bool:
        """True when the current design may be replaced: unmodified, saved, or discarded."""
        if not self.is_modified():
            return True
        answer = self.prompts.ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- replacing the design -------------------------------------------------------------------
    def new(self) -> bool:
        if not self.confirm_discard():
            return False
        self._replace(empty_design())
        self.message.emit(self.tr("New design: drag layers from the palette onto the canvas"))
        return True

    def open(self) -> bool:
        """Ask for a file, then open it."""
        path = self.prompts.ask_open_path()
        return path is not None and self.open_path(path)

    def open_path(self, path: str | os.PathLike[str]) -> bool:
        """Open a design file, unfinished networks included (their problems show on the canvas);
        a file that is not a readable design opens nothing and lists every problem."""
        path = Path(path)
        try:
            design = Design.load(path, draft=True)
        except DesignError as exc:
            self.prompts.show_problems(exc)
            if not path.is_file():
                self.recentChanged.emit()
            return False
        if not self.confirm_discard():
            return False
        self._replace(design)
        self._remember(path)
        self.message.emit(self.tr("Opened {path}").format(path=path))
        return True

    def open_example(self, path: str | os.PathLike[str]) -> bool:
        """Open a bundled example or lesson as a new, untitled design (saving asks where),
        named and described in the user's language (a lesson's from its own translations)."""
        source = os.fspath(path)
        try:
            design = Design.from_json(read_text(source), source=source, draft=True)
        except DesignError as exc:
            self.prompts.show_problems(exc)
            return False
        lesson = design.lesson.localized(language.in_use()) if design.lesson else None
        for key in ("name", "description"):
            text = design.section(key)
            if not isinstance(text, str):
                continue
            own = getattr(lesson, key) if lesson is not None else text
            translated = own if own != text else example_tr(text)
            if translated != text:
                design.set_section(key, translated)
        if not self.confirm_discard():
            return False
        self._replace(design)
        self.message.emit(self.tr("Opened the example “{name}”").format(name=design.name))
        return True

    def recover(self, design: Design) -> bool:
        """Open a design recovered from an autosave as unsaved changes (Save writes to its
        file when it had one); False when the current design may not be replaced."""
        if not self.confirm_discard():
            return False
        self._replace(design)
        self.undo_stack.resetClean()
        self.message.emit(self.tr("Recovered “{name}”: save it to keep it").format(
            name=display_name(design, self.tr("Untitled"))))
        return True

    def _replace(self, design: Design) -> None:
        self.undo_stack.clear()
        self.model.reset(design)
        self.undo_stack.setClean()
        self.opened.emit()

    # -- saving ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the design's file; an untitled design asks where (Save As)."""
        if self.model.path is None:
            return self.save_as()
        return self._save_to(self.model.path)

    def save_as(self) -> bool:
        path = self.prompts.ask_save_path()
        if path is None:
            return False
        if path.suffix.lower() != DESIGN_SUFFIX:
            path = path.with_name(path.name + DESIGN_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        """Save to `path`; a failure says why, leaves the design modified, and offers Save As
        (False unless that succeeds)."""
        try:
            self.model.design.save(path)
        except DesignError as exc:
            return self._save_failed("\n".join(problem_texts(exc.problems)))
        except Exception as exc:  # never lose work to a failure the design package missed
            return self._save_failed(self.tr("Could not save {path}: {problem}").format(
                path=path, problem=f"{type(exc).__name__}: {exc}"))
        self.model.set_path(path)
        self.undo_stack.setClean()
        self._remember(path)
        self.message.emit(self.tr("Saved {path}").format(path=path))
        self.saved.emit(path)
        return True

    def _save_failed(self, text: str) -> bool:
        return self.prompts.offer_save_as(text) and self.save_as()

    def _remember(self, path: Path) -> None:
        settings.add_recent_file(path)
        self.recentChanged.emit()
