"""The Data dock: choose the dataset and its settings, preview it, pick the input features,
draw points by hand and import files. `nnstudio.gui.data.panel.DataPanel` is the dock's
widget."""
