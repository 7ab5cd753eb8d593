"""Language detection and the harm-sentence filter (lang) row by row: language.tsv and harm.tsv."""

from __future__ import annotations

from typing import get_args

import pytest
from phrasing_tables import rows

from summarizer.contract.event import Group
from summarizer.extract.event_type import settle_event_type
from summarizer.lang import (
    counts_others,
    detect_language,
    is_about_harm,
    lexicon,
    lexicons,
    mishap_or_attack,
    names_natural_hazard,
    outcome_near,
    outcomes_named,
    own_group,
    own_harm,
)


@pytest.mark.parametrize(("lang", "text", "expected"), rows("harm.tsv"))
def test_harm_sentences(lang: str, text: str, expected: str) -> None:
    assert is_about_harm(text) == (expected == "yes")


@pytest.mark.parametrize(("lang", "text", "expected"), rows("language.tsv"))
def test_language(lang: str, text: str, expected: str) -> None:
    assert detect_language(text).code == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("outcomes.tsv"))
def test_outcomes_a_sentence_names(lang: str, text: str, expected: str) -> None:
    named = outcomes_named(text, lexicon(lang))
    assert (",".join(sorted(named)) or "-") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("hazards.tsv"))
def test_natural_hazards_a_lead_names(lang: str, text: str, expected: str) -> None:
    assert names_natural_hazard(text, lexicon(lang)) == (expected == "yes")


@pytest.mark.parametrize(("lang", "text", "expected"), rows("events.tsv"))
def test_mishaps_and_attacks_a_lead_names(lang: str, text: str, expected: str) -> None:
    mishap, attack = mishap_or_attack(text, lexicon(lang))
    named = {"mishap"} if mishap else set()
    named |= {"attack"} if attack else set()
    wanted = {"mishap": {"mishap"}, "attack": {"attack"}, "both": {"mishap", "attack"}, "neither": set()}
    assert wanted[expected] == named


@pytest.mark.parametrize(("lang", "lead", "expected"), rows("event_types.tsv"))
def test_the_event_type_the_lead_settles(lang: str, lead: str, expected: str) -> None:
    answered, settled = expected.split(" -> ")
    assert settle_event_type(lead, lexicon(lang), answered) == settled  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "text", "expected"), rows("outcome_near.tsv"))
def test_the_harm_word_nearest_a_number(lang: str, text: str, expected: str) -> None:
    number, _, outcome = expected.partition("=")
    at = text.index(number)
    assert (outcome_near(text, at, at + len(number), lexicon(lang)) or "-") == outcome


@pytest.mark.parametrize(("lang", "text", "expected"), rows("own_group.tsv"))
def test_the_group_a_numbers_own_noun_names(lang: str, text: str, expected: str) -> None:
    number, _, group = expected.partition("=")
    at = text.index(number)
    assert (own_group(text, at, at + len(number), lexicon(lang)) or "-") == group


@pytest.mark.parametrize(("lang", "text", "expected"), rows("others.tsv"))
def test_a_word_of_other_beside_a_number(lang: str, text: str, expected: str) -> None:
    number, _, said = expected.partition("=")
    at = text.index(number)
    assert counts_others(text, at, at + len(number), lexicon(lang)) == (said == "yes")


def test_every_lexicon_group_is_a_casualty_group() -> None:
    for code, lx in lexicons().items():
        assert {g for g, _ in lx.groups} <= set(get_args(Group)), code


@pytest.mark.parametrize(("lang", "text", "expected"), rows("own_harm.tsv"))
def test_the_harm_a_numbers_own_noun_names(lang: str, text: str, expected: str) -> None:
    number, _, outcome = expected.partition("=")
    at = text.index(number)
    assert (own_harm(text, at, at + len(number), lexicon(lang)) or "-") == outcome
