"""The CSV reader: formats it accepts, and a clear DataError for every broken file."""

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset
from nnstudio.data.builtin import load_builtin
from nnstudio.data.tables import read_csv


def _write(tmp_path, content, name="t.csv"):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def _read(tmp_path, content, **options):
    return read_csv(_write(tmp_path, content), **options)


def _error(tmp_path, content, **options) -> DataError:
    with pytest.raises(DataError) as info:
        _read(tmp_path, content, **options)
    return info.value


SIMPLE = "a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n"


def test_reads_a_simple_table(tmp_path):
    table = _read(tmp_path, SIMPLE)
    np.testing.assert_array_equal(table.x, [[1, 2], [3, 4], [5, 6]])
    np.testing.assert_array_equal(table.y, [0, 1, 0])
    assert table.class_names == ("cat", "dog") and table.feature_names == ("a", "b")
    assert table.task == "classification" and table.target_name == "label"


@pytest.mark.parametrize("content", [
    "a;b;label\n1;2;cat\n3;4;dog\n5;6;cat\n",
    "a\tb\tlabel\n1\t2\tcat\n3\t4\tdog\n5\t6\tcat\n",
    "\ufeffa,b,label\r\n1,2,cat\r\n3,4,dog\r\n5,6,cat\r\n\r\n\r\n",
    '"a","b","label"\n"1","2","cat"\n3, 4, "dog"\n\n5,6,cat\n   \n',
    "a;b;label\n1,0;2;cat\n3;4,0;dog\n5;6;cat\n",
    "a,b,label,\n1,2,cat,\n3,4,dog,\n5,6,cat,\n",
])
def test_formats(tmp_path, content):
    table = _read(tmp_path, content)
    np.testing.assert_array_equal(table.x, [[1, 2], [3, 4], [5, 6]])
    assert table.class_names == ("cat", "dog") and table.feature_names == ("a", "b")


def test_quoted_fields_may_hold_the_delimiter(tmp_path):
    table = _read(tmp_path, 'x,name\n1,"Smith, J."\n2,"Doe, A."\n3,"Smith, J."\n')
    assert table.class_names == ("Doe, A.", "Smith, J.")


def test_no_header_and_target_by_index(tmp_path):
    table = _read(tmp_path, "1,cat,2\n3,dog,4\n5,cat,6\n", target=1)
    assert table.feature_names == ("column 1", "column 3") and table.target_name == "column 2"
    np.testing.assert_array_equal(table.x, [[1, 2], [3, 4], [5, 6]])
    table = _read(tmp_path, "1,2,0\n3,4,1\n", header=False, target=-1)
    assert table.class_names == ("0", "1")


def test_header_option_forces_the_first_line(tmp_path):
    table = _read(tmp_path, "1,2,0\n3,4,1\n5,6,0\n", header=True)
    assert table.feature_names == ("1", "2") and len(table.x) == 2


def test_target_by_name_is_case_insensitive(tmp_path):
    table = _read(tmp_path, "a,b,c\n1,2,3\n4,5,6\n", target="A")
    assert table.target_name == "a" and table.feature_names == ("b", "c")


def test_task_detection(tmp_path):
    ints = "x,y\n" + "".join(f"{i},{i % 3 + 1}\n" for i in range(30))
    table = _read(tmp_path, ints)
    assert table.task == "classification" and table.class_names == ("1", "2", "3")
    np.testing.assert_array_equal(table.y[:4], [0, 1, 2, 0])
    floats = "x,y\n" + "".join(f"{i},{i * 0.37}\n" for i in range(30))
    table = _read(tmp_path, floats)
    assert table.task == "regression" and table.y.shape == (30, 1)
    many = "x,y\n" + "".join(f"{i},{i}\n" for i in range(30))
    assert _read(tmp_path, many).task == "regression"
    assert _read(tmp_path, ints, task="regression").task == "regression"
    assert _read(tmp_path, many, task="classification").task == "classification"


def test_numeric_classes_sort_numerically(tmp_path):
    table = _read(tmp_path, "x,y\n1,10\n2,2\n3,10\n4,2.5\n", task="classification")
    assert table.class_names == ("2", "2.5", "10")
    np.testing.assert_array_equal(table.y, [2, 0, 2, 1])


def test_drop_missing(tmp_path):
    content = "a,b,c\n1,2,x\n,4,y\n5,NA,x\n7,8,\n9,10,y\n"
    table = _read(tmp_path, content, drop_missing=True)
    np.testing.assert_array_equal(table.x, [[1, 2], [9, 10]])
    assert table.class_names == ("x", "y")


# -- broken files ---------------------------------------------------------------------------------

