"""The command line: `nnstudio train | validate | info | export DESIGN`, and a bare `nnstudio` for
the GUI.

Exit codes: 0 success, 1 a bad design or a failed run (the message says why), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from nnstudio import __version__
from nnstudio.core.catalog import node_label
from nnstudio.core.errors import NNStudioError, TrainingDiverged
from nnstudio.qtcheck import startup_problem
from nnstudio.trace_command import add_trace_parser, cmd_trace

COMMANDS = ("train", "validate", "info", "export", "trace")
#: `nnstudio --help`'s last lines: the app's own options (nnstudio/gui/app.py)
APP_USAGE = """without a command, nnstudio opens the app:
  nnstudio [FILE | --present FILE] [--lang CODE] [--screenshot PNG [--size WxH]]
  [--figure PANEL] [--train-steps N]
  --figure renders one part instead of the window: canvas, dashboard, loss,
  boundary, weights, ... (nnstudio FILE --help describes them)"""
#: at most this many problems are listed on stderr
MAX_LISTED = 50


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nnstudio", description="See neural networks learn. Without a command, opens the app.",
        epilog=APP_USAGE, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"nnstudio {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    train = sub.add_parser("train", help="train a design and report its metrics")
    train.add_argument("design", type=Path, help="the design file (.json)")
    train.add_argument("--epochs", type=_positive_int, help="override the epoch limit")
    train.add_argument("--seed", type=int, help="override the training seed")
    train.add_argument("--save-weights", type=Path, metavar="W.npz",
                       help="save the trained weights here (.npz keyed by parameter name)")
    train.add_argument("--metrics-json", type=Path, metavar="M.json",
                       help="write the final metrics and the history as JSON")
    train.add_argument("--quiet", action="store_true", help="no per-epoch progress lines")
    train.add_argument("--vary", action="append", metavar="KEY=V1,V2,...",
                       help="race variants with KEY (a dotted path such as "
                            "training.optimizer.type) set to each value, and print a table of "
                            "their metrics; repeat for every combination of several keys")
    train.add_argument("--race", action="store_true",
                       help="race the variants saved in the design's race section")
    validate = sub.add_parser("validate", help="check a design file; exit 1 listing every problem")
    validate.add_argument("design", type=Path)
    validate.add_argument("--no-data", action="store_true",
                          help="do not load the dataset (check the file and the network only)")
    info = sub.add_parser("info", help="a per-node table: type, output shape, parameters")
    info.add_argument("design", type=Path)
    export = sub.add_parser(
        "export", help="write the design as a PyTorch or Keras script (with its weights and "
                       "data beside it) or an ONNX model")
    export.add_argument("design", type=Path)
    export.add_argument("--format", required=True, choices=("pytorch", "keras", "onnx"))
    export.add_argument("--output", required=True, type=Path, metavar="FILE")
    export.add_argument("--weights", type=Path, metavar="W.npz",
                        help="trained weights to export (default: the initial weights)")
    add_trace_parser(sub)
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _fmt(value: float) -> str:
    return f"{value:.4f}" if math.isfinite(value) else str(value)


def _progress_line(entry: dict[str, float], epochs: int) -> str:
    width = len(str(epochs))
    parts = [f"epoch {int(entry['epoch']):>{width}}/{epochs}", f"loss {_fmt(entry['train_loss'])}"]
    if "train_accuracy" in entry:
        parts.append(f"acc {entry['train_accuracy']:.3f}")
    if "validation_loss" in entry:
        parts.append(f"val_loss {_fmt(entry['validation_loss'])}")
    if "validation_accuracy" in entry:
        parts.append(f"val_acc {entry['validation_accuracy']:.3f}")
    parts.append(f"{entry['seconds'] * 1000:.0f} ms")
    return "  ".join(parts)


def final_metrics(trainer) -> dict[str, float]:
    """train/validation/test loss (and accuracy) of the trained network, in evaluation mode."""
    result: dict[str, float] = {}
    for split in ("train", "validation", "test"):
        if trainer.has_split(split):
            result.update({f"{split}_{k}": v for k, v in trainer.evaluate(split).items()})
    return result


def cmd_train(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio import Design, Trainer
    from nnstudio.design import save_weights

    if args.vary or args.race:
        from nnstudio.race_command import cmd_race

        return cmd_race(args, out)
    design = Design.load(args.design)
    overrides = {k: v for k, v in (("epochs", args.epochs), ("seed", args.seed)) if v is not None}
    if overrides:
        design.set_section("training", {**(design.section("training") or {}), **overrides})
    trainer = Trainer(design)
    net = trainer.network
    print(f"{design.name}: {net.num_parameters:,} parameters, "
          f"{len(trainer.data.x_train)} training samples, loss {trainer.loss}, "
          f"{trainer.optimizer_spec.get('type', 'adam')}", file=out)
    started = time.perf_counter()
    status, exit_code = "finished", 0

    def progress(entry: dict[str, float]) -> None:
        if not args.quiet:
            print(_progress_line(entry, trainer.epochs), file=out, flush=True)

    try:
        trainer.run(progress)
    except TrainingDiverged as exc:
        print(f"nnstudio: training diverged: {exc}", file=sys.stderr)
        status, exit_code = "diverged", 1
    except KeyboardInterrupt:
        print("nnstudio: interrupted", file=sys.stderr)
        status, exit_code = "interrupted", 130
    if trainer.stopped_early:
        status = f"stopped early (best epoch {trainer.best_epoch})"
    metrics = final_metrics(trainer)
    summary = {
        "design": design.name,
        "status": status,
        "epochs": trainer.epoch,
        "steps": trainer.step_count,
        "seconds": round(time.perf_counter() - started, 3),
        **metrics,
    }
    print(f"{status} after {trainer.epoch} epochs ({trainer.step_count} steps, "
          f"{summary['seconds']:.1f} s)", file=out)
    for key, value in metrics.items():
        print(f"  {key:<20} {value:.4f}", file=out)
    if args.save_weights is not None:
        save_weights(net, args.save_weights)
        print(f"weights saved to {args.save_weights}", file=out)
    if args.metrics_json is not None:
        summary["history"] = trainer.history
        _write_json(args.metrics_json, summary)
    return exit_code


def _write_json(path: Path, data: dict) -> None:
    from nnstudio.design.io import atomic_write

    text = (json.dumps(data, indent=2) + "\n").encode("utf-8")
    atomic_write(path, lambda f: f.write(text))


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio import Design, build_network
    from nnstudio.design.trainer import Trainer

    design = Design.load(args.design)
    if args.no_data:
        build_network(design)
    else:
        Trainer(design)
    print(f"{args.design}: valid", file=out)
    return 0


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio import Design, build_network

    design = Design.load(args.design)
    net = build_network(design)
    rows = [("node", "layer", "output shape", "params", "inputs")]
    params_of = {n["id"]: n.get("params", {}) for n in design.nodes}
    for node_row in net.summary():
        params = params_of[node_row.id]
        rows.append((node_row.id, node_label(node_row.type, params),
                     "(None, " + ", ".join(map(str, node_row.output_shape)) + ")",
                     f"{node_row.parameters:,}", ", ".join(node_row.inputs)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print(design.name, file=out)
    for i, row in enumerate(rows):
        line = "  ".join(cell.rjust(w) if j == 3 else cell.ljust(w)
                         for j, (cell, w) in enumerate(zip(row, widths, strict=True)))
        print(line.rstrip(), file=out)
        if i == 0:
            print("-" * len(line), file=out)
    print(f"Total parameters: {net.num_parameters:,}", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from nnstudio import Design
    from nnstudio.export import export_design

    design = Design.load(args.design)
    for path in export_design(design, args.format, args.output, args.weights):
        print(f"wrote {path}", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        return _gui(argv)
    args = _command_parser().parse_args(argv)
    handler = {"train": cmd_train, "validate": cmd_validate, "info": cmd_info,
               "export": cmd_export, "trace": cmd_trace}[args.command]
    design = str(args.design) if hasattr(args, "design") else None
    try:
        return handler(args, out)
    except NNStudioError as exc:
        _report(str(exc).splitlines() or [type(exc).__name__], design)
        return 1
    except OSError as exc:
        print(f"nnstudio: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return 1
    except MemoryError:
        _report(["there is not enough memory for this design"], design)
        return 1


def _report(problems: list[str], design: str | None) -> None:
    """The problems on stderr, after the design's name unless the one problem names it."""
    where = f"{design}: " if design and not (len(problems) == 1 and design in problems[0]) \
        else ""
    if len(problems) == 1:
        print(f"nnstudio: {where}{problems[0]}", file=sys.stderr)
        return
    print(f"nnstudio: {where}{len(problems):,} problems:", file=sys.stderr)
    for line in problems[:MAX_LISTED]:
        print(f"  {line}", file=sys.stderr)
    if len(problems) > MAX_LISTED:
        print(f"  … and {len(problems) - MAX_LISTED:,} more", file=sys.stderr)


def _gui(argv: list[str]) -> int:
    problem = startup_problem()
    if problem is not None:
        print(f"{problem}\nThe commands {', '.join(COMMANDS)} work without them.", file=sys.stderr)
        return 1
    try:
        from nnstudio.gui.app import main as gui_main
    except ImportError as exc:
        print(f"nnstudio: the desktop app cannot start ({exc}); the commands "
              f"{', '.join(COMMANDS)} work without it", file=sys.stderr)
        return 2
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
