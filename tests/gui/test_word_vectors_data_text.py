"""The sequence, text and word sources' problems: every template is one the data layer really
writes, and each reads in Chinese with its values kept (the translations merged later)."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset, text
from nnstudio.gui.data_text import SEQUENCE_TEMPLATES, data_problem_tr
from nnstudio.gui.templated import template_pattern


def said(tmp_path) -> list[str]:
    path = tmp_path / "flat.npz"
    np.savez(path, x=np.zeros(5), y=np.zeros(5))
    out = []
    for spec in ({"source": "sequence", "name": "first_last", "samples": 100_000,
                  "length": 1000, "symbols": 16},
                 {"source": "words", "standardize": True},
                 {"source": "npz", "path": str(path), "sequence": True}):
        with pytest.raises(DataError) as info:
            load_dataset(spec)
        out.append(str(info.value))
    for read in (lambda: text.corpus_file("nowhere"),
                 lambda: text.next_character("abc", 5, 1, "t")):
        with pytest.raises((DataError, KeyError)) as caught:
            read()
        out.append(str(caught.value))
    return out


def test_every_sequence_template_is_a_problem_the_data_layer_writes(tmp_path, monkeypatch):
    monkeypatch.setitem(text.CORPORA, "nowhere", "nowhere.txt")
    texts = said(tmp_path)
    for template in SEQUENCE_TEMPLATES:
        assert any(template_pattern(template).fullmatch(t) for t in texts), template


def test_english_problems_stay_as_written(qapp, tmp_path, monkeypatch):
    monkeypatch.setitem(text.CORPORA, "nowhere", "nowhere.txt")
    for problem in said(tmp_path):
        assert data_problem_tr(problem) == problem
