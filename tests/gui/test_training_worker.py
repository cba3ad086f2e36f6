"""The training worker in its thread, driven through a WorkerSession; and the pure helpers
around it (probe pacing, live-change detection, the divergence report)."""

from pathlib import Path

import pytest

from nnstudio.core.probe_names import Probe, probe
from nnstudio.design import Design
from nnstudio.gui.training import commands as cmd
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
        session.send(cmd.Load(design.to_dict(), str(design.path), weights))
    return blocker.args[0]


def test_one_snapshot_in_flight_and_no_loss_lost(qtbot, session):
    got = []
    session.snapshotReady.connect(lambda snap, commands: got.append(snap))
    assert load(qtbot, session).ok
    qtbot.waitUntil(lambda: len(got) == 1)
    session.send(cmd.Play(0))
    qtbot.wait(300)  # training runs on, but nothing was acknowledged: nothing new arrives
    assert len(got) == 1
    while not got[-1].finished:
        with qtbot.waitSignal(session.snapshotReady, timeout=10_000):
            session.send(cmd.Acknowledge({}))
    indices = [i for snap in got for i in snap.step_indices.tolist()]
    assert indices == list(range(1, got[-1].step + 1))
    assert [e["epoch"] for snap in got for e in snap.new_epochs] == \
        list(range(1, got[-1].epoch + 1))


def test_snapshots_count_the_commands_handled(qtbot, session):
    got = []
    session.snapshotReady.connect(lambda snap, commands: got.append((snap.step, commands)))
    load(qtbot, session)
    qtbot.waitUntil(lambda: len(got) == 1)
    session.send(cmd.StepBatch())
    session.send(cmd.StepBatch())
    session.send(cmd.Acknowledge({}))
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got == [(0, 1), (2, 3)]


def test_every_declared_command_has_exactly_one_handler():
    from nnstudio.gui.stepthrough import worker_hooks
    from nnstudio.gui.training.worker import COMMANDS

    assert cmd.declared() | worker_hooks.DECLARED == COMMANDS.kinds
    assert {kind.name() for kind in cmd.declared()} >= {
        "load", "play", "step_batch", "set_data", "save_weights", "predict"}
    with pytest.raises(ValueError, match="Play has two handlers"):
        COMMANDS.handles(cmd.Play)(lambda worker, command: None)


def test_a_command_without_a_handler_is_reported_not_raised(qtbot, session):
    """A command type the worker does not know (a new one sent before its handler was
    written) fails in words, named, and is not counted as an unanswered question."""
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class SetWeightByHand(cmd.WorkerCommand):
        value: float

    load(qtbot, session)
    with qtbot.waitSignal(session.failed, timeout=10_000) as blocker:
        session.send(SetWeightByHand(1.0))
    failure = blocker.args[0]
    assert failure.doing == "set_weight_by_hand"
    assert "no handler for" in failure.summary and "SetWeightByHand" in failure.summary


def test_a_design_that_cannot_train_says_why(qtbot, session):
    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["network"]["edges"] = []
    with qtbot.waitSignal(session.loaded) as blocker:
        session.send(cmd.Load(doc, "", ""))
    report = blocker.args[0]
    assert not report.ok and "network.nodes" in report.problem
    with qtbot.waitSignal(session.runningChanged) as running:
        session.send(cmd.Play(0))
    assert running.args == [False]


def test_weights_that_do_not_fit_are_reported(qtbot, session, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    report = load(qtbot, session, weights=str(bad))
    assert report.ok and not report.weights and "bad.npz" in report.weights_problem


def test_pacer_refreshes_each_probe_at_its_own_rate():
    pacer = ProbePacer(max_rate=30, share=0.1)
    probes = ("boundary", "params")
    assert pacer.due(0.0, probes) == set(probes)
    pacer.taken(0.0, probes, {"boundary": 0.001, "params": 0.001}, 0.002)
    assert pacer.due(0.02, probes) == set()  # never more than 30 snapshots a second
    assert pacer.due(1 / 15 - 0.001, probes) == set()
    assert pacer.due(1 / 15 + 0.001, probes) == {"boundary"}  # 15 a second
    assert pacer.due(0.501, probes) == set(probes)  # the weights twice a second
    pacer.taken(0.5, probes, {}, 0.001)
    # a snapshot due for the boundary takes the weights too once they are 70 % through
    assert pacer.due(0.5 + 1 / 15 + 0.001, probes) == {"boundary"}
    pacer.taken(0.85, ["boundary"], {}, 0.001)
    assert pacer.due(0.85 + 1 / 15 + 0.001, probes) == set(probes)
    pacer.reset()
    assert pacer.due(0.03, probes) == set(probes)


def test_pacer_serves_the_live_pictures_first_and_fits_the_share():
    pacer = ProbePacer(max_rate=30, share=0.1)
    probes = ("boundary", "losses", "activations")
    pacer.taken(0.0, probes, {"boundary": 0.001, "losses": 0.001, "activations": 0.06}, 0.063)
    pacer.drawn(0.020, {"boundary": 0.002, "losses": 0.009, "activations": 0.006})
    assert pacer.costs == pytest.approx({"boundary": 0.003, "losses": 0.01,
                                         "activations": 0.066})
    assert pacer.base == pytest.approx(0.001 + 0.003)  # in the worker, and in the GUI
    rates = pacer.rates(probes)
    # the boundary alone would take 15 × (3 + 4) ms a second, more than its 6 %
    assert rates["boundary"] == pytest.approx(0.06 / 0.007)
    spend = sum(rates[p] * pacer.costs[p] for p in probes) + rates["boundary"] * pacer.base
    assert spend == pytest.approx(0.1)  # the others share what is left, scaled alike
    assert rates["losses"] / rates["activations"] == pytest.approx(
        Probe.LOSSES.rate / Probe.ACTIVATIONS.rate)
    assert pacer.rates(probes, full_speed=False) == {p: probe(p).rate for p in probes}


def test_pacer_cost_follows_a_rise_at_once_and_a_fall_gradually():
    pacer = ProbePacer()
    pacer.taken(0.0, ("boundary",), {"boundary": 0.001}, 0.001)
    pacer.drawn(0.05, {"boundary": 0.05})
    assert pacer.costs["boundary"] == pytest.approx(0.051)
    pacer.drawn(0.005, {"boundary": 0.005})
    assert 0.006 < pacer.costs["boundary"] < 0.051


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


def test_garbage_is_collected_in_the_gui_thread_only(qtbot, session):
    """Automatic collection could run in the worker and destroy GUI objects there (a deadlock
    seen in this suite); the GUI thread collects on a timer instead."""
    import gc
    import threading
    import weakref

    class Node:
        pass

    assert not gc.isenabled()
    threads = []
    gc.callbacks.append(lambda phase, info: threads.append(threading.current_thread()))
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle only the collector can free
        gone = weakref.ref(a)
        del a, b
        kept = [Node() for _ in range(2000)]  # enough new objects to call for a collection
        qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
        del kept
    finally:
        gc.callbacks.pop()
    assert threads and all(t is threading.main_thread() for t in threads)
