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
