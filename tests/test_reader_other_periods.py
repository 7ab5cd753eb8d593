"""Figures of another period (text/windows.py) row by row: other_periods.tsv. A phrase of another period that frames
a figure ('a decade ago', 'hace diez años', an earlier year than the article names) is its window, and rollups and
disputes leave such a figure out of the event's own toll."""

from __future__ import annotations

import pytest
from phrasing_tables import mentions, rows

from summarizer.lang import lexicon
from summarizer.text.windows import other_period, window_near


@pytest.mark.parametrize(("lang", "text", "expected"), rows("other_periods.tsv"))
def test_other_period(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    framed = [f"{m.raw_text}={window}" for m in mentions(lang, text)
              if other_period(window := window_near(text, m.sentence, m.start, lx))]
    assert (" | ".join(framed) or "-") == expected
