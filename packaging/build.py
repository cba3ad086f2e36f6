"""Build the double-click app: `python packaging/build.py [--tarball]`.

dist/nnstudio/ receives the one-folder bundle made by PyInstaller from packaging/nnstudio.spec;
its executable dist/nnstudio/nnstudio (nnstudio.exe on Windows; dist/nnstudio.app on macOS)
runs exactly as the installed `nnstudio` command. Needs `pip install .[packaging]`.

--tarball (Linux) also makes dist/nnstudio-<version>-linux-<machine>.tar.gz, a tree ready for
/usr, /opt or ~/.local (and for a .deb):

    nnstudio-<version>/bin/nnstudio           → ../lib/nnstudio/nnstudio
    nnstudio-<version>/lib/nnstudio/          the bundle
    nnstudio-<version>/share/applications/    the launcher
    nnstudio-<version>/share/mime/packages/   the MIME type of design files
    nnstudio-<version>/share/icons/hicolor/   the icon, 16 to 512 px and scalable
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import desktop_files  # packaging/ is no package: found beside this script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = BUILD / "icons"
#: the sizes a Windows .ico and a macOS .icns hold (pixels)
PLATFORM_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def platform_icon(kind: str) -> Path:
    """build/icons/nnstudio.<kind> ("ico" for Windows, "icns" for macOS) from the rendered PNGs;
    Pillow writes both formats."""
    from PIL import Image

    pngs = []
    for size in PLATFORM_ICON_SIZES:
        png = ICONS / f"nnstudio-{size}.png"
        desktop_files.render_png(size, png)
        pngs.append(Image.open(png))
    target = ICONS / f"nnstudio.{kind}"
    largest = pngs[-1]
    if kind == "ico":
        largest.save(target, sizes=[(s, s) for s in PLATFORM_ICON_SIZES if s <= 256])
    else:
        largest.save(target, append_images=pngs[:-1])
    return target


def bundle() -> Path:
    """Run PyInstaller on the spec; the bundle's folder."""
    if sys.platform == "win32":
        platform_icon("ico")
    elif sys.platform == "darwin":
        platform_icon("icns")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
                    str(HERE / "nnstudio.spec")], check=True, cwd=ROOT)
    return DIST / "nnstudio"


def tarball(folder: Path) -> Path:
    """dist/nnstudio-<version>-linux-<machine>.tar.gz holding `folder` and the desktop files."""
    top = f"nnstudio-{version()}"
    stage = BUILD / "tarball" / top
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(folder, stage / "lib" / "nnstudio", symlinks=True)
    (stage / "bin").mkdir(parents=True)
    (stage / "bin" / "nnstudio").symlink_to(Path("..", "lib", "nnstudio", "nnstudio"))
    desktop_files.install(stage / "share", "nnstudio")
    target = DIST / f"{top}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(stage, arcname=top, filter=_owned_by_root)
    return target


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def size_mb(folder: Path) -> float:
    """The size of the files in `folder`, symbolic links not followed (MB)."""
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", action="store_true",
                        help="also make the Linux tarball (bin/, lib/, share/) in dist/")
    args = parser.parse_args(argv)
    if args.tarball and not sys.platform.startswith("linux"):
        parser.error("--tarball makes the Linux tree; on this system use the bundle itself")
    started = time.perf_counter()
    folder = bundle()
    print(f"built {folder} ({size_mb(folder):.0f} MB) in {time.perf_counter() - started:.0f} s")
    if args.tarball:
        target = tarball(folder)
        print(f"wrote {target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
