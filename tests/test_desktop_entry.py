"""The Linux menu entry installer writes the launcher, the MIME type and the icons at every
standard size for the user, and removes them again."""

import configparser
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "install_desktop_entry", ROOT / "packaging" / "install_desktop_entry.py")
installer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(installer)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_and_remove(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert installer.main([]) == 0
    entry = tmp_path / "applications" / "nnstudio.desktop"
    desktop = _entry(entry)
    assert desktop["Type"] == "Application" and desktop["Icon"] == "nnstudio"
    assert desktop["Exec"].startswith(sys.executable) and desktop["Exec"].endswith("%f")
    assert desktop["MimeType"] == "application/x-nnstudio-design;"
    assert (tmp_path / "mime/packages/nnstudio.xml").read_text().count("x-nnstudio-design")
    assert (tmp_path / "icons/hicolor/scalable/apps/nnstudio.svg").read_text().startswith("<svg")
    for size in (16, 48, 256, 512):
        png = tmp_path / f"icons/hicolor/{size}x{size}/apps/nnstudio.png"
        assert png.read_bytes().startswith(b"\x89PNG")
    assert installer.main(["--remove"]) == 0
    assert not entry.exists()
    assert not list(tmp_path.rglob("nnstudio.png"))


def test_the_launcher_can_run_the_bundle(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    bundle = tmp_path / "opt dir" / "nnstudio"
    assert installer.main(["--command", str(bundle)]) == 0
    exec_line = _entry(tmp_path / "applications" / "nnstudio.desktop")["Exec"]
    assert exec_line == f'"{bundle}" %f'


def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_asks():
    quote = installer.desktop_files.exec_quote
    assert quote("/usr/bin/python3") == "/usr/bin/python3"
    assert quote("/home/a b/python") == '"/home/a b/python"'
    assert quote("/x/50%/py") == "/x/50%%/py"
    # `$` escaped by a backslash, which the file's string escaping doubles
    assert quote("/a$b c") == '"/a\\\\$b c"'


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_installed_launcher_is_valid(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    installer.main([])
    done = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" /
                                                        "nnstudio.desktop")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout
