"""Import dialogs: a CSV table, an image folder, MNIST IDX files or a NumPy .npz archive, each
turned into a design's `data` section.

    from nnstudio.gui import imports
    for kind, text in imports.IMPORTERS:          # menu entries, translated when read
        menu.addAction(text, lambda k=kind: ...)
    section = imports.ask_import("csv", parent, base_dir=design_folder)   # dict or None

The kinds are the data sources the dialogs make: csv, images, idx, npz.
Read `IMPORTERS` when the menu is built (it is translated at that moment). The dialogs change
nothing themselves: they return a section that loads (they trial-load it before accepting),
with paths relative to `base_dir` when the file is under it, else absolute.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from nnstudio.gui.imports.base import ImportDialog
from nnstudio.gui.imports.csv_dialog import CsvImportDialog
from nnstudio.gui.imports.idx_dialog import IdxImportDialog
from nnstudio.gui.imports.images_dialog import ImagesImportDialog
from nnstudio.gui.imports.npz_dialog import NpzImportDialog

__all__ = ["DIALOGS", "IMPORTERS", "ask_import", "importers"]

#: kind → the dialog class for it (called with base_dir and parent)
DIALOGS: dict[str, Callable[..., ImportDialog]] = {
    "csv": CsvImportDialog,
    "images": ImagesImportDialog,
    "idx": IdxImportDialog,
    "npz": NpzImportDialog,
}
_MENU_TEXT: tuple[tuple[str, str], ...] = cast("tuple[tuple[str, str], ...]", (
    ("csv", QT_TRANSLATE_NOOP("imports", "CSV table…")),
    ("images", QT_TRANSLATE_NOOP("imports", "Image folder…")),
    ("idx", QT_TRANSLATE_NOOP("imports", "MNIST IDX files…")),
    ("npz", QT_TRANSLATE_NOOP("imports", "NumPy .npz arrays…")),
))


def importers() -> tuple[tuple[str, str], ...]:
    """(kind, translated menu text) for every import dialog, in menu order."""
    return tuple((kind, QCoreApplication.translate("imports", text))
                 for kind, text in _MENU_TEXT)


def __getattr__(name: str) -> Any:
    if name == "IMPORTERS":
        return importers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def ask_import(kind: str, parent: QWidget | None, base_dir: Path | None) -> dict | None:
    """Run the import dialog for `kind` (one of IMPORTERS' kinds) and return the design `data`
    section it produced, or None if the user cancelled."""
    dialog = DIALOGS[kind](base_dir=base_dir, parent=parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.section
        return None
    finally:
        dialog.deleteLater()
