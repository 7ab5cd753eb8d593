"""A number that refers back to people already counted (`extract.figures.refers_back`), row by row:
refers_back.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import mentions, rows

from summarizer.extract.figures import refers_back
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "text", "expected"), rows("refers_back.tsv"))
def test_refers_back(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    lx = lexicon(lang)
    assert lx is not None
    assert refers_back(plain, mention, lx) == (expected == "yes")
