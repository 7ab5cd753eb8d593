"""The status a sentence gives its figure (text.names.figure_status) row by row: statuses.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.text.names import figure_status


@pytest.mark.parametrize(("lang", "text", "expected"), rows("statuses.tsv"))
def test_figure_status(lang: str, text: str, expected: str) -> None:
    before = text[: text.index("«")]
    sentence = text.replace("«", "").replace("»", "")
    assert figure_status("unknown", sentence, before[-40:], lang) == expected
