"""`nnstudio FILE --screenshot OUT --figure PART`: one part of the window instead of all of it."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from nnstudio.gui import app

ROOT = Path(__file__).resolve().parents[2]
SPIRAL = ROOT / "resources" / "examples" / "spiral.json"
SINE = ROOT / "resources" / "examples" / "sine.json"


@pytest.mark.parametrize("part", ["loss", "boundary", "weights", "canvas", "dashboard"])
def test_a_figure_of_one_part_is_written_at_its_size_on_screen(qapp, tmp_path, part, capsys):
    png = tmp_path / f"{part}.png"
    assert app.main([str(SPIRAL), "--screenshot", str(png), "--figure", part,
                     "--size", "1024x768"]) == 0
    image = QImage(str(png))
    assert not image.isNull()
    assert 100 < image.width() < 1024 and 100 < image.height() < 768  # a part, not the window


def test_a_figure_may_be_svg(qapp, tmp_path, capsys):
    svg = tmp_path / "canvas.svg"
    assert app.main([str(SPIRAL), "--screenshot", str(svg), "--figure", "canvas"]) == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_figure_needs_screenshot_and_a_known_part(qapp, capsys):
    assert app.main([str(SPIRAL), "--figure", "loss"]) == 2
    assert "--figure needs --screenshot" in capsys.readouterr().err
    assert app.main([str(SPIRAL), "--screenshot", "x.png", "--figure", "nowhere"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_bad_figure_name_is_a_message_not_a_traceback(qapp, tmp_path, capsys):
    out = tmp_path / "loss.gif"
    assert app.main([str(SINE), "--screenshot", str(out), "--figure", "loss"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("nnstudio: ") and "Traceback" not in err and not out.exists()


def test_help_lists_figure(capsys):
    from nnstudio import cli

    assert "--figure PANEL" in cli.APP_USAGE
    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    assert "--figure PANEL" in capsys.readouterr().out
