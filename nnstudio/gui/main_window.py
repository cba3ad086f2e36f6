"""The main window: canvas in the middle, palette, data, inspector and summary docked around
it."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QMimeData, QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabBar,
    QToolBar,
    QWidget,
)

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.design import Design, DesignError
from nnstudio.gui import dialogs, mime, settings, theme
from nnstudio.gui.autosave import Autosaver, Orphan, autosave_folder, find_orphans
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.data import prompts as data_prompts
from nnstudio.gui.data.panel import DataPanel
from nnstudio.gui.examples import list_examples
from nnstudio.gui.export_dialog import install_export_action
from nnstudio.gui.figure_dialogs import confirm_close, install_figure_actions
from nnstudio.gui.files import DESIGN_SUFFIX, DocumentFiles, design_files, display_name
from nnstudio.gui.inspector import Inspector
from nnstudio.gui.language import language_menu
from nnstudio.gui.lessons.window import LessonUi
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr
from nnstudio.gui.offview_cue import OffViewCue
from nnstudio.gui.palette import LayerPalette
from nnstudio.gui.panels import create_panels
from nnstudio.gui.panels.base import Panel
from nnstudio.gui.panels.boundary import BoundaryPanel
from nnstudio.gui.presentation import install_presentation
from nnstudio.gui.race.action import install_race_actions
from nnstudio.gui.stepthrough.mode import StepThrough
from nnstudio.gui.summary import ModelSummary
from nnstudio.gui.training import TrainingUi, prompts
from nnstudio.gui.training.host import TrainingHost

TOOLBAR_ICON = 32
DEFAULT_SIZE = QSize(1600, 1000)
#: the dashboard columns' default widths (in proportion: the middle one holds the pictures)
DASHBOARD_WIDTHS = (500, 600, 500)
#: width of the data / inspector / training tabs on the right
RIGHT_DOCK_WIDTH = 400
#: a window narrower or lower than this takes the compact arrangement (`arrange_docks`)
COMPACT_BELOW = QSize(1280, 900)
#: the palette's width beside the canvas: in the wide and in the compact arrangement
PALETTE_WIDTHS = (215, 190)
#: how the compact dashboard's columns share the width their tabs leave: the loss and weights
#: group, the pictures, the data, training settings (and lesson) group
COMPACT_WIDTHS = (1, 3, 1)
#: pixels between two columns of docks
COMPACT_SPACING = 8
#: the dashboard's height in the compact arrangement, as a share of the window's
COMPACT_DASHBOARD_SHARE = 0.55


def is_compact(size: QSize) -> bool:
    """Whether a window of `size` takes the compact arrangement of its docks."""
    return size.width() < COMPACT_BELOW.width() or size.height() < COMPACT_BELOW.height()


def tabs_width(docks: list[QDockWidget], font: QFont) -> int:
    """The width a tab bar needs to show the titles of `docks` whole (0 for a single dock,
    which has no tab bar)."""
    if len(docks) < 2:
        return 0
    bar = QTabBar()
    bar.setFont(font)
    for dock in docks:
        bar.addTab(dock.windowTitle())
    return sum(bar.tabSizeHint(i).width() for i in range(bar.count()))


def compact_columns(columns: list[list[QDockWidget]]) -> list[list[QDockWidget]]:
    """The dashboard's default columns for a small window: the first (the loss) and the last
    (weights, gradients) share one group, the pictures keep theirs."""
    if len(columns) < 3:
        return [list(column) for column in columns]
    return [[*columns[0], *columns[-1]], *(list(c) for c in columns[1:-1])]


def fragment_mime(fragment: dict[str, Any]) -> QMimeData:
    """Clipboard data for copied nodes: `mime.FRAGMENT` JSON, and the same JSON as text."""
    text = json.dumps(fragment, ensure_ascii=False)
    data = QMimeData()
    data.setData(mime.FRAGMENT, text.encode("utf-8"))
    data.setText(text)
    return data


def fragment_from_mime(data: QMimeData | None) -> dict[str, Any] | None:
    """The nodes and edges on the clipboard, or None when it holds none (or garbage)."""
    if data is None or not data.hasFormat(mime.FRAGMENT):
        return None
    try:
        fragment = json.loads(bytes(data.data(mime.FRAGMENT).data()).decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(fragment, dict) or not isinstance(fragment.get("nodes"), list):
        return None
    nodes_ok = all(isinstance(n, dict) and isinstance(n.get("id"), str)
                   and n.get("type") in NODE_TYPES and isinstance(n.get("params", {}), dict)
                   for n in fragment["nodes"])
    edges = fragment.get("edges", [])
    edges_ok = isinstance(edges, list) and all(
        isinstance(e, list) and len(e) == 2 and all(isinstance(x, str) for x in e)
        for e in edges)
    return fragment if nodes_ok and edges_ok and fragment["nodes"] else None


def panel_title(panel: Panel) -> str:
    """A dashboard panel's dock title (its `title`, with "&" shown as itself)."""
    return panel.title.replace("&", "&&")


