"""MNIST-format IDX files: plain and gzip, and a clear DataError for every broken one."""

import gzip

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset
from nnstudio.data.idx import guess_labels, load_idx, peek_idx, read_idx

CODES = {np.dtype("u1"): 0x08, np.dtype("i1"): 0x09, np.dtype(">i2"): 0x0B,
         np.dtype(">i4"): 0x0C, np.dtype(">f4"): 0x0D, np.dtype(">f8"): 0x0E}


def idx_bytes(array: np.ndarray) -> bytes:
    big = array.astype(array.dtype.newbyteorder(">"))
    header = bytes([0, 0, CODES[big.dtype], array.ndim])
    return header + b"".join(int(d).to_bytes(4, "big") for d in array.shape) + big.tobytes()


def write(path, data: bytes):
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def mnist_like(n=60, seed=0):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (n, 6, 5), dtype=np.uint8)
    labels = (np.arange(n) % 10).astype(np.uint8)
    return images, labels


def _load(tmp_path, images="img.idx", labels="lab.idx", **spec):
    return load_dataset({"source": "idx", "images": images, "labels": labels,
                         "standardize": False, **spec}, dtype=np.float64, base_dir=tmp_path)


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_round_trip(tmp_path, suffix):
    images, labels = mnist_like()
    write(tmp_path / f"img.idx{suffix}", idx_bytes(images))
    write(tmp_path / f"lab.idx{suffix}", idx_bytes(labels))
    data = _load(tmp_path, f"img.idx{suffix}", f"lab.idx{suffix}", validation=0.2)
    assert data.kind == "images" and data.input_shape == (1, 6, 5)
    assert data.class_names == tuple(str(d) for d in range(10)) and data.num_classes == 10
    assert (len(data.x_train), len(data.x_val)) == (48, 12)
    train = data.indices[0]
    np.testing.assert_array_equal(data.x_train[:, 0], images[train] / 255.0)
    np.testing.assert_array_equal(data.y_train, labels[train])
    np.testing.assert_array_equal(data.raw_x("train", slice(0, 3))[:, 0], images[train[:3]] / 255)
    assert data.samples.x.dtype == np.uint8  # the pixels stay bytes until converted


def test_standardised_per_channel(tmp_path):
    images, labels = mnist_like(200)
    write(tmp_path / "img.idx", idx_bytes(images))
    write(tmp_path / "lab.idx", idx_bytes(labels))
    data = load_dataset({"source": "idx", "images": "img.idx", "labels": "lab.idx"},
                        base_dir=tmp_path)
    assert data.standardized and data.x_train.dtype == np.float32
    assert data.stats.mean.shape == (1, 1, 1)
    np.testing.assert_allclose(data.x_train.mean(), 0, atol=1e-5)
    np.testing.assert_allclose(data.x_train.std(), 1, atol=1e-4)


@pytest.mark.parametrize("dtype", ["i1", ">i2", ">i4", ">f4", ">f8"])
def test_other_value_types(tmp_path, dtype):
    values = np.arange(24).reshape(2, 3, 4).astype(dtype)
    path = write(tmp_path / "a.idx", idx_bytes(values))
    array = read_idx(path, "images")
    assert array.dtype.isnative and array.shape == (2, 3, 4)
    np.testing.assert_array_equal(array, values)


def test_batches_of_a_large_split_give_the_same_arrays(tmp_path, monkeypatch):
    images, labels = mnist_like(300, seed=3)
    write(tmp_path / "img.idx", idx_bytes(images))
    write(tmp_path / "lab.idx", idx_bytes(labels))
    spec = {"source": "idx", "images": "img.idx", "labels": "lab.idx", "validation": 0.3}
    whole = load_dataset(spec, dtype=np.float64, base_dir=tmp_path)
    monkeypatch.setattr("nnstudio.data.stats.BATCH_ELEMENTS", 7 * 30)
    batched = load_dataset(spec, dtype=np.float64, base_dir=tmp_path)
    np.testing.assert_allclose(batched.stats.mean, whole.stats.mean, rtol=1e-12)
    np.testing.assert_allclose(batched.stats.std, whole.stats.std, rtol=1e-12)
    np.testing.assert_allclose(batched.x_val, whole.x_val, rtol=1e-12, atol=1e-12)


# -- broken files ---------------------------------------------------------------------------------

def _error(tmp_path, images: bytes, labels: bytes, suffix="") -> DataError:
    write(tmp_path / f"img.idx{suffix}", images)
    write(tmp_path / f"lab.idx{suffix}", labels)
    with pytest.raises(DataError) as info:
        _load(tmp_path, f"img.idx{suffix}", f"lab.idx{suffix}")
    return info.value


IMAGES, LABELS = (idx_bytes(a) for a in mnist_like())


