"""Pieces the PyTorch and Keras scripts share: the header and the training settings as literals."""

from __future__ import annotations

from nnstudio import __version__
from nnstudio.design.errors import DesignError, Problem
from nnstudio.export.common import ExportPlan, TrainingSetup

#: the losses a generated training script writes
SCRIPT_LOSSES = ("mse", "cross_entropy", "binary_cross_entropy", "hinge")


def check_loss(t: TrainingSetup, framework: str) -> None:
    """DesignError naming the loss when a script cannot train with it (word2vec's
    negative_sampling: the ONNX export writes such a model for inference)."""
    if t.loss not in SCRIPT_LOSSES:
        raise DesignError([Problem("training.loss", (
            f"the {framework} export cannot write the {t.loss} loss yet; it writes "
            f"{', '.join(SCRIPT_LOSSES)} (the ONNX export writes the model for inference)"))])


def docstring_text(text: str) -> str:
    """`text` safe on one line of a generated docstring: no control characters, backslashes
    or double quotes (which could end it)."""
    swaps = {'"': "'", "\\": "/"}
    return "".join(swaps.get(c, c) if c.isprintable() else " " for c in text)


def module_docstring(plan: ExportPlan, framework: str, options: str, cannot_match: str) -> str:
    """The script's docstring: what it is, how to run it, and what cannot match nnstudio."""
    title = docstring_text(plan.design_name)
    return f'''"""{title}: exported from nnstudio {__version__} as a {framework} script.

`build_model()` gives the network with nnstudio's weights (the .npz beside this file); in
evaluation mode its output equals nnstudio's `net.forward(x, training=False)`.
`python {{this file}} {options}` trains it on the design's data (the data
.npz beside this file, split as nnstudio splits it) with the design's loss, optimiser and
options, batch size, epochs, seed, shuffling, L1/L2 penalties and early stopping, printing one
line per epoch.

What cannot match nnstudio exactly:
{cannot_match}
"""'''


def penalties_literal(plan: ExportPlan) -> dict[str, tuple[float, float]]:
    """{attribute name: (l1, l2)} of every Dense/Conv2D node with a non-zero penalty."""
    return {n.name: (float(n.params["l1"]), float(n.params["l2"])) for n in plan.nodes
            if n.type in ("Dense", "Conv2D") and (n.params["l1"] or n.params["l2"])}


def early_stopping_literal(t: TrainingSetup) -> str:
    es = t.early_stopping
    if es is None:
        return "None"
    return repr({"patience": es.patience, "min_delta": es.min_delta,
                 "restore_best": es.restore_best})


def prediction_threshold(t: TrainingSetup) -> float:
    """Where a one-column output turns into class 1 (nnstudio's metrics.predict_classes)."""
    probability = t.loss == "mse" or (t.fused is None and t.final_activation == "sigmoid")
    return 0.5 if probability else 0.0


def settings_literals(plan: ExportPlan, t: TrainingSetup, penalties_comment: str) -> str:
    """The training settings as the script's module constants; `penalties_comment` says how
    this framework applies the L1/L2 penalties."""
    return "\n".join([
        f"LOSS = {t.loss!r}",
        "#: the final activation the loss reads through (it is given the logits), or None",
        f"FUSED = {t.fused!r}",
        f"CLASSIFICATION = {t.classification!r}",
        "#: how labels become loss targets: labels, onehot, column (N, 1) or values",
        f"TARGETS = {t.targets!r}",
        f"OUTPUT_UNITS = {t.output_units!r}",
        "#: a one-column output is class 1 above this",
        f"THRESHOLD = {prediction_threshold(t)!r}",
        f"OPTIMIZER = {t.optimizer!r}",
        f"OPTIONS = {t.options!r}",
        f"BATCH_SIZE = {t.batch_size!r}",
        f"EPOCHS = {t.epochs!r}",
        f"SEED = {t.seed!r}",
        f"SHUFFLE = {t.shuffle!r}",
        f"EARLY_STOPPING = {early_stopping_literal(t)}",
        f"#: {penalties_comment}",
        f"PENALTIES = {penalties_literal(plan)!r}",
    ])
