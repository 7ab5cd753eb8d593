"""Places next to a local unit word (extract.places.unit_places) row by row: unit_places.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.places import unit_places
from summarizer.lang import lexicon, tells_of_harm
from summarizer.text.parse import split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), rows("unit_places.tsv"))
def test_a_name_next_to_a_local_unit_is_a_place(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    found = unit_places(split_sentences(text), lx, [], lambda t: tells_of_harm(t, lx))
    assert (" | ".join(found) or "-") == expected
