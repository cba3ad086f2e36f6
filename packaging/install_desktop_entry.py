"""Make nnstudio a double-click application on a Linux desktop (freedesktop.org menus).

    python packaging/install_desktop_entry.py            # for this user
    python packaging/install_desktop_entry.py --remove

Run it with the Python that has nnstudio installed (`python -m pip install .` first). It writes
`nnstudio.desktop` into $XDG_DATA_HOME/applications (default ~/.local/share/applications) and the
icon into the hicolor theme, so nnstudio appears in the applications menu and opens design files
given to it. Nothing outside the user's data folder is touched.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICON = HERE.parent / "resources" / "icons" / "nnstudio.svg"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_entry(python: str) -> str:
    """The .desktop file's text; `python` is the interpreter that has nnstudio installed."""
    command = f"{shlex.quote(python)} -m nnstudio.cli %f"
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=nnstudio",
        "GenericName=Neural network studio",
        "Comment=Build a neural network by drag and drop and watch it learn",
        "Comment[zh_CN]=拖放搭建神经网络，观察它如何学习",
        f"Exec={command}",
        "Icon=nnstudio",
        "Terminal=false",
        "Categories=Education;Science;ArtificialIntelligence;",
        "MimeType=application/json;",
        "StartupWMClass=nnstudio",
        "",
    ])


def install(python: str) -> list[Path]:
    apps = data_home() / "applications"
    icons = data_home() / "icons" / "hicolor" / "scalable" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    entry = apps / "nnstudio.desktop"
    entry.write_text(desktop_entry(python), encoding="utf-8")
    icon = icons / "nnstudio.svg"
    shutil.copyfile(ICON, icon)
    return [entry, icon]


def remove() -> list[Path]:
    targets = [data_home() / "applications" / "nnstudio.desktop",
               data_home() / "icons" / "hicolor" / "scalable" / "apps" / "nnstudio.svg"]
    removed = [t for t in targets if t.exists()]
    for t in removed:
        t.unlink()
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true", help="remove the menu entry and icon")
    args = parser.parse_args(argv)
    if args.remove:
        for path in remove():
            print(f"removed {path}")
        return 0
    try:
        import nnstudio  # noqa: F401
    except ImportError:
        print("install nnstudio first: python -m pip install .", file=sys.stderr)
        return 1
    for path in install(sys.executable):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
