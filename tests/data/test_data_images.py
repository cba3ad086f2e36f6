"""Image folders: the built-in PNG and PGM/PPM decoders, resizing, the injected decoder."""

import zlib

import numpy as np
import pytest
from pngwrite import chunk, png_bytes

from nnstudio.data import DataError, load_dataset, set_image_decoder
from nnstudio.data.decoders import channels, decode_image
from nnstudio.data.imagefolder import load_image_folder
from nnstudio.data.png import decode_png
from nnstudio.data.pnm import decode_pnm
from nnstudio.data.resize import area_weights, resize_area


@pytest.fixture(autouse=True)
def _builtin_decoder():
    set_image_decoder(None)
    yield
    set_image_decoder(None)


def _pixels(h, w, c, seed=0):
    """Smooth gradients plus noise: every filter has something to predict."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w]
    base = (7 * xx + 3 * yy)[..., None] + 40 * np.arange(c)
    return ((base + rng.integers(0, 30, (h, w, c))) % 256).astype(np.uint8)


# -- PNG ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("c", [1, 2, 3, 4])
@pytest.mark.parametrize("filters", [[0], [1], [2], [3], [4], [4, 3, 2, 1, 0]],
                         ids=["none", "sub", "up", "average", "paeth", "mixed"])
def test_png_filters_and_colour_types(c, filters):
    pixels = _pixels(9, 11, c)
    np.testing.assert_array_equal(decode_png(png_bytes(pixels, filters), "t.png"), pixels)


def test_png_palette_with_and_without_transparency():
    palette = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255]])
    index = np.random.default_rng(1).integers(0, 3, (5, 7, 1)).astype(np.uint8)
    rgb = decode_png(png_bytes(index, [4, 1], palette=palette), "p.png")
    np.testing.assert_array_equal(rgb, palette[index[..., 0]])
    rgba = decode_png(png_bytes(index, palette=palette, alpha=b"\x00\x80"), "p.png")
    np.testing.assert_array_equal(rgba[..., 3], np.array([0, 128, 255])[index[..., 0]])


def test_png_written_by_qt_decodes_exactly():
    """Qt's PNG writer (libpng, choosing filters adaptively) as an independent encoder."""
    gui = pytest.importorskip("PySide6.QtGui")
    core = pytest.importorskip("PySide6.QtCore")
    formats = {1: gui.QImage.Format.Format_Grayscale8, 3: gui.QImage.Format.Format_RGB888,
               4: gui.QImage.Format.Format_RGBA8888}
    for c, fmt in formats.items():
        pixels = _pixels(31, 45, c, seed=c)
        image = gui.QImage(pixels.tobytes(), 45, 31, 45 * c, fmt)
        data = core.QByteArray()
        device = core.QBuffer(data)
        device.open(core.QIODevice.OpenModeFlag.WriteOnly)
        assert gui.QImageWriter(device, b"png").write(image)
        decoded = decode_png(bytes(data.data()), "qt.png")
        if c == 4 and decoded.shape[2] == 3:  # Qt drops an alpha channel that is all opaque
            decoded = np.dstack([decoded, np.full(decoded.shape[:2], 255, np.uint8)])
        np.testing.assert_array_equal(decoded, pixels)


GOOD = png_bytes(_pixels(4, 5, 3))


@pytest.mark.parametrize(("data", "words"), [
    (b"GIF89a" + bytes(20), "not a PNG file"),
    (GOOD[:40], "truncated"),
    (GOOD[:20] + bytes([GOOD[20] ^ 1]) + GOOD[21:], "fails its checksum"),
    (png_bytes(_pixels(4, 5, 3), depth=16), "16-bit RGB PNG"),
    (png_bytes(_pixels(4, 5, 1), interlace=1), "interlaced"),
    (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes(13)) + chunk(b"IEND", b""), "header is invalid"),
    (b"\x89PNG\r\n\x1a\n" + chunk(b"IEND", b""), "header chunk is missing"),
    (png_bytes(_pixels(4, 5, 1))[:33] + chunk(b"IDAT", b"not zlib") + chunk(b"IEND", b""),
     "cannot be decompressed"),
    (png_bytes(np.zeros((2, 2, 1), np.uint8), palette=np.zeros((1, 3)))[:33]
     + chunk(b"IDAT", zlib.compress(b"\0\0\0\0\5\0")) + chunk(b"IEND", b""),
     "palette is missing"),
])
def test_broken_pngs(data, words):
    with pytest.raises(DataError, match=words):
        decode_png(data, "bad.png")


