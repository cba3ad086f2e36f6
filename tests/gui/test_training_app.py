"""`nnstudio --train-steps N`: train through the real worker thread, then pause (or render)."""

from pathlib import Path

from PySide6.QtGui import QImage

from nnstudio.gui.app import main
from nnstudio.gui.main_window import MainWindow

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def test_train_steps_then_screenshot(qapp, tmp_path, capsys):
    png = tmp_path / "trained.png"
    argv = ["--open", str(EXAMPLES / "xor.json"), "--train-steps", "20", "--screenshot",
            str(png), "--size", "1200x800"]
    assert main(argv) == 0
    assert capsys.readouterr().out.strip() == str(png)
    assert QImage(str(png)).size().toTuple() == (1200, 800)


def test_train_steps_without_screenshot_trains_then_pauses(qapp, qtbot, monkeypatch):
    seen = []

    def run_app():
        window = [w for w in qapp.topLevelWidgets()
                  if isinstance(w, MainWindow) and w.isVisible()][-1]
        controller = window.training.controller
        qtbot.waitUntil(lambda: controller.latest is not None and controller.latest.step == 15
                        and not controller.running, timeout=20_000)
        qtbot.wait(100)
        seen.append(controller.latest.step)
        window.close()
        return 0

    monkeypatch.setattr(qapp, "exec", run_app)
    assert main([str(EXAMPLES / "xor.json"), "--train-steps", "15"]) == 0
    assert seen == [15]


def test_train_steps_must_be_positive(capsys):
    assert main(["--train-steps", "0"]) == 2
    assert "positive number of steps" in capsys.readouterr().err
