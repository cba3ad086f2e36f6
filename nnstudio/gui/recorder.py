"""Recording a widget (a panel, or the whole window) while training runs, as an animated GIF or
WebP for slides.

Frames are grabbed on a timer in the GUI thread, which only looks at what the widget shows: the
training worker is never touched. Each frame is scaled to the chosen width and kept
zlib-compressed (plots are mostly flat colour, so a frame takes a few tens of kilobytes), a frame
equal to the one before only lengthens it, and a recording stops by itself at `max_seconds`
(60 s unless asked otherwise) or when its frames fill MEMORY_BUDGET bytes, whichever comes
first. Pillow writes the file, on a background thread, under a temporary name renamed at the end.
"""

from __future__ import annotations

import os
import secrets
import threading
import weakref
import zlib
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

FORMATS = ("gif", "webp")
#: the longest recording, in seconds of the animation
MAX_SECONDS = 60
#: the most compressed frame bytes a recording keeps in memory
MEMORY_BUDGET = 256 * 1024 * 1024
MIN_FPS, MAX_FPS = 1, 30
MIN_WIDTH, MAX_WIDTH = 120, 1920


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recorder", text)


class RecordingError(Exception):
    """A recording that could not be written; the message is for the user."""


@dataclass
class Frame:
    """One picture of the animation: RGB bytes (height, width, 3), zlib-compressed, shown for
    `repeats` ticks of the timer."""

    data: bytes
    repeats: int = 1


