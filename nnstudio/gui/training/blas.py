"""One BLAS thread: on a two-core laptop OpenBLAS's helper threads fight the GUI and the
training thread for the cores (measured on a busy two-core machine: a step of the digits CNN
takes 8–16 ms with two BLAS threads and 1.4 ms with one). The worker thread is the only one
doing heavy linear algebra, so one BLAS thread is all it needs."""

from __future__ import annotations

import numpy  # noqa: F401  (loads the BLAS library whose threads are capped below)
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]


def limit_blas_threads(threads: int = 1) -> None:
    """Cap the BLAS libraries NumPy loaded at `threads` threads, for the rest of the process."""
    threadpool_limits(limits=threads, user_api="blas")
