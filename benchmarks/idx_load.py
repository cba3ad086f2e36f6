"""Loading an MNIST-sized IDX set: time and peak memory, plain and gzip-compressed.

    python benchmarks/idx_load.py [--samples 60000] [--repeats 3]

Writes a synthetic 60 000 × 28 × 28 uint8 image file and its labels (as MNIST: mostly black
pixels, so gzip compresses it about as much) to a temporary folder, then loads it through
`load_dataset` exactly as a design would (validation 0.2, standardised, float32). It reports
the best wall time of a few runs, and the peak memory traced by tracemalloc during one load,
against the size of the loaded float32 array (N × 784 × 4 bytes).
Targets: at most 2 s, and a peak of at most 2× that array. Exit code 1 if one is missed.

Then a decompression bomb: a gzip IDX of zeros whose honest header announces --bomb-gb
gigabytes (3.3 by default, from a file of about 3 MB). Unless that dataset fits half of the
free memory (data.limits), it must be refused within 2 s, having traced at most 64 MB.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

import numpy as np

from nnstudio.data import DataError, limits, load_dataset

MAX_SECONDS = 2.0
MAX_PEAK_RATIO = 2.0
MAX_BOMB_PEAK = 64 * 2**20


def idx_bytes(array: np.ndarray) -> bytes:
    """An unsigned-byte IDX file holding `array`."""
    header = bytes([0, 0, 0x08, array.ndim])
    return header + b"".join(int(d).to_bytes(4, "big") for d in array.shape) + array.tobytes()


def synthetic_mnist(samples: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Images (N, 28, 28) uint8, about a fifth of the pixels lit, and labels (N,) 0–9."""
    rng = np.random.default_rng(seed)
    images = np.zeros((samples, 28, 28), dtype=np.uint8)
    lit = rng.random((samples, 20, 20)) < 0.3
    images[:, 4:24, 4:24] = np.where(lit, rng.integers(1, 256, lit.shape, dtype=np.uint8), 0)
    return images, rng.integers(0, 10, samples).astype(np.uint8)


def measure(folder: Path, suffix: str, repeats: int) -> tuple[float, int, int]:
    """(best seconds, peak traced bytes, bytes of the loaded float32 array)."""
    spec = {"source": "idx", "images": f"images.idx{suffix}", "labels": f"labels.idx{suffix}",
            "validation": 0.2, "standardize": True}
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        data = load_dataset(spec, base_dir=folder)
        seconds.append(time.perf_counter() - start)
        del data
    tracemalloc.start()
    data = load_dataset(spec, base_dir=folder)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = sum(x.nbytes for x in (data.x_train, data.x_val, data.x_test))
    return min(seconds), peak, size


def write_bomb(path: Path, gigabytes: float) -> int:
    """A gzip IDX file of (N, 28, 28) zeros, about `gigabytes` once inflated, written a chunk
    at a time; the bytes its header announces."""
    count = int(gigabytes * 1e9) // 784
    header = bytes([0, 0, 0x08, 3]) + b"".join(d.to_bytes(4, "big") for d in (count, 28, 28))
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(784 * 20_000)
    with path.open("wb") as file:
        file.write(packer.compress(header))
        for start in range(0, count, 20_000):
            file.write(packer.compress(chunk[:784 * min(20_000, count - start)]))
        file.write(packer.flush())
    return count * 784


def measure_bomb(folder: Path, gigabytes: float) -> bool:
    """Load the bomb beside a labels file; whether the outcome met the target."""
    announced = write_bomb(folder / "bomb.idx.gz", gigabytes)
    (folder / "bomb-labels.idx").write_bytes(idx_bytes(np.zeros(1, np.uint8)))
    spec = {"source": "idx", "images": "bomb.idx.gz", "labels": "bomb-labels.idx"}
    fits = announced * (1 + limits.SPLIT_BYTES_PER_VALUE) <= limits.memory_budget()
    tracemalloc.start()
    start = time.perf_counter()
    try:
        load_dataset(spec, base_dir=folder)
        outcome = "loaded"
    except DataError as exc:
        outcome = f"refused: {exc}"
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    met = fits or (outcome != "loaded" and seconds <= MAX_SECONDS and peak <= MAX_BOMB_PEAK)
    mb = (folder / "bomb.idx.gz").stat().st_size / 1e6
    print(f"idx_load file=bomb file_mb={mb:.1f} announced_gb={announced / 1e9:.1f} "
          f"fits_budget={fits} seconds={seconds:.3f} peak_mb={peak / 1e6:.1f} "
          f"{'ok' if met else 'MISSED'} ({outcome})")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=60_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--bomb-gb", type=float, default=3.3,
                        help="what the decompression bomb inflates to (0: no bomb)")
    args = parser.parse_args()
    images, labels = synthetic_mnist(args.samples)
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_images, raw_labels = idx_bytes(images), idx_bytes(labels)
        (folder / "images.idx").write_bytes(raw_images)
        (folder / "labels.idx").write_bytes(raw_labels)
        (folder / "images.idx.gz").write_bytes(gzip.compress(raw_images, 6))
        (folder / "labels.idx.gz").write_bytes(gzip.compress(raw_labels, 6))
        del images, labels, raw_images, raw_labels
        for name, suffix in (("plain", ""), ("gz", ".gz")):
            seconds, peak, size = measure(folder, suffix, args.repeats)
            ratio = peak / size
            met = seconds <= MAX_SECONDS and ratio <= MAX_PEAK_RATIO
            ok &= met
            mb = (folder / f"images.idx{suffix}").stat().st_size / 1e6
            print(f"idx_load file={name} samples={args.samples} file_mb={mb:.1f} "
                  f"seconds={seconds:.3f} peak_mb={peak / 1e6:.1f} array_mb={size / 1e6:.1f} "
                  f"peak_ratio={ratio:.2f} {'ok' if met else 'MISSED'}")
        if args.bomb_gb > 0:
            ok &= measure_bomb(folder, args.bomb_gb)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
