"""The Linux desktop integration shared by build.py (the tarball) and install_desktop_entry.py
(one user): the launcher, the MIME type of design files and the icon at the standard sizes.

Everything goes into a freedesktop.org data folder (`share/` of a tarball, /usr/share of a
package, ~/.local/share of a user) as

    applications/nnstudio.desktop
    mime/packages/nnstudio.xml
    icons/hicolor/<N>x<N>/apps/nnstudio.png   (N in ICON_SIZES, rendered from the SVG)
    icons/hicolor/scalable/apps/nnstudio.svg
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SVG = ROOT / "resources" / "icons" / "nnstudio.svg"
DESKTOP = HERE / "linux" / "nnstudio.desktop"
MIME = HERE / "linux" / "nnstudio.xml"
#: the hicolor theme's usual sizes (pixels)
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


#: characters after which an Exec argument must be quoted (Desktop Entry spec, "Exec key")
RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_quote(argument: str) -> str:
    """`argument` as the Exec key wants it: in double quotes (with ", `, $ and \\ escaped)
    when it holds a reserved character, and "%" doubled."""
    argument = argument.replace("%", "%%")
    if not RESERVED & set(argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    # a backslash in a desktop file's value is itself written as two
    return '"' + escaped.replace("\\", "\\\\") + '"'


def desktop_entry(command: str) -> str:
    """The launcher's text with Exec running `command` (arguments quoted by exec_quote)."""
    lines = DESKTOP.read_text(encoding="utf-8").splitlines()
    return "\n".join(f"Exec={command} %f" if line.startswith("Exec=") else line
                     for line in lines) + "\n"


def icon_paths(share: Path) -> list[Path]:
    """Where the icons go under the data folder `share`: one PNG per size, then the SVG."""
    hicolor = share / "icons" / "hicolor"
    return [hicolor / f"{n}x{n}" / "apps" / "nnstudio.png" for n in ICON_SIZES] + \
        [hicolor / "scalable" / "apps" / "nnstudio.svg"]


def integration_paths(share: Path) -> list[Path]:
    """Every file install() writes under `share`."""
    return [share / "applications" / "nnstudio.desktop",
            share / "mime" / "packages" / "nnstudio.xml", *icon_paths(share)]


def render_png(size: int, path: Path) -> None:
    """The SVG icon rendered by Qt's QSvgRenderer into a `size`×`size` PNG at `path`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    # QPainter wants an application; a widgets one, so that a test suite (or the app) running
    # in the same process can still use it
    _app = QApplication.instance() or QApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):  # PNG, by the suffix
        raise OSError(f"cannot write {path}")


def install(share: Path, command: str) -> list[Path]:
    """The launcher (running `command`), the MIME type and the icons written under `share`."""
    entry, mime, *icons = integration_paths(share)
    for path in (entry, mime):
        path.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(desktop_entry(command), encoding="utf-8")
    shutil.copyfile(MIME, mime)
    for size, png in zip(ICON_SIZES, icons, strict=False):
        render_png(size, png)
    icons[-1].parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, icons[-1])
    return [entry, mime, *icons]
