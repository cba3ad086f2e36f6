"""Bring the Simplified-Chinese translation up to date with the source, and compile it.

    python packaging/update_translations.py [--check]

1. Writes nnstudio/gui/translation_marks.py: QT_TRANSLATE_NOOP marks for the texts lupdate
   cannot see by itself — the Qt-free catalogues' titles and help (nnstudio.gui.catalog_text)
   and the literals passed to one-line wrappers such as
   ``def _tr(text): return QCoreApplication.translate("Ctx", text)``.
2. Runs pyside6-lupdate over nnstudio/ into resources/translations/nnstudio_zh_CN.ts (new
   strings are added as unfinished, vanished ones dropped).
3. Runs pyside6-lrelease to resources/translations/nnstudio_zh_CN.qm, the file that ships.
4. Prints how many strings are still unfinished (translate them in Qt Linguist or in the .ts,
   then run this again). With --check the exit code is 1 while any is unfinished.

With --audit it then opens the main window offscreen in Chinese (and each example design) and
lists the English texts it shows that have a translation: texts put on screen without tr() or
catalog_tr().

Needs the PySide6 tools (pyside6-lupdate, pyside6-lrelease) on PATH.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nnstudio"
MARKS = PACKAGE / "gui" / "translation_marks.py"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGE = "zh_CN"
TS = TRANSLATIONS / f"nnstudio_{LANGUAGE}.ts"
QM = TRANSLATIONS / f"nnstudio_{LANGUAGE}.qm"
#: how many unfinished strings are listed
SHOWN = 20
IDENTIFIER = re.compile(r"[a-z0-9_]+")

_MARKS_HEADER = '''"""Texts lupdate cannot find by itself, marked for it: written by
packaging/update_translations.py (do not edit; run that script after changing a catalogue).

The catalogues' texts are translated where they are shown (nnstudio.gui.catalog_text); the
wrapped literals by their module's wrapper.
"""
# ruff: noqa: E501

from PySide6.QtCore import QT_TRANSLATE_NOOP

MARKS = (
'''


def _translate_wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level functions `def f(text): return QCoreApplication.translate("Ctx", text)`
    (a docstring before the return is allowed), as {function name: context}."""
    wrappers = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1):
            continue
        body = node.body[1:] if ast.get_docstring(node) is not None else node.body
        if not (len(body) == 1 and isinstance(body[0], ast.Return)):
            continue
        call = body[0].value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate" and len(call.args) == 2
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):
            wrappers[node.name] = call.args[0].value
    return wrappers


def wrapped_literals(package: Path = PACKAGE) -> Iterator[tuple[str, str]]:
    """(context, text) of every string literal passed to a translate wrapper in `package`."""
    for path in sorted(package.rglob("*.py")):
        if path == MARKS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        wrappers = _translate_wrappers(tree)
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in wrappers and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                yield wrappers[node.func.id], node.args[0].value


def write_marks() -> int:
    """Write the marks module; returns how many texts it marks."""
    sys.path.insert(0, str(ROOT))
    from nnstudio.gui.catalog_text import catalog_texts
    from nnstudio.gui.examples import example_texts

    marks = list(dict.fromkeys([*catalog_texts(), *example_texts(), *wrapped_literals()]))
    lines = [f"    QT_TRANSLATE_NOOP({json.dumps(context)}, "
             f"{json.dumps(text, ensure_ascii=False)}),\n" for context, text in marks]
    MARKS.write_text(_MARKS_HEADER + "".join(lines) + ")\n", encoding="utf-8")
    return len(marks)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def unfinished(ts: Path = TS) -> tuple[list[str], int]:
    """The source texts of `ts` still waiting for a translation, and how many texts it has
    (vanished and obsolete entries left out)."""
    waiting, total = [], 0
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type", "") if translation is not None else "unfinished"
        if kind in ("vanished", "obsolete"):
            continue
        total += 1
        if kind == "unfinished" or translation is None or not (
                translation.text or translation.find("numerusform") is not None):
            waiting.append(message.findtext("source", ""))
    return waiting, total


def _translated_sources() -> set[str]:
    """The source texts whose translation differs from them (not the layer type names, which
    the canvas cards show in English on purpose)."""
    out = set()
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "LayerName":
            continue
        for message in context.iter("message"):
            text = message.findtext("translation") or ""
            if text and text != message.findtext("source"):
                out.add(message.findtext("source"))
    return out


