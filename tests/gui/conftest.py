"""GUI tests run offscreen with their own, empty settings, and each test's windows are gone
before the next test starts."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QRunnable, QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Every test starts with no remembered layout, recent files, preferences or autosaves."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setenv("NNSTUDIO_DATA_DIR", str(tmp_path / "user-data"))
    yield


@pytest.fixture(autouse=True)
def application_font_restored(qapp):
    """Every test starts with the same application font: `nnstudio.gui.app.application()` sets
    the app's readable font, and a later test measuring text at 1024x768 then measured 12 pt
    where it expected 9 (test_panels_defects failed after test_imports only in a full run)."""
    font = QApplication.font()
    yield
    QApplication.setFont(font)


@pytest.fixture(autouse=True)
def windows_deleted_after_the_test(qapp):
    """Delete the test's closed windows in its own teardown, and check that no thread-pool task
    outlived itself. pytest-qt closes the windows and calls deleteLater, but only a running
    event loop deletes them: without this, the windows of a run of tests that never wait all
    died together in the next test that does, while its own window opened its design."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # A thread pool deletes its finished tasks: a Python wrapper left of one is a crash to come
    # (the next Qt object made at its address comes back to Python as that task).
    stale = [w for w in shiboken6.getAllValidWrappers() if isinstance(w, QRunnable)]
    assert not stale, f"wrappers of deleted thread-pool tasks: {stale}"


@pytest.fixture
def open_window(qtbot, monkeypatch):
    """open_window(design=None): a shown MainWindow on `design` (the default design if None),
    its first snapshot drawn; closing it at the end of the test discards its changes."""
    from PySide6.QtWidgets import QMessageBox

    from nnstudio.gui.main_window import MainWindow

    def open_(design=None):
        window = MainWindow(design, remember_layout=False)
        qtbot.addWidget(window)
        monkeypatch.setattr(window, "ask_save_changes",
                            lambda: QMessageBox.StandardButton.Discard)
        window.show()
        qtbot.waitExposed(window)
        controller = window.training.controller
        qtbot.waitUntil(lambda: controller.latest is not None and not controller.feeder.busy,
                        timeout=20_000)
        return window
    return open_
