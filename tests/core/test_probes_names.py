"""The probes, declared once (core/probe_names.py): every one is a Snapshot field the Monitor
knows, with a pace the worker can use."""

import dataclasses

import pytest

from nnstudio.core.monitor import PROBES, Snapshot
from nnstudio.core.probe_names import Pace, Probe, probe


def test_a_probe_is_its_name():
    assert Probe.LOSSES == "losses" and "boundary" in {Probe.BOUNDARY}
    assert probe("curve") is Probe.CURVE
    with pytest.raises(ValueError, match="no probe is called 'weights'"):
        probe("weights")


def test_every_probe_the_monitor_takes_is_declared_with_a_pace():
    assert tuple(Probe) == PROBES
    for p in Probe:
        assert p.rate > 0 and isinstance(p.pace, Pace) and 0 <= p.floor <= p.rate


def test_every_probe_but_the_losses_is_a_snapshot_field():
    fields = {f.name for f in dataclasses.fields(Snapshot)}
    assert {"step_indices", "step_losses", "new_epochs"} <= fields
    assert set(PROBES) - {Probe.LOSSES} <= fields
