"""Hostile files: headers that lie, decompression bombs and files that are not files end in a
DataError naming them, before anything as large as they claim is allocated or inflated."""

from __future__ import annotations

import gzip
import io
import os
import socket
import struct
import tempfile
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import DataError, limits, load_dataset
from nnstudio.data.decoders import decode_image
from nnstudio.data.idx import peek_idx, read_idx
from nnstudio.data.npz import list_arrays, load_npz, peek_array
from nnstudio.data.png import decode_png
from nnstudio.data.pnm import decode_pnm
from nnstudio.data.points import add_point
from nnstudio.data.tables import parse_cost, read_csv
from tests.data.pngwrite import chunk

GIB = 1 << 30


@pytest.fixture
def small_budget(monkeypatch: pytest.MonkeyPatch) -> int:
    """Data may take 4 KiB: what fits on a big machine does not fit here."""
    monkeypatch.setattr(limits, "memory_budget", lambda: 4096)
    return 4096


def idx_header(code: int, dims: tuple[int, ...]) -> bytes:
    return bytes([0, 0, code, len(dims)]) + b"".join(d.to_bytes(4, "big") for d in dims)


def gzip_with_trailer(data: bytes, size: int) -> bytes:
    """`data` gzipped, its trailer claiming `size` bytes (modulo 2³²) once inflated."""
    packed = gzip.compress(data)
    return packed[:-4] + (size % 2**32).to_bytes(4, "little")


# -- IDX -------------------------------------------------------------------------------------

def test_an_idx_header_claiming_730_gib_is_refused_by_its_file_size(tmp_path: Path):
    path = tmp_path / "huge.idx"
    path.write_bytes(idx_header(0x08, (1_000_000, 28, 28_000)) + bytes(1000))
    with pytest.raises(DataError, match=r"huge\.idx does not match its header") as info:
        read_idx(path, "images")
    assert info.value.key == "images"


def test_a_gzip_idx_claiming_more_than_deflate_can_hold_is_refused(tmp_path: Path):
    header = idx_header(0x08, (1_000_000, 28, 28_000))
    path = tmp_path / "huge.idx.gz"
    path.write_bytes(gzip_with_trailer(header + bytes(1000), len(header) + 784 * 10**9))
    with pytest.raises(DataError, match=r"huge.idx.gz announces 730 GiB of data, more than its "
                                        r"\d+ B of compressed data can hold"):
        read_idx(path, "images")
    with pytest.raises(DataError, match=r"huge\.idx\.gz is truncated"):
        peek_idx(path, "images", 8)  # the dialog's first look reads no further either


def test_an_idx_that_fits_the_file_but_not_the_memory_is_refused(tmp_path: Path,
                                                                 small_budget: int):
    images = np.zeros((60, 6, 5), np.uint8)
    path = tmp_path / "img.idx.gz"
    path.write_bytes(gzip.compress(idx_header(0x08, images.shape) + images.tobytes()))
    with pytest.raises(DataError, match=r"img.idx.gz would need 8.79 KiB of memory to load, "
                                        r"but data may take at most 4 KiB here"):
        read_idx(path, "images")


# -- npz -------------------------------------------------------------------------------------

def npy_bytes(shape: tuple[int, ...], payload: bytes, dtype: str = "<f8") -> bytes:
    """An .npy file announcing `shape` of `dtype`, followed by `payload` whatever it is."""
    out = io.BytesIO()
    np.lib.format.write_array_header_1_0(out, {"descr": dtype, "fortran_order": False,
                                               "shape": shape})
    return out.getvalue() + payload


def write_npz(path: Path, members: dict[str, bytes],
              method: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(f"{name}.npy", data)
    return path


def patch_entries(path: Path, *, flags: int | None = None, method: int | None = None,
                  size: int | None = None) -> None:
    """Rewrite every entry's general flags, method or uncompressed size in the local and the
    central headers: a zip whose headers lie."""
    data = bytearray(path.read_bytes())
    for signature, flag_at, size_at in ((b"PK\x03\x04", 6, 22), (b"PK\x01\x02", 8, 24)):
        start = data.find(signature)
        while start >= 0:
            if flags is not None:
                data[start + flag_at:start + flag_at + 2] = struct.pack("<H", flags)
            if method is not None:
                data[start + flag_at + 2:start + flag_at + 4] = struct.pack("<H", method)
            if size is not None:
                data[start + size_at:start + size_at + 4] = struct.pack("<I", size)
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))


def test_an_npy_header_claiming_5_7_tib_is_refused_before_allocating(tmp_path: Path):
    path = write_npz(tmp_path / "huge.npz", {"x": npy_bytes((100_000, 7_830_000), bytes(64)),
                                             "y": npy_bytes((2,), bytes(16))})
    with pytest.raises(DataError, match=r"the array 'x' in huge.npz is truncated: its header "
                                        r"announces 100000 × 7830000 values of type float64, "
                                        r"5.7 TiB, but it holds less") as info:
        load_npz(path)
    assert info.value.key == "x_key"


