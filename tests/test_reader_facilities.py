"""Buildings and sites are no places (extract.places.is_facility) row by row: facilities.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.places import is_facility
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "name", "expected"), rows("facilities.tsv"))
def test_a_building_or_site_is_no_place(lang: str, name: str, expected: str) -> None:
    assert ("site" if is_facility(name, lexicon(lang)) else "place") == expected
