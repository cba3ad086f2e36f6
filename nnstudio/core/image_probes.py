"""What the image-task views draw: predictions on held-out samples, a confusion matrix, the
most confidently wrong examples, first-layer convolution filters and one sample's feature maps.

Pure functions of a `Network` (NumPy only, never Qt), with the same rules as `core.probes`:
results are frozen dataclasses of fresh read-only arrays, and the forward passes run with
``training=False``, so call them between training steps, never between a forward and its
backward.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.core.network import Network
from nnstudio.core.probes import output_probabilities
from nnstudio.core.readonly import read_only

#: samples per forward pass when a split is evaluated
EVAL_CHUNK = 256
#: the node types whose outputs are feature maps
FEATURE_TYPES = tuple(name for name, spec in NODE_TYPES.items() if spec.feature_maps)


@dataclass(frozen=True, eq=False)
class Predictions:
    """The model on the first `evaluated` samples of a split (`split_size` in all).

    Per sample of the first `shown` (a fixed set, the same on every call): true (shown,) int64,
    predicted (shown,) int64, probabilities (shown, classes). confusion (classes, classes)
    int64 counts over all `evaluated` samples, [true class, predicted class]. The most
    confidently wrong of them: wrong (k,) int64 positions in the split, most confident first,
    with wrong_true, wrong_predicted (k,) int64 and wrong_confidence (k,) the predicted class's
    probability.
    """

    split: str
    split_size: int
    evaluated: int
    true: np.ndarray
    predicted: np.ndarray
    probabilities: np.ndarray
    confusion: np.ndarray
    wrong: np.ndarray
    wrong_true: np.ndarray
    wrong_predicted: np.ndarray
    wrong_confidence: np.ndarray

    @property
    def correct(self) -> int:
        """Samples (of the evaluated ones) classified correctly."""
        return int(np.trace(self.confusion))


@dataclass(frozen=True, eq=False)
class Filters:
    """The weights (out_channels, in_channels, kh, kw) of the first Conv2D node `node`."""

    node: str
    weights: np.ndarray


@dataclass(frozen=True, eq=False)
class FeatureMap:
    """One node's output for the sample: maps (channels, h, w)."""

    node: str
    type: str
    maps: np.ndarray


@dataclass(frozen=True, eq=False)
class FeatureMaps:
    """Sample `index` of `split` through the network: its input image (C, H, W) as the network
    sees it, true label, class probabilities (classes,), and every Conv2D/pooling node's output
    in topological order."""

    split: str
    index: int
    image: np.ndarray
    true: int
    probabilities: np.ndarray
    layers: tuple[FeatureMap, ...]


def class_probabilities(network: Network, x: np.ndarray) -> np.ndarray:
    """x (n, *input_shape) → class probabilities (n, classes), rows summing to 1 (a single
    sigmoid/logit column p becomes [1 − p, p]). Evaluated in chunks of `EVAL_CHUNK`."""
    parts = []
    for lo in range(0, len(x), EVAL_CHUNK):
        out = network.forward(x[lo:lo + EVAL_CHUNK], training=False)
        parts.append(output_probabilities(network, out.reshape(len(out), -1)))
    if not parts:
        return np.zeros((0, max(int(np.prod(network.output_shape)), 2)), network.dtype)
    return np.concatenate(parts)


def predictions(network: Network, x: np.ndarray, y: np.ndarray, classes: int, *,
                split: str = "validation", split_size: int | None = None, shown: int = 256,
                wrong: int = 24) -> Predictions:
    """Classify x (n, *input_shape) with labels y (n,) int, the first n of the split's
    `split_size` (default n) samples: every one counts in the confusion matrix (classes ×
    classes, at least the network's output columns), the first `shown` keep their
    probabilities, and the `wrong` most confidently misclassified are listed."""
    p = class_probabilities(network, x)
    predicted, confidence = p.argmax(axis=1), p.max(axis=1)
    classes = max(classes, p.shape[1])
    y = np.asarray(y, dtype=np.int64)
    confusion = np.bincount(y * classes + predicted, minlength=classes * classes)
    missed = np.flatnonzero(predicted != y)
    worst = missed[np.argsort(-confidence[missed], kind="stable")[:wrong]]
    return Predictions(
        split=split, split_size=len(x) if split_size is None else split_size, evaluated=len(x),
        true=read_only(y[:shown].copy()), predicted=read_only(predicted[:shown].copy()),
        probabilities=read_only(p[:shown].copy()),
        confusion=read_only(confusion.reshape(classes, classes)),
        wrong=read_only(worst.astype(np.int64)), wrong_true=read_only(y[worst]),
        wrong_predicted=read_only(predicted[worst]), wrong_confidence=read_only(confidence[worst]),
    )


def first_conv(network: Network) -> str | None:
    """The first Conv2D node in topological order, or None."""
    return next((nid for nid in network.order
                 if network.analysis.types[nid] == "Conv2D"), None)


def first_filters(network: Network) -> Filters | None:
    """A copy of the first Conv2D node's weights, or None when the network has none."""
    node = first_conv(network)
    if node is None:
        return None
    weights = next(p.value for p in network.layers[node].parameters if p.name == f"{node}.W")
    return Filters(node, read_only(weights.copy()))


def feature_nodes(network: Network) -> tuple[str, ...]:
    """The Conv2D and pooling nodes, in topological order."""
    return tuple(nid for nid in network.order if network.analysis.types[nid] in FEATURE_TYPES)


def feature_maps(network: Network, x: np.ndarray, true: int, split: str = "validation",
                 index: int = 0) -> FeatureMaps:
    """Run one sample x (*input_shape) through the network and keep every Conv2D/pooling
    node's output (channels, h, w)."""
    out = network.forward(x[None], training=False)
    p = output_probabilities(network, out.reshape(1, -1))[0]
    values = network.node_outputs()
    types = network.analysis.types
    layers = tuple(FeatureMap(nid, types[nid], read_only(values[nid][0].copy()))
                   for nid in feature_nodes(network))
    return FeatureMaps(split, index, read_only(np.array(x)), int(true),
                       read_only(np.ascontiguousarray(p)), layers)
