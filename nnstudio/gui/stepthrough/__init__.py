"""Step-through mode: one training step, node by node, on the canvas (issue 12)."""
