"""View ▸ Larger / Smaller Text: one scale for the application font, the widgets' own fonts,
the plots and the canvas, remembered in the settings."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings

from nnstudio.gui import settings
from nnstudio.gui.panels.loss import LossPanel
from nnstudio.gui.scale import STEPS, text_scale


@pytest.fixture(autouse=True)
def plain_scale(qapp):
    scale = text_scale()
    scale.set_boost(1.0)
    scale.reset()
    yield scale
    scale.set_boost(1.0)
    scale.reset()


def test_larger_text_scales_the_app_the_plots_and_the_canvas(qtbot, open_window, qapp):
    window = open_window()
    scale = text_scale()
    points = qapp.font().pointSizeF()
    panel = next(p for p in window.training.panels if isinstance(p, LossPanel))
    tick = panel.findChild(pg.PlotWidget).getPlotItem().getAxis("left")
    tick_points = tick.style["tickFont"].pointSizeF()
    zoom = window.canvas.zoom()
    larger = next(a for a in window.presentation.actions if "Ctrl+=" in
                  [k.toString() for k in a.shortcuts()])
    larger.trigger()
    ratio = STEPS[scale.step]
    assert ratio > 1
    assert qapp.font().pointSizeF() == pytest.approx(points * ratio)
    assert tick.style["tickFont"].pointSizeF() == pytest.approx(tick_points * ratio)
    assert window.canvas.zoom() == pytest.approx(zoom * ratio)
    assert float(settings.app_settings().value("ui/textScale")) == pytest.approx(ratio)
    scale.reset()
    assert qapp.font().pointSizeF() == pytest.approx(points)
    assert tick.style["tickFont"].pointSizeF() == pytest.approx(tick_points)


def test_the_step_is_remembered_and_clamped(qapp):
    scale = text_scale()
    for _ in range(len(STEPS) + 2):
        scale.larger()
    assert scale.factor == STEPS[-1]
    assert float(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                           settings.ORGANISATION, settings.APPLICATION).value("ui/textScale")
                 ) == STEPS[-1]
    for _ in range(len(STEPS) + 2):
        scale.smaller()
    assert scale.factor == STEPS[0]
