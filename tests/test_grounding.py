"""Evidence location (text.grounding): what the model writes is found in the article, or it is not there."""

from __future__ import annotations

import pytest

from summarizer.text.grounding import is_grounded, locate

ARTICLE = "The bus fell into a gorge in the Kullu district of Himachal Pradesh.\nNobody else was hurt in Banjar."


def test_a_verbatim_quote_is_exact() -> None:
    found = locate(ARTICLE, "Kullu district")
    assert found is not None and found.match == "exact" and ARTICLE[found.start : found.end] == "Kullu district"


@pytest.mark.parametrize("written", ["Kullu district, Himachal Pradesh", "Kulu district of Himachal Pradesh"])
def test_a_fuzzy_quote_covers_whole_words(written: str) -> None:
    found = locate(ARTICLE, written)
    assert found is not None and found.match == "fuzzy" and is_grounded(ARTICLE, found)
    assert found.quote == "Kullu district of Himachal Pradesh"


def test_a_quote_the_article_does_not_hold_is_not_found() -> None:
    assert locate(ARTICLE, "Lucknow, Uttar Pradesh") is None


@pytest.mark.parametrize(("article", "written", "spelled"), [
    ("They waited at the quayside at Port Môle for news.", "Port-Môle", "Port Môle"),
    ("Rescuers reached Saint-Denis overnight.", "Saint Denis", "Saint-Denis"),
    ("The blast hit Dera Ismail Khan — the city's main market.", "Dera Ismail Khan - the city's main market",
     "Dera Ismail Khan — the city's main market"),
])
def test_a_hyphen_and_a_space_are_the_same_in_a_name(article: str, written: str, spelled: str) -> None:
    found = locate(article, written)
    assert found is not None and found.quote == spelled and is_grounded(article, found)
