"""Loading an MNIST-sized IDX set: time and peak memory, plain and gzip-compressed.

    python benchmarks/idx_load.py [--samples 60000] [--repeats 3]

Writes a synthetic 60 000 × 28 × 28 uint8 image file and its labels (as MNIST: mostly black
pixels, so gzip compresses it about as much) to a temporary folder, then loads it through
`load_dataset` exactly as a design would (validation 0.2, standardised, float32). It reports
the best wall time of a few runs, and the peak memory traced by tracemalloc during one load,
against the size of the loaded float32 array (N × 784 × 4 bytes).
Targets: at most 2 s, and a peak of at most 2× that array. Exit code 1 if one is missed.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from nnstudio.data import load_dataset

MAX_SECONDS = 2.0
MAX_PEAK_RATIO = 2.0


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=60_000)
    parser.add_argument("--repeats", type=int, default=3)
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
