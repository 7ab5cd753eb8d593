"""Places found by code next to place words (extract.places)."""

from __future__ import annotations

import pytest

from summarizer.extract.places import find_places
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
