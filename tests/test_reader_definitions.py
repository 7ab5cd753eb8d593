"""Sentences that define, whose numbers count no one of the event (lang.defines) row by row: definitions.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.lang import defines, lexicon


@pytest.mark.parametrize(("lang", "text", "expected"), rows("definitions.tsv"))
def test_a_definition_counts_no_one_of_the_event(lang: str, text: str, expected: str) -> None:
    assert defines(text, lexicon(lang)) is (expected == "yes")
