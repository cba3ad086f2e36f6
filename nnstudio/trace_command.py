"""`nnstudio trace DESIGN [--weights W.npz] [--sample I[,J...]] [--epsilon E] [--json FILE]`:
one training step looked inside, for scripts and students without a display.

Prints the loss, per node its output and ∂L/∂output, per parameter its value, analytic and
numerical gradient with their largest relative error, and the update the design's optimiser
would make (its formula with the numbers in, for the parameter's first element). Samples are
numbered in the training split as the design's data make it, before any shuffling. `--json`
writes the issue's layout: {"loss", "nodes": {id: {"output", "grad_output"}},
"params": {name: {"value", "grad", "numeric_grad"}}}. Exit codes as the other commands: 1 for
a bad design, weights or sample, 2 for a malformed option.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

import numpy as np

from nnstudio.core.trace import DEFAULT_EPSILON, MAX_SAMPLES, Trace, trace_trainer

#: an array with at most this many values is printed whole; a larger one as its first values
SHOWN = 5


def add_trace_parser(sub: argparse._SubParsersAction) -> None:
    """Register `nnstudio trace` on the command line's sub-parsers."""
    trace = sub.add_parser(
        "trace", help="one training step looked inside: every node's output and dL/doutput, "
                      "every parameter's gradient beside its numerical gradient, the update")
    trace.add_argument("design", type=Path)
    trace.add_argument("--weights", type=Path, metavar="W.npz",
                       help="trained weights to trace (default: the initial weights)")
    trace.add_argument("--sample", type=sample_indices, default=[0], metavar="I[,J...]",
                       help="the training sample(s) to trace, numbered from 0 (default 0)")
    trace.add_argument("--epsilon", type=epsilon, default=DEFAULT_EPSILON, metavar="E",
                       help=f"the central differences' step (default {DEFAULT_EPSILON:g})")
    trace.add_argument("--json", type=Path, metavar="FILE",
                       help="write the trace as JSON to FILE")


def sample_indices(text: str) -> list[int]:
    """"3" or "0,5,7" → the indices; ArgumentTypeError (exit 2) when malformed."""
    try:
        indices = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a sample number or numbers separated by commas, got {text!r}") from None
    if any(i < 0 for i in indices):
        raise argparse.ArgumentTypeError(f"sample numbers start at 0, got {text!r}")
    if not 1 <= len(indices) <= MAX_SAMPLES:
        raise argparse.ArgumentTypeError(f"at most {MAX_SAMPLES} samples, got {len(indices)}")
    return indices


def epsilon(text: str) -> float:
    """The step of the central differences, a number in (0, 1]."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= 1):
        raise argparse.ArgumentTypeError(f"must be a number in (0, 1], such as 1e-6, got "
                                         f"{text!r}")
    return value


def cmd_trace(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio import Design, Trainer
    from nnstudio.cli import _write_json
    from nnstudio.design import load_weights

    design = Design.load(args.design)
    trainer = Trainer(design)
    if args.weights is not None:
        load_weights(trainer.network, args.weights)
    try:
        trace = trace_trainer(trainer, args.sample, epsilon=args.epsilon)
    except ValueError as exc:
        print(f"nnstudio: {args.design}: {exc}", file=sys.stderr)
        return 1
    print_trace(trace, out, title=design.name)
    if args.json is not None:
        _write_json(args.json, trace.to_json())
        print(f"trace written to {args.json}", file=out)
    return 0


def print_trace(trace: Trace, out: TextIO, title: str = "") -> None:
    """The trace as text: a table of the nodes, each parameter's arrays, the updates."""
    samples = ", ".join(map(str, trace.indices))
    print(f"{title}: sample {samples}, loss {trace.loss:.6g}"
          + (f" (data {trace.data_loss:.6g} + penalty {trace.penalty:.6g})"
             if trace.penalty else "")
          + f", {trace.loss_name}; training mode, dropout off, before the update", file=out)
    print("\nforward (output) and backward (dL/doutput), first sample", file=out)
    rows = [("node", "type", "shape", "output", "dL/doutput")]
    rows += [(n.id, n.type, _shape(n.output.shape[1:]), _values(n.output[0]),
              _values(n.grad_output[0])) for n in trace.nodes.values()]
    _table(rows, out)
    print(f"\nparameters: analytic and numerical gradient (epsilon {trace.epsilon:g})",
          file=out)
    for p in trace.params.values():
        err = p.relative_error
        worst = "" if err is None or not err.size else \
            f", largest relative error {float(err.max()):.2e}"
        print(f"{p.name} {_shape(p.value.shape)}{' frozen' if p.frozen else ''}{worst}",
              file=out)
        print(f"  value      {_values(p.value)}", file=out)
        print(f"  gradient   {_values(p.grad)}", file=out)
        if p.numeric_grad is not None:
            print(f"  numerical  {_values(p.numeric_grad)}", file=out)
    if trace.updates:
        first = next(iter(trace.updates.values()))
        print(f"\nupdate ({first.optimizer}, step {first.t}), each parameter's first element",
              file=out)
        for name, update in trace.updates.items():
            if update.old.size:
                index = (0,) * update.old.ndim
                where = f"{name}[{', '.join(map(str, index))}]" if index else name
                print(f"  {where}: {update.filled(index)}", file=out)


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def _values(a: np.ndarray) -> str:
    flat = np.asarray(a, dtype=np.float64).reshape(-1)
    shown = ", ".join(f"{v:.4g}" for v in flat[:SHOWN])
    return f"[{shown}{', …' if flat.size > SHOWN else ''}]"


def _table(rows: Sequence[tuple[str, ...]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        line = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        print(line, file=out)
        if i == 0:
            print("-" * len(line), file=out)