def button_text(menu_text: str) -> str:
    """A menu text as a toolbar button shows it: without its shortcut marker, whether "&New"
    or, as Chinese menus write it, "新建(&N)"."""
    return re.sub(r"\(&\w\)|&(?=\S)", "", menu_text).replace("…", "").strip()


def drawn_icon(kind: str, size: int = TOOLBAR_ICON) -> QIcon:
    """Simple line icons where the style has none: zoom-in, zoom-out, fit, layout."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32
    p.setPen(QPen(QColor(theme.TEXT_COLOUR), 2.6 * s, Qt.PenStyle.SolidLine,
                  Qt.PenCapStyle.RoundCap))
    if kind in ("zoom_in", "zoom_out"):
        p.drawEllipse(QRectF(4 * s, 4 * s, 18 * s, 18 * s))
        p.drawLine(QPointF(19.5 * s, 19.5 * s), QPointF(28 * s, 28 * s))
        p.drawLine(QPointF(8.5 * s, 13 * s), QPointF(17.5 * s, 13 * s))
        if kind == "zoom_in":
            p.drawLine(QPointF(13 * s, 8.5 * s), QPointF(13 * s, 17.5 * s))
    elif kind == "fit":
        for x, y, dx, dy in ((4, 4, 1, 1), (28, 4, -1, 1), (4, 28, 1, -1), (28, 28, -1, -1)):
            p.drawLine(QPointF(x * s, y * s), QPointF((x + 7 * dx) * s, y * s))
            p.drawLine(QPointF(x * s, y * s), QPointF(x * s, (y + 7 * dy) * s))
        p.drawRect(QRectF(11 * s, 11 * s, 10 * s, 10 * s))
    elif kind == "layout":
        for x, y in ((3, 12), (14, 5), (14, 19), (25, 12)):
            p.drawRect(QRectF(x * s, y * s, 5 * s, 6 * s))
        for a, b in (((8, 14), (14, 8)), ((8, 16), (14, 22)), ((19, 8), (25, 14)),
                     ((19, 22), (25, 16))):
            p.drawLine(QPointF(a[0] * s, a[1] * s), QPointF(b[0] * s, b[1] * s))
    p.end()
    return QIcon(pixmap)


class MainWindow(QMainWindow):
    """One open design: canvas, palette, inspector, summary, menus, toolbar and status bar."""

    #: the layer palette (the name hides QWidget.palette(), which the window never calls)
    palette: LayerPalette  # type: ignore[assignment]

    def __init__(self, design: Design | None = None, parent: QWidget | None = None, *,
                 remember_layout: bool = True):
        """`remember_layout`: restore the saved window layout, and save it on close."""
        super().__init__(parent)
        self.remember_layout = remember_layout
        #: the docks are as `arrange_docks` left them (for the compact or the wide window),
        #: so a resize across COMPACT_BELOW arranges them again
        self.default_layout = True
        self.compact_layout = False
        self._arranging = False
        #: the window's size when last arranged
        self._arranged = QSize()
        self.setObjectName("MainWindow")
        self.undo_stack = QUndoStack(self)
        self.model = DesignModel(design or Design.default(), self)
        self.canvas = CanvasView(self.model, self.undo_stack, self)
        self.setCentralWidget(self.canvas)
        self.offview_cue = OffViewCue(self.canvas)
        self.files = DocumentFiles(self.model, self.undo_stack, self, self)
        self.palette = LayerPalette()
        self.inspector = Inspector(self.model, self.undo_stack)
        self.summary = ModelSummary(self.model)
        self.palette_dock = self._dock("palette", self.tr("Layers"), self.palette)
        self.inspector_dock = self._dock("inspector", self.tr("Inspector"), self.inspector)
        self.summary_dock = self._dock("summary", self.tr("Summary"), self.summary)
        self.data_panel = DataPanel(self.model, self.undo_stack,
                                    lambda text: self.ask_fit_to_data(text))
        self.data_dock = self._dock("data", self.tr("Data"), self.data_panel)
        host = TrainingHost(self, self.canvas, self.model, self.undo_stack, self.files.saved, self)
        self.training = TrainingUi(host, [p for p in create_panels() if isinstance(p, Panel)])
        self.training_dock = self._dock("training", self.tr("Training Settings"),
                                        self.training.settings)
        self.panel_docks = [self._dock(type(panel).__name__, panel_title(panel), panel)
                            for panel in self.training.panels]
        self.lessons = LessonUi(self)
        self.autosave = Autosaver(self.model, self.undo_stack, self.training.controller, self)
        self.act: dict[str, QAction] = {}
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.step_through = StepThrough(self)
        self.statusBar().showMessage(self.tr("Ready"))
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks
                            | QMainWindow.DockOption.AllowTabbedDocks)
        self._connect()
        self.resize(DEFAULT_SIZE)  # first: docks arranged in a smaller window leave tab bars
        self.arrange_docks()
        if remember_layout and settings.restore_layout(self):
            self.default_layout = False
        self.lessons.follow_design()
        self._update_title()
        self._update_edit_actions()
        self.training.start()
        self.autosave.start()

    # -- building ---------------------------------------------------------------------------------
    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        return dock

    def arrange_docks(self) -> None:
        """The default layout for the window's size.

        Wide: palette left, data, inspector and training settings tabbed on the right (data in
        front: choosing data comes first), the dashboard panels across the bottom in columns
        (the summary with the last). Compact (`is_compact`: a 1024×768 projector): the canvas
        gets the width beside the palette (the inspector its second tab), so a network opens
        at a readable size; the data and training settings (and the Lesson, in front, while one
        is open) are a group at the right end of the dashboard, whose first and last columns
        share a group (`compact_columns`), so every tab's title fits; the summary waits in the
        View menu.
        """
        self._arranging = True
        size = self.size()
        self.compact_layout = compact = is_compact(size)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        lesson = self.lessons.dock
        for dock in (self.palette_dock, self.summary_dock, self.data_dock, self.inspector_dock,
                     self.training_dock, *self.panel_docks, lesson):
            dock.setFloating(False)
            dock.setVisible(dock is not lesson and not (compact and dock is self.summary_dock))
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        settings_group = [self.data_dock, self.inspector_dock, self.training_dock]
        columns = self.training.dashboard_columns(self.panel_docks) or [[]]
        if compact:
            self.tabifyDockWidget(self.palette_dock, self.inspector_dock)
            self.palette_dock.raise_()
            columns = [*compact_columns(columns),
                       [self.data_dock, self.training_dock, self.summary_dock, lesson]]
        else:
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, lesson)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.data_dock)
            for first, then in itertools.pairwise(settings_group):
                self.tabifyDockWidget(first, then)
            columns[-1].append(self.summary_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, columns[0][0])
        for left, right in itertools.pairwise(columns):
            self.splitDockWidget(left[0], right[0], Qt.Orientation.Horizontal)
        for column in columns:  # tabs only after the split: a tab cannot be split
            for dock in column[1:]:
                self.tabifyDockWidget(column[0], dock)
            column[0].raise_()
        self.data_dock.raise_()
        self.training.fit_panels_to_data()
        self.lessons.follow_design()
        if self.isVisible() and not self.isMaximized() and not self.isFullScreen():
            layout = self.layout()
            if layout is not None:
                layout.activate()  # docks on their way to a new place widened the window
            self.resize(size)
        self._arranged = size
        if compact:
            self.size_columns()
        else:
            self.resizeDocks([self.palette_dock, self.data_dock],
                             [PALETTE_WIDTHS[0], RIGHT_DOCK_WIDTH], Qt.Orientation.Horizontal)
            self.resizeDocks([columns[0][0]], [420], Qt.Orientation.Vertical)
            widths = DASHBOARD_WIDTHS[:len(columns)]
            self.resizeDocks([column[0] for column in columns[:len(widths)]], list(widths),
                             Qt.Orientation.Horizontal)
        self.toolbar.show()
        self.training.controls.toolbar.show()
        self._arranging = False

    def bottom_groups(self) -> list[list[QDockWidget]]:
        """The shown docks along the bottom, a list per tab group, from left to right."""
        groups: list[list[QDockWidget]] = []
        for dock in self.findChildren(QDockWidget):
            if (dock.isHidden() or dock.isFloating() or any(dock in g for g in groups)
                    or self.dockWidgetArea(dock) != Qt.DockWidgetArea.BottomDockWidgetArea):
                continue
            groups.append([dock, *(d for d in self.tabifiedDockWidgets(dock)
                                   if not d.isHidden())])
        return sorted(groups, key=lambda group: min(  # the tab in front: the others' x is old
            (d.x() for d in group if not d.visibleRegion().isEmpty()),
            default=min(d.x() for d in group)))

    def size_columns(self) -> None:
        """In the compact arrangement, size the palette and the dashboard's columns again
        once the docks are laid out (after a lesson step moved a panel from one group to
        another, or the window was resized); else nothing."""
        QTimer.singleShot(0, self, self._size_columns_now)

    def _size_columns_now(self) -> None:
        if self.compact_layout and not self.presentation.active:
            self._size_compact_docks(self.bottom_groups())

    def _size_compact_docks(self, columns: list[list[QDockWidget]]) -> None:
        """The compact arrangement's sizes: a narrow palette, and under a canvas of the rest
        of the height the dashboard's columns, each as wide as its tabs' titles need and the
        width left over shared out as COMPACT_WIDTHS."""
        if not columns:
            return
        self.resizeDocks([self.palette_dock], [PALETTE_WIDTHS[1]], Qt.Orientation.Horizontal)
        self.resizeDocks([columns[0][0]], [round(self.height() * COMPACT_DASHBOARD_SHARE)],
                         Qt.Orientation.Vertical)
        needs = [tabs_width([d for d in column if not d.isHidden()], self.font())
                 for column in columns]
        shares = (COMPACT_WIDTHS[-len(columns):] if len(columns) <= len(COMPACT_WIDTHS)
                  else (1,) * len(columns))
        spare = max(0, self.width() - sum(needs) - COMPACT_SPACING * len(columns))
        self.resizeDocks([column[0] for column in columns],
                         [need + round(spare * share / sum(shares))
                          for need, share in zip(needs, shares, strict=True)],
                         Qt.Orientation.Horizontal)

    def _action(self, key: str, text: str, slot: Callable[[], object],
                shortcuts: Sequence[str | QKeySequence.StandardKey] = (),
                icon: QIcon | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(icon)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.act[key] = action
        return action

    def _standard_icon(self, pixmap: QStyle.StandardPixmap) -> QIcon:
        return self.style().standardIcon(pixmap)

    def _make_actions(self) -> None:
        sp, key = QStyle.StandardPixmap, QKeySequence.StandardKey
        a = self._action
        a("new", self.tr("&New"), self.files.new, [key.New], self._standard_icon(sp.SP_FileIcon),
          self.tr("Start an empty design"))
        a("open", self.tr("&Open…"), self.files.open, [key.Open],
          self._standard_icon(sp.SP_DialogOpenButton), self.tr("Open a design file"))
        a("save", self.tr("&Save"), self.files.save, [key.Save],
          self._standard_icon(sp.SP_DialogSaveButton), self.tr("Save the design"))
        a("save_as", self.tr("Save &As…"), self.files.save_as, ["Ctrl+Shift+S"],
          tip=self.tr("Save the design to a new file"))
        a("quit", self.tr("&Quit"), self.close, ["Ctrl+Q"])
        self.act["quit"].setMenuRole(QAction.MenuRole.QuitRole)

        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence(key.Undo)])
        undo.setIconText(self.tr("Undo"))
        undo.setIcon(self._standard_icon(sp.SP_ArrowBack))
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setIconText(self.tr("Redo"))
        redo.setIcon(self._standard_icon(sp.SP_ArrowForward))
        self.act["undo"], self.act["redo"] = undo, redo
        a("cut", self.tr("Cu&t"), self.cut, [key.Cut])
        a("copy", self.tr("&Copy"), self.copy, [key.Copy])
        a("paste", self.tr("&Paste"), self.paste, [key.Paste])
        a("delete", self.tr("&Delete"), self.canvas.delete_selection, ["Del", "Backspace"],
          self._standard_icon(sp.SP_TrashIcon), self.tr("Delete the selected layers"))
        a("select_all", self.tr("Select &All"), self.canvas.select_all, [key.SelectAll])

        a("zoom_in", self.tr("Zoom &In"), self.canvas.zoom_in, ["Ctrl+Alt+="],
          drawn_icon("zoom_in"))
        a("zoom_out", self.tr("Zoom &Out"), self.canvas.zoom_out, ["Ctrl+Alt+-"],
          drawn_icon("zoom_out"))
        a("fit", self.tr("&Fit"), self.canvas.fit, ["F"], drawn_icon("fit"),
          self.tr("Show the whole network"))
        a("actual_size", self.tr("&Actual Size"), self.canvas.reset_zoom, ["Ctrl+Alt+0"])
        a("auto_layout", self.tr("Auto &Layout"), self.canvas.auto_layout, ["Ctrl+L"],
          drawn_icon("layout"), self.tr("Arrange the layers left to right"))
        a("reset_layout", self.tr("&Reset Layout"), self.arrange_docks,
          tip=self.tr("Put the panels back where they started"))

    def _make_menus(self) -> None:
        bar, act = self.menuBar(), self.act
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([act["new"], act["open"]])
        self.examples_menu = file_menu.addMenu(self.tr("Open &Example"))
        self.examples_menu.setToolTipsVisible(True)
        for example in list_examples():
            action = self.examples_menu.addAction(example.title)
            action.setStatusTip(example.blurb)
            action.setToolTip(example.blurb)
            action.triggered.connect(lambda _=False, p=example.path: self.files.open_example(p))
        file_menu.addAction(self.lessons.gallery_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setToolTipsVisible(True)
        self.recent_menu.aboutToShow.connect(self.refresh_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([act["save"], act["save_as"]])
        file_menu.addSeparator()
        file_menu.addAction(install_export_action(self))
        file_menu.addActions(install_figure_actions(self))
        file_menu.addSeparator()
        file_menu.addAction(act["quit"])

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([act["undo"], act["redo"]])
        edit_menu.addSeparator()
        edit_menu.addActions([act["cut"], act["copy"], act["paste"], act["delete"]])
        edit_menu.addSeparator()
        edit_menu.addAction(act["select_all"])

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.view_menu.addActions([act["zoom_in"], act["zoom_out"], act["fit"],
                                   act["actual_size"]])
        self.presentation = install_presentation(self)  # Ctrl+= / Ctrl+- / Ctrl+0: text size
        self.view_menu.addSeparator()
        self.view_menu.addActions(self.presentation.actions)
        self.view_menu.addSeparator()
        self.view_menu.addAction(act["auto_layout"])
        self.view_menu.addSeparator()
        for dock in (self.palette_dock, self.data_dock, self.inspector_dock, self.summary_dock,
                     self.training_dock, self.lessons.dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        for dock in self.panel_docks:
            self.view_menu.addAction(dock.toggleViewAction())

        training_menu = bar.addMenu(self.tr("&Training"))
        training_menu.addActions(list(self.training.controls.actions.values()))
        training_menu.addSeparator()
        training_menu.addActions(install_race_actions(self, self.model, self.undo_stack))
        self.refresh_recent_menu()

    def _make_toolbar(self) -> None:
        self.toolbar = toolbar = QToolBar(self.tr("Toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        toolbar.setMovable(False)
        act = self.act
        groups = (("new", "open", "save"), ("undo", "redo", "delete"),
                  ("zoom_in", "zoom_out", "fit", "auto_layout"))
        for i, group in enumerate(groups):
            if i:
                toolbar.addSeparator()
            toolbar.addActions([act[k] for k in group])
        for key in ("new", "open", "save", "delete", "zoom_in", "zoom_out", "fit", "auto_layout"):
            act[key].setIconText(button_text(act[key].text()))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.training.controls.toolbar)
        self.statusBar().addPermanentWidget(self.training.controls.status)
        self.training.controls.toolbar.setWindowTitle(self.tr("Training Toolbar"))
        self.view_menu.addAction(toolbar.toggleViewAction())
        self.view_menu.addAction(self.training.controls.toolbar.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(act["reset_layout"])
        self.view_menu.addMenu(language_menu(self))

    def _connect(self) -> None:
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.model.modelReset.connect(self._update_title)
        self.model.pathChanged.connect(self._update_title)
        self.model.sectionChanged.connect(self._on_section_changed)
        self.model.analysisChanged.connect(self._update_edit_actions)
        self.canvas.selectionChangedIds.connect(self._on_selection)
        self.canvas.scene().selectionChanged.connect(self._update_edit_actions)
        self.canvas.message.connect(self.show_status)
        self.palette.nodeRequested.connect(self.add_node)
        self.summary.nodeRequested.connect(self.show_node)
        self.summary_dock.dockLocationChanged.connect(self._on_summary_moved)
        self.files.opened.connect(self._update_edit_actions)
        self.files.recentChanged.connect(self.refresh_recent_menu)
        self.files.message.connect(self.show_status)
        self.data_panel.message.connect(self.show_status)
        for panel in self.training.panels:
            if isinstance(panel, BoundaryPanel):
                panel.planeClicked.connect(self.data_panel.edit_points)
        for dock in self.findChildren(QDockWidget):
            dock.dockLocationChanged.connect(self._on_dock_moved)
            dock.topLevelChanged.connect(self._on_dock_moved)
        self.statusBar().messageChanged.connect(self._on_status_message)
        self.autosave.failed.connect(self.show_status)
        self.training.controller.warned.connect(self.training.banner.show_warning)
        self.training.controller.warned.connect(self.show_status)
        QGuiApplication.clipboard().dataChanged.connect(self._update_edit_actions)

    # -- reacting ---------------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_dock_moved(self, *_: object) -> None:
        """A dock the user moved or floated ends the default arrangement."""
        if not self._arranging and not self.presentation.active:
            self.default_layout = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.default_layout:
            QTimer.singleShot(0, self, self._rearrange)

    def _rearrange(self) -> None:
        """In the default arrangement, a window that crossed COMPACT_BELOW is arranged again,
        and a compact one that changed its size sizes its columns again."""
        if not self.default_layout or self.presentation.active:
            return
        if is_compact(self.size()) != self.compact_layout:
            self.arrange_docks()
        elif self.compact_layout and self._arranged != self.size():
            self._arranged = self.size()
            self.size_columns()

    def _on_status_message(self, text: str) -> None:
        """A temporary message takes the whole status bar: the training read-out steps aside
        until it ends (else the message is cut off against the read-out, or runs into it)."""
        self.training.controls.status.setVisible(not text)

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _update_title(self) -> None:
        name = display_name(self.model.design, self.tr("Untitled"))
        self.setWindowTitle(self.tr("{name}[*] — nnstudio").format(name=name))

    def _on_section_changed(self, key: str) -> None:
        if key == "name":
            self._update_title()

    def _on_summary_moved(self, area: Qt.DockWidgetArea) -> None:
        across = area in (Qt.DockWidgetArea.TopDockWidgetArea,
                          Qt.DockWidgetArea.BottomDockWidgetArea)
        self.summary.set_orientation(Qt.Orientation.Horizontal if across
                                     else Qt.Orientation.Vertical)

    def _on_selection(self, ids: list[str]) -> None:
        self.inspector.set_selection(ids)
        self._update_edit_actions()

    def _update_edit_actions(self) -> None:
        has_nodes = bool(self.canvas.selected_node_ids())
        self.act["cut"].setEnabled(has_nodes)
        self.act["copy"].setEnabled(has_nodes)
        self.act["delete"].setEnabled(has_nodes or bool(self.canvas.selected_edges()))
        clipboard = QGuiApplication.clipboard().mimeData()
        self.act["paste"].setEnabled(clipboard is not None
                                     and clipboard.hasFormat(mime.FRAGMENT))

    def refresh_recent_menu(self) -> None:
        """Rebuild File ▸ Open Recent from the settings (files that vanished are dropped)."""
        menu = self.recent_menu
        menu.clear()
        paths = settings.recent_files()
        for i, path in enumerate(paths, start=1):
            action = menu.addAction(f"&{i % 10}  {path.name}")
            action.setToolTip(dialogs.tooltip_text(str(path)))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        if not paths:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Menu"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        settings.clear_recent_files()
        self.refresh_recent_menu()

    # -- commands ---------------------------------------------------------------------------------
    def add_node(self, type_name: str) -> str:
        """Add a node after the selection (palette double-click / Enter) and select it."""
        node_id = self.canvas.append_after_selection(type_name)
        self.canvas.setFocus()
        return node_id

    def show_node(self, node_id: str) -> None:
        self.canvas.select_nodes([node_id])
        problems = self.model.analysis.node_problems(node_id)
        if problems:
            self.show_status(f"{node_id}: {network_problem_tr(problems[0])}")

    def copy(self) -> bool:
        fragment = self.canvas.copy_selection()
        if not fragment:
            return False
        QGuiApplication.clipboard().setMimeData(fragment_mime(fragment))
        return True

    def cut(self) -> bool:
        if not self.copy():
            return False
        self.canvas.delete_selection()
        return True

    def paste(self) -> bool:
        fragment = fragment_from_mime(QGuiApplication.clipboard().mimeData())
        if fragment is None:
            self.show_status(self.tr("The clipboard holds no layers"))
            return False
        self.canvas.paste(fragment)
        return True

    # -- Prompts (tests replace these) ------------------------------------------------------------
    def ask_save_changes(self) -> QMessageBox.StandardButton:
        return dialogs.ask_save_changes(self, display_name(self.model.design,
                                                           self.tr("Untitled")))

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open design"), self._start_dir(),
                                              self._file_filter())
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        stem = display_name(self.model.design, self.tr("Untitled"))
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in stem).strip() or "design"
        suggested = str(Path(self._start_dir()) / (stem + DESIGN_SUFFIX))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save design"), suggested,
                                              self._file_filter())
        return Path(name) if name else None

    def ask_discard_weights(self) -> bool:
        return prompts.ask_discard_weights(self)

    def ask_save_weights(self, path: Path) -> bool:
        return prompts.ask_save_weights(self, path)

    def ask_fit_to_data(self, text: str) -> bool:
        """Whether to fit the output layer and loss to new data (`text` is the offer)."""
        return data_prompts.ask_fit(self, text)

    def show_problems(self, error: DesignError) -> None:
        dialogs.ProblemsDialog(error.source or "", error.problems, self).exec()

    def show_error(self, title: str, text: str) -> None:
        dialogs.show_error(self, title, text)

    def offer_save_as(self, text: str) -> bool:
        return dialogs.offer_save_as(self, text)

    def ask_recover(self, name: str, when: str) -> dialogs.Recovery:
        return dialogs.ask_recover(self, name, when)

    def _file_filter(self) -> str:
        return self.tr("nnstudio designs (*.json);;All files (*)")

    def _start_dir(self) -> str:
        if self.model.path is not None:
            return str(self.model.path.parent)
        recent = settings.recent_files()
        return str(recent[0].parent) if recent else str(Path.home())

    # -- recovery ---------------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer the designs autosaved by windows that did not close cleanly, newest first,
        until one is recovered into this window or put off; True when one was recovered.
        A damaged autosave is reported and removed."""
        orphans = find_orphans(autosave_folder())
        recovered = False
        while orphans and not recovered:
            orphan = orphans.pop(0)
            try:
                design = orphan.design()
            except DesignError as exc:
                self.show_problems(exc)
                orphan.discard()
                continue
            name = display_name(design, self.tr("Untitled"))
            when = QLocale().toString(orphan.saved, QLocale.FormatType.ShortFormat)
            answer = self.ask_recover(name, when)
            if answer is dialogs.Recovery.DISCARD:
                orphan.discard()
            elif answer is dialogs.Recovery.RECOVER and self.files.recover(design):
                self._continue_recovered(orphan)
                recovered = True
            else:
                orphan.put_off()
                break
        for orphan in orphans:
            orphan.put_off()
        return recovered

    def _continue_recovered(self, orphan: Orphan) -> None:
        """Train from the recovered weights, and keep autosaving into the recovered files."""
        weights = orphan.session.weights
        if weights.is_file():
            self.training.controller.start(self.model.design, weights)
        self.autosave.adopt(orphan)

    # -- window events ----------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard() or not confirm_close(self):  # the recording too
            event.ignore()
            return
        self.autosave.discard()
        if self.remember_layout:
            settings.save_layout(self)
        self.data_panel.shutdown()
        self.training.shutdown()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_design_files(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_design_files(event)

    @staticmethod
    def _accept_design_files(event: QDragMoveEvent) -> None:
        """Take a drag that carries design files, refuse any other."""
        if design_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = design_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop returns, so the file manager is not blocked by our questions.
        QTimer.singleShot(0, self, lambda: self.files.open_path(paths[0]))
