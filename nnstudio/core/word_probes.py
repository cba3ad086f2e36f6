"""What the word-vector panels draw: an Embedding's vectors, their nearest neighbours by cosine
similarity, analogies (a − b + c) and a 2-D PCA projection. NumPy only, never Qt."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.core.network import Network


@dataclass(frozen=True, eq=False)
class WordVectors:
    """A copy of the first Embedding node `node`'s weights: vectors (V, D), row i the vector
    of id i."""

    node: str
    vectors: np.ndarray


def first_embedding(network: Network) -> str | None:
    """The first Embedding node in topological order, or None."""
    return next((nid for nid in network.order
                 if network.analysis.types[nid] == "Embedding"), None)


def word_vectors(network: Network) -> WordVectors | None:
    """The first Embedding's weight matrix (a read-only float64 copy), or None."""
    node = first_embedding(network)
    if node is None:
        return None
    weights = next(p.value for p in network.layers[node].parameters if p.name == f"{node}.W")
    vectors = np.array(weights, dtype=np.float64)
    vectors.setflags(write=False)  # a panel must not change the engine's state
    return WordVectors(node, vectors)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    """vectors (V, D) scaled to length 1 (a zero row stays zero): (V, D) float64."""
    v = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)


def most_similar(vectors: np.ndarray, query: np.ndarray, k: int,
                 exclude: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """The k rows of vectors (V, D) with the highest cosine similarity to query (D,), best
    first, as (id, similarity), leaving out the ids in `exclude`."""
    similarity = unit_rows(vectors) @ unit_rows(np.asarray(query)[None])[0]
    if exclude:
        similarity[list(exclude)] = -np.inf
    order = np.argsort(-similarity, kind="stable")[:k]
    return [(int(i), float(similarity[i])) for i in order if np.isfinite(similarity[i])]


def neighbours(vectors: np.ndarray, word: int, k: int,
               exclude: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """The k nearest neighbours of id `word` (itself and `exclude` left out), best first."""
    return most_similar(vectors, vectors[word], k, (word, *exclude))


def analogy(vectors: np.ndarray, a: int, b: int, c: int, k: int,
            exclude: tuple[int, ...] = ()) -> list[tuple[int, float]]:
    """The k ids nearest to a − b + c ("king − man + woman"), the three left out, best first;
    the rows are made unit length first, as word2vec's own analogy test does."""
    unit = unit_rows(vectors)
    return most_similar(unit, unit[a] - unit[b] + unit[c], k, (a, b, c, *exclude))


def pca_2d(vectors: np.ndarray, previous: np.ndarray | None = None) -> np.ndarray:
    """vectors (V, D) projected on their two principal axes: (V, 2). With the `previous`
    projection (V, 2), each axis's sign is chosen to agree with it, so a live plot does not
    flip over between two updates."""
    centred = np.asarray(vectors, dtype=np.float64)
    centred = centred - centred.mean(axis=0)
    _, _, axes = np.linalg.svd(centred, full_matrices=False)
    points = centred @ axes[:2].T
    if points.shape[1] < 2:
        points = np.pad(points, ((0, 0), (0, 2 - points.shape[1])))
    if previous is not None and previous.shape == points.shape:
        signs = np.where(np.sum(points * previous, axis=0) < 0, -1.0, 1.0)
        points *= signs
    return points
