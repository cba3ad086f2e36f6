"""How much memory the machine can still give, so loaders can refuse what would not fit."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

MEMINFO = Path("/proc/meminfo")
#: assumed when the operating system says nothing: 4 GiB
FALLBACK_BYTES = 4 << 30


def available_bytes() -> int:
    """Bytes of memory available to a new allocation without swapping: MemAvailable from
    /proc/meminfo on Linux; the available physical memory on Windows; elsewhere free pages
    (sysconf), else half the physical memory (macOS, whose free pages leave out its
    reclaimable cache); else FALLBACK_BYTES."""
    for source in (_meminfo_available, _windows_available, _sysconf_available):
        found = source()
        if found:
            return found
    return FALLBACK_BYTES


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
    """Free pages × page size, else half of all pages × page size."""
    for name, share in (("SC_AVPHYS_PAGES", 1.0), ("SC_PHYS_PAGES", 0.5)):
        try:
            pages, size = os.sysconf(name), os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            continue
        if pages > 0 and size > 0:
            return int(pages * size * share)
    return None


class _MemoryStatus(ctypes.Structure):
    """Windows' MEMORYSTATUSEX."""

    _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                *((name, ctypes.c_ulonglong) for name in (
                    "total_physical", "available_physical", "total_page_file",
                    "available_page_file", "total_virtual", "available_virtual",
                    "available_extended_virtual"))]


def _windows_available() -> int | None:
    if sys.platform != "win32":
        return None
    status = _MemoryStatus()
    status.length = ctypes.sizeof(_MemoryStatus)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
        return None
    return int(status.available_physical)
