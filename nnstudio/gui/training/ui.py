"""Everything live training adds to the main window, wired together: the controller and its
design sync, the controls, the training settings panel, the banner and the dashboard panels.
The window only places the pieces (docks, menus, toolbar, status bar)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTabBar

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.design.weights import weights_path_for
from nnstudio.gui.autosave import is_autosave_file
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.network_text import located_problem_tr
from nnstudio.gui.panels.base import Column, Panel, front_panel_type, run_guarded
from nnstudio.gui.panels.images import FeatureMapsPanel
from nnstudio.gui.panels.images.predicted import PredictionTilesPanel
from nnstudio.gui.training.banner import Banner
from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.training.controls import SpaceTap, TrainingControls
from nnstudio.gui.training.host import TrainingHost
from nnstudio.gui.training.hyperparams import HyperparameterPanel
from nnstudio.gui.training.sync import DesignSync
from nnstudio.gui.training.worker import LoadReport


def in_use(bar: QTabBar, docks: dict[str, QDockWidget]) -> bool:
    """Whether `bar` is the tab bar of a group of shown docks (`docks` by title)."""
    group = [docks.get(bar.tabText(i)) for i in range(bar.count())]
    current = docks.get(bar.tabText(bar.currentIndex()))
    if len(group) < 2 or current is None or any(d is None or d.isHidden() for d in group):
        return False
    dock, tabs = current.geometry(), bar.geometry()
    return abs(dock.left() - tabs.left()) <= 4 \
        and dock.top() - 8 <= tabs.bottom() and tabs.top() <= dock.bottom() + 8


class NeuronThumbnails:
    """Feeds the neuron thumbnails on the canvas cards as the panels are fed (see feeder). If
    drawing them raises, the traceback is logged once and the panels carry on."""

    title = "neurons"
    probes = frozenset({Probe.NEURONS})

    def __init__(self, canvas: CanvasView):
        self.canvas = canvas
        #: the message of the exception the last drawing raised, or None
        self.failure: str | None = None

    def show_snapshot(self, snapshot: Snapshot) -> None:
        if Probe.NEURONS in snapshot.fresh:
            self.failure = run_guarded(lambda: self.canvas.show_neurons(snapshot.neurons),
                                       self.failure, type(self).__name__)

    def clear(self) -> None:
        self.canvas.show_neurons(None)

    def set_data(self, dataset: Dataset | None) -> None:
        """The thumbnails need only the snapshots."""


class TrainingUi(QObject):
    """Live training in the window `host` describes, whose dashboard `panels` get every
    snapshot."""

    def __init__(self, host: TrainingHost, panels: list[Panel]):
        super().__init__(host.window)
        self.host, self.window, self.prompts = host, host.window, host.prompts
        self.panels = panels
        self._dataset: Dataset | None = None
        self._untrainable = False
        self.controller = controller = TrainingController(self)
        controller.set_panels([*panels, NeuronThumbnails(host.canvas)])
        self.controls = TrainingControls(controller, host.window,
                                         lambda: host.model.design.nodes)
        self.settings = HyperparameterPanel(host.model, host.undo_stack)
        self.banner = Banner(host.canvas)
        self.space_tap = SpaceTap(host.canvas, self.controls.actions["play"])
        self.sync = DesignSync(host.model, host.undo_stack, controller,
                               lambda: host.prompts.ask_discard_weights(), self)
        controller.diverged.connect(self.banner.show_divergence)
        controller.failed.connect(self.banner.show_failure)
        controller.runningChanged.connect(self._on_running)
        controller.loaded.connect(self._on_loaded)
        controller.weightsSaved.connect(self._on_weights_saved)
        self.banner.learningRateChosen.connect(self.use_learning_rate)
        self.controls.actions["play"].triggered.connect(self._explain_finished)
        host.saved.connect(self._offer_weights)
        for panel in panels:
            if isinstance(panel, PredictionTilesPanel):
                panel.sampleChosen.connect(self.show_feature_maps)

    @property
    def dataset(self) -> Dataset | None:
        """The data the current design trains on (None until loaded, or if it cannot be)."""
        return self._dataset

    def start(self) -> None:
        """Train the window's current design (called once the window is built)."""
        self.sync.start()

    def shutdown(self) -> None:
        """Stop training and its thread (the window is closing)."""
        self.controller.shutdown()

    @staticmethod
    def dashboard_columns(docks: list[QDockWidget]) -> list[list[QDockWidget]]:
        """The panels' docks grouped into their default columns (`Placement.column`; none
        empty), in the order given."""
        columns: list[list[QDockWidget]] = [[] for _ in Column]
        for dock in docks:
            panel = dock.widget()
            column = panel.placement.column if isinstance(panel, Panel) else Column.NETWORK
            columns[column].append(dock)
        return [column for column in columns if column]

    def show_feature_maps(self, index: int) -> None:
        """Follow held-out sample `index` through the layers: choose it in the Feature maps
        panel and bring that panel to the front."""
        maps = next((p for p in self.panels if isinstance(p, FeatureMapsPanel)), None)
        if maps is None:
            return
        maps.choose(index)
        dock = maps.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.show()
            dock.raise_()

    def use_learning_rate(self, lr: float) -> None:
        """Set the learning rate the banner offered, as one undoable change, and hide it."""
        self.settings.set_learning_rate(lr)
        self.banner.hide()

    def _explain_finished(self) -> None:
        """Play on a finished run does nothing: say why."""
        latest = self.controller.latest
        if latest is not None and latest.finished:
            self.prompts.show_status(self.tr(
                "Training has finished: raise the epoch limit to go on, or press Reset to "
                "start again"))

    def _on_running(self, running: bool) -> None:
        if running:
            self.banner.hide()

    def _on_loaded(self, report: LoadReport) -> None:
        self.banner.hide()
        self.host.canvas.show_neurons(None)
        if report.dataset is not self._dataset:  # new data, not just a reset or a new network
            self._dataset = report.dataset
            self._show_data(report.dataset)
        if report.weights:
            self.prompts.show_status(self.tr("Loaded the trained weights from {path}").format(
                path=report.weights))
        if report.weights_problem:
            self.banner.show_warning(self.tr(
                "The weights saved beside the design were not loaded, so training starts "
                "from fresh weights: {problem}").format(problem=report.weights_problem))
        self._explain_untrainable(report)

    def _explain_untrainable(self, report: LoadReport) -> None:
        """A design that cannot train: every panel says why, instead of "Press Play"; once it
        can, they show their own state again."""
        if report.ok:
            if self._untrainable:
                for panel in self.panels:
                    panel.reset()
            self._untrainable = False
            return
        self._untrainable = True
        problem = located_problem_tr(report.problem.splitlines()[0],
                                     self.host.model.design.nodes)
        text = self.tr("Nothing to train yet: {problem}").format(problem=problem)
        for panel in self.panels:
            panel.show_message(text)

    def _show_data(self, dataset: Dataset | None) -> None:
        """Give the panels the data, and show those that apply to it."""
        for panel in self.panels:
            panel.receive_data(dataset)
        self.fit_panels_to_data()

    def fit_panels_to_data(self) -> None:
        """Show the panels that apply to the current data and hide the others (the View menu
        still lists them), and bring the one that suits it best to the front. Without data
        (a design that cannot train yet) nothing changes."""
        dataset = self._dataset
        if dataset is None:
            return
        front = front_panel_type(dataset.kind)
        docks = []
        for panel in self.panels:
            dock = panel.parentWidget()
            if isinstance(dock, QDockWidget):
                dock.setVisible(panel.applies(dataset))
                docks.append((type(panel) is front, dock))
        for is_front, dock in docks:  # after the others are shown, or one may cover it
            if is_front:
                dock.raise_()
        QTimer.singleShot(0, self.window, self._hide_stale_tab_bars)  # once laid out; not if closed

    def _hide_stale_tab_bars(self) -> None:
        """Qt can leave old tab bars of tabbed docks on show after some docks were hidden or
        regrouped, where the group used to be (over the palette, or beside the real bar).
        A bar in use lists only shown docks, two or more, and sits at the edge of the dock
        of its current tab: hide any other."""
        docks = {dock.windowTitle(): dock for dock in self.window.findChildren(QDockWidget)}
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for bar in self.window.findChildren(QTabBar, options=direct):
            if bar.isVisible() and not in_use(bar, docks):
                bar.hide()

    def _offer_weights(self, design_path: Path) -> None:
        """After a save: offer to save the trained weights beside the design."""
        if not (self.controller.trainable and self.controller.has_trained_weights):
            return
        path = weights_path_for(design_path)
        if self.prompts.ask_save_weights(path):
            self.controller.save_weights(path)

    def _on_weights_saved(self, path: str, problem: str) -> None:
        if is_autosave_file(path):  # the window's autosave, not the user's Save
            return
        if problem:
            self.prompts.show_error(self.tr("Could not save the weights"), problem)
        else:
            self.prompts.show_status(self.tr("Saved the trained weights to {path}").format(
                path=path))