def _owner(obj) -> str:
    """The name of the nnstudio class that `obj` belongs to (itself or its nearest parent)."""
    while obj is not None and not type(obj).__module__.startswith("nnstudio."):
        obj = obj.parent()
    return type(obj).__name__ if obj is not None else "?"


def _shown_texts(window) -> set[tuple[str, str]]:
    """Every (text, owning class) `window` shows or offers as a tip: widgets, actions, combo
    and tree items, and the canvas items' tooltips."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QComboBox, QGraphicsView, QTreeWidget, QWidget

    texts = set()
    getters = ("text", "toolTip", "statusTip", "windowTitle", "placeholderText", "title")
    for obj in [window, *window.findChildren(QWidget), *window.findChildren(QAction)]:
        found = []
        for getter in getters:
            value = getattr(obj, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    found.append(result)
        if isinstance(obj, QComboBox):
            for i in range(obj.count()):
                found += [obj.itemText(i),
                          str(obj.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")]
        if isinstance(obj, QTreeWidget):
            items = [obj.topLevelItem(i) for i in range(obj.topLevelItemCount())]
            while items:
                item = items.pop()
                found += [item.text(0), item.toolTip(0), item.statusTip(0)]
                items.extend(item.child(i) for i in range(item.childCount()))
        owner = _owner(obj)
        texts.update((text, owner) for text in found)
        if isinstance(obj, QGraphicsView) and obj.scene() is not None:
            texts.update((item.toolTip(), type(item).__name__) for item in obj.scene().items())
    return texts


def _plain_parts(text: str) -> set[str]:
    """The pieces of `text` between HTML tags and line breaks, stripped."""
    return {part.strip() for part in re.split(r"<[^>]+>|\n", text) if part.strip()}


def audit(designs: list[Path] | None = None) -> list[tuple[str, str]]:
    """(owning class, text) of the English texts the Chinese main window shows, holding each
    of `designs` (default: every example) opened as an example, that have a translation.
    Identifiers such as "auto" or "cross_entropy" are values, shown as they are, and left
    out."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from html import unescape

    from nnstudio.design import Design
    from nnstudio.gui import app as gui_app
    from nnstudio.gui import language
    from nnstudio.gui.main_window import MainWindow

    app = gui_app.application(language.ENGLISH)
    installed = language.install_translations(app, LANGUAGE)
    translated = _translated_sources()
    leftovers = set()
    try:
        for path in designs or sorted((ROOT / "resources" / "examples").glob("*.json")):
            window = MainWindow(Design.default(), remember_layout=False)
            window.files.open_example(path)  # as File ▸ Open Example does: named in Chinese
            window.show()
            gui_app.settle(app, window)
            for node in (None, *(n["id"] for n in window.model.nodes)):
                window.inspector.set_selection([node] if node else [])
                app.processEvents()
                for text, owner in _shown_texts(window):
                    leftovers.update((owner, p) for p in _plain_parts(unescape(text))
                                     if p in translated and not IDENTIFIER.fullmatch(p))
            window.close()
            window.deleteLater()
    finally:
        language.remove_translations(app, installed)
    return sorted(leftovers)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit with 1 while any string is unfinished")
    parser.add_argument("--audit", action="store_true",
                        help="list the English texts the Chinese window still shows")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    marked = write_marks()
    _run("pyside6-lupdate", "-extensions", "py", "-no-obsolete", "-locations", "relative",
         "-source-language", "en", "-target-language", LANGUAGE,
         str(PACKAGE.relative_to(ROOT)), "-ts", str(TS.relative_to(ROOT)))
    _run("pyside6-lrelease", "-silent", str(TS.relative_to(ROOT)), "-qm", str(QM.relative_to(ROOT)))
    waiting, total = unfinished()
    print(f"{TS.relative_to(ROOT)}: {total} strings ({marked} marked in "
          f"{MARKS.relative_to(ROOT)}), {len(waiting)} unfinished")
    for text in waiting[:SHOWN]:
        print(f"  unfinished: {text!r}")
    if len(waiting) > SHOWN:
        print(f"  … and {len(waiting) - SHOWN} more")
    print(f"{QM.relative_to(ROOT)} written")
    if args.audit:
        shown = audit()
        print(f"{len(shown)} translated texts shown in English by the Chinese window")
        for owner, text in shown:
            print(f"  in English in {owner}: {text!r}")
    return 1 if args.check and waiting else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