def test_bad_filter_type_and_palette_index():
    data = bytearray(png_bytes(_pixels(3, 3, 1)))
    raw = b"\x00abc\x07def\x00ghi"
    start = data.index(b"IDAT") - 4
    bad = bytes(data[:start]) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    with pytest.raises(DataError, match="row 1 has the unknown filter type 7"):
        decode_png(bad, "bad.png")
    index = np.full((2, 2, 1), 3, np.uint8)
    with pytest.raises(DataError, match="colour 3 of a 2-colour palette"):
        decode_png(png_bytes(index, palette=np.zeros((2, 3))), "bad.png")


# -- PGM / PPM, channels, resizing ----------------------------------------------------------------

def test_pgm_and_ppm():
    grey = _pixels(3, 4, 1)
    pgm = b"P5\n# a comment\n4 3\n255\n" + grey.tobytes()
    np.testing.assert_allclose(decode_pnm(pgm, "a.pgm"), grey / 255)
    colour = _pixels(2, 2, 3)
    np.testing.assert_allclose(decode_pnm(b"P6 2 2 255 " + colour.tobytes(), "a.ppm"),
                               colour / 255)
    deep = np.array([[0, 1000], [65535, 30000]], dtype=">u2")
    np.testing.assert_allclose(decode_pnm(b"P5 2 2 65535\n" + deep.tobytes(), "a.pgm")[..., 0],
                               deep / 65535)
    with pytest.raises(DataError, match="truncated"):
        decode_pnm(pgm[:-1], "a.pgm")
    with pytest.raises(DataError, match="header cannot be read"):
        decode_pnm(b"P5 two 3 255\n" + grey.tobytes(), "a.pgm")
    with pytest.raises(DataError, match="maximum 0"):
        decode_pnm(b"P5 4 3 0\n" + grey.tobytes(), "a.pgm")


def test_channels():
    grey = np.array([[[0.2], [0.8]]])
    np.testing.assert_allclose(channels(grey, rgb=True), np.repeat(grey.T[:, :, :], 3, 0)
                               .reshape(3, 1, 2))
    rgb = np.array([[[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]])
    np.testing.assert_allclose(channels(rgb, rgb=False), [[[0.299, 0.114]]])
    clear = np.array([[[0.0, 0.0], [0.0, 1.0]]])  # grey + alpha: transparent, then opaque black
    np.testing.assert_allclose(channels(clear, rgb=False), [[[1.0, 0.0]]])


def test_area_resize():
    image = np.arange(16.0).reshape(1, 4, 4)
    np.testing.assert_allclose(resize_area(image, (2, 2)), [[[2.5, 4.5], [10.5, 12.5]]])
    np.testing.assert_allclose(resize_area(np.array([[[1.0, 2.0]]]), (2, 4)),
                               [[[1, 1, 2, 2], [1, 1, 2, 2]]])
    assert resize_area(image, (4, 4)) is image
    weights = area_weights(3, 2)
    np.testing.assert_allclose(weights, [[2 / 3, 1 / 3, 0], [0, 1 / 3, 2 / 3]])
    np.testing.assert_allclose(area_weights(7, 5).sum(axis=1), 1)
    flat = np.full((3, 10, 7), 0.25)
    np.testing.assert_allclose(resize_area(flat, (3, 5)), 0.25)


def test_builtin_decoder(tmp_path):
    (tmp_path / "a.png").write_bytes(png_bytes(np.full((4, 4, 3), [255, 0, 0], np.uint8)))
    np.testing.assert_allclose(decode_image(tmp_path / "a.png", (2, 2), rgb=False), 0.299)
    np.testing.assert_allclose(decode_image(tmp_path / "a.png", (2, 2), rgb=True)[:, 0, 0],
                               [1, 0, 0])
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(30))
    with pytest.raises(DataError, match="JPEG needs the nnstudio app"):
        decode_image(tmp_path / "b.jpg", (2, 2), False)
    (tmp_path / "c.bmp").write_bytes(b"BM" + bytes(30))
    with pytest.raises(DataError, match="not an image the engine can read"):
        decode_image(tmp_path / "c.bmp", (2, 2), False)


# -- folders --------------------------------------------------------------------------------------

def _folder(root, classes: dict[str, int], size=(6, 8)):
    """One sub-folder per class holding `n` PNGs whose grey level encodes class and index."""
    for k, (name, n) in enumerate(classes.items()):
        (root / name).mkdir(parents=True)
        for i in range(n):
            level = np.full((*size, 1), 40 * k + i, np.uint8)
            (root / name / f"{i:02d}.png").write_bytes(png_bytes(level))
    return root


def _load(folder, **spec):
    return load_dataset({"source": "images", "path": folder.name, "standardize": False,
                         "validation": 0.25, **spec}, dtype=np.float64, base_dir=folder.parent)


