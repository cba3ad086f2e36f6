"""The double-click app's build files, checked fast (the PyInstaller build itself is too slow
for the suite; packaging/README.md says how it is run): the spec ships every resource folder
and excludes nothing the app imports, the Linux launcher and MIME type claim design files only,
and the tarball and the Windows/macOS icons are laid out as the desktops expect."""

import ast
import importlib.util
import json
import shutil
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from nnstudio import Design

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
DESIGNS = sorted((ROOT / "resources" / "examples").glob("*.json")) + \
    sorted((ROOT / "resources" / "lessons").glob("*.json"))


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(PACKAGING))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


def _spec_constant(name: str):
    tree = ast.parse((PACKAGING / "nnstudio.spec").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(f"nnstudio.spec defines no {name}")


def test_the_spec_ships_every_resource_folder():
    shipped = set(_spec_constant("SHIPPED")) | {"translations"}  # translations: the .qm only
    folders = {p.name for p in (ROOT / "resources").iterdir() if p.is_dir()}
    assert folders == shipped


def test_the_spec_excludes_torch_tests_and_unused_qt_but_nothing_the_app_imports():
    excludes = _spec_constant("EXCLUDES")
    assert {"torch", "tests", "pytest", "PySide6.QtNetwork", "PySide6.QtQml"} <= set(excludes)
    # what the interpreter loads before (site's .pth files) is not the app's
    script = ("import sys; before = set(sys.modules); import nnstudio.cli, nnstudio.gui.app; "
              "print('\\n'.join(set(sys.modules) - before))")
    loaded = set(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                check=True, cwd=ROOT).stdout.split())
    needed = [name for name in excludes if name in loaded]
    assert not needed, f"the app imports {needed} at start: the spec must not exclude them"


def test_the_entry_point_is_the_command_line():
    text = (PACKAGING / "nnstudio_main.py").read_text()
    assert "from nnstudio.cli import main" in text and "sys.exit(main())" in text


def test_the_launcher_has_one_main_category_and_claims_design_files_only():
    lines = (PACKAGING / "linux" / "nnstudio.desktop").read_text(encoding="utf-8").splitlines()
    entry = dict(line.split("=", 1) for line in lines if "=" in line)
    main_categories = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                       "Graphics", "Network", "Office", "Science", "Settings", "System",
                       "Utility"}
    categories = [c for c in entry["Categories"].split(";") if c]
    assert [c for c in categories if c in main_categories] == ["Education"]
    assert entry["MimeType"] == "application/x-nnstudio-design;"
    assert entry["Exec"] == "nnstudio %f" and entry["Icon"] == "nnstudio"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (desktop-file-utils) is not installed")
def test_the_launcher_passes_desktop_file_validate():
    done = subprocess.run(["desktop-file-validate", str(PACKAGING / "linux" / "nnstudio.desktop")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


def test_the_mime_type_is_json_found_by_its_own_extension_or_its_format_key(tmp_path):
    root = ET.parse(PACKAGING / "linux" / "nnstudio.xml").getroot()
    mime = root.find("m:mime-type", MIME_NS)
    assert mime.get("type") == "application/x-nnstudio-design"
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/json"
    assert [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)] == ["*.nnstudio.json"]
    matches = mime.findall("m:magic/m:match", MIME_NS)
    assert int(mime.find("m:magic", MIME_NS).get("priority")) < 50
    values = [m.get("value").encode() for m in matches]
    saved = tmp_path / "saved.json"
    Design.load(DESIGNS[0]).save(saved)
    compact = json.dumps(json.loads(DESIGNS[0].read_text()), separators=(",", ":")).encode()
    for head in [p.read_bytes()[:256] for p in [*DESIGNS, saved]] + [compact[:256]]:
        assert any(value in head for value in values)


@pytest.mark.skipif(shutil.which("update-mime-database") is None or shutil.which("gio") is None,
                    reason="needs shared-mime-info's update-mime-database and GLib's gio")
def test_an_installed_mime_type_opens_designs_but_not_every_json(tmp_path):
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / "linux" / "nnstudio.xml", packages)
    subprocess.run(["update-mime-database", str(packages.parent)], check=True,
                   capture_output=True)
    shutil.copy(DESIGNS[0], tmp_path / "spiral.nnstudio.json")
    shutil.copy(DESIGNS[0], tmp_path / "spiral")
    (tmp_path / "other.json").write_text('{"name": "not a design"}')
    env = {"XDG_DATA_HOME": str(tmp_path / "share"), "PATH": "/usr/bin:/bin"}

    def content_type(name: str) -> str:
        done = subprocess.run(["gio", "info", "-a", "standard::content-type", str(tmp_path / name)],
                              capture_output=True, text=True, check=True, env=env)
        return done.stdout.rsplit(":", 1)[1].strip()

    assert content_type("spiral.nnstudio.json") == "application/x-nnstudio-design"
    assert content_type("spiral") == "application/x-nnstudio-design"
    assert content_type("other.json") == "application/json"


def test_the_tarball_holds_bin_lib_and_share(tmp_path, monkeypatch):
    build = _load("build")
    monkeypatch.setattr(build, "BUILD", tmp_path / "build")
    monkeypatch.setattr(build, "DIST", tmp_path / "dist")
    (tmp_path / "dist").mkdir()
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "nnstudio").write_text("#!/bin/sh\n")
    target = build.tarball(bundle)
    assert target.name == f"nnstudio-{build.version()}-linux-{build.platform.machine()}.tar.gz"
    top = f"nnstudio-{build.version()}"
    with tarfile.open(target) as archive:
        members = {m.name: m for m in archive.getmembers()}
    assert members[f"{top}/bin/nnstudio"].linkname == "../lib/nnstudio/nnstudio"
    for name in ("lib/nnstudio/nnstudio", "share/applications/nnstudio.desktop",
                 "share/mime/packages/nnstudio.xml", "share/icons/hicolor/16x16/apps/nnstudio.png",
                 "share/icons/hicolor/512x512/apps/nnstudio.png",
                 "share/icons/hicolor/scalable/apps/nnstudio.svg"):
        assert f"{top}/{name}" in members, name
    assert {m.uname for m in members.values()} == {"root"}


@pytest.mark.parametrize("kind", ["ico", "icns"])
def test_the_windows_and_macos_icons_are_made_from_the_svg(tmp_path, monkeypatch, kind):
    from PIL import Image

    build = _load("build")
    monkeypatch.setattr(build, "ICONS", tmp_path)
    with Image.open(build.platform_icon(kind)) as icon:
        assert icon.format == kind.upper()
        assert max(icon.size) >= 256
