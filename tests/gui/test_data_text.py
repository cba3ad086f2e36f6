"""The data layer's problems in Chinese: every template is one the data layer really writes,
every problem of these broken files is translated with its file name, lines and values kept,
and the CSV import dialog and the Data dock show them so."""

import os
import re
import socket
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import DataError, limits, load_dataset
from nnstudio.data.idx import read_idx
from nnstudio.data.npz import list_arrays, load_npz, peek_array
from nnstudio.data.png import decode_png
from nnstudio.data.points import add_point
from nnstudio.data.tables import read_csv
from nnstudio.gui import language
from nnstudio.gui.data_text import TEMPLATES, data_problem_tr
from nnstudio.gui.templated import NESTED, template_pattern
from tests.data import test_data_hostile as hostile

CJK = re.compile(r"[\u4e00-\u9fff]")
TABLE = "a,b,label\n1,2,cat\n3,4,dog\n"
#: broken CSV files, and the reader's options, one for each problem the reader words
BROKEN = {
    "empty": ("", {}),
    "only delimiters": (",,,\n,,,\n", {}),
    "header only": ("a,b,label\n", {}),
    "one column": ("a\n1\n2\n", {}),
    "a field too many": ("a,b,label\n1,2,cat\n3,4,5,dog\n", {}),
    "a field too few": ("a,b,label\n1,2,cat\n3,dog\n", {}),
    "a field too few, no header": ("1,2,0\n3,0\n", {"header": False}),
    "text feature": ("a,b,label\n1,x,cat\n3,4,dog\n", {}),
    "infinite feature": ("a,b,label\n1,inf,cat\n3,4,dog\n", {}),
    "missing value": ("a,b,label\n1,,cat\n3,4,dog\n", {}),
    "every row missing": ("a,b,label\n1,,cat\n,4,dog\n", {"drop_missing": True}),
    "no such column": (TABLE, {"target": "lable"}),
    "no such column, no header": ("1,2,0\n3,4,1\n", {"header": False, "target": "x"}),
    "no such target index": (TABLE, {"target": 7}),
    "no such feature index": (TABLE, {"columns": [9]}),
    "two columns named a": ("a,a,label\n1,2,cat\n3,4,dog\n", {"columns": ["a"]}),
    "target as a feature": (TABLE, {"columns": ["a", "label"]}),
    "a feature twice": (TABLE, {"columns": ["a", "a"]}),
    "text for regression": ("a,b,y\n1,2,cat\n3,4,dog\n", {"task": "regression"}),
    "open quote": ('a,b,label\n1,2,"cat\n3,4,dog\n', {}),
    "UTF-16": ("a,b\n1,2\n".encode("utf-16"), {}),
    "binary": (b"PK\x03\x04\x00\x00\x00garbage\x00\x01", {}),
    "Latin-1": ("a,b,label\n1,2,caf\xe9\n".encode("latin-1"), {}),
    "one class": ("a,b,label\n1,2,cat\n3,4,cat\n", {}),
}
def problems(tmp_path) -> list[str]:
    """What the data layer says about each broken file, a missing file and impossible splits."""
    said = []
    for i, (content, options) in enumerate(BROKEN.values()):
        path = tmp_path / f"broken{i}.csv"
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        with pytest.raises(DataError) as info:
            read_csv(path, **options)
        said.append(str(info.value))
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    for section in ({"source": "csv", "path": "nowhere.csv"},
                    {"source": "toy2d", "name": "xor", "validation": 0.6, "test": 0.5},
                    {"source": "csv", "path": "loop.csv"}):
        with pytest.raises(DataError) as info:
            load_dataset(section, base_dir=tmp_path)
        said.append(str(info.value))
    return said


def _said(read: Callable[[], object]) -> str:
    with pytest.raises(DataError) as info:
        read()
    return str(info.value)


