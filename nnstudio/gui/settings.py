"""Persistent preferences: where they live, the window layout, the recent-files list and the
language; and the folder for the user's data (autosaves)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

ORGANISATION = "nnstudio"
APPLICATION = "nnstudio"
MAX_RECENT = 10
#: bump when the docks change so an old saved layout is not restored onto new docks
LAYOUT_VERSION = 2  # 2: the training settings and dashboard docks

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_RECENT = "files/recent"
_LANGUAGE = "ui/language"
#: an environment variable naming another folder for the user's data (tests, portable installs)
DATA_DIR_VARIABLE = "NNSTUDIO_DATA_DIR"


def app_settings() -> QSettings:
    """The user's settings for nnstudio (an INI file, the same format on every platform)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)


def data_folder() -> Path:
    """Where nnstudio keeps the user's data: $NNSTUDIO_DATA_DIR, else the platform's user data
    folder (platformdirs; ~/.local/share/nnstudio on Linux)."""
    override = os.environ.get(DATA_DIR_VARIABLE, "")
    return Path(override) if override else Path(platformdirs.user_data_dir(APPLICATION))


def save_layout(window: QMainWindow) -> None:
    """Remember the window's geometry and the arrangement of its docks and toolbars."""
    settings = app_settings()
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState(LAYOUT_VERSION))


def restore_layout(window: QMainWindow) -> bool:
    """Put back the remembered geometry and docks; False when there is nothing to restore."""
    settings = app_settings()
    geometry, state = settings.value(_GEOMETRY), settings.value(_STATE)
    if geometry is None or state is None:
        return False
    return window.restoreGeometry(geometry) and window.restoreState(state, LAYOUT_VERSION)


def recent_files() -> list[Path]:
    """The recently opened or saved designs, newest first, files that no longer exist dropped."""
    value = app_settings().value(_RECENT, [])
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    paths = [Path(name) for name in names if isinstance(name, str) and name]
    existing = [p for p in paths if p.is_file()]
    if len(existing) != len(paths):
        _store_recent(existing)
    return existing


def add_recent_file(path: Path) -> None:
    """Put `path` at the top of the recent files (at most MAX_RECENT are kept)."""
    path = Path(path).resolve()
    others = [p for p in recent_files() if p.resolve() != path]
    _store_recent([path, *others][:MAX_RECENT])


def clear_recent_files() -> None:
    _store_recent([])


def _store_recent(paths: list[Path]) -> None:
    app_settings().setValue(_RECENT, [str(p) for p in paths])


def language() -> str:
    """The chosen language ("en", "zh_CN" …), or "" to follow the system's."""
    value = app_settings().value(_LANGUAGE, "")
    return value if isinstance(value, str) else ""


def set_language(code: str) -> None:
    """Remember `code` ("" for the system's language) for the next start."""
    app_settings().setValue(_LANGUAGE, code)
