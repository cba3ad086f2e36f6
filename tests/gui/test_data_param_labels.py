"""Every setting of every data source has a row label that is translated (a new source's
'length' and 'symbols' showed in English in the Chinese window)."""

from nnstudio.data.catalog import SOURCES
from nnstudio.gui.data.params import LABELS, OWN_WIDGETS


def test_every_data_setting_has_a_row_label():
    missing = sorted({f"{s.name}.{p.name}" for s in SOURCES.values() for p in s.params
                      if p.name not in LABELS and p.name not in OWN_WIDGETS})
    assert missing == []