def test_a_zip_member_claiming_more_than_deflate_can_hold_is_refused(tmp_path: Path):
    path = write_npz(tmp_path / "bomb.npz", {"x": npy_bytes((4, 2), bytes(64)),
                                             "y": npy_bytes((4,), bytes(32))},
                     zipfile.ZIP_DEFLATED)
    patch_entries(path, size=4_000_000_000)
    for read in (lambda: load_npz(path), lambda: list_arrays(path),
                 lambda: peek_array(path, "x", 2)):
        with pytest.raises(DataError, match=r"in bomb.npz announces 3.73 GiB from \d+ B of "
                                            r"compressed data, more than that can hold"):
            read()


def test_an_npz_that_fits_the_file_but_not_the_memory_is_refused(tmp_path: Path,
                                                                 small_budget: int):
    np.savez_compressed(tmp_path / "big.npz", x=np.zeros((200, 4)), y=np.arange(200) % 2)
    with pytest.raises(DataError, match=r"the array 'x' in big.npz would need 15.6 KiB of "
                                        r"memory to load"):
        load_npz(tmp_path / "big.npz")


@pytest.mark.parametrize(("patch", "words"), [
    ({"flags": 0x1}, "the array 'x' in odd.npz is encrypted"),
    ({"method": zipfile.ZIP_LZMA}, "compressed with zip method 14, which nnstudio does not read"),
    ({"method": 99}, "compressed with zip method 99, which nnstudio does not read"),
    ({"flags": 0x20}, r"odd\.npz .*\(compressed patched data \(flag bit 5\)\)"),
])
def test_zip_members_zipfile_cannot_read_are_explained(tmp_path: Path, patch: dict[str, int],
                                                      words: str):
    np.savez(tmp_path / "odd.npz", x=np.zeros((4, 2)), y=np.arange(4) % 2)
    patch_entries(tmp_path / "odd.npz", **patch)
    for read in (lambda: load_npz(tmp_path / "odd.npz"), lambda: list_arrays(tmp_path / "odd.npz")):
        with pytest.raises(DataError, match=words):
            read()


# -- images ----------------------------------------------------------------------------------

def png_file(width: int, height: int, idat: bytes, colour: int = 0) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
            + chunk(b"IEND", b""))


def test_a_png_declaring_20000_squared_is_refused_before_inflating():
    data = png_file(20_000, 20_000, zlib.compress(bytes(20_001 * 50)))
    with pytest.raises(DataError, match=r"bomb.png announces 20000 × 20000 pixels, more than "
                                        r"the 134217728 an image may have"):
        decode_png(data, "bomb.png")


def test_a_png_whose_data_inflates_past_its_header_stops_at_the_header():
    """A 4 × 4 header over a megabyte of zeros: inflated to 20 bytes, then refused."""
    data = png_file(4, 4, zlib.compress(bytes(1 << 20), 9))
    with pytest.raises(DataError, match=r"bomb\.png is a damaged PNG file: it holds more image "
                                        r"data than the 20 bytes its header announces"):
        decode_png(data, "bomb.png")


def test_a_png_header_beyond_its_compressed_data_is_refused():
    data = png_file(10_000, 10_000, zlib.compress(bytes(100)))
    with pytest.raises(DataError, match=r"liar.png announces 95.4 MiB of data, more than "
                                        r"its \d+ B of compressed data can hold"):
        decode_png(data, "liar.png")


def test_a_png_that_does_not_fit_the_memory_is_refused(small_budget: int):
    data = png_file(64, 64, zlib.compress(bytes(65 * 64)))
    with pytest.raises(DataError, match=r"big\.png would need 73\.1 KiB of memory"):
        decode_png(data, "big.png")


def test_a_pnm_declaring_too_many_pixels_is_refused():
    with pytest.raises(DataError, match=r"announces 100000 × 100000 pixels"):
        decode_pnm(b"P5 100000 100000 255\n" + bytes(100), "huge.pgm")


def test_an_image_file_larger_than_the_memory_is_not_read(tmp_path: Path, small_budget: int):
    path = tmp_path / "large.png"
    path.write_bytes(bytes(8192))
    with pytest.raises(DataError, match=r"large\.png would need 8 KiB of memory"):
        decode_image(path, (8, 8), False)