class Recorder(QObject):
    """Grabs `widget` `fps` times a second, scaled to `width` pixels wide.

    Signals: `progress(seconds)` after every frame; `stopped(reason)` when recording ends (an
    empty reason when stop() was asked, else why it stopped by itself); `saved(path, frames)`
    and `failed(message)` when the background write ends.
    """

    progress = Signal(float)
    stopped = Signal(str)
    saved = Signal(str, int)
    failed = Signal(str)

    def __init__(self, widget: QWidget, fps: int = 10, width: int = 800,
                 max_seconds: float = MAX_SECONDS, parent: QObject | None = None):
        super().__init__(parent)
        self._widget = weakref.ref(widget)  # never part of a cycle that keeps a window alive
        self.fps = max(MIN_FPS, min(MAX_FPS, int(fps)))
        self.width = max(MIN_WIDTH, min(MAX_WIDTH, int(width)))
        self.max_ticks = max(1, round(max_seconds * self.fps))
        self.frames: list[Frame] = []
        self.size: QSize | None = None
        self.ticks = 0
        self.stored_bytes = 0
        self._last_raw: bytes | None = None
        self._writer: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(1000 / self.fps))
        self.timer.timeout.connect(self._on_tick)

    # -- recording --------------------------------------------------------------------------
    @property
    def recording(self) -> bool:
        return self.timer.isActive()

    @property
    def seconds(self) -> float:
        """The length of the animation recorded so far."""
        return self.ticks / self.fps

    def start(self) -> None:
        """Forget earlier frames, grab the first one now and then one every 1/fps seconds."""
        self.frames.clear()
        self.size, self.ticks, self.stored_bytes, self._last_raw = None, 0, 0, None
        self.timer.start()
        self._on_tick()

    def stop(self, reason: str = "") -> None:
        """Stop grabbing (the frames stay, for save())."""
        if self.timer.isActive():
            self.timer.stop()
            self.stopped.emit(reason)

    def _on_tick(self) -> None:
        if not self.grab_frame():
            self.stop(_tr("The recording stopped at its limit of {seconds} s.")
                      .format(seconds=round(self.max_ticks / self.fps)))

    def grab_frame(self) -> bool:
        """Add a picture of the widget; False (and nothing added) once the recording is full."""
        widget = self._widget()
        if widget is None or self.ticks >= self.max_ticks or self.stored_bytes >= MEMORY_BUDGET:
            return False
        raw = self._picture(widget)
        self.ticks += 1
        if raw == self._last_raw:
            self.frames[-1].repeats += 1
        else:
            frame = Frame(zlib.compress(raw, 1))
            self.frames.append(frame)
            self.stored_bytes += len(frame.data)
            self._last_raw = raw
        self.progress.emit(self.seconds)
        return True

    def _picture(self, widget: QWidget) -> bytes:
        """The widget as it looks now: RGB bytes of `self.size` (fixed by the first frame)."""
        image = widget.grab().toImage()
        if self.size is None:
            height = max(1, round(image.height() * self.width / max(image.width(), 1)))
            self.size = QSize(self.width, height)
        image = image.scaled(self.size, Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
        image = image.convertToFormat(QImage.Format.Format_RGB888)
        return rgb_bytes(image)

    # -- saving -----------------------------------------------------------------------------
    @property
    def saving(self) -> bool:
        return self._writer is not None and self._writer.is_alive()

    def save(self, path: Path) -> None:
        """Write the frames to `path` (GIF or WebP by its suffix) on a background thread; then
        `saved` or `failed`."""
        self.stop()
        frames, size, fps = list(self.frames), self.size, self.fps
        self._writer = threading.Thread(target=self._write_and_report,
                                        args=(frames, size, fps, path), daemon=True)
        self._writer.start()

    def save_now(self, path: Path) -> None:
        """Stop grabbing without a word (no `stopped`) and write the frames to `path` in
        this thread, before the window closes; RecordingError when it cannot."""
        self.timer.stop()
        write_animation(list(self.frames), self.size, self.fps, path)

    def discard(self) -> None:
        """Stop grabbing without a word (no `stopped`) and forget the frames."""
        self.timer.stop()
        self.frames.clear()

    def wait_saved(self) -> None:
        """Block until the save under way (if any) has written its file or failed."""
        if self._writer is not None:
            self._writer.join()

    def _write_and_report(self, frames: list[Frame], size: QSize | None, fps: int,
                          path: Path) -> None:
        try:
            write_animation(frames, size, fps, path)
        except RecordingError as error:
            report: tuple[Any, ...] = (self.failed, str(error))
        else:
            report = (self.saved, str(path), len(frames))
        signal, *args = report
        with suppress(RuntimeError):  # the window (and this recorder) closed meanwhile
            signal.emit(*args)


def rgb_bytes(image: QImage) -> bytes:
    """The pixels of an RGB888 image, rows packed without padding (height × width × 3)."""
    row = image.width() * 3
    stride = image.bytesPerLine()
    data = bytes(image.constBits())[:stride * image.height()]
    if stride == row:
        return data
    return b"".join(data[y * stride:y * stride + row] for y in range(image.height()))


def animation_format(path: Path) -> str:
    """"gif" or "webp", from the file name's suffix."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise RecordingError(_tr("A recording is saved as .gif or .webp, not “{name}”.")
                             .format(name=path.name))
    return suffix


def write_animation(frames: list[Frame], size: QSize | None, fps: int, path: Path) -> None:
    """Write the frames (each of `size`) as an animation looping forever, each frame shown
    repeats/fps seconds; RecordingError with a message for the user when it cannot (no
    frames, no Pillow, an unwritable folder, a full disk). A failed write leaves no file."""
    fmt = animation_format(path)
    if not frames or size is None:
        raise RecordingError(_tr("Nothing was recorded."))
    try:
        from PIL import Image, features
    except ImportError as error:
        raise RecordingError(_tr("Saving a recording needs the Pillow package "
                                 "(pip install Pillow).")) from error
    if fmt == "webp" and not features.check("webp"):
        raise RecordingError(_tr("This Pillow cannot write WebP; save the recording as GIF."))
    durations = [round(1000 * frame.repeats / fps) for frame in frames]
    pictures = _pictures(Image, frames, size, fmt)
    options: dict[str, Any] = {"save_all": True, "append_images": pictures, "loop": 0,
                               "duration": durations}
    if fmt == "webp":
        options.update(quality=85, method=4)
    first = next(pictures)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        with open(temporary, "xb") as file:
            first.save(file, format=fmt.upper(), **options)
        os.replace(temporary, path)
    except (OSError, ValueError) as error:
        with suppress(OSError):
            temporary.unlink()
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise RecordingError(_tr("Could not write {path}: {reason}")
                             .format(path=path, reason=reason)) from error


def _pictures(image_module: Any, frames: list[Frame], size: QSize, fmt: str) -> Iterator[Any]:
    """Pillow images of the frames, one at a time (a GIF's with its own 256-colour palette,
    undithered so flat plot colours stay flat)."""
    for frame in frames:
        picture = image_module.frombytes("RGB", (size.width(), size.height()),
                                         zlib.decompress(frame.data))
        if fmt == "gif":
            picture = picture.quantize(256, method=image_module.Quantize.MEDIANCUT,
                                       dither=image_module.Dither.NONE)
        yield picture
