"""Monitor: immutable snapshots of a Trainer, with the parts each kind of data calls for."""

from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer
from nnstudio.core import monitor as monitor_module
from nnstudio.core.monitor import PROBES, Monitor
from nnstudio.core.training import EVERY_EPOCH_UNTIL, worth_noting

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def monitor_for(name: str) -> Monitor:
    return Monitor(Trainer(Design.load(EXAMPLES / f"{name}.json")))


def arrays(value):
    """Every NumPy array inside a snapshot part (dataclasses, tuples, dicts)."""
    if isinstance(value, np.ndarray):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from arrays(v)
    elif isinstance(value, tuple | list):
        for v in value:
            yield from arrays(v)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from arrays(getattr(value, name))


@pytest.mark.parametrize(("name", "boundary", "curve"), [
    ("spiral", True, False), ("sine", False, True), ("iris", False, False),
    ("digits_cnn", False, False)])
def test_each_kind_of_data_gets_its_parts(name, boundary, curve):
    monitor = monitor_for(name)
    monitor.trainer.step()
    snap = monitor.snapshot()
    assert (snap.boundary is not None) == boundary
    assert (snap.neurons is not None) == boundary
    assert (snap.curve is not None) == curve
    assert snap.params and snap.flow and snap.activations
    assert snap.fresh == frozenset(monitor.probes)
    assert set(monitor.costs) == set(monitor.probes) <= set(PROBES)
    assert snap.task == ("regression" if name == "sine" else "classification")


def test_spiral_boundary_covers_the_playground_plane():
    snap = monitor_for("spiral").snapshot()
    grid = snap.boundary
    assert grid.probabilities.shape == (100, 100, 2)
    assert (grid.xs[0], grid.xs[-1]) == (-6.0, 6.0)


def test_losses_since_the_last_snapshot_and_new_epochs():
    monitor = monitor_for("xor")
    trainer = monitor.trainer
    losses = []
    for _ in range(3):
        losses.append(trainer.step())
        monitor.record(losses[-1], 0.001)
    first = monitor.snapshot()
    assert first.step_indices.tolist() == [1, 2, 3]
    assert first.step_losses.tolist() == pytest.approx(losses)
    assert first.new_epochs == ()
    per_epoch = trainer.batches_per_epoch
    for _ in range(per_epoch):
        monitor.record(trainer.step(), 0.001)
    second = monitor.snapshot()
    assert second.step_indices.tolist() == list(range(4, per_epoch + 4))
    assert [e["epoch"] for e in second.new_epochs] == [1]
    assert second.epoch == 1 and second.step == per_epoch + 3
    assert second.elapsed == pytest.approx(0.001 * (per_epoch + 3))
    third = monitor.snapshot()
    assert len(third.step_losses) == 0 and third.new_epochs == ()


def test_losses_wait_for_a_snapshot_that_takes_them():
    monitor = monitor_for("xor")
    trainer = monitor.trainer
    for _ in range(trainer.batches_per_epoch + 2):
        monitor.record(trainer.step(), 0.001)
    without = monitor.snapshot(running=True, refresh={"boundary"})
    assert "losses" not in without.fresh
    assert len(without.step_losses) == len(without.step_indices) == 0
    assert without.new_epochs == ()
    monitor.record(trainer.step(), 0.001)
    taken = monitor.snapshot(running=True, refresh={"losses"})
    assert "losses" in taken.fresh
    assert taken.step_indices.tolist() == list(range(1, trainer.batches_per_epoch + 4))
    assert [e["epoch"] for e in taken.new_epochs] == [1]


