"""Buildings and sites are no places (extract.places.is_facility) row by row: facilities.tsv; nor are unit words or, in
a script without capitals, words of harm or of the event (not_a_name): place_names.tsv; nor a word the article writes
only after an indefinite article: indefinite_places.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.places import is_facility, not_a_name
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "name", "expected"), rows("facilities.tsv"))
def test_a_building_or_site_is_no_place(lang: str, name: str, expected: str) -> None:
    assert ("site" if is_facility(name, lexicon(lang)) else "place") == expected


@pytest.mark.parametrize(("lang", "name", "expected"), rows("place_names.tsv"))
def test_a_unit_word_or_a_word_of_harm_names_no_place(lang: str, name: str, expected: str) -> None:
    assert ("no" if not_a_name(name, lexicon(lang)) else "name") == expected


@pytest.mark.parametrize(("lang", "article", "expected"), rows("indefinite_places.tsv"))
def test_a_word_written_only_after_an_indefinite_article_names_no_place(lang: str, article: str,
                                                                        expected: str) -> None:
    name = article[article.index("[") + 1 : article.index("]")]
    text = article.replace("[", "").replace("]", "")
    assert ("no" if not_a_name(name, lexicon(lang), name, text) else "name") == expected
