"""The figure reader (extract.figures) row by row: reading.tsv. «» marks the number; the expected reading is
group/outcome when code is sure, "model" when it must leave the figure to the model."""

from __future__ import annotations

import pytest
from phrasing_tables import mentions, rows

from summarizer.extract.figures import read_figure
from summarizer.lang import lexicon, unharmed_near


@pytest.mark.parametrize(("lang", "text", "expected"), rows("reading.tsv"))
def test_code_reader_is_sure_or_leaves_it_to_the_model(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    reading = read_figure(plain, mention)
    got = f"{reading.group}/{reading.outcome}" if reading.sure and reading.group and reading.outcome else "model"
    assert got == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("unharmed.tsv"))
def test_a_number_beside_a_word_of_no_harm_counts_nobody_harmed(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    assert unharmed_near(plain, mention.raw_start, mention.end, lexicon(lang)) == (expected == "yes")
