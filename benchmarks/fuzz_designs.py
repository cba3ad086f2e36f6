"""Fuzz the design loader: mutated example designs must fail with a DesignError, never escape.

Each case mutates a bundled example (tests/design/design_mutations.py: wrong JSON types, huge,
negative and non-finite numbers, deleted keys, deep nesting, odd text, clashing ids, cycles…),
as Python data (Design.from_dict) or as text (Design.from_json), then builds the network and
trains two steps. Anything raised that is not a DesignError (or a divergence) is printed with
the seed that reproduces it; a case slower than --slow seconds is reported too.

    python benchmarks/fuzz_designs.py --cases 20000 --seed 0
    python benchmarks/fuzz_designs.py --linear    # seconds to validate and build big designs
    python benchmarks/fuzz_designs.py --weights --cases 10000   # damaged weights archives
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from itertools import pairwise
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "design"))

from design_mutations import damaged, example_documents, exercise, mutate, mutated_text

from nnstudio import Design, DesignError, build_network
from nnstudio.core.network import Network
from nnstudio.design import load_weights, save_weights


def run_case(docs: list[dict], seed: int) -> tuple[BaseException | None, str]:
    """One case: (what escaped or None, a short description of the input)."""
    rng = random.Random(seed)
    doc = rng.choice(docs)
    if rng.random() < 0.3:
        text = mutated_text(doc, rng)
        return exercise(lambda: Design.from_json(text)), text[:300]
    mutated = mutate(doc, rng)
    return exercise(lambda: Design.from_dict(mutated)), _describe(mutated)


def weights_case(archives: list[tuple[Network, bytes]], path: Path, seed: int
                 ) -> tuple[BaseException | None, str]:
    """One damaged weights archive loaded into its network: (what escaped or None, '')."""
    rng = random.Random(seed)
    net, good = rng.choice(archives)
    path.write_bytes(damaged(good, rng))
    try:
        load_weights(net, path)
    except DesignError:
        pass
    except Exception as exc:  # what escapes is the finding
        return exc, f"weights case {seed}"
    return None, ""


def weights_archives(folder: Path) -> list[tuple[Network, bytes]]:
    """(network, its saved weights) for each example, stored and deflated."""
    archives = []
    for name in ("digits_cnn", "spiral", "iris"):
        design = Design.load(Path(__file__).resolve().parents[1] / "resources" / "examples"
                             / f"{name}.json")
        net = build_network(design)
        path = folder / f"{name}.npz"
        save_weights(net, path)
        archives.append((net, path.read_bytes()))
        np.savez_compressed(path, **net.state_dict())
        archives.append((net, path.read_bytes()))
    return archives


def _describe(doc: object) -> str:
    try:
        return json.dumps(doc, allow_nan=True)[:300]
    except (TypeError, ValueError, RecursionError):
        return repr(doc)[:300]


def big_designs(n: int) -> dict[str, dict]:
    """Designs of `n` nodes or edges that once took seconds to a minute to validate."""
    header = {"format": "nnstudio-design", "version": 1}
    x = {"id": "x", "type": "Input", "params": {"shape": [2]}}
    chain = [x] + [{"id": f"t{i}", "type": "Tanh"} for i in range(n)]
    return {
        f"chain of {n:,} nodes": {**header, "network": {
            "nodes": chain,
            "edges": [[a["id"], b["id"]] for a, b in pairwise(chain)]}},
        f"{n:,} nodes, {n:,} edges to missing nodes": {**header, "network": {
            "nodes": chain, "edges": [[f"t{i}", f"missing{i}"] for i in range(n)]}},
    }


def time_big_designs(n: int = 10_000) -> None:
    for name, doc in big_designs(n).items():
        started = time.perf_counter()
        try:
            build_network(Design.from_dict(doc, draft=True))
            outcome = "built"
        except DesignError as exc:
            outcome = f"{len(exc.problems):,} problems"
        print(f"{name}: validated and built in {time.perf_counter() - started:.2f} s "
              f"({outcome})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0, help="the first case's seed")
    parser.add_argument("--slow", type=float, default=5.0, help="report cases slower than this")
    parser.add_argument("--linear", action="store_true",
                        help="only time validating and building designs of 10 000 nodes")
    parser.add_argument("--weights", action="store_true",
                        help="fuzz damaged weights archives instead of designs")
    args = parser.parse_args()
    if args.linear:
        time_big_designs()
        return 0
    docs = example_documents()
    folder = Path(tempfile.mkdtemp(prefix="nnstudio-fuzz-"))
    archives = weights_archives(folder) if args.weights else []
    escapes: Counter[str] = Counter()
    slowest = (0.0, -1)
    started = time.perf_counter()
    for seed in range(args.seed, args.seed + args.cases):
        t0 = time.perf_counter()
        escaped, shown = (weights_case(archives, folder / "w.npz", seed) if args.weights
                          else run_case(docs, seed))
        seconds = time.perf_counter() - t0
        slowest = max(slowest, (seconds, seed))
        if seconds > args.slow:
            print(f"seed {seed}: slow ({seconds:.1f} s): {shown}", flush=True)
        if escaped is not None:
            kind = f"{type(escaped).__name__}: {str(escaped)[:120]}"
            if escapes[kind] == 0:
                print(f"seed {seed}: ESCAPED {kind}\n  input: {shown}", flush=True)
                traceback.print_exception(escaped, limit=-4, file=sys.stdout)
            escapes[kind] += 1
        if (seed - args.seed + 1) % 1000 == 0:
            print(f"{seed - args.seed + 1} cases, {sum(escapes.values())} escapes, "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
    print(f"{args.cases} cases in {time.perf_counter() - started:.0f} s; slowest "
          f"{slowest[0]:.2f} s (seed {slowest[1]}); {sum(escapes.values())} escapes "
          f"of {len(escapes)} kinds")
    for kind, n in escapes.most_common():
        print(f"  {n:6d}  {kind}")
    return 1 if escapes else 0


if __name__ == "__main__":
    sys.exit(main())
