"""The places offered to the model as its choices (extract.places.place_candidates): in a script without capitals,
the words before a locative; in one with capitals, the name after one;
row by row: place_candidates.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.places import chained_places, place_candidates, trimmed_name
from summarizer.lang import lexicon, tells_of_harm
from summarizer.text.parse import split_sentences


def _names(part: str) -> list[str]:
    return [n.strip() for n in part.split("|") if n.strip()]


@pytest.mark.parametrize(("lang", "text", "expected"), rows("place_candidates.tsv"))
def test_the_words_before_a_locative_are_offered_as_places(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    offered = place_candidates(split_sentences(text), lx, lambda t: tells_of_harm(t, lx))
    if expected == "-":
        assert offered == []
        return
    wanted, _, unwanted = expected.partition("!")
    assert set(_names(wanted)) <= set(offered), offered
    assert not set(_names(unwanted)) & set(offered), offered


@pytest.mark.parametrize(("lang", "given", "kept"), [
    ("hi", "के तारेलबाग", "तारेलबाग"),  # a postposition the model copied with the name
    ("hi", "तारेलपुर में", "तारेलपुर"),
    ("ur", "کے تارل میں", "تارل"),
    ("hi", "तारेलपुर", "तारेलपुर"),
    ("es", "Los Tareles", "Los Tareles"),  # a script with capitals: the name as given
    ("en", "village in Tarel", "Tarel"),  # a unit word and a preposition before the name: the name
    ("en", "the town of Tarel", "Tarel"),
    ("es", "pueblo de San Tarel", "San Tarel"),
    ("es", "Ciudad de Tarel", "Ciudad de Tarel"),  # a capitalised unit word is the name's own
    ("en", "Tarel district", "Tarel district"),
    ("es", "Pastores del departamento de Tarel", "Pastores"),  # the name, then the unit it lies in
    ("en", "Hesh in the district of Tarel", "Hesh in the district of Tarel"),  # an article between: left as given
    ("es", "San Juan del Departamento de Tarel", "San Juan del Departamento de Tarel"),  # a capital: part of a name
])
def test_a_place_the_model_gives_loses_the_postpositions_around_it(lang: str, given: str, kept: str) -> None:
    assert trimmed_name(given, lexicon(lang)) == kept


@pytest.mark.parametrize(("lang", "text", "expected"), rows("chained_places.tsv"))
def test_a_place_written_as_a_known_places_place_is_added(lang: str, text: str, expected: str) -> None:
    known, _, expected = expected.partition(" -> ")
    lx = lexicon(lang)
    assert lx is not None
    offered = place_candidates(split_sentences(text), lx, lambda t: tells_of_harm(t, lx))
    assert chained_places(text, _names(known), offered, lx) == ([] if expected == "-" else _names(expected)), offered
