"""word2vec training examples from a segmented corpus, with negatives drawn for each.

The vocabulary is every word of the corpus, most frequent first (ties in text order), then
END ("</s>", the padding CBOW uses at sentence edges; never a negative). For every word of
every sentence (the centre) and every other word at most `window` away in that sentence (a
context word):

- skip-gram: x (N, 1) the centre's id, y (N, 1 + negatives) = [the context's id, k negatives];
  one example per (centre, context) pair;
- CBOW: x (N, 2·window) the ids of the words around the centre (END past the sentence's
  edges), y (N, 1 + negatives) = [the centre's id, k negatives]; one example per centre.

Negatives are drawn, once and reproducibly from the seed, from the unigram distribution raised
to NOISE_POWER (word2vec's choice), redrawn when they hit the example's true word. The network
scores every word (Embedding → Flatten → Dense(vocabulary, no bias)) and the
`negative_sampling` loss reads the true word's and the negatives' scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError
from nnstudio.data.samples import Samples

END = "</s>"
NOISE_POWER = 0.75
MODES = ("skipgram", "cbow")
#: the random stream of the negatives (mixed into the seed)
NEGATIVE_STREAM = 0x2EC


@dataclass(frozen=True, eq=False)
class WordSamples(Samples):
    """Samples of a words dataset: `class_names` is the vocabulary; `counts` int64 (V,) each
    word's count in the corpus (END: 0); `noise` float64 (V,) the negatives' distribution."""

    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    noise: np.ndarray = field(default_factory=lambda: np.zeros(0))


def sentences_of(text: str) -> list[list[str]]:
    """The corpus as sentences (non-empty lines) of words (split at white space)."""
    return [line.split() for line in text.splitlines() if line.split()]


def vocabulary_of(sentences: list[list[str]]) -> tuple[tuple[str, ...], np.ndarray]:
    """(words most frequent first, then END; their counts int64 (V,))."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for word in sentence:
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: -counts[w])  # stable: ties keep text order
    return (*words, END), np.array([*(counts[w] for w in words), 0], dtype=np.int64)


def noise_distribution(counts: np.ndarray) -> np.ndarray:
    """counts (V,) → P(w) ∝ count^0.75, float64 (V,) summing to 1."""
    weights = counts.astype(np.float64) ** NOISE_POWER
    return weights / weights.sum()


def word2vec_samples(text: str, mode: str, window: int, negatives: int, seed: int,
                     title: str) -> WordSamples:
    """The examples of `mode` (skipgram or cbow) on the corpus `text`; see the module."""
    sentences = sentences_of(text)
    vocabulary, counts = vocabulary_of(sentences)
    if len(vocabulary) < 3:
        raise DataError("the corpus needs at least two different words", key="name")
    lookup = {w: i for i, w in enumerate(vocabulary)}
    padded = [np.array([lookup[END]] * window + [lookup[w] for w in s] + [lookup[END]] * window)
              for s in sentences]
    offsets = np.array([d for d in range(-window, window + 1) if d])
    count = sum(_examples(len(s), window, mode) for s in sentences)
    if count == 0:
        raise DataError("the corpus has no sentence of two words or more", key="name")
    width = 1 if mode == "skipgram" else 2 * window
    limits.check_fits(count * (width + 1 + negatives) * (8 + limits.LOADED_BYTES_PER_VALUE),
                      f"{count} word2vec examples", "window")
    inputs, targets = [], []
    for ids in padded:
        centres = np.arange(window, len(ids) - window)
        around = ids[centres[:, None] + offsets]  # (n, 2·window)
        if mode == "cbow":
            if len(centres) < 2:
                continue
            inputs.append(around)
            targets.append(ids[centres])
            continue
        real = around != lookup[END]
        inputs.append(np.broadcast_to(ids[centres][:, None], around.shape)[real][:, None])
        targets.append(around[real])
    positive = np.concatenate(targets)
    noise = noise_distribution(counts)
    y = np.concatenate([positive[:, None], draw_negatives(positive, negatives, noise, seed)],
                       axis=1)
    x = np.concatenate(inputs).astype(np.float64)
    features = ("centre",) if mode == "skipgram" else tuple(
        f"context {d:+d}" for d in offsets)
    return WordSamples(x, y, "classification", "words", vocabulary, features, title,
                       counts=counts, noise=noise)


def _examples(length: int, window: int, mode: str) -> int:
    """How many examples a sentence of `length` words gives."""
    if mode == "cbow":
        return length if length > 1 else 0
    return sum(min(window, i) + min(window, length - 1 - i) for i in range(length))


def draw_negatives(positive: np.ndarray, k: int, noise: np.ndarray, seed: int) -> np.ndarray:
    """k ids per example int64 (N, k) from `noise` (V,), none equal to its `positive` (N,)."""
    rng = np.random.default_rng([seed, NEGATIVE_STREAM])
    out = rng.choice(len(noise), size=(len(positive), k), p=noise)
    clash = out == positive[:, None]
    while clash.any():
        out[clash] = rng.choice(len(noise), size=int(clash.sum()), p=noise)
        clash = out == positive[:, None]
    return out
