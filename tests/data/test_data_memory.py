"""The available-memory helper every size check relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

from nnstudio.data import memory


def test_reads_mem_available_from_meminfo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       16000000 kB\nMemFree:  100 kB\n"
                       "MemAvailable:    2048 kB\n")
    monkeypatch.setattr(memory, "MEMINFO", meminfo)
    assert memory.available_bytes() == 2048 * 1024


def test_falls_back_without_meminfo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(memory, "MEMINFO", tmp_path / "absent")
    monkeypatch.setattr(memory, "_sysconf_available", lambda: None)
    assert memory.available_bytes() == memory.FALLBACK_BYTES


def test_real_machine_reports_a_positive_amount():
    assert memory.available_bytes() > 0


def test_without_meminfo_free_pages_are_asked_of_the_system(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(memory, "MEMINFO", tmp_path / "absent")
    pages = {"SC_AVPHYS_PAGES": 1000, "SC_PAGE_SIZE": 4096}
    monkeypatch.setattr(memory.os, "sysconf", lambda name: pages[name])
    assert memory.available_bytes() == 1000 * 4096


def test_without_free_pages_half_the_physical_memory_is_assumed(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    """As on macOS, which has no SC_AVPHYS_PAGES."""
    monkeypatch.setattr(memory, "MEMINFO", tmp_path / "absent")
    pages = {"SC_PHYS_PAGES": 1000, "SC_PAGE_SIZE": 4096}

    def sysconf(name: str) -> int:
        if name not in pages:
            raise ValueError(f"unrecognized configuration name {name}")
        return pages[name]

    monkeypatch.setattr(memory.os, "sysconf", sysconf)
    assert memory.available_bytes() == 500 * 4096