def test_an_image_folder_that_would_not_fit_is_refused_before_decoding(
        tmp_path: Path, small_budget: int, monkeypatch: pytest.MonkeyPatch):
    decoded = []
    monkeypatch.setattr("nnstudio.data.imagefolder.image_decoder", lambda: decoded.append)
    for name in ("a", "b"):
        (tmp_path / "pics" / name).mkdir(parents=True)
        for i in range(3):
            (tmp_path / "pics" / name / f"{i}.png").write_bytes(b"")
    with pytest.raises(DataError, match=r"pics would need 30 KiB of memory"):
        load_dataset({"source": "images", "path": "pics", "size": 32}, base_dir=tmp_path)
    assert decoded == []


def test_a_folder_that_cannot_be_listed_is_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "pics").mkdir()

    def refused(self: Path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "iterdir", refused)
    with pytest.raises(DataError, match=r"^cannot read .*pics: Permission denied$"):
        load_dataset({"source": "images", "path": "pics"}, base_dir=tmp_path)


# -- CSV -------------------------------------------------------------------------------------

def test_a_csv_whose_parse_would_not_fit_is_refused_before_parsing(tmp_path: Path,
                                                                   small_budget: int):
    path = tmp_path / "wide.csv"
    path.write_text("a,b,label\n" + "1,2,0\n3,4,1\n" * 10)
    with pytest.raises(DataError, match=r"wide.csv would need [\d.]+ KiB of memory"):
        read_csv(path)


@pytest.mark.parametrize("columns", [2, 10])
def test_the_csv_parse_estimate_bounds_what_parsing_takes(tmp_path: Path, columns: int):
    """The estimate checked is at least what parsing the table really takes."""
    path = tmp_path / "t.csv"
    path.write_text(",".join(f"c{j}" for j in range(columns)) + "\n" + "".join(
        ",".join(str(i * j % 7) for j in range(columns)) + "\n" for i in range(5000)))
    read_csv(path)  # caches filled once, as in the app
    tracemalloc.start()
    read_csv(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert parse_cost(path.read_text(), ",") >= peak


# -- paths -----------------------------------------------------------------------------------

def csv_spec(path: str | Path) -> dict[str, str]:
    return {"source": "csv", "path": str(path)}


def test_a_name_over_255_characters_is_too_long_not_missing(tmp_path: Path):
    with pytest.raises(DataError, match=r"^name too long: a{40}… has 300 characters, and a "
                                        r"file or folder name may have at most 255$") as info:
        load_dataset(csv_spec("a" * 296 + ".csv"), base_dir=tmp_path)
    assert info.value.key == "path"


def test_a_device_is_refused_by_name():
    with pytest.raises(DataError, match=r"^/dev/zero is a device, not a regular file$"):
        load_dataset(csv_spec("/dev/zero"))
    with pytest.raises(DataError, match="is a device"):
        read_idx(Path("/dev/zero"), "images")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_opening_it(tmp_path: Path):
    """Opening a FIFO blocks until someone writes: the readers must never try."""
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for read in (lambda: load_dataset(csv_spec(fifo)), lambda: read_csv(fifo),
                 lambda: read_idx(fifo, "images"), lambda: load_npz(fifo),
                 lambda: decode_image(fifo, (8, 8), False)):
        with pytest.raises(DataError, match=r"pipe\.csv is a named pipe \(FIFO\), not a "
                                            r"regular file"):
            read()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets here")
def test_a_socket_is_refused_by_name():
    with tempfile.TemporaryDirectory() as folder:  # short: a socket's path has ~100 bytes
        path = Path(folder) / "s.csv"
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
            with pytest.raises(DataError, match=r"s\.csv is a socket, not a regular file"):
                load_dataset(csv_spec(path))
        finally:
            server.close()


def test_a_folder_where_a_file_is_wanted_is_named(tmp_path: Path):
    with pytest.raises(DataError, match=f"^{tmp_path} is a folder, not a file$"):
        load_dataset({"source": "npz", "path": str(tmp_path)})
    with pytest.raises(DataError, match=r"is a file, not a folder$"):
        (tmp_path / "f.csv").write_text("a\n")
        load_dataset({"source": "images", "path": str(tmp_path / "f.csv")})


# -- drawn points ----------------------------------------------------------------------------

@pytest.mark.parametrize("point", [[10**400, 0, 0], [0, float("nan"), 1], [float("inf"), 0, 1],
                                   [0, 0, 10**5000]])
def test_points_beyond_a_float_or_not_finite_are_refused(point: list[object]):
    with pytest.raises(DataError, match="points has a bad point at index 0"):
        load_dataset({"source": "points", "points": [point, [1, 1, 1]]})


@pytest.mark.parametrize("x", [10**400, float("nan"), float("-inf")])
def test_adding_a_point_beyond_a_float_is_refused(x: float):
    with pytest.raises(DataError, match="a point needs finite coordinates"):
        add_point({"source": "points", "points": []}, x, 0.0, 0)


def test_byte_counts_read_in_binary_units():
    assert limits.format_bytes(730 * GIB) == "730 GiB"
    assert limits.format_bytes(512) == "512 B"
