"""A folder of images with one sub-folder per class, the class named after its sub-folder."""

from __future__ import annotations

from collections.abc import Callable
from math import prod
from pathlib import Path

import numpy as np

from nnstudio.data import limits
from nnstudio.data.decoders import ImageDecoder, image_decoder
from nnstudio.data.errors import DataError
from nnstudio.data.samples import Samples

#: the files taken as images (by suffix, any case); others (notes, thumbnails…) are skipped
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".pgm", ".ppm", ".pnm", ".bmp", ".gif",
                            ".webp", ".tif", ".tiff"})


def _visible(path: Path) -> bool:
    return not path.name.startswith(".")


def image_files(folder: Path) -> list[Path]:
    """The image files directly inside `folder`, sorted by name."""
    return sorted(p for p in folder.iterdir()
                  if _visible(p) and p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def load_image_folder(folder: Path, size: tuple[int, int], rgb: bool,
                      progress: Callable[[float], None] | None = None) -> Samples:
    """Images (N, C, h, w) and labels (N,) from `folder`: classes are its sub-folders in
    sorted order, samples their image files in sorted order. Pixels are decoded by the
    registered decoder (decoders.image_decoder) and kept as bytes (divisor 255), as 8-bit
    files hold them. DataError naming the folder or file at fault, or the folder when its
    images would not fit in memory (checked before decoding any). `progress`, if given, is
    called with the fraction of the images decoded after each one."""
    classes, files = _class_files(folder)
    shape = (3 if rgb else 1, *size)
    count = sum(len(f) for f in files)
    limits.check_fits(count * prod(shape) * (1 + limits.SPLIT_BYTES_PER_VALUE), folder.name,
                      "path")
    x = np.empty((count, *shape), dtype=np.uint8)
    decode = image_decoder()
    i = 0
    for group in files:
        for path in group:
            x[i] = np.rint(_decode(decode, path, folder, size, rgb, shape) * 255.0)
            i += 1
            if progress is not None:
                progress(i / count)
    y = np.repeat(np.arange(len(classes), dtype=np.int64), [len(f) for f in files])
    return Samples(x, y, "classification", "images", tuple(c.name for c in classes), (),
                   folder.name, 255.0)


def _class_files(folder: Path) -> tuple[list[Path], list[list[Path]]]:
    """The class sub-folders of `folder` in sorted order and the image files of each;
    DataError unless there are at least two, each holding images, and they can be listed."""
    try:
        classes = sorted(p for p in folder.iterdir() if _visible(p) and p.is_dir())
        if not classes:
            hint = ("its images must be sorted into one sub-folder per class"
                    if image_files(folder) else "it is empty")
            raise DataError(f"{folder.name} has no class sub-folders: {hint} (e.g. "
                            f"{folder.name}/cat/1.png, {folder.name}/dog/1.png)", key="path")
        files = [image_files(c) for c in classes]
    except OSError as exc:
        raise DataError(f"cannot read {folder}: {exc.strerror or exc}", key="path") from None
    empty = next((c for c, found in zip(classes, files, strict=True) if not found), None)
    if empty is not None:
        raise DataError(f"the class folder {empty.name!r} in {folder.name} holds no images "
                        f"(PNG, JPEG, PGM or PPM files)", key="path")
    if len(classes) < 2:
        raise DataError(f"{folder.name} has a single class folder ({classes[0].name!r}); a "
                        f"classifier needs at least two", key="path")
    return classes, files


def _decode(decode: ImageDecoder, path: Path, folder: Path, size: tuple[int, int], rgb: bool,
            shape: tuple[int, ...]) -> np.ndarray:
    """One image (C, h, w) in [0, 1]; DataError naming the file (relative to `folder`)."""
    name = path.relative_to(folder).as_posix()
    try:
        image = np.asarray(decode(path, size, rgb), dtype=np.float64)
    except DataError as exc:
        raise DataError(f"{exc} (in {folder.name}/{path.parent.name}/)", key="path") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"{name} cannot be read as an image ({exc})", key="path") from None
    if image.shape != shape:
        raise DataError(f"{name}: the image decoder gave shape {image.shape} instead of "
                        f"{shape}", key="path")
    if not (np.isfinite(image).all() and image.min() >= 0.0 and image.max() <= 1.0):
        raise DataError(f"{name}: the image decoder gave values outside [0, 1]", key="path")
    return image
