"""Before Qt starts on Linux: are the system libraries of its xcb platform plugin there?

When one is missing, Qt stops with "could not load the Qt platform plugin xcb … libxcb-cursor0 is
needed", whichever library it really lacks. So the app looks first: `ldd` of the plugin
(PySide6/Qt/plugins/platforms/libqxcb.so) lists every library the loader cannot find, and each is
named by the Debian/Ubuntu and the Fedora package that provides it. Without `ldd`, the libraries
a minimal desktop lacks most often are looked up with ctypes.util.find_library.

Qt-free: nothing here imports PySide6's Qt modules (the plugin is found with importlib's spec of
PySide6, which does not import it).
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: the xcb plugin, relative to the PySide6 package folder
PLUGIN = Path("Qt", "plugins", "platforms", "libqxcb.so")
#: soname → (Debian/Ubuntu package, Fedora package) of every system library that libqxcb.so
#: loads (`ldd` of PySide6 6.11's plugin), the C and C++ runtimes aside
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
#: looked up by name when `ldd` cannot run: the ones a minimal desktop lacks most often
OFTEN_MISSING = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                 "libxcb-image.so.0", "libxcb-render-util.so.0", "libxkbcommon-x11.so.0")
#: the longest `ldd` may take (seconds)
LDD_TIMEOUT = 20


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str | None = None) -> bool:
    """Whether Qt will start on its xcb (X11) platform plugin: on Linux (`platform`, default
    sys.platform), unless another platform is asked for (QT_QPA_PLATFORM) or a Wayland session
    makes Qt choose Wayland."""
    if not (platform or sys.platform).startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if asked:
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and bool(environ.get("WAYLAND_DISPLAY"))
    return not wayland


def xcb_plugin() -> Path | None:
    """libqxcb.so inside the PySide6 that nnstudio will use (installed or bundled), if any."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / PLUGIN
        if plugin.is_file():
            return plugin
    return None


def run_ldd(path: Path) -> str | None:
    """`ldd path`'s output, or None when ldd cannot run."""
    try:
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True,
                              timeout=LDD_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout


def not_found(ldd_output: str) -> list[str]:
    """The sonames `ldd` reports as "not found", in order, each once."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition("=>")
        if where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def unfindable(names: tuple[str, ...] = OFTEN_MISSING) -> list[str]:
    """Those of `names` (sonames) that ctypes.util.find_library does not find."""
    return [name for name in names
            if ctypes.util.find_library(name.removeprefix("lib").split(".so")[0]) is None]


def missing_libraries(plugin: Path, ldd: Callable[[Path], str | None] = run_ldd) -> list[str]:
    """The sonames `plugin` needs and the system lacks (by ldd, else by find_library)."""
    output = ldd(plugin)
    return unfindable() if output is None else not_found(output)


def _packages(missing: list[str], column: int) -> list[str]:
    named = [PACKAGES[name][column] for name in missing if name in PACKAGES]
    return list(dict.fromkeys(named))


def install_hint(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the commands that install them."""
    lines = ["nnstudio: the window cannot open: Qt's X11 (xcb) platform plugin needs system "
             "libraries that are missing:"]
    for name in missing:
        debian, fedora = PACKAGES.get(name, ("?", "?"))
        lines.append(f"  {name:<26} Debian/Ubuntu: {debian:<20} Fedora: {fedora}")
    debian_line, fedora_line = _packages(missing, 0), _packages(missing, 1)
    if debian_line:
        lines += ["Install them with", f"  sudo apt install {' '.join(debian_line)}",
                  f"  sudo dnf install {' '.join(fedora_line)}"]
    unknown = [name for name in missing if name not in PACKAGES]
    if unknown:
        lines.append("Find the package of " + ", ".join(unknown) + " with "
                     f"`apt-file search {unknown[0]}` or `dnf provides '*/{unknown[0]}'`.")
    return "\n".join(lines)


def startup_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """Why Qt will not start here, as a message naming what to install; None if nothing
    is known to be wrong (not Linux, not xcb, no plugin found, nothing missing)."""
    if not uses_xcb(environ):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin, run_ldd)
    return install_hint(missing) if missing else None
