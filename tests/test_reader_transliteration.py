"""Names in Latin letters found in articles of other scripts by sound (text.transliterate): transliteration.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.text.transliterate import locate_transliterated, locate_variant, names_country, skeleton


@pytest.mark.parametrize(("lang", "text", "expected"), rows("transliteration.tsv"))
def test_a_latin_name_found_by_sound(lang: str, text: str, expected: str) -> None:
    article, name = text.split(" | ")
    found = locate_transliterated(article, name)
    assert (found.quote if found else "-") == expected
    if found:
        assert article[found.start : found.end] == found.quote


def test_spellings_of_one_name_share_a_skeleton() -> None:
    assert skeleton("Buldhana") == skeleton("Buldana") == skeleton("BULDHANA") == "bldn"


@pytest.mark.parametrize(("lang", "text", "expected"), rows("countries_named.tsv"))
def test_whether_the_article_names_the_country(lang: str, text: str, expected: str) -> None:
    country, article = text.split(": ", 1)
    assert names_country(article, country) == (expected == "yes")


@pytest.mark.parametrize(("lang", "text", "expected"), rows("spelling_variants.tsv"))
def test_a_name_found_under_a_spelling_one_letter_apart(lang: str, text: str, expected: str) -> None:
    article, name = text.split(" | ")
    found = locate_variant(article, name)
    assert (found.quote if found else "-") == expected
