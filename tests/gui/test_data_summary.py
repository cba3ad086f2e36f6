"""Per-column statistics and class counts for the data panel (Qt-free: nnstudio.data.summary)."""

import numpy as np
import pytest

from nnstudio.data import load_dataset
from nnstudio.data.summary import class_counts, column_stats, split_sizes


def test_iris_columns_are_measured_on_the_raw_training_split():
    data = load_dataset({"source": "builtin", "name": "iris", "validation": 0.2, "test": 0.2})
    stats = column_stats(data)
    assert [s.name for s in stats] == list(data.samples.feature_names)
    raw = data.raw_x("train")
    assert stats[2].mean == pytest.approx(raw[:, 2].mean())
    assert stats[2].std == pytest.approx(raw[:, 2].std())
    assert stats[0].minimum == raw[:, 0].min() and stats[3].maximum == raw[:, 3].max()
    assert stats[0].mean > 4  # centimetres, not standardised values


def test_class_counts_add_up_to_the_splits():
    data = load_dataset({"source": "builtin", "name": "iris", "validation": 0.2, "test": 0.2})
    counts = class_counts(data)
    assert counts.shape == (3, 3)
    assert tuple(counts.sum(axis=0)) == split_sizes(data)
    assert counts.sum() == 150 and (counts[:, 0] == 30).all()


def test_regression_has_no_classes():
    data = load_dataset({"source": "regression", "name": "sine"})
    assert class_counts(data).shape == (0, 3)
    assert sum(split_sizes(data)) == 500


def test_images_have_one_column_per_pixel():
    data = load_dataset({"source": "builtin", "name": "digits"})
    stats = column_stats(data)
    assert len(stats) == 64
    assert all(0.0 <= s.minimum <= s.maximum <= 1.0 for s in stats)
    assert np.isfinite([s.std for s in stats]).all()
