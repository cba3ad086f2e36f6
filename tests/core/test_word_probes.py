"""Word-vector probes: cosine neighbours, analogies and the 2-D PCA projection."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core import word_probes


def test_neighbours_by_cosine_similarity():
    v = np.array([[1.0, 0.0], [10.0, 1.0], [0.0, 1.0], [-1.0, 0.0], [0.0, 0.0]])
    found = word_probes.neighbours(v, 0, 3)
    assert [i for i, _ in found] == [1, 2, 4]  # length does not matter, direction does
    assert found[0][1] == pytest.approx(np.cos(np.arctan(0.1))) and found[1][1] == 0.0
    assert [i for i, _ in word_probes.neighbours(v, 0, 3, exclude=(1,))] == [2, 4, 3]


def test_analogy_uses_unit_vectors_and_leaves_the_question_out():
    v = np.array([[2.0, 2.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 3.0], [0.5, 0.5, 1.0],
                  [1.0, 1.0, 0.0]])
    # a − b + c with a = 0, b = 1, c = 2, each of unit length: (1/√2 − 1, 1/√2, 1)
    found = word_probes.analogy(v, 0, 1, 2, 2)
    target = np.array([2 ** -0.5 - 1, 2 ** -0.5, 1.0])
    best = max((3, 4), key=lambda i: v[i] @ target / np.linalg.norm(v[i]))
    assert found[0][0] == best and {i for i, _ in found} == {3, 4}


def test_pca_2d_finds_the_principal_axes_and_keeps_the_previous_signs():
    rng = np.random.default_rng(0)
    base = rng.standard_normal((50, 2)) * [5.0, 1.0]
    rotation = np.linalg.qr(rng.standard_normal((4, 4)))[0][:, :2]  # into 4-D, orthonormal
    points = word_probes.pca_2d(base @ rotation.T + 3.0)
    centred = base - base.mean(axis=0)
    assert np.allclose(np.abs(points[:, 0]), np.abs(centred[:, 0]), atol=0.3)
    flipped = word_probes.pca_2d(base @ rotation.T, previous=-points)
    np.testing.assert_allclose(flipped, -points, atol=1e-9)
    assert word_probes.pca_2d(np.ones((3, 1))).shape == (3, 2)
