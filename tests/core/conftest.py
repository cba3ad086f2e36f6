"""Shared helpers for the layer tests."""

import numpy as np
import pytest

from nnstudio.core.catalog import create_layer


@pytest.fixture
def make_layer():
    """make_layer(type_name, params, *input_shapes, dtype=float64, seed=0) → a built layer."""

    def make(type_name, params, *input_shapes, dtype=np.float64, seed=0):
        layer = create_layer("n", type_name, params)
        layer.build([tuple(s) for s in input_shapes], np.dtype(dtype),
                    np.random.default_rng(seed))
        return layer

    return make