def test_image_folder(tmp_path):
    folder = _folder(tmp_path / "pets", {"dog": 4, "cat": 4, "bird": 4})
    (folder / "cat" / "notes.txt").write_text("not an image")
    (folder / "cat" / ".hidden.png").write_bytes(b"junk")
    (folder / ".thumbnails").mkdir()
    (folder / "dog" / "10.pgm").write_bytes(b"P5 8 6 255\n" + bytes([90] * 48))
    data = _load(folder, size=[3, 4])
    assert data.class_names == ("bird", "cat", "dog") and data.kind == "images"
    assert data.input_shape == (1, 3, 4) and len(data.x_train) + len(data.x_val) == 13
    everything = np.concatenate([data.raw_x("train"), data.raw_x("validation")])
    labels = np.concatenate([data.y_train, data.y_val])
    assert np.ptp(everything, axis=(1, 2, 3)).max() == 0  # flat images stay flat
    levels = np.rint(everything[:, 0, 0, 0] * 255).astype(int)
    expected = {(0, 80), (0, 81), (0, 82), (0, 83), (1, 40), (1, 41), (1, 42), (1, 43),
                (2, 0), (2, 1), (2, 2), (2, 3), (2, 90)}
    assert set(zip(labels.tolist(), levels.tolist(), strict=True)) == expected
    rgb = _load(folder, size=5, color="rgb")
    assert rgb.input_shape == (3, 5, 5) and rgb.stats.mean.shape == (3, 1, 1)


def test_injected_decoder(tmp_path):
    folder = _folder(tmp_path / "set", {"a": 2, "b": 2})
    (folder / "a" / "photo.jpg").write_bytes(b"\xff\xd8\xff" + bytes(10))
    calls = []

    def decoder(path, size, rgb):
        calls.append((path.name, size, rgb))
        return np.full((3 if rgb else 1, *size), 0.5)

    set_image_decoder(decoder)
    data = _load(folder, size=[2, 3], color="rgb")
    assert len(calls) == 5 and calls[0] == ("00.png", (2, 3), True)
    np.testing.assert_allclose(data.x_train, 128 / 255)
    set_image_decoder(lambda path, size, rgb: np.zeros((1, 9, 9)))
    with pytest.raises(DataError, match=r"a/00.png: the image decoder gave shape \(1, 9, 9\)"):
        _load(folder)
    set_image_decoder(lambda path, size, rgb: np.full((1, *size), 2.0))
    with pytest.raises(DataError, match="outside"):
        _load(folder)

    def failing(path, size, rgb):
        raise OSError("unsupported image format")

    set_image_decoder(failing)
    with pytest.raises(DataError, match=r"a/00\.png cannot be read as an image"):
        _load(folder)


@pytest.mark.parametrize(("make", "words"), [
    (lambda root: root.mkdir(), "it is empty"),
    (lambda root: (root.mkdir(), (root / "1.png").write_bytes(b"x")),
     "one sub-folder per class"),
    (lambda root: _folder(root, {"a": 2, "b": 0}), "class folder 'b' in imgs holds no images"),
    (lambda root: _folder(root, {"only": 3}), r"single class folder \('only'\)"),
    (lambda root: (_folder(root, {"a": 2, "b": 1}),
                   (root / "b" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nxx")),
     r"broken.png is a truncated PNG file \(in imgs/b/\)"),
    (lambda root: (_folder(root, {"a": 2, "b": 1}),
                   (root / "b" / "x.jpeg").write_bytes(b"\xff\xd8\xff" + bytes(9))),
     r"x.jpeg is a JPEG image: JPEG needs the nnstudio app"),
    (lambda root: (_folder(root, {"a": 2, "b": 1}),
                   (root / "a" / "zz.png").write_bytes(bytes(range(200)))),
     r"zz.png is not an image the engine can read"),
])
def test_broken_folders(tmp_path, make, words):
    make(tmp_path / "imgs")
    with pytest.raises(DataError, match=words) as info:
        _load(tmp_path / "imgs")
    assert info.value.key == "path"


def test_folder_path_errors(tmp_path):
    with pytest.raises(DataError, match="folder not found"):
        _load(tmp_path / "nowhere")
    (tmp_path / "file.png").write_bytes(b"x")
    with pytest.raises(DataError, match="is a file, not a folder"):
        _load(tmp_path / "file.png")


def test_folder_loading_reports_progress_per_image(tmp_path):
    folder = _folder(tmp_path / "set", {"a": 3, "b": 2})
    seen = []
    load_image_folder(folder, (2, 2), False, progress=seen.append)
    assert seen == [pytest.approx(i / 5) for i in range(1, 6)]