def test_each_epochs_gradients_and_parameters_wait_for_a_snapshot_that_takes_them():
    monitor = monitor_for("spiral")
    trainer = monitor.trainer
    assert monitor.snapshot().flow_epochs == ()  # the first computes every probe
    for _ in range(3 * trainer.batches_per_epoch):
        monitor.record(trainer.step(), 0.001)
    without = monitor.snapshot(running=True, refresh={"boundary"})
    assert without.flow_epochs == ()
    taken = monitor.snapshot(running=True, refresh={"flow"})
    assert [epoch for epoch, _ in taken.flow_epochs] == [1.0, 2.0, 3.0]
    assert all(norms.shape == (len(taken.flow),) for _, norms in taken.flow_epochs)
    assert taken.flow_epochs[2][1].tolist() == [f.grad_norm for f in taken.flow]
    assert taken.flow_epochs[0][1].tolist() != taken.flow_epochs[2][1].tolist()
    assert monitor.snapshot(running=True, refresh={"flow"}).flow_epochs == ()
    params = monitor.snapshot(running=True, refresh={"params"}).params_epochs
    per_epoch = trainer.batches_per_epoch
    assert [step for step, _ in params] == [per_epoch, 2 * per_epoch, 3 * per_epoch]
    assert [p.name for p in params[-1][1]] == [p.name for p in taken.params]


def test_every_array_is_read_only():
    monitor = monitor_for("spiral")
    monitor.record(monitor.trainer.step(), 0.001)
    snap = monitor.snapshot()
    found = list(arrays([snap.step_indices, snap.step_losses, snap.params, snap.flow,
                         snap.activations, snap.boundary, snap.neurons]))
    assert len(found) > 20
    assert not any(a.flags.writeable for a in found)
    with pytest.raises(ValueError):
        snap.step_losses[:] = 0


def test_probes_not_refreshed_are_the_previous_objects():
    monitor = monitor_for("spiral")
    first = monitor.snapshot()
    monitor.trainer.step()
    second = monitor.snapshot(refresh={"params"})
    assert second.fresh == {"params"}
    assert second.params is not first.params
    assert second.boundary is first.boundary and second.activations is first.activations
    third = monitor.snapshot()
    assert third.boundary is not first.boundary


def test_rate_only_while_running_and_a_new_run_after_restart():
    monitor = monitor_for("xor")
    assert monitor.snapshot(running=False).steps_per_second == 0.0
    monitor.snapshot(running=True)
    for _ in range(5):
        monitor.trainer.step()
    assert monitor.snapshot(running=True).steps_per_second > 0
    run = monitor.snapshot().run
    monitor.trainer.reset()
    monitor.restart()
    snap = monitor.snapshot()
    assert snap.run == run + 1 and snap.step == 0


def test_histories_note_every_epoch_at_first_then_fewer_per_doubling():
    noted = [e for e in range(1, 64 * EVERY_EPOCH_UNTIL + 1) if worth_noting(e)]
    assert noted[:EVERY_EPOCH_UNTIL] == list(range(1, EVERY_EPOCH_UNTIL + 1))
    doubling = [e for e in noted if 8 * EVERY_EPOCH_UNTIL < e <= 16 * EVERY_EPOCH_UNTIL]
    assert len(doubling) == EVERY_EPOCH_UNTIL // 2
    assert len(noted) == EVERY_EPOCH_UNTIL + 6 * EVERY_EPOCH_UNTIL // 2


def test_what_waits_for_a_snapshot_thins_out(monkeypatch):
    monkeypatch.setattr(monitor_module, "EVERY_STEP_UNTIL", 16)
    monitor = monitor_for("xor")
    trainer = monitor.trainer
    steps = 300 * trainer.batches_per_epoch
    for _ in range(steps):
        monitor.record(trainer.step(), 0.001)
    snap = monitor.snapshot()
    noted = [s for s in range(1, steps) if worth_noting(s, 16)]
    assert snap.step_indices.tolist() == [*noted, steps]
    epochs = [e["epoch"] for e in snap.new_epochs]
    assert epochs == [*[e for e in range(1, 300) if worth_noting(e)], 300]
    assert epochs == [h["epoch"] for h in trainer.history]
    assert snap.new_epochs[-1] == trainer.history[-1]
