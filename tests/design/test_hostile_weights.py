"""Hostile weights files beside a design: refused by name, never followed, never inflated."""

from __future__ import annotations

import contextlib
import os
import random
import struct
import threading
import zipfile
from pathlib import Path

import numpy as np
import pytest
from design_docs import mlp
from design_mutations import damaged

from nnstudio.design import Design, DesignError, build_network, load_weights, save_weights

#: offsets in a zip's local file header (PK\3\4) and central directory entry (PK\1\2)
_LOCAL = {"flags": 6, "method": 8, "size": 22}
_CENTRAL = {"flags": 8, "method": 10, "size": 24}


def network(seed: int = 0, dtype=np.float32):
    return build_network(Design.from_dict(mlp()), dtype=dtype, seed=seed)


def refusal(path: Path, net=None) -> DesignError:
    """The DesignError load_weights raises, checking that the network was left unchanged and
    that the call did not block."""
    net = net if net is not None else network()
    before = net.state_dict()
    raised: list[BaseException] = []

    def load() -> None:
        try:
            load_weights(net, path)
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "load_weights blocked"
    for name, value in before.items():
        np.testing.assert_array_equal(net.state_dict()[name], value)
    assert raised and isinstance(raised[0], DesignError), raised
    return raised[0]


def patched(path: Path, member: str, **fields: int) -> None:
    """Overwrite `fields` (flags, method, size: the declared uncompressed size) of `member` in
    both its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for magic, offsets, name_at in ((b"PK\x03\x04", _LOCAL, 30), (b"PK\x01\x02", _CENTRAL, 46)):
        at = data.find(magic)
        while at >= 0:
            if data[at + name_at: at + name_at + len(name)] == name:
                for field, value in fields.items():
                    fmt = "<I" if field == "size" else "<H"
                    struct.pack_into(fmt, data, at + offsets[field], value)
            at = data.find(magic, at + 4)
    path.write_bytes(bytes(data))


def mlp_wide():
    """mlp() with an Input of 2000 features and 1000 hidden units: h1.W is (2000, 1000)."""
    doc = mlp()
    doc["network"]["nodes"][0]["params"]["shape"] = [2000]
    doc["network"]["nodes"][1]["params"]["units"] = 1000
    return doc


def saved(tmp_path: Path, **state) -> Path:
    path = tmp_path / "design.npz"
    np.savez(path, **{**network().state_dict(), **state})
    return path


def test_a_fifo_as_weights_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "design.npz"
    os.mkfifo(path)
    assert "is not a regular file" in str(refusal(path))


def test_a_symlink_as_weights_is_not_followed(tmp_path: Path) -> None:
    real = saved(tmp_path)
    link = tmp_path / "link.npz"
    link.symlink_to(real)
    assert "symbolic link" in str(refusal(link))


def test_a_folder_or_device_as_weights(tmp_path: Path) -> None:
    assert "folder" in str(refusal(tmp_path))
    assert "not a regular file" in str(refusal(Path("/dev/zero")))


def test_an_encrypted_member_is_refused_by_name(tmp_path: Path) -> None:
    path = saved(tmp_path)
    patched(path, "h1.W.npy", flags=1)
    error = refusal(path)
    assert [(p.path, "encrypted" in p.message) for p in error.problems] == [("h1.W", True)]


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA, 99])
def test_a_member_compressed_another_way_is_refused_by_name(tmp_path: Path, method: int
                                                             ) -> None:
    path = saved(tmp_path)
    patched(path, "out.b.npy", method=method)
    error = refusal(path)
    assert [p.path for p in error.problems] == ["out.b"]
    assert f"zip method {method}" in error.problems[0].message


def test_a_member_claiming_more_than_the_network_needs_is_refused_unread(tmp_path: Path
                                                                         ) -> None:
    path = tmp_path / "design.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, value in network().state_dict().items():
            buffer = value if name != "h1.W" else np.zeros(4_000_000, np.float32)
            with z.open(name + ".npy", "w") as f:
                np.lib.format.write_array(f, buffer)
    assert path.stat().st_size < 100_000  # 16 MB of zeros, deflated
    error = refusal(path)
    assert [p.path for p in error.problems] == ["h1.W"]
    assert "claims 16,000,128 bytes" in error.problems[0].message


@pytest.mark.parametrize("compression, size, words", [
    (zipfile.ZIP_STORED, 100, "claims 100 bytes but stores 8,000,128"),
    (zipfile.ZIP_DEFLATED, 16_000_000, "more than deflate can expand"),
])
def test_a_header_claiming_more_than_the_file_holds_is_refused(
        tmp_path: Path, compression: int, size: int, words: str) -> None:
    wide = build_network(Design.from_dict(mlp_wide()))  # h1.W: (2000, 1000) float32, 8 MB
    path = tmp_path / "design.npz"
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, value in wide.state_dict().items():
            with z.open(name + ".npy", "w") as f:
                np.lib.format.write_array(f, np.zeros_like(value))
    patched(path, "h1.W.npy", size=size)
    error = refusal(path, wide)
    assert [p.path for p in error.problems] == ["h1.W"]
    assert words in error.problems[0].message


def test_values_infinite_in_float32_are_refused_with_the_parameter_name(tmp_path: Path
                                                                        ) -> None:
    state = network(dtype=np.float64).state_dict()
    state["out.W"][0, 0] = 1e300
    path = tmp_path / "design.npz"
    np.savez(path, **state)
    load_weights(network(dtype=np.float64), path)  # fine in float64
    error = refusal(path)
    assert [p.path for p in error.problems] == ["out.W"]
    assert "too large for float32" in error.problems[0].message


@pytest.mark.parametrize("value, words", [
    (np.zeros((2, 8), np.complex64), "real numbers"),
    (np.zeros((2, 8), np.longdouble), "real numbers"),
    (np.zeros((8, 2), np.float32), "has shape (8, 2)"),
    (np.zeros((2, 8), "V4"), "real numbers"),
])
def test_wrong_dtypes_and_shapes_are_refused_before_reading(tmp_path: Path, value, words
                                                             ) -> None:
    if value.dtype == np.longdouble and value.dtype.itemsize <= 8:
        pytest.skip("long double is float64 here")
    error = refusal(saved(tmp_path, **{"h1.W": value}))
    assert [p.path for p in error.problems] == ["h1.W"] and words in str(error)


def test_a_member_given_twice_is_refused(tmp_path: Path) -> None:
    path = saved(tmp_path)
    with zipfile.ZipFile(path, "a") as z, pytest.warns(UserWarning, match="Duplicate"):
        z.writestr("h1.b.npy", b"")
    assert "twice" in str(refusal(path))


def test_saving_weights_replaces_a_symlink_and_leaves_its_target_alone(tmp_path: Path
                                                                       ) -> None:
    unrelated = tmp_path / "thesis.tex"
    unrelated.write_text("precious")
    link = tmp_path / "design.npz"
    link.symlink_to(unrelated)
    net = network(seed=3)
    save_weights(net, link)
    assert unrelated.read_text() == "precious"
    assert not link.is_symlink()
    fresh = network(seed=4)
    load_weights(fresh, link)
    np.testing.assert_array_equal(fresh.state_dict()["h1.W"], net.state_dict()["h1.W"])


@pytest.mark.parametrize("header", [
    b"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 8",  # numpy: TokenError
    b"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 8), 'x': '",  # SyntaxError
    b"not a dict at all",
])
def test_an_npy_header_numpy_cannot_parse_is_damage(tmp_path: Path, header: bytes) -> None:
    npy = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header) + 1) + header + b"\n"
    with zipfile.ZipFile(tmp_path / "one.npz", "w") as z:
        for name, value in network().state_dict().items():
            with z.open(name + ".npy", "w") as f:
                if name == "h1.W":
                    f.write(npy + bytes(64))
                else:
                    np.lib.format.write_array(f, value)
    assert "damaged" in str(refusal(tmp_path / "one.npz"))


def test_randomly_damaged_archives_raise_only_design_errors(tmp_path: Path) -> None:
    net = network()
    path = tmp_path / "w.npz"
    save_weights(net, path)
    good = path.read_bytes()
    rng = random.Random(0)
    for _ in range(150):
        path.write_bytes(damaged(good, rng))
        with contextlib.suppress(DesignError):
            load_weights(net, path)
