"""The probes a training snapshot can carry, each declared once.

A probe is one thing the Monitor measures for the dashboards (the loss, the weights, the
decision boundary, ...). Its name is the Snapshot field that holds it (`losses` stands for
step_indices, step_losses and new_epochs) and the word `Snapshot.fresh`, the panels' `probes`
and the worker's pacing use for it. Each also says how its refreshes are paced
(`gui/training/pacing.py`): the rate it aims for, whether it is one of the live pictures served
first, and the rate it never falls below.

`Probe` is a StrEnum, so a member is its name: `Probe.LOSSES == "losses"`.

Add a probe: a member here, the Snapshot field of the same name and the Monitor's function
that computes it (`core/monitor.py`), then the panel that draws it names it in `probes`.
"""

from __future__ import annotations

from enum import Enum, StrEnum


class Pace(Enum):
    """How a probe's refreshes share the worker's time."""

    #: pictures that move with every step: served first, within the live share
    LIVE = "live"
    #: everything else: what the live pictures leave, shared alike
    SHARED = "shared"


class Probe(StrEnum):
    """A probe: its name, the refreshes per second it aims for, its pace and its floor rate
    (refreshes per second it keeps whatever the others cost; 0: none)."""

    rate: float
    pace: Pace
    floor: float

    def __new__(cls, name: str, rate: float, pace: Pace = Pace.SHARED,
                floor: float = 0.0) -> Probe:
        member = str.__new__(cls, name)
        member._value_ = name
        member.rate, member.pace, member.floor = rate, pace, floor
        return member

    #: the loss and accuracy of every step and epoch (Snapshot.step_indices, step_losses,
    #: new_epochs): the loss chart must never lag far behind
    LOSSES = "losses", 10.0, Pace.SHARED, 1.5
    #: weight and bias statistics per layer
    PARAMS = "params", 2.0
    #: gradient norms per layer
    FLOW = "flow", 2.0
    #: activation statistics per layer
    ACTIVATIONS = "activations", 2.0
    #: the decision boundary of points in the plane
    BOUNDARY = "boundary", 15.0, Pace.LIVE
    #: every hidden neuron's picture over the plane (the canvas cards' thumbnails)
    NEURONS = "neurons", 10.0, Pace.LIVE
    #: the fitted curve of 1-D regression
    CURVE = "curve", 15.0, Pace.LIVE
    #: held-out samples' predicted classes (image tasks and any classification)
    PREDICTIONS = "predictions", 2.0
    #: the first convolution's kernels
    FILTERS = "filters", 2.0
    #: one held-out sample's feature maps through the layers
    FEATURE_MAPS = "feature_maps", 2.0
    #: the first Embedding's word vectors
    WORD_VECTORS = "word_vectors", 2.0
    #: a few held-out sequences' hidden states (and LSTM gates) at every step
    SEQUENCE_STATES = "sequence_states", 4.0
    #: a next-value task's predictions against the true next values
    NEXT_VALUES = "next_values", 4.0
    #: a copy of a character model's weights, for generating text off the worker's thread
    TEXT_MODEL = "text_model", 1.0


_BY_NAME: dict[str, Probe] = {p.value: p for p in Probe}


def probe(name: str) -> Probe:
    """The probe called `name` (a ValueError names one that does not exist)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"no probe is called {name!r}") from None
