"""The entry point: command line, application set-up and offscreen screenshots."""

import pytest
from PySide6.QtGui import QFont, QImage

from nnstudio import cli
from nnstudio.design import Design
from nnstudio.gui import theme
from nnstudio.gui.app import app_font, main, open_window, parse_args
from nnstudio.gui.dialogs import ProblemsDialog


def test_screenshot_of_the_default_design(qapp, tmp_path, capsys):
    png = tmp_path / "main.png"
    assert main(["--screenshot", str(png)]) == 0
    assert capsys.readouterr().out.strip() == str(png)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1600, 1000)


def test_screenshot_of_a_file_at_a_size(qapp, tmp_path, capsys):
    design = tmp_path / "d.json"
    Design.default().save(design)
    png = tmp_path / "small.png"
    assert cli.main([str(design), "--screenshot", str(png), "--size", "900x600"]) == 0
    assert QImage(str(png)).size().toTuple() == (900, 600)


def test_a_bad_file_with_screenshot_prints_every_problem(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "nnstudio-design", "version": 1, "network": {"nodes": [{"id": 3}'
                   '], "edges": []}, "training": {"epochs": -1}}')
    png = tmp_path / "never.png"
    assert main(["--open", str(bad), "--screenshot", str(png)]) == 1
    err = capsys.readouterr().err
    assert "bad.json" in err and "problems:" in err
    assert "training.epochs" in err
    assert not png.exists()


@pytest.mark.parametrize("argv", [["--size", "big"], ["--size", "10x10"], ["a.json", "--open",
                                  "b.json"], ["--nonsense"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage: nnstudio" in capsys.readouterr().err


def test_arguments():
    args = parse_args(["x.json"])
    assert str(args.design) == "x.json" and args.size == (1600, 1000)
    assert parse_args(["--open", "y.json", "--size", "800x500"]).size == (800, 500)


def test_projector_font():
    font = app_font(QFont("DejaVu Sans", 9))
    assert font.pointSize() == theme.BASE_FONT_PT
    assert font.families()[0] == "DejaVu Sans"


def test_a_bad_file_without_screenshot_shows_the_problems_and_starts(qtbot, tmp_path,
                                                                     monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    shown = []
    monkeypatch.setattr(ProblemsDialog, "exec", lambda dialog: shown.append(dialog))
    window = open_window(parse_args([str(bad)]))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown[0].source.name == "bad.json"
    assert window.model.design == Design.default()
    assert window.isVisible()


def test_a_good_file_opens_and_is_remembered(qtbot, tmp_path):
    path = tmp_path / "good.json"
    Design.default().save(path)
    window = open_window(parse_args(["--open", str(path)]))
    qtbot.addWidget(window)
    assert window.model.path == path
    assert [a.data() for a in window.recent_menu.actions() if a.data()] == [str(path)]
