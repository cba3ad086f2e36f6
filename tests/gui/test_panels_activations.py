"""The activations panel reproduces the classic figure of sigmoid activations and weight scale:
five sigmoid layers of 100 units on a 1000×100 normal probe. Weights of std 1 pile the mass at 0
and 1, std 0.01 collapses it at 0.5, Xavier spreads it out."""

from types import SimpleNamespace

import numpy as np
import pytest

from nnstudio.core import probes
from nnstudio.core.network import Network
from nnstudio.gui.panels import ActivationsPanel

LAYERS = 5
UNITS = 100


def sigmoid_stack(weight_init):
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [UNITS]}}]
    edges = []
    for i in range(1, LAYERS + 1):
        nodes.append({"id": f"h{i}", "type": "Dense", "params": {
            "units": UNITS, "activation": "sigmoid", "weight_init": weight_init}})
        edges.append([nodes[-2]["id"], f"h{i}"])
    return Network(nodes, edges, seed=0)


def snapshot_of(weight_init):
    probe = np.random.default_rng(0).normal(size=(1000, UNITS)).astype(np.float32)
    stats = probes.activation_stats(sigmoid_stack(weight_init), probe)
    return SimpleNamespace(run=0, step=0, activations=tuple(stats),
                           fresh=frozenset({"activations"}))


def plotted(panel):
    """Per layer: bin centres (bins,) and % of values (bins,), as the panel drew them."""
    drawn = []
    for item in panel.histograms:
        edges, share = item.xData, item.yData
        drawn.append(((edges[:-1] + edges[1:]) / 2, share))
    return drawn


def mass(centres, share, lo, hi):
    return share[(centres >= lo) & (centres <= hi)].sum() / share.sum()


def spread(centres, share):
    p = share / share.sum()
    mean = (p * centres).sum()
    return float(np.sqrt((p * (centres - mean) ** 2).sum()))


@pytest.fixture
def panel(qtbot):
    p = ActivationsPanel()
    qtbot.addWidget(p)
    p.resize(900, 600)
    return p


def test_std_1_piles_every_layer_at_0_and_1(panel):
    panel.show_snapshot(snapshot_of({"type": "normal", "std": 1.0}))
    drawn = plotted(panel)
    assert len(drawn) == LAYERS
    for centres, share in drawn:
        assert share.sum() == pytest.approx(100.0)
        assert mass(centres, share, 0.0, 0.1) + mass(centres, share, 0.9, 1.0) > 0.6
        assert mass(centres, share, 0.3, 0.7) < 0.15
    assert "saturated" in panel.plots[0].titleLabel.text


def test_std_001_collapses_every_layer_at_one_half(panel):
    panel.show_snapshot(snapshot_of({"type": "normal", "std": 0.01}))
    for centres, share in plotted(panel):
        assert mass(centres, share, 0.4, 0.6) > 0.99
        assert spread(centres, share) < 0.05


def test_xavier_spreads_every_layer_out(panel, tmp_path):
    panel.show_snapshot(snapshot_of("xavier_normal"))
    for centres, share in plotted(panel):
        assert mass(centres, share, 0.0, 0.1) + mass(centres, share, 0.9, 1.0) < 0.1
        assert share.max() < 15.0
        assert spread(centres, share) > 0.1
    panel.show()
    image = panel.grab()
    assert image.save(str(tmp_path / "xavier.png"))
    assert (image.width(), image.height()) == (900, 600)


def test_all_three_figures_share_one_scale_so_they_compare(panel):
    panel.show_snapshot(snapshot_of({"type": "normal", "std": 0.01}))
    tops = {round(p.getViewBox().viewRange()[1][1], 6) for p in panel.plots}
    assert len(tops) == 1
    assert tops.pop() >= max(share.max() for _, share in plotted(panel))


@pytest.mark.parametrize(("count", "width", "height", "columns"), [
    (5, None, None, 5), (7, None, None, 4),
    (7, 590, 360, 4),    # the dashboard's middle column: two rows of four
    (7, 400, 900, 2),    # a tall narrow dock: four rows of two
    (7, 1600, 300, 5),   # a wide short one: as many as allowed to a row
    (3, 500, 300, 2), (1, 100, 100, 1), (6, 360, 480, 2), (0, 500, 300, 1),
])
def test_the_plots_come_nearest_the_size_they_need(count, width, height, columns):
    from nnstudio.gui.panels.activations import grid_columns

    assert grid_columns(count, width, height) == columns


def test_a_tall_narrow_dock_gets_fewer_plots_to_a_row_and_keeps_them_drawn(qtbot, panel):
    panel.show()
    panel.show_snapshot(snapshot_of({"type": "normal", "std": 1.0}))
    assert panel.columns == LAYERS
    before = [item.yData.copy() for item in panel.histograms]
    panel.resize(360, 800)
    qtbot.waitUntil(lambda: panel.columns == 2)
    assert len(panel.plots) == LAYERS
    for item, share in zip(panel.histograms, before, strict=True):
        np.testing.assert_array_equal(item.yData, share)
    assert "saturated" in panel.plots[0].titleLabel.text
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: panel.columns == LAYERS)