def test_empty_file(tmp_path):
    assert "empty" in str(_error(tmp_path, ""))
    assert "empty" in str(_error(tmp_path, "\n \r\n\n"))


def test_header_only(tmp_path):
    assert "no data rows" in str(_error(tmp_path, "a,b,label\n"))


def test_ragged_row_names_the_line(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,4,dog\n5,6,7,cat\n")
    assert err.row == 4
    assert "line 4 has 4 fields but the header has 3" in str(err)


def test_text_in_a_feature_column_names_row_and_column(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,four,dog\n5,6,cat\n")
    assert (err.row, err.column) == (3, "b")
    assert "line 3, column 'b': 'four' is not a number" in str(err)


def test_missing_value_names_where(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,,dog\n5,NA,cat\n")
    assert (err.row, err.column) == (3, "b")
    assert "missing value (2 missing in the file)" in str(err) and "drop_missing" in str(err)
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,4,\n")
    assert (err.row, err.column) == (3, "label")


def test_every_row_missing(tmp_path):
    assert "every row" in str(_error(tmp_path, "a,b,c\n,1,x\n2,,y\n", drop_missing=True))


def test_missing_target_column_lists_the_columns(tmp_path):
    err = _error(tmp_path, SIMPLE, target="species")
    assert err.key == "target"
    assert "no column named 'species'; its columns are: a, b, label" in str(err)
    assert "0 to 2" in str(_error(tmp_path, SIMPLE, target=3))


def test_single_class(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,4,cat\n")
    assert "only one class ('cat')" in str(err) and "'label'" in str(err)


def test_text_target_cannot_be_regression(tmp_path):
    err = _error(tmp_path, SIMPLE, task="regression")
    assert err.key == "task" and err.row == 2 and "'cat' is text" in str(err)


def test_binary_garbage(tmp_path):
    err = _error(tmp_path, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00binary")
    assert "binary" in str(err) and err.key == "path"
    assert "UTF-16" in str(_error(tmp_path, "a,b\n1,2\n".encode("utf-16")))


def test_non_utf8_names_the_line(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,4,caf\u00e9\n".encode("latin-1"))
    assert err.row == 3 and "UTF-8" in str(err) and "0xe9" in str(err)


def test_unclosed_quote(tmp_path):
    err = _error(tmp_path, 'a,b,label\n1,2,cat\n3,"4,dog\n5,6,cat\n')
    assert err.row == 3 and "quote" in str(err)


def test_single_column(tmp_path):
    assert "single column" in str(_error(tmp_path, "label\ncat\ndog\n"))


def test_infinite_value(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,inf,cat\n3,4,dog\n")
    assert (err.row, err.column) == (2, "b") and "finite" in str(err)


def test_errors_through_load_dataset(tmp_path):
    _write(tmp_path, "a,b,label\n1,2,cat\n3,four,dog\n", "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv, line 3") as info:
        load_dataset({"source": "csv", "path": "bad.csv"}, base_dir=tmp_path)
    assert info.value.key == "path"
    with pytest.raises(DataError, match="file not found"):
        load_dataset({"source": "csv", "path": "none.csv"}, base_dir=tmp_path)


# -- an exported iris gives the builtin arrays ----------------------------------------------------

def test_iris_export_matches_builtin(tmp_path):
    iris = load_builtin("iris")
    lines = [";".join([*iris.feature_names, "species"])]
    for row, label in zip(iris.x, iris.y, strict=True):
        cells = [repr(float(v)).replace(".", ",") for v in row]
        lines.append(";".join([*cells, f'"{iris.class_names[label]}"']))
    _write(tmp_path, "\ufeff" + "\r\n".join(lines) + "\r\n\r\n", "iris_export.csv")
    spec = {"validation": 0.2, "test": 0.2, "seed": 9}
    exported = load_dataset({"source": "csv", "path": "iris_export.csv", **spec},
                            base_dir=tmp_path)
    builtin = load_dataset({"source": "builtin", "name": "iris", **spec})
    for field in ("x_train", "y_train", "x_val", "y_val", "x_test", "y_test"):
        np.testing.assert_array_equal(getattr(exported, field), getattr(builtin, field))
    assert exported.class_names == builtin.class_names
    assert exported.feature_names == builtin.feature_names
    np.testing.assert_array_equal(exported.stats.mean, builtin.stats.mean)


def test_first_missing_value_in_file_order(tmp_path):
    err = _error(tmp_path, "label,a,b\ncat,1,2\n,3,\ndog,5,6\n", target="label")
    assert (err.row, err.column) == (3, "label")


def test_short_row_hint(tmp_path):
    err = _error(tmp_path, "a,b,label\n1,2,cat\n3,dog\n")
    assert err.row == 3 and "empty value still needs its ','" in str(err)
