"""`nnstudio train DESIGN --vary KEY=V1,V2,...`: the variants raced headlessly, then a table of
their final metrics (`--metrics-json` writes each variant's, with its history).

`--race` races the variants saved in the design's race section instead. Exit codes as
`nnstudio train`: 1 when a variant diverged or a change does not fit the design, 2 for a
malformed --vary.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, TextIO

from nnstudio import Design
from nnstudio.cli import _progress_line, _write_json, final_metrics
from nnstudio.core.race import Entrant, Race
from nnstudio.design.race import (
    Variant,
    build_race,
    parse_vary,
    race_section,
    race_variants,
    vary_variants,
)


def cmd_race(args: argparse.Namespace, out: TextIO) -> int:
    """Race the variants --vary (or --race) names; print progress and the table of metrics."""
    if args.save_weights is not None:
        print("nnstudio: --save-weights saves the weights of one run; it does not go with "
              "--vary or --race", file=sys.stderr)
        return 2
    design = Design.load(args.design)
    overrides = {k: v for k, v in (("epochs", args.epochs), ("seed", args.seed)) if v is not None}
    if overrides:
        design.set_section("training", {**(design.section("training") or {}), **overrides})
    variants = _variants(args, design)
    if variants is None:
        return 2
    race = build_race(design, variants)
    print(f"{design.name}: a race of {len(variants)} variants", file=out)
    started = time.perf_counter()
    try:
        _run(race, out, quiet=args.quiet)
    except KeyboardInterrupt:
        print("nnstudio: interrupted", file=sys.stderr)
        return 130
    results = [_result(e, v) for e, v in zip(race.entrants, variants, strict=True)]
    print(f"finished in {time.perf_counter() - started:.1f} s", file=out)
    _print_table(results, out)
    for entrant in race.entrants:
        if entrant.error:
            print(f"nnstudio: {entrant.label}: training diverged: {entrant.error}",
                  file=sys.stderr)
    if args.metrics_json is not None:
        _write_json(args.metrics_json, {"design": design.name, **race_section(variants),
                                        "results": results})
    return 1 if any(e.error for e in race.entrants) else 0


def _variants(args: argparse.Namespace, design: Design) -> list[Variant] | None:
    """The variants asked for, or None after saying on stderr what is wrong."""
    if args.race:
        variants = race_variants(design.to_dict())
        if not variants:
            print(f"nnstudio: {args.design}: the design has no race section to race",
                  file=sys.stderr)
            return None
        return variants
    try:
        varies = [parse_vary(text) for text in args.vary]
    except ValueError as exc:
        print(f"nnstudio: --vary: {exc}", file=sys.stderr)
        return None
    keys = [key for key, _ in varies]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        print(f"nnstudio: --vary: {', '.join(repeated)} is varied twice", file=sys.stderr)
        return None
    variants = vary_variants(varies)
    if len(variants) < 2:
        print("nnstudio: --vary: give at least two values to compare "
              f"(got {len(variants)} variant)", file=sys.stderr)
        return None
    return variants


def _run(race: Race, out: TextIO, quiet: bool) -> None:
    """Step the race to its end, printing each variant's epochs as they end."""
    epochs = {id(e): 0 for e in race.entrants}
    while (entrant := race.step()) is not None:
        trainer = entrant.trainer
        if not quiet and trainer.epoch != epochs[id(entrant)]:
            epochs[id(entrant)] = trainer.epoch
            print(f"[{entrant.label}] {_progress_line(trainer.history[-1], trainer.epochs)}",
                  file=out, flush=True)


def _result(entrant: Entrant, variant: Variant) -> dict[str, Any]:
    trainer = entrant.trainer
    status = "diverged" if entrant.error else (
        f"stopped early (best epoch {trainer.best_epoch})" if trainer.stopped_early
        else "finished")
    return {"label": entrant.label, "overrides": dict(variant.overrides), "status": status,
            "epochs": trainer.epoch, "steps": trainer.step_count,
            "seconds": round(entrant.seconds, 3),
            "steps_per_second": round(entrant.steps_per_second, 1),
            **final_metrics(trainer), "history": trainer.history}


#: the table's metric columns, in this order, when any variant has them
METRIC_COLUMNS = ("train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
                  "test_loss", "test_accuracy")


def _print_table(results: list[dict[str, Any]], out: TextIO) -> None:
    metrics = [k for k in METRIC_COLUMNS if any(k in r for r in results)]
    rows = [["variant", "status", "epochs", *metrics, "steps/s"]]
    for r in results:
        rows.append([r["label"], r["status"].split(" (")[0], str(r["epochs"]),
                     *(f"{r[k]:.4f}" if k in r else "-" for k in metrics),
                     f"{r['steps_per_second']:.0f}"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        line = "  ".join(cell.ljust(w) if j < 2 else cell.rjust(w)
                         for j, (cell, w) in enumerate(zip(row, widths, strict=True)))
        print(line.rstrip(), file=out)
        if i == 0:
            print("-" * len(line), file=out)
