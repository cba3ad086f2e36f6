"""A network too large for the memory is refused with the estimate before anything is
allocated; near the limit it is built with a warning."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from design_docs import document, node

from nnstudio.cli import main
from nnstudio.core.graph import analyze
from nnstudio.design import Design, DesignError, build_network, footprint
from nnstudio.design.nodes import engine_nodes
from nnstudio.design.trainer import Trainer

GIB = 1 << 30


def two_wide_layers() -> dict:
    """About 800 bytes of JSON asking for 400 million weights."""
    nodes = [node("x", "Input", shape=[2]), node("a", "Dense", units=20_000),
             node("b", "Dense", units=20_000), node("out", "Dense", units=2)]
    return document(nodes, [["x", "a"], ["a", "b"], ["b", "out"]])


@pytest.fixture
def four_gib_free(monkeypatch) -> None:
    monkeypatch.setattr(footprint, "available_bytes", lambda: 4 * GIB)


def test_a_network_too_large_is_refused_with_the_estimate_before_allocating(four_gib_free
                                                                           ) -> None:
    design = Design.from_dict(two_wide_layers())
    tracemalloc.start()
    try:
        with pytest.raises(DesignError) as info:
            build_network(design)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000
    (problem,) = info.value.problems
    assert problem.path == "network"
    # 400 million weights ×6 ×4 bytes, and 40 004 values per sample for the 500 samples the
    # default data (the spiral) has
    assert "about 9.8 GB (9.6 GB for the weights" in problem.message
    assert "a batch of 500)" in problem.message and "4.3 GB of memory free" in problem.message


def test_the_trainer_and_the_command_line_refuse_it_too(four_gib_free, tmp_path: Path,
                                                       capsys) -> None:
    with pytest.raises(DesignError, match="make the layers smaller"):
        Trainer(Design.from_dict(two_wide_layers()))
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(two_wide_layers()))
    assert path.stat().st_size < 800
    for command in ("validate", "info", "train"):
        assert main([command, str(path)]) == 1
        err = capsys.readouterr().err
        assert "make the layers smaller" in err and "Traceback" not in err


def test_near_the_limit_the_network_is_built_with_a_warning(monkeypatch) -> None:
    doc = document([node("x", "Input", shape=[2]), node("out", "Dense", units=2)],
                   [["x", "out"]])
    design = Design.from_dict(doc)
    # the default data, the spiral, has 500 samples
    need = footprint.estimate(analyze(engine_nodes(design.nodes), design.edges), 500).total
    monkeypatch.setattr(footprint, "available_bytes", lambda: int(need * 1.5))
    (warning,) = build_network(design).warnings
    assert "67%" in warning
    monkeypatch.setattr(footprint, "available_bytes", lambda: need * 10)
    assert build_network(design).warnings == []


def test_the_estimate_counts_weights_their_state_and_a_batch_of_values() -> None:
    doc = document([node("x", "Input", shape=[1, 8, 8]), node("c", "Conv2D", filters=4),
                    node("f", "Flatten"), node("out", "Dense", units=3)],
                   [["x", "c"], ["c", "f"], ["f", "out"]])
    analysis = analyze(engine_nodes(doc["network"]["nodes"]), doc["network"]["edges"])
    # outputs 64 + 4·36 + 144 + 3, and the convolution's windows: 36 positions of 1·3·3
    assert analysis.elements_per_sample == 64 + 144 + 144 + 3 + 36 * 9
    estimate = footprint.estimate(analysis, 4096)
    assert estimate.batch == 4096
    assert estimate.parameter_bytes == analysis.total_parameters * 4 * 6
    assert estimate.activation_bytes == analysis.elements_per_sample * 4096 * 4 * 3


@pytest.mark.parametrize("batch_size, samples, largest", [
    (8, None, 1024), (4096, None, 4096), (8, 500, 500), (4096, 3000, 3000), (8, 0, 1)])
def test_the_largest_batch_is_training_s_or_evaluation_s_within_the_data(
        batch_size: int, samples: int | None, largest: int) -> None:
    assert footprint.largest_batch(batch_size, samples) == largest


@pytest.mark.parametrize("n, text", [(512, "512 B"), (12_345, "12 kB"), (9_600_480_048, "9.6 GB"),
                                     (1_500_000_000_000, "1.5 TB")])
def test_sizes_read_well(n: int, text: str) -> None:
    assert footprint.format_bytes(n) == text


def test_the_batch_counted_is_no_larger_than_the_data(monkeypatch) -> None:
    doc = document([node("x", "Input", shape=[2]), node("h", "Dense", units=1000),
                    node("out", "Dense", units=2)], [["x", "h"], ["h", "out"]],
                   data={"source": "toy2d", "name": "xor", "samples": 200},
                   training={"batch_size": 1_000_000})
    design = Design.from_dict(doc)
    analysis = analyze(engine_nodes(design.nodes), design.edges)
    as_written = footprint.estimate(analysis, 1_000_000).total
    monkeypatch.setattr(footprint, "available_bytes", lambda: as_written // 4)
    assert build_network(design).warnings == []  # counted for a batch of 200
    Trainer(design).step()
    with pytest.raises(DesignError, match="batch of 1000000"):
        build_network(design, batch_size=1_000_000)
