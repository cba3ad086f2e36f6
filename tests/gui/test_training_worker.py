"""The training worker in its thread, driven through a WorkerSession; and the pure helpers
around it (probe pacing, live-change detection, the divergence report)."""

from pathlib import Path

import pytest

from nnstudio.design import Design
from nnstudio.gui.training.pacing import ProbePacer
from nnstudio.gui.training.session import WorkerSession
from nnstudio.gui.training.sync import regularization_changes

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture
def session(qtbot):
    s = WorkerSession()
    yield s
    s.close()


def load(qtbot, session, name="xor", weights=""):
    design = Design.load(EXAMPLES / f"{name}.json")
    with qtbot.waitSignal(session.loaded, timeout=10_000) as blocker:
        session.load.emit(design.to_dict(), str(design.path), weights)
    return blocker.args[0]


def test_one_snapshot_in_flight_and_no_loss_lost(qtbot, session):
    got = []
    session.snapshotReady.connect(lambda snap, commands: got.append(snap))
    assert load(qtbot, session).ok
    qtbot.waitUntil(lambda: len(got) == 1)
    session.play.emit(0)
    qtbot.wait(300)  # training runs on, but nothing was acknowledged: nothing new arrives
    assert len(got) == 1
    while not got[-1].finished:
        with qtbot.waitSignal(session.snapshotReady, timeout=10_000):
            session.acknowledge.emit()
    indices = [i for snap in got for i in snap.step_indices.tolist()]
    assert indices == list(range(1, got[-1].step + 1))
    assert [e["epoch"] for snap in got for e in snap.new_epochs] == \
        list(range(1, got[-1].epoch + 1))


def test_snapshots_count_the_commands_handled(qtbot, session):
    got = []
    session.snapshotReady.connect(lambda snap, commands: got.append((snap.step, commands)))
    load(qtbot, session)
    qtbot.waitUntil(lambda: len(got) == 1)
    session.step_batch.emit()
    session.step_batch.emit()
    session.acknowledge.emit()
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got == [(0, 1), (2, 3)]


def test_a_design_that_cannot_train_says_why(qtbot, session):
    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["network"]["edges"] = []
    with qtbot.waitSignal(session.loaded) as blocker:
        session.load.emit(doc, "", "")
    report = blocker.args[0]
    assert not report.ok and "network.nodes" in report.problem
    with qtbot.waitSignal(session.runningChanged) as running:
        session.play.emit(0)
    assert running.args == [False]


def test_weights_that_do_not_fit_are_reported(qtbot, session, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    report = load(qtbot, session, weights=str(bad))
    assert report.ok and not report.weights and "bad.npz" in report.weights_problem


def test_pacer_spends_a_bounded_share_on_probes():
    pacer = ProbePacer(max_rate=30, share=0.1)
    probes = ("params", "activations")
    assert pacer.snapshot_due(0.0)
    assert pacer.probes_due(0.0, probes, {}) == set(probes)
    pacer.taken(0.0, probes, 0.0)
    assert not pacer.snapshot_due(0.01) and pacer.snapshot_due(0.04)
    costs = {"params": 0.001, "activations": 0.06}  # 60 ms waits 0.06·2/0.1 = 1.2 s
    assert pacer.probes_due(0.04, probes, costs) == {"params"}
    assert pacer.probes_due(1.19, probes, costs) == {"params"}
    assert pacer.probes_due(1.21, probes, costs) == set(probes)
    pacer.reset()
    assert pacer.probes_due(0.0, probes, costs) == set(probes)


def test_pacer_spaces_snapshots_by_what_they_cost():
    pacer = ProbePacer(max_rate=30, share=0.1)
    pacer.taken(0.0, (), 0.01)
    pacer.drawn(0.04)  # 10 ms of probes + 40 ms of drawing: one every 0.5 s at full speed
    assert pacer.interval() == pytest.approx(0.5)
    assert not pacer.snapshot_due(0.45) and pacer.snapshot_due(0.5)
    assert pacer.interval(full_speed=False) == pytest.approx(0.05)
    pacer.taken(1.0, (), 0.0)
    pacer.drawn(0.01)  # a cheap one brings the estimate down gradually, not at once
    assert 0.1 < pacer.interval() < 0.5


def key(units=8, l2=None):
    params = {"units": units, **({"l2": l2} if l2 is not None else {})}
    return {"nodes": [{"id": "x", "type": "Input", "params": {"shape": [2]}},
                      {"id": "h", "type": "Dense", "params": params}],
            "edges": [["x", "h"]], "data": None}


def test_only_l1_l2_changes_count_as_live():
    assert regularization_changes(key(), key()) == []
    assert regularization_changes(key(), key(l2=0.01)) == [("h", 0.0, 0.01)]
    assert regularization_changes(key(l2=0.01), key()) == [("h", 0.0, 0.0)]
    assert regularization_changes(key(), key(units=4)) is None
    moved = key()
    moved["edges"] = []
    assert regularization_changes(key(), moved) is None
