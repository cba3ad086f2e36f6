"""The interface language: which languages nnstudio speaks, loading their translations, and the
menu in which the user picks one.

A language picked in the menu is remembered (settings.language) and used from the next start;
`nnstudio --lang CODE` picks one for a single run. Translations are
resources/translations/nnstudio_<code>.qm, plus Qt's own qtbase_<code>.qm for the standard
buttons and dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from nnstudio.data.paths import resources_dir
from nnstudio.gui import settings

ENGLISH = "en"
#: every language of the interface: code → its name in that language
LANGUAGES = {ENGLISH: "English", "zh_CN": "简体中文"}
#: the application property that holds the language in use ("en", "zh_CN" …)
IN_USE = "nnstudioLanguage"
# QT_TRANSLATE_NOOP returns its text, typed as object by PySide's stubs
_RESTART_TITLE = str(QT_TRANSLATE_NOOP("LanguageMenu", "Language"))
_RESTART_TEXT = str(QT_TRANSLATE_NOOP("LanguageMenu",
                                      "The new language is used from the next start of nnstudio."))


def normalise(text: str) -> str | None:
    """The language code `text` names ("zh-CN", "zh", "ZH_cn" → "zh_CN"; "system" → ""), or
    None when nnstudio does not speak it."""
    key = text.strip().replace("-", "_").casefold()
    if key in ("", "system"):
        return ""
    for code in LANGUAGES:
        if key in (code.casefold(), code.split("_")[0].casefold()):
            return code
    return None


def _folders() -> tuple[tuple[str, str], ...]:
    return (("nnstudio", str(resources_dir() / "translations")),
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))


def translators(code: str) -> list[QTranslator]:
    """Loaded, not yet installed translators for language `code` ("" for the system's):
    nnstudio's own first, then Qt's. None for English, or when no translation exists."""
    locale = QLocale(code) if code else QLocale()
    if locale.language() == QLocale.Language.English:
        return []
    found = []
    for name, folder in _folders():
        translator = QTranslator()
        if translator.load(locale, name, "_", folder):
            found.append(translator)
    return found


def _code_of(translator: QTranslator) -> str:
    """The language code of a loaded nnstudio translation, from its file name."""
    stem = Path(translator.filePath()).stem
    return stem.removeprefix("nnstudio_") if stem.startswith("nnstudio_") else ENGLISH


class InheritedContexts(QTranslator):
    """Finds a subclass's inherited texts.

    PySide6 looks `self.tr(text)` up under the name of the object's own class, while lupdate
    files the text under the class whose method calls tr(); so a text written in a base class
    (ImportDialog) and shown by a subclass (CsvImportDialog) is missed. Installed before the
    other translators (so asked last), this one retries such a miss under each nnstudio base
    class of the object's class.
    """

    def __init__(self, translation: QTranslator):
        super().__init__()
        self.translation = translation
        self._bases: dict[str, tuple[str, ...]] = {}

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        for base in self._base_contexts(context):
            text = self.translation.translate(base, source, disambiguation, n)
            if text:
                return text
        return None  # not found: Qt shows the source text

    def _base_contexts(self, context: str) -> tuple[str, ...]:
        if context not in self._bases:
            classes = [c for c in _qobject_classes() if c.__name__ == context]
            self._bases[context] = tuple(dict.fromkeys(
                base.__name__ for c in classes for base in c.__mro__[1:]
                if base.__module__.startswith("nnstudio.")))
        return self._bases[context]


def _qobject_classes() -> list[type]:
    """Every class that derives from QObject (Qt's own and Python ones)."""
    found: list[type] = []
    todo: list[type[QObject]] = [QObject]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def install_translations(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Install the translations for `code` ("" for the system's language) in `app` and record
    the language in use; returns the translators installed (empty for English)."""
    loaded = translators(code)
    ours = [t for t in loaded if Path(t.filePath()).name.startswith("nnstudio_")]
    installed = [InheritedContexts(ours[0]), *loaded] if ours else loaded
    for translator in installed:
        translator.setParent(app)
        app.installTranslator(translator)
    app.setProperty(IN_USE, _code_of(ours[0]) if ours else ENGLISH)
    return installed


def remove_translations(app: QCoreApplication, installed: list[QTranslator]) -> None:
    """Undo `install_translations`: the interface speaks English again."""
    for translator in installed:
        app.removeTranslator(translator)
        translator.setParent(None)
    app.setProperty(IN_USE, ENGLISH)


def in_use() -> str:
    """The language the running interface speaks."""
    app = QCoreApplication.instance()
    value = app.property(IN_USE) if app is not None else None
    return value if isinstance(value, str) and value else ENGLISH


def _resolved(code: str) -> str:
    """The language `code` would give ("" resolves to the system's, English if unsupported)."""
    if code:
        return code
    ours = [t for t in translators("") if Path(t.filePath()).name.startswith("nnstudio_")]
    return _code_of(ours[0]) if ours else ENGLISH


class LanguageMenu(QMenu):
    """English, 简体中文 (each named in its own language) and System language; the choice is
    remembered and used from the next start."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("&Language"), parent)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        chosen = settings.language()
        for code, name in LANGUAGES.items():
            self._add(code, name, chosen)
        self.addSeparator()
        self._add("", self.tr("System language"), chosen)

    def _add(self, code: str, name: str, chosen: str) -> None:
        action = self.addAction(name)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        action.triggered.connect(lambda _=False, c=code: self.choose(c))
        self.group.addAction(action)

    def choose(self, code: str) -> None:
        """Remember `code` ("" for the system's language); say when it takes effect."""
        settings.set_language(code)
        for action in self.group.actions():
            action.setChecked(action.data() == code)
        target = _resolved(code)
        if target != in_use():
            self.tell_restart(target)

    def tell_restart(self, target: str) -> None:
        """Tell the user the language changes at the next start: in the language in use and
        in the chosen one (`target`)."""
        lines = [self.tr(_RESTART_TEXT)]
        title = self.tr(_RESTART_TITLE)
        for translator in translators(target):
            text = translator.translate("LanguageMenu", _RESTART_TEXT)
            if text and text not in lines:
                lines.append(text)
        if target == ENGLISH and _RESTART_TEXT not in lines:
            lines.append(_RESTART_TEXT)
        QMessageBox.information(self.parentWidget(), title, "\n\n".join(lines))


def language_menu(parent: QWidget) -> QMenu:
    """The Language menu for `parent`'s menu bar (the View menu, say)."""
    return LanguageMenu(parent)
