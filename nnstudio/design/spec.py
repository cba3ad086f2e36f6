"""What a version-1 design file may contain besides the catalogues: keys, defaults, ranges."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nnstudio.core.catalog import ParamSpec
from nnstudio.core.losses import LOSS_ALIASES, LOSSES
from nnstudio.data.catalog import MAX_SEED

FORMAT = "nnstudio-design"
VERSION = 1

TOP_LEVEL_KEYS = ("format", "version", "name", "description", "network", "data", "training",
                  "lesson", "race")
#: the top-level entries an editor may replace with Design.set_section
EDITABLE_SECTIONS = ("name", "description", "data", "training", "race")
NETWORK_KEYS = ("nodes", "edges")
NODE_KEYS = ("id", "type", "params", "pos", "frozen")
#: a node's "frozen": true keeps its parameters as they are while training
FROZEN_HELP = ("true: the optimiser leaves this node's parameters as they are (no update, no "
               "weight decay); their gradients are still computed.")
TRAINING_KEYS = ("loss", "optimizer", "batch_size", "epochs", "seed", "shuffle",
                 "early_stopping")

#: the data section of a design that has none; a data section without "source" starts from it
DEFAULT_DATA = {"source": "toy2d", "name": "spiral"}
DEFAULT_LOSS = "auto"
#: what `training.loss` may say: "auto", a loss, or an alias of one
LOSS_NAMES = (DEFAULT_LOSS, *LOSSES, *LOSS_ALIASES)
DEFAULT_OPTIMIZER = "adam"

LOSS_HELP = ("The loss to minimise; 'auto' is cross_entropy for classification data and mse "
             "for regression.")
OPTIMIZER_HELP = "The optimiser: its type and that type's settings (torch.optim's defaults)."
EARLY_STOPPING_HELP = ("false, true (the defaults below) or an object: stop when the "
                       "validation loss has not improved for `patience` epochs.")

#: the plain keys of the training section
TRAINING_PARAMS = (
    ParamSpec("batch_size", "int", 32, 1, 1_000_000,
              help="Samples per mini-batch: one optimiser step per batch."),
    ParamSpec("epochs", "int", 100, 1, 10_000_000,
              help="Passes over the training split before training stops."),
    ParamSpec("seed", "int", 0, 0, MAX_SEED,
              help="Random seed for the initial weights, shuffling and dropout."),
    ParamSpec("shuffle", "bool", True, help="Shuffle the training split every epoch."),
)
EARLY_STOPPING_PARAMS = (
    ParamSpec("patience", "int", 10, 1, 10_000_000,
              help="Epochs without improvement before stopping."),
    ParamSpec("min_delta", "float", 0.0, 0.0,
              help="The smallest decrease of the loss that counts as an improvement."),
    ParamSpec("restore_best", "bool", True,
              help="Put back the weights of the best epoch when stopping."),
)


def frozen_ids(nodes: Iterable[dict[str, Any]]) -> list[str]:
    """The ids of the nodes marked "frozen": true."""
    return [n["id"] for n in nodes if n.get("frozen") is True]
