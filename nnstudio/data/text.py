"""The bundled text corpora and the character-level next-character task.

The corpora live in resources/datasets/text/ (see resources/datasets/README.md): UTF-8 text,
one sentence or verse line per line; the word corpora are segmented (words separated by
spaces, Chinese too).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError
from nnstudio.data.paths import resources_dir
from nnstudio.data.samples import Samples

CORPORA = {"rhymes_en": "rhymes_en.txt", "words_en": "words_en.txt",
           "words_zh": "words_zh.txt"}
#: the most bytes a corpus may have (the bundled ones have about 40 KB)
MAX_CORPUS_BYTES = 1 << 22


def corpus_file(name: str) -> Path:
    """The bundled corpus `name`; DataError if the installation lacks it."""
    try:
        path = resources_dir() / "datasets" / "text" / CORPORA[name]
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise DataError(f"the bundled text {name!r} is missing from this installation of "
                        f"nnstudio; reinstall it", key="name")
    return path


def read_corpus(name: str) -> str:
    """The text of the bundled corpus `name`, with Unix line ends."""
    path = corpus_file(name)
    if path.stat().st_size > MAX_CORPUS_BYTES:
        raise DataError(f"the bundled text {name!r} is larger than "
                        f"{limits.format_bytes(MAX_CORPUS_BYTES)}; reinstall nnstudio",
                        key="name")
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def next_character(text: str, length: int, stride: int, title: str) -> Samples:
    """Every window of `length` characters starting `stride` apart, and the character after
    it: x float64 ids (N, length) for an Embedding, y int64 (N,) the next character's id.
    The vocabulary (the sorted distinct characters) is the class names, id = index."""
    vocabulary = tuple(sorted(set(text)))
    count = (len(text) - length - 1) // stride + 1 if len(text) > length else 0
    if count < 2:
        raise DataError(f"the text has {len(text)} characters, too few for windows of "
                        f"{length}: use a shorter length", key="length")
    limits.check_fits(count * length * (8 + limits.LOADED_BYTES_PER_VALUE),
                      f"{count} windows of {length} characters", "length")
    lookup = {c: i for i, c in enumerate(vocabulary)}
    ids = np.fromiter((lookup[c] for c in text), dtype=np.int64, count=len(text))
    starts = np.arange(count) * stride
    x = ids[starts[:, None] + np.arange(length)].astype(np.float64)
    return Samples(x, ids[starts + length], "classification", "text", vocabulary,
                   tuple(f"t{k}" for k in range(length)), title)
