"""A first start that works: before Qt starts, the app finds the system libraries its xcb
platform plugin lacks and names the packages to install, instead of Qt's misleading hint; and
`nnstudio --version` and `--help` answer without Qt."""

import os
import sys
from pathlib import Path

import pytest

from nnstudio import __version__, cli, qtcheck

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for the one test that makes the app

#: `ldd libqxcb.so` on a Debian 12 without libxcb-icccm4 and libxcb-keysyms1 (shortened)
LDD_MINIMAL_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007fe55d64d000)
\tlibQt6XcbQpa.so.6 => /site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007fe55d57f000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007fe55d51c000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007fe55b81e000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007fe55d64f000)
"""


def test_ldd_output_gives_each_missing_library_once():
    assert qtcheck.not_found(LDD_MINIMAL_DEBIAN) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_hint_names_the_debian_and_fedora_packages():
    hint = qtcheck.install_hint(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in hint
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in hint
    assert "libxcb-cursor0" not in hint  # Qt's own hint names it, whether missing or not


def test_a_library_without_a_known_package_is_named_with_how_to_find_it():
    hint = qtcheck.install_hint(["libfoo.so.3"])
    assert "apt-file search libfoo.so.3" in hint and "sudo apt" not in hint


def test_without_ldd_the_often_missing_libraries_are_looked_up(monkeypatch):
    present = {"xcb-cursor", "xcb-image", "xcb-render-util", "xkbcommon-x11"}
    monkeypatch.setattr(qtcheck.ctypes.util, "find_library",
                        lambda name: f"lib{name}.so" if name in present else None)
    missing = qtcheck.missing_libraries(Path("libqxcb.so"), ldd=lambda path: None)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({}, "win32", False),
    ({}, "darwin", False),
])
def test_only_an_xcb_start_is_checked(environ, platform, expected):
    assert qtcheck.uses_xcb(environ, platform) is expected


def test_a_faked_missing_library_stops_the_app_before_qt(monkeypatch, capsys):
    monkeypatch.setattr(qtcheck, "xcb_plugin", lambda: Path("/fake/libqxcb.so"))
    monkeypatch.setattr(qtcheck, "run_ldd", lambda path: LDD_MINIMAL_DEBIAN)
    monkeypatch.setattr(qtcheck.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setitem(sys.modules, "nnstudio.gui.app", None)  # importing it would fail
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "sudo apt install libxcb-icccm4 libxcb-keysyms1" in err
    assert "train, validate, info" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_this_system_s_plugin_is_found_and_read():
    plugin = qtcheck.xcb_plugin()
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    output = qtcheck.run_ldd(plugin)
    if output is None:
        pytest.skip("no ldd here")
    assert "libQt6XcbQpa.so.6" in output
    assert set(qtcheck.not_found(output)) <= set(qtcheck.PACKAGES)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"nnstudio {__version__}"


def test_help_lists_every_command_and_the_app(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    for command in cli.COMMANDS:
        assert f"\n    {command} " in out
    assert "--screenshot" in out and "--version" in out


def test_the_app_names_its_launcher_and_carries_the_icon(qapp):
    from nnstudio.gui.app import application

    app = application("en")
    assert app.desktopFileName() == "nnstudio"  # packaging/linux/nnstudio.desktop
    assert not app.windowIcon().isNull()
    assert app.windowIcon().pixmap(64, 64).width() == 64
