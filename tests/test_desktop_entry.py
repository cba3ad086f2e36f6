"""The Linux menu entry installer writes a valid entry and icon, and removes them again."""

import configparser
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "install_desktop_entry", ROOT / "packaging" / "install_desktop_entry.py")
installer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(installer)


def test_install_and_remove(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert installer.main([]) == 0
    entry = tmp_path / "applications" / "nnstudio.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "nnstudio"
    assert desktop["Exec"].startswith(sys.executable) and desktop["Exec"].endswith("%f")
    assert (tmp_path / "icons/hicolor/scalable/apps/nnstudio.svg").read_text().startswith("<svg")
    assert installer.main(["--remove"]) == 0
    assert not entry.exists()