BROKEN = [
    (b"\x89PNG\r\n\x1a\n" + bytes(50), LABELS, "images", "not an IDX file"),
    (b"\0\0\x07\x03" + IMAGES[4:], LABELS, "images", "not an IDX file"),
    (IMAGES[:-7], LABELS, "images", "does not match its header"),
    (IMAGES + b"\0", LABELS, "images", "does not match its header"),
    (IMAGES[:10], LABELS, "images", "ends inside its header"),
    (IMAGES, idx_bytes(np.arange(59, dtype=np.uint8)), "labels", "60 images but lab.idx"),
    (LABELS, IMAGES, "images", "looks like a labels file"),
    (IMAGES, IMAGES, "labels", "looks like an images file"),
    (idx_bytes(np.zeros((3, 2, 2, 2), np.uint8)), LABELS, "images", "(count, rows, columns)"),
    (IMAGES, idx_bytes(np.arange(60, dtype=">f4")), "labels", "whole numbers"),
    (idx_bytes(np.zeros((0, 2, 2), np.uint8)), idx_bytes(np.zeros(0, np.uint8)), "images",
     "holds no data: its header announces 0 × 2 × 2 values"),
    (idx_bytes(np.zeros((60, 0, 2), np.uint8)), LABELS, "images",
     "holds no data: its header announces 60 × 0 × 2 values"),
    (IMAGES, idx_bytes(np.zeros(60, np.uint8)), "labels", "only one class"),
]


@pytest.mark.parametrize("suffix", ["", ".gz"])
@pytest.mark.parametrize(("images", "labels", "key", "words"), BROKEN,
                         ids=[case[3] for case in BROKEN])
def test_broken_files(tmp_path, suffix, images, labels, key, words):
    err = _error(tmp_path, images, labels, suffix)
    assert words in str(err) and err.key == key
    assert "img.idx" in str(err) or "lab.idx" in str(err)


def test_truncated_and_damaged_gzip(tmp_path):
    packed = gzip.compress(IMAGES)
    (tmp_path / "img.idx.gz").write_bytes(packed[:len(packed) // 2])
    write(tmp_path / "lab.idx", LABELS)
    with pytest.raises(DataError, match=r"img\.idx\.gz") as info:
        _load(tmp_path, "img.idx.gz", "lab.idx")
    assert info.value.key == "images"
    damaged = bytearray(packed)
    damaged[len(damaged) // 2] ^= 0xFF
    (tmp_path / "img.idx.gz").write_bytes(bytes(damaged))
    with pytest.raises(DataError, match=r"img\.idx\.gz"):
        _load(tmp_path, "img.idx.gz", "lab.idx")


def test_empty_missing_and_garbage_files(tmp_path):
    write(tmp_path / "lab.idx", LABELS)
    assert "is empty" in str(_error(tmp_path, b"", LABELS))
    assert "not an IDX file" in str(_error(tmp_path, bytes(range(256)) * 4, LABELS))
    with pytest.raises(DataError, match="file not found") as info:
        _load(tmp_path, "img.idx", "nothing.idx")
    assert info.value.key == "labels"
    with pytest.raises(DataError, match="is a folder") as info:
        _load(tmp_path, ".", "lab.idx")
    assert info.value.key == "images"


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_peek_reads_the_shape_and_the_first_items_only(tmp_path, suffix):
    images, _ = mnist_like()
    path = write(tmp_path / f"img.idx{suffix}", idx_bytes(images)[:-100])   # truncated tail
    dims, head = peek_idx(path, "images", 4)
    assert dims == (60, 6, 5) and np.array_equal(head, images[:4])
    with pytest.raises(DataError, match="not an IDX file"):
        peek_idx(write(tmp_path / "junk", b"junk data"), "images", 4)


def test_the_labels_file_is_guessed_from_the_images_name(tmp_path):
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                 "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte.gz", "other.idx"):
        (tmp_path / name).write_bytes(b"")
    assert guess_labels(tmp_path / "train-images-idx3-ubyte.gz").name == (
        "train-labels-idx1-ubyte.gz")
    assert guess_labels(tmp_path / "t10k-images-idx3-ubyte").name == "t10k-labels-idx1-ubyte.gz"
    assert guess_labels(tmp_path / "other.idx") is None


def test_loading_reports_progress(tmp_path, monkeypatch):
    monkeypatch.setattr("nnstudio.data.idx.READ_CHUNK", 64)
    images, labels = mnist_like()
    write(tmp_path / "img.idx.gz", idx_bytes(images))
    write(tmp_path / "lab.idx", idx_bytes(labels))
    seen = []
    load_idx(tmp_path / "img.idx.gz", tmp_path / "lab.idx", progress=seen.append)
    assert len(seen) > 10 and seen == sorted(seen) and seen[-1] == 1.0
