"""Places found by code next to place words, and the names an article calls regions (extract.places):
regions.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.places import containing_region, find_places, is_namesake_town, is_region
from summarizer.lang import lexicon
from summarizer.text.names import is_demonym
from summarizer.text.parse import split_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Two soldiers were killed in Palmyra Saturday after an ambush.", ["Palmyra"]),
    ("Two soldiers were killed in Syria Saturday after an ambush.", []),
    ("Gunmen attacked a checkpoint in Dorvan district on Monday.", ["Dorvan"]),
    ("Militants attacked police stations in the towns of Orlu, Ravel and Tesk.", ["Orlu", "Ravel", "Tesk"]),
    ("The minister spoke in Parliament on Monday.", []),
])
def test_places_next_to_place_words(text: str, expected: list[str]) -> None:
    assert find_places(split_sentences(text), []) == expected


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("A bus fell into a gorge near Tarel in Morvan district of Hesh Pradesh.", ["Morvan", "Tarel", "Hesh Pradesh"],
     "Hesh Pradesh"),
    ("The bus fell near Tarel area of Morvan, Hesh Pradesh.", ["Tarel", "Morvan", "Hesh Pradesh"], "Hesh Pradesh"),
    # a name written with a local unit word is a place, not the region
    ("A blast hit Tarel in Morvan district on Monday.", ["Tarel", "Morvan"], None),
    # the country never is the region; two names that hold nothing give none
    ("Two soldiers were killed near Palmyra, Syria.", ["Palmyra", "Syria"], None),
    ("Floods hit Orlu and Ravel overnight.", ["Orlu", "Ravel"], None),
])
def test_the_place_that_holds_the_others_is_the_region(text: str, names: list[str], expected: str | None) -> None:
    assert containing_region(text, names) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("regions.tsv"))
def test_a_name_the_article_calls_a_region(lang: str, text: str, expected: str) -> None:
    article, name = text.split(" | ")
    assert is_region(article, name, lexicon(lang)) == (expected == "yes")


@pytest.mark.parametrize(("name", "expected"), [
    ("Syrian", True), ("Pakistani", True), ("Chinese", True), ("Kenyan", True), ("Turkish", True),
    ("French", True), ("Congolese", True), ("Costa Rican", True), ("Swiss", True),
    ("Syria", False), ("Indiana", False), ("Palmyra", False), ("Kullu", False), ("Indian Ocean", False),
    ("France", False), ("Nice", False),
])
def test_a_country_adjective_is_no_place(name: str, expected: bool) -> None:
    assert is_demonym(name) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("namesake_towns.tsv"))
def test_a_town_written_with_its_region_of_the_same_name(lang: str, text: str, expected: str) -> None:
    article, name = text.split(" | ")
    assert is_namesake_town(article, name, lexicon(lang)) == (expected == "yes")