def hostile_problems(tmp_path: Path) -> list[str]:
    """What the data layer says about paths that are not regular files and files announcing
    more than they hold or than memory can take (fixtures as in tests/data/test_data_hostile)."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    fifo = folder / "pipe.csv"
    os.mkfifo(fifo)
    (folder / "plain.csv").write_text("a,b\n1,2\n")
    said = [_said(lambda section=section: load_dataset(section, base_dir=folder)) for section in (
        {"source": "csv", "path": str(folder)},
        {"source": "images", "path": "plain.csv"},
        {"source": "images", "path": "absent"},
        {"source": "csv", "path": "pipe.csv"},
        {"source": "csv", "path": "/dev/zero"},
        {"source": "csv", "path": "a" * 300},
        {"source": "csv", "path": "/".join(["abc"] * 2000)},
    )]
    with tempfile.TemporaryDirectory() as short, socket.socket(socket.AF_UNIX) as server:
        server.bind(str(Path(short) / "s.csv"))
        said.append(_said(lambda: load_dataset({"source": "csv", "path": f"{short}/s.csv"})))
    idx = folder / "huge.idx.gz"
    idx.write_bytes(hostile.gzip_with_trailer(hostile.idx_header(0x08, (10**6, 28, 28)), 0))
    said.append(_said(lambda: read_idx(idx, "images")))
    (folder / "none.idx").write_bytes(hostile.idx_header(0x08, (0, 28, 28)))
    said.append(_said(lambda: read_idx(folder / "none.idx", "images")))
    said.append(_said(lambda: decode_png(hostile.png_file(20_000, 20_000, b""), "big.png")))
    said.append(_said(lambda: decode_png(hostile.png_file(2, 2, zlib.compress(bytes(99))),
                                         "more.png")))
    np.save(folder / "one.npy", np.zeros(3))
    said.append(_said(lambda: list_arrays(folder / "one.npy")))
    for patch in ({"flags": 1}, {"method": 99}, {"size": 4_000_000_000}):
        np.savez_compressed(folder / "odd.npz", x=np.zeros((4, 2)), y=np.arange(4) % 2)
        hostile.patch_entries(folder / "odd.npz", **patch)
        said.append(_said(lambda: load_npz(folder / "odd.npz")))
    short_npz = hostile.write_npz(folder / "short.npz", {"x": hostile.npy_bytes((9, 9), b"")})
    said.append(_said(lambda: load_npz(short_npz)))
    said.append(_said(lambda: peek_array(short_npz, "x", 4)))
    said.append(_said(lambda: add_point({"source": "points", "points": []}, 10**400, 0, 0)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "memory_budget", lambda: 10)
        said.append(_said(lambda: read_csv(folder / "plain.csv")))
    return said


@pytest.fixture
def chinese(qapp):
    installed = language.install_translations(qapp, "zh_CN")
    yield
    language.remove_translations(qapp, installed)


def with_nested_parts(texts: list[str]) -> list[str]:
    """`texts` and, for each that a template matches, its {problem} and {hint} parts."""
    found = list(texts)
    for text in found:  # grows while it is read: parts of parts are found too
        for template in TEMPLATES:
            match = template_pattern(template).fullmatch(text)
            if match:
                found.extend(v for k, v in match.groupdict().items() if k in NESTED)
    return found


def test_every_template_is_a_problem_the_data_layer_writes(tmp_path):
    said = with_nested_parts(problems(tmp_path) + hostile_problems(tmp_path))
    for template in TEMPLATES:
        assert any(template_pattern(template).fullmatch(text) for text in said), template


def test_every_problem_reads_in_chinese_with_its_places_and_values(chinese, tmp_path):
    for text in problems(tmp_path):
        translated = data_problem_tr(text)
        assert CJK.search(translated), text
        for value in re.findall(r"broken\d+\.csv|'[^']*'|\b\d+\b|0x[0-9a-f]+", text):
            assert value in translated, (text, translated)


def test_hostile_file_problems_read_in_chinese_with_their_places(chinese, tmp_path):
    for text in hostile_problems(tmp_path):
        translated = data_problem_tr(text)
        assert CJK.search(translated), text
        for value in re.findall(r"[\w.]+\.(?:csv|gz|png|npz|npy)\b|'[^']*'", text):
            assert value in translated, (text, translated)


def test_english_problems_stay_as_written(qapp, tmp_path):
    for text in problems(tmp_path) + hostile_problems(tmp_path):
        assert data_problem_tr(text) == text


def test_the_csv_dialog_says_in_chinese_what_is_wrong_with_a_file(chinese, qtbot, tmp_path):
    from nnstudio.gui.imports.csv_dialog import CsvImportDialog

    path = tmp_path / "ragged.csv"
    path.write_text("a,b,label\n1,2,x\n3,4,5,y\n")
    dialog = CsvImportDialog(base_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.set_path(path)
    assert dialog.message.text() == \
        "ragged.csv 第 3 行有 4 个字段，但标题行有 3 个；含有 ',' 的值必须放在引号里"
    assert not dialog.ok_button.isEnabled()


def test_the_data_dock_says_in_chinese_why_its_data_cannot_load(chinese, qtbot, tmp_path):
    from nnstudio.design import Design
    from nnstudio.gui.main_window import MainWindow

    doc = Design.default().to_dict()
    doc["data"] = {"source": "csv", "path": str(tmp_path / "gone.csv")}
    window = MainWindow(Design.from_dict(doc), remember_layout=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.data_panel.busy, timeout=10_000)
    preview = window.data_panel.preview
    assert preview.page == "empty"
    assert preview.empty.text().startswith("找不到文件：") and "gone.csv" in preview.empty.text()
