"""The question the Data panel asks: make the network's output and loss fit the new data?"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from nnstudio.design.edit import DataFit, DataShape


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataPrompts", text)


def describe_fit(fit: DataFit, shape: DataShape) -> str:
    """The offer of `fit`'s output and loss changes, in words for the user."""
    if shape.task == "classification":
        need = _tr("The data now has {n} classes.").format(n=shape.outputs)
    else:
        need = _tr("The data is now a regression with {n} target value(s).").format(
            n=shape.outputs)
    changes = []
    if fit.output_params is not None:
        node_id, params = fit.output_params
        changes.append(_tr("give the output layer “{id}” {units} units").format(
            id=node_id, units=params["units"]))
    if fit.loss is not None:
        changes.append(_tr("use the {loss} loss").format(loss=fit.loss))
    offer = _tr(" and ").join(changes)
    return f"{need}\n\n" + _tr("Also {changes} to match?").format(changes=offer)


def ask_fit(parent: QWidget, text: str) -> bool:
    """True when the user accepts the offer `text` (see `describe_fit`)."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Fit the network to the data?"), text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(_tr("The Input's shape has been set already. Either way, one "
                               "Undo takes the whole change back."))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes
