"""CSV import beyond the reader: feature columns, the import dialog's preview, and export."""

from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer
from nnstudio.data import DataError, export_csv, load_dataset, preview_csv
from nnstudio.data.tables import read_csv

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
TABLE = "id,a,b,colour,label\n1,0.5,2,red,cat\n2,1.5,,blue,dog\n3,2.5,4,red,cat\n" \
        "4,3.5,5,green,dog\n"


def _write(tmp_path, text, name="t.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


# -- feature columns ------------------------------------------------------------------------------

def test_feature_columns_by_name_and_index(tmp_path):
    _write(tmp_path, TABLE.replace(",,", ",3,"))
    spec = {"source": "csv", "path": "t.csv", "validation": 0.0, "standardize": False}
    data = load_dataset({**spec, "columns": ["b", 1]}, dtype=np.float64, base_dir=tmp_path)
    assert data.feature_names == ("b", "a") and data.input_shape == (2,)
    np.testing.assert_array_equal(data.raw_x("train")[np.argsort(data.indices[0])],
                                  [[2, 0.5], [3, 1.5], [4, 2.5], [5, 3.5]])
    numeric = load_dataset({**spec, "columns": ["id"], "target": "a", "task": "regression"},
                           dtype=np.float64, base_dir=tmp_path)
    assert numeric.task == "regression" and numeric.feature_names == ("id",)


@pytest.mark.parametrize(("columns", "words"), [
    (["a", "label"], "'label' is the target"),
    (["a", 1], "'a' is chosen as a feature twice"),
    (["a", "weight"], "no column named 'weight'; its columns are: id, a, b, colour, label"),
    ([7], "column 7 does not exist"),
    (["a", "colour"], "'red' is not a number"),
    ([], "list of column names"),
    ("a", "list of column names"),
])
def test_bad_feature_columns(tmp_path, columns, words):
    _write(tmp_path, TABLE.replace(",,", ",3,"))
    with pytest.raises(DataError, match=words) as info:
        load_dataset({"source": "csv", "path": "t.csv", "columns": columns}, base_dir=tmp_path)
    assert info.value.key in ("columns", "path")


# -- the preview ----------------------------------------------------------------------------------

def test_preview(tmp_path):
    preview = preview_csv(_write(tmp_path, TABLE), rows=2)
    assert preview.delimiter == "," and preview.header
    assert preview.names == ("id", "a", "b", "colour", "label")
    assert preview.kinds == ("numeric", "numeric", "numeric", "text", "text")
    assert preview.missing == (0, 0, 1, 0, 0) and preview.has_missing
    assert preview.tasks == ("classification", "regression", "classification",
                             "classification", "classification")
    assert preview.rows == (("1", "0.5", "2", "red", "cat"), ("2", "1.5", "", "blue", "dog"))
    assert preview.row_lines == (2, 3)
    assert preview.scanned == 4 and preview.complete


def test_preview_detects_and_accepts_settings(tmp_path):
    path = _write(tmp_path, "1;2,5;x\n3;4;y\n5;;x\n")
    preview = preview_csv(path)
    assert preview.delimiter == ";" and not preview.header
    assert preview.names == ("column 1", "column 2", "column 3")
    assert preview.kinds == ("numeric", "numeric", "text") and preview.missing == (0, 1, 0)
    forced = preview_csv(path, delimiter=";", header=True)
    assert forced.header and forced.names == ("1", "2,5", "x") and forced.scanned == 2
    empty_column = preview_csv(_write(tmp_path, "a,b,c\n1,,x\n2,NA,y\n"))
    assert empty_column.kinds[1] == "empty" and empty_column.tasks[1] == ""


def test_preview_of_a_big_file_reads_only_its_start(tmp_path):
    row = "1.25,2.5,3.75,text,7\n"
    path = _write(tmp_path, "a,b,c,d,e\n" + row * 400_000)  # 8 MB
    preview = preview_csv(path)
    assert not preview.complete and 0 < preview.scanned < 60_000
    assert len(preview.rows) == 20 and preview.kinds == ("numeric",) * 3 + ("text", "numeric")


def test_preview_of_a_quoted_line_cut_at_the_scan_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("nnstudio.data.csvpreview.SCAN_BYTES", 40)
    path = _write(tmp_path, 'a,note\n1,"short"\n2,"a note\nover two lines"\n3,x\n')
    preview = preview_csv(path)
    assert not preview.complete and preview.rows == (("1", "short"),)


@pytest.mark.parametrize(("text", "words"), [
    ("", "empty"), ("a,b,label\n", "no data rows"), ("a,b\n1,2\n3,4,5\n", "line 3 has 3 fields"),
])
def test_preview_refuses_what_the_import_would(tmp_path, text, words):
    with pytest.raises(DataError, match=words):
        preview_csv(_write(tmp_path, text))
    (tmp_path / "bin.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    with pytest.raises(DataError, match="binary"):
        preview_csv(tmp_path / "bin.csv")


# -- export ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("spec", [
    {"source": "builtin", "name": "wine"},
    {"source": "toy2d", "name": "spiral", "classes": 3, "noise": 0.2, "features": ["sin_x1"]},
    {"source": "regression", "name": "plane", "noise": 0.1},
])
def test_export_round_trip(tmp_path, spec):
    spec = {**spec, "validation": 0.2, "test": 0.1, "seed": 5, "standardize": True}
    original = load_dataset(spec, dtype=np.float64)
    export_csv(original, tmp_path / "out.csv")
    again = load_dataset({"source": "csv", "path": "out.csv", "validation": 0.2, "test": 0.1,
                          "seed": 5}, dtype=np.float64, base_dir=tmp_path)
    for split in ("train", "validation", "test"):
        np.testing.assert_array_equal(again.raw_x(split), original.raw_x(split))
        np.testing.assert_array_equal(again.split(split)[1], original.split(split)[1])
    assert again.task == original.task and again.class_names == original.class_names
    assert not list(tmp_path.glob(".*tmp"))


def test_export_refuses_images(tmp_path):
    with pytest.raises(DataError, match="images"):
        export_csv(load_dataset({"source": "builtin", "name": "digits"}), tmp_path / "d.csv")
    with pytest.raises(DataError, match="cannot write"):
        export_csv(load_dataset({"source": "builtin", "name": "iris"}),
                   tmp_path / "missing" / "iris.csv")


def test_iris_from_its_csv_export_trains_to_the_same_figures(tmp_path):
    """The iris example trained from the builtin table and from its CSV export: the same split
    seed gives the same splits, so every figure is identical."""
    builtin = Design.load(EXAMPLES / "iris.json")
    export_csv(load_dataset(builtin.data), tmp_path / "iris.csv")
    from_csv = Design.from_dict({**builtin.to_dict(), "data": {
        **{k: v for k, v in builtin.data.items() if k not in ("source", "name")},
        "source": "csv", "path": str(tmp_path / "iris.csv")}})
    runs = []
    for design in (builtin, from_csv):
        trainer = Trainer(design)
        for _ in range(40):
            trainer.run_epoch()
        history = [{k: v for k, v in e.items() if k != "seconds"} for e in trainer.history]
        runs.append((history, trainer.evaluate("validation"), trainer.evaluate("test")))
    assert runs[0] == runs[1]
    assert runs[0][1]["accuracy"] >= 0.9


def test_preview_counts_classes_and_locates_missing_values(tmp_path):
    preview = preview_csv(_write(tmp_path, "a,b,label\n1,,x\n2,3,y\n?,4,x\n5,NA,z\n"))
    assert preview.distinct == (3, 2, 3)
    assert preview.missing_lines == ((4,), (2, 5), ())
    assert preview.rows_missing([0, 1]) == (2, 4, 5) and preview.rows_missing([2]) == ()
    assert preview.numbers == (3, 2, 0) and preview.first_text == (None, None, (2, "x"))
    typo = preview_csv(_write(tmp_path, "a,b,label\n1,2,x\n3,oops,y\n5,6,x\n"))
    assert typo.kinds[1] == "text" and typo.mixed(1) and not typo.mixed(2)
    assert typo.first_text[1] == (3, "oops")


def test_loaders_report_progress_and_stop_when_it_raises(tmp_path, monkeypatch):
    monkeypatch.setattr("nnstudio.data.csvtext.PROGRESS_EVERY", 10)
    path = _write(tmp_path, "a,b,label\n" + "1,2,x\n3,4,y\n" * 100)
    seen = []
    table = read_csv(path, progress=seen.append)
    assert len(table.y) == 200
    assert seen == sorted(seen) and len(seen) > 10 and seen[0] > 0 and seen[-1] <= 1

    def stop(fraction):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_csv(path, progress=stop)
