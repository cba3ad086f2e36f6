"""GUI tests run offscreen with their own, empty settings."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    """Every test starts with no remembered layout, recent files or preferences."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield


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
