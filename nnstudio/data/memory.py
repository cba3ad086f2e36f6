"""How much memory the machine can still give, so loaders can refuse what would not fit."""

from __future__ import annotations

import os
from pathlib import Path

MEMINFO = Path("/proc/meminfo")
#: assumed when the operating system says nothing (no /proc, no sysconf): 4 GiB
FALLBACK_BYTES = 4 << 30


def available_bytes() -> int:
    """Bytes of memory available to a new allocation without swapping: MemAvailable from
    /proc/meminfo on Linux, else free physical pages × page size (sysconf), else 4 GiB."""
    return _meminfo_available() or _sysconf_available() or FALLBACK_BYTES


def _meminfo_available() -> int | None:
    try:
        text = MEMINFO.read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name == "MemAvailable":
            fields = value.split()
            if fields and fields[0].isdigit():
                return int(fields[0]) * 1024
    return None


def _sysconf_available() -> int | None:
    try:
        pages, size = os.sysconf("SC_AVPHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return None
    return pages * size if pages > 0 and size > 0 else None
