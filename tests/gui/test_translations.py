"""The Simplified-Chinese translation: it loads, the window speaks it, every placeholder and
accelerator survives, nothing is left unfinished; --lang and the remembered language."""

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QMessageBox

from nnstudio import Design, Trainer
from nnstudio.core.catalog import NODE_TYPES, ParamSpec, check_value
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.data.paths import resources_dir
from nnstudio.gui import app as gui_app
from nnstudio.gui import language, settings
from nnstudio.gui.catalog_text import (
    catalog_texts,
    catalog_tr,
    class_name_tr,
    layer_title,
    problem_tr,
)
from nnstudio.gui.data.preview import DataPreview
from nnstudio.gui.examples import example_texts, list_examples
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.palette import LayerPalette
from nnstudio.gui.panels.boundary import BoundaryPanel

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "nnstudio_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MNEMONIC = re.compile(r"&(?=\w)")
TAG = re.compile(r"</?\w+")


def _script():
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) of every current entry of the .ts."""
    out = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            out.append((name, message.findtext("source"), translation.text or ""))
    return out


@pytest.fixture
def chinese(qapp):
    """The application speaks Chinese for one test, and English again afterwards."""
    installed = language.install_translations(qapp, "zh_CN")
    yield installed
    language.remove_translations(qapp, installed)


@pytest.fixture
def window(qtbot, monkeypatch):
    w = MainWindow()
    qtbot.addWidget(w)
    monkeypatch.setattr(w, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    return w


def test_the_qm_loads_for_zh_cn():
    translator = QTranslator()
    folder = str(resources_dir() / "translations")
    assert translator.load(QLocale("zh_CN"), "nnstudio", "_", folder)
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert [Path(t.filePath()).name for t in language.translators("zh_CN")] == [
        "nnstudio_zh_CN.qm", "qtbase_zh_CN.qm"]


def test_english_needs_no_translator_and_an_unknown_language_falls_back_to_it(qapp):
    assert language.translators("en") == []
    installed = language.install_translations(qapp, "fr")
    try:
        assert all("nnstudio_" not in t.filePath() for t in installed)
        assert language.in_use() == "en"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        language.remove_translations(qapp, installed)


def test_the_main_window_speaks_chinese(chinese, window):
    assert language.in_use() == "zh_CN"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["文件(&F)", "编辑(&E)", "视图(&V)"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert {"新建(&N)", "打开(&O)…", "保存(&S)", "另存为(&A)…", "退出(&Q)"} <= set(texts)
    assert window.act["save"].statusTip() == "保存设计"
    assert window.palette_dock.windowTitle() == "层"
    assert window.summary.status.text() == "✔ 可以训练"


def test_the_palette_and_inspector_show_catalogue_texts_in_chinese(chinese, window):
    names = [item.text(0) for item in window.palette.entries()]
    assert "Dense（全连接层）" in names and "Dropout（随机失活）" in names
    assert "全连接层" in window.palette._item("Dense").toolTip(0)
    window.palette.search.setText("卷积")
    assert window.palette.visible_types() == ["Conv2D"]
    window.palette.search.setText("conv2d")
    assert window.palette.visible_types() == ["Conv2D"]
    window.inspector.set_selection(["h1"])
    form = window.inspector.form
    assert form.editors["units"].widget.toolTip() == "神经元个数（输出数）。"
    assert catalog_tr("Learning rate: how far each step moves the weights.").startswith("学习率")
    assert layer_title("BatchNorm") == "BatchNorm（批归一化）"


CHINESE = re.compile("[\u4e00-\u9fff]")


def test_the_training_settings_explain_themselves_in_chinese(chinese, window):
    panel = window.training.settings
    summary = panel.optimizer_help.text()
    assert CHINESE.search(summary) and summary == catalog_tr(OPTIMIZERS["adam"][0])
    assert summary != OPTIMIZERS["adam"][0]
    assert CHINESE.search(panel.loss.toolTip())
    tips = [panel.loss.itemData(i, Qt.ItemDataRole.ToolTipRole)
            for i in range(1, panel.loss.count())]
    assert tips and all(CHINESE.search(tip) for tip in tips)
    for box in (panel.batch_size, panel.epochs, panel.seed, panel.patience):
        assert CHINESE.search(box.toolTip()), box.toolTip()


def test_a_node_card_tooltip_reads_in_chinese(chinese, window):
    item = window.canvas.scene().node_item("h1")
    spec = NODE_TYPES[item.type_name]
    tip = item.toolTip()
    assert spec.summary not in tip and spec.help not in tip
    assert catalog_tr(spec.summary) in tip
    assert "输出形状" in tip


def test_the_boundary_legend_names_generated_classes_in_chinese(chinese, qtbot):
    panel = BoundaryPanel()
    qtbot.addWidget(panel)
    dataset = Trainer(Design.load(ROOT / "resources" / "examples" / "spiral.json")).data
    assert dataset.class_names[:2] == ("class 0", "class 1")
    panel.set_data(dataset)
    labels = [label.text for _, label in panel._legend.items]
    assert labels[:2] == ["类别 0", "类别 1"]
    assert labels[-1] == "验证集"
    assert class_name_tr("setosa") == "setosa" and class_name_tr("class 12") == "类别 12"


def test_the_data_preview_counts_generated_classes_in_chinese(chinese, qtbot):
    preview = DataPreview()
    qtbot.addWidget(preview)
    preview.show_dataset(Trainer(Design.load(ROOT / "resources" / "examples" / "spiral.json")).data)
    rows = [preview.counts.verticalHeaderItem(k).text() for k in range(2)]
    assert rows == ["类别 0", "类别 1"]


class SubclassedPalette(LayerPalette):
    """A subclass: PySide6 looks its inherited self.tr() texts up under its own name."""


def test_a_subclass_shows_the_texts_its_base_class_translates(chinese, qtbot):
    palette = SubclassedPalette()
    qtbot.addWidget(palette)
    assert palette.search.placeholderText() == "搜索层…"
    assert QCoreApplication.translate("SubclassedPalette", "no such text") == "no such text"


REFUSED = [  # (kind, minimum, maximum, exclusive bounds, a refused value)
    ("int", 1, None, False, 2.5), ("float", None, None, False, "x"), ("int", 1, None, False, 0),
    ("float", 0, None, True, 0.0), ("float", 0, 1, True, 1.0), ("int", None, 4, False, 9),
    ("bool", None, None, False, 1), ("float_pair", 0, 1, True, [0.9]),
    ("float_pair", 0, 1, True, [0.9, "a"]), ("size", 1, None, False, [1, 2, 3]),
    ("size", 1, None, False, "a"), ("padding", 0, None, False, "big"),
    ("shape", None, None, False, [0]), ("shape", None, None, False, [1, 1, 1, 1]),
]


@pytest.mark.parametrize(("kind", "low", "high", "exclusive", "value"), REFUSED)
def test_every_verdict_on_a_value_reads_in_chinese(chinese, kind, low, high, exclusive, value):
    spec = ParamSpec("p", kind, None, low, high, exclusive_minimum=exclusive,
                     exclusive_maximum=exclusive)
    verdict = check_value(spec, value)
    translated = problem_tr(verdict)
    assert translated != verdict and re.search("[\u4e00-\u9fff]", translated), verdict
    assert verdict.rsplit("got ", 1)[1] in translated  # the refused value, as given


def test_a_refused_value_in_the_inspector_is_explained_in_chinese(chinese, window):
    window.canvas.add_node("Dropout")
    node = next(n["id"] for n in window.model.nodes if n["type"] == "Dropout")
    window.inspector.set_selection([node])
    form = window.inspector.form
    form.editors["rate"].edit.setText("1")
    assert not form.commit("rate")
    assert form.errors["rate"].text() == "必须小于 1，而输入的是 1.0"
    assert NODE_TYPES["Dropout"].param("rate").exclusive_maximum
    assert problem_tr("some other text") == "some other text"


def test_the_examples_are_listed_and_opened_in_chinese(chinese, window):
    names = [a.text() for a in window.examples_menu.actions()]
    assert "螺旋：两个隐藏层" in names and "鸢尾花" in names
    assert all(re.search(r"[\u4e00-\u9fff]", name) for name in names)
    spiral = next(a for a in window.examples_menu.actions() if a.text() == "螺旋：两个隐藏层")
    assert "决策边界" in spiral.toolTip()
    spiral.trigger()
    design = window.model.design
    assert design.name == "螺旋：两个隐藏层" and "决策边界" in design.description
    assert window.model.path is None and not window.isWindowModified()
    assert window.windowTitle().startswith("螺旋：两个隐藏层")


def test_every_example_name_and_description_is_translated():
    translated = {(c, s) for c, s, t in _messages() if t}
    texts = example_texts()
    assert len(texts) == 2 * len(list_examples())
    assert [pair for pair in texts if pair not in translated] == []


def test_english_is_back_after_the_chinese_tests(window):
    assert window.menuBar().actions()[0].text() == "&File"
    assert layer_title("Dense") == "Dense"
    assert window.training.settings.optimizer_help.text() == OPTIMIZERS["adam"][0]
    assert NODE_TYPES["Dense"].summary in window.canvas.scene().node_item("h1").toolTip()
    assert class_name_tr("class 0") == "class 0"
    assert language.in_use() == "en"


def test_every_placeholder_accelerator_and_tag_survives():
    messages = _messages()
    assert len(messages) > 400
    for context, source, translation in filter(lambda m: m[2], messages):
        where = f"{context}: {source!r} → {translation!r}"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), \
            where
        assert len(MNEMONIC.findall(source)) == len(MNEMONIC.findall(translation)), where
        assert sorted(TAG.findall(source)) == sorted(TAG.findall(translation)), where
        assert ("[*]" in source) == ("[*]" in translation), where


def test_the_ts_has_nothing_unfinished_and_the_qm_matches_it():
    waiting, total = _script().unfinished(TS)
    assert waiting == [] and total == len(_messages())
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    stale = [(c, s) for c, s, t in _messages() if translator.translate(c, s) != t]
    assert stale == [], "run packaging/update_translations.py"


def test_the_catalogues_texts_are_translated():
    translated = {(c, s) for c, s, t in _messages() if t}
    texts = catalog_texts()
    assert ("LayerName", "Conv2D") in texts
    assert sum(pair in translated for pair in texts) / len(texts) > 0.9


def test_the_audit_finds_no_english_in_the_palette_and_inspector(qapp):
    examples = ROOT / "resources" / "examples"
    shown = _script().audit([examples / "spiral.json", examples / "digits_cnn.json"])
    assert language.in_use() == "en"
    assert all(isinstance(text, str) for _, text in shown)
    assert [(owner, text) for owner, text in shown
            if owner in ("LayerPalette", "Inspector", "NodeForm", "DesignForm",
                         "HyperparameterPanel", "NodeItem")] == []


def test_wrapped_literals_are_found_for_lupdate():
    found = set(_script().wrapped_literals())
    assert ("TrainingPrompts", "Discard the trained weights?") in found
    assert ("ImportDialog", "Splits") in found  # a wrapper with a docstring


@pytest.mark.parametrize(("given", "code"), [("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"),
                                             ("zh", "zh_CN"), ("EN", "en"), ("system", "")])
def test_lang_on_the_command_line(given, code):
    assert gui_app.parse_args(["--lang", given]).lang == code
    assert gui_app.parse_args([]).lang is None


def test_an_unknown_lang_is_a_usage_error(capsys):
    assert gui_app.main(["--lang", "klingon"]) == 2
    err = capsys.readouterr().err
    assert "no translation for 'klingon'" in err and "zh_CN" in err


def test_the_remembered_language_is_used_at_start(qapp):
    settings.set_language("zh_CN")
    before = set(qapp.findChildren(QTranslator))
    installed_once = qapp.property("nnstudioTranslations")
    qapp.setProperty("nnstudioTranslations", False)
    try:
        gui_app._install_translations(qapp, None)
        assert language.in_use() == "zh_CN"
        assert QCoreApplication.translate("MainWindow", "&Edit") == "编辑(&E)"
    finally:
        language.remove_translations(qapp, list(set(qapp.findChildren(QTranslator)) - before))
        qapp.setProperty("nnstudioTranslations", installed_once)
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"


def test_the_language_menu_remembers_the_choice(qtbot, monkeypatch, window):
    told = []
    menu = language.language_menu(window)
    monkeypatch.setattr(menu, "tell_restart", told.append)
    actions = menu.actions()
    assert [a.text() for a in actions if not a.isSeparator()] == [
        "English", "简体中文", "System language"]
    assert actions[-1].isChecked()
    actions[1].trigger()
    assert settings.language() == "zh_CN" and told == ["zh_CN"]
    assert actions[1].isChecked() and not actions[0].isChecked()
    actions[0].trigger()
    assert settings.language() == "en" and told == ["zh_CN"]  # English is already in use
    assert language.LanguageMenu(window).actions()[0].isChecked()


def test_the_restart_notice_speaks_both_languages(monkeypatch, window):
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    language.LanguageMenu(window).tell_restart("zh_CN")
    title, text = shown[0]
    assert title == "Language"
    assert "next start" in text and "下次启动" in text
