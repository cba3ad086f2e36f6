"""Make nnstudio a double-click application on a Linux desktop (freedesktop.org menus).

    python packaging/install_desktop_entry.py            # for this user
    python packaging/install_desktop_entry.py --command /opt/nnstudio/nnstudio   # the bundle
    python packaging/install_desktop_entry.py --remove

Run it with the Python that has nnstudio installed (`python -m pip install .` first). It writes
into $XDG_DATA_HOME (default ~/.local/share) the launcher `applications/nnstudio.desktop`, the
MIME type of design files `mime/packages/nnstudio.xml` (so a double click on a design opens it,
while other .json files keep their program) and the icon at the standard sizes
(`icons/hicolor/<N>x<N>/apps/nnstudio.png` and the scalable SVG) — the same files as the
tarball's share/ (packaging/desktop_files.py). Nothing outside the user's data folder is touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import desktop_files  # packaging/ is no package: found beside this script


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def python_command(python: str) -> str:
    """The command line that starts nnstudio with the interpreter `python`."""
    return f"{desktop_files.exec_quote(python)} -m nnstudio.cli"


def refresh_caches(share: Path) -> None:
    """Rebuild the MIME and launcher caches under `share`, where the tools are installed."""
    for tool, folder in (("update-mime-database", share / "mime"),
                         ("update-desktop-database", share / "applications")):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, str(folder)], check=False, capture_output=True)


def install(command: str) -> list[Path]:
    written = desktop_files.install(data_home(), command)
    refresh_caches(data_home())
    return written


def remove() -> list[Path]:
    removed = [p for p in desktop_files.integration_paths(data_home()) if p.exists()]
    for path in removed:
        path.unlink()
    refresh_caches(data_home())
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true",
                        help="remove the launcher, the MIME type and the icons")
    parser.add_argument("--command", metavar="PATH",
                        help="the program the launcher runs, e.g. the bundle's "
                             "dist/nnstudio/nnstudio (default: this Python with nnstudio)")
    args = parser.parse_args(argv)
    if args.remove:
        for path in remove():
            print(f"removed {path}")
        return 0
    if args.command is not None:
        command = desktop_files.exec_quote(str(Path(args.command).resolve()))
    else:
        try:
            import nnstudio  # noqa: F401
        except ImportError:
            print("install nnstudio first: python -m pip install .", file=sys.stderr)
            return 1
        command = python_command(sys.executable)
    for path in install(command):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
