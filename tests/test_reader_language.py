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
    fold_in_place,
    is_about_harm,
    lexicon,
    lexicons,
    mishap_or_attack,
    names_natural_hazard,
    outcome_near,
    outcomes_named,
    own_group,
    own_harm,
    with_variants,
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


def test_a_lexicons_words_gain_their_other_spellings_and_nothing_else_does() -> None:
    variants = {"ہ": ["ھ", "ه"], "ی": ["ي"]}
    data = {"code": "ur", "script_markers": ["ی", "ھ"], "stopwords": ["یہ"], "variants": variants,
            "harm": {"killed": ["شہید", "قتل"]}, "numbers": {"words": {"تین": 3}, "ranges": [["سے", "تک"]]}}
    out = with_variants(data, variants)
    # as written first, then the other spellings, each letter's and both together
    assert out["harm"]["killed"] == ["شہید", "شھید", "شهید", "شہيد", "شھيد", "شهيد", "قتل"]
    assert out["numbers"]["words"] == {"تین": 3, "تين": 3}
    # what tells Urdu from Arabic, the stopwords and pairs read by position are left as written
    assert out["script_markers"] == ["ی", "ھ"] and out["stopwords"] == ["یہ"]
    assert out["numbers"]["ranges"] == [["سے", "تک"]] and out["code"] == "ur"
    assert with_variants(data, {}) is data



@pytest.mark.parametrize(("lang", "text", "outcome"), [
    ("ur", "دھماکوں میں 73 افراد شھید اور 171 سے زائد زخمی ہو گئے۔", "injured"),
    ("hi", "हादसे में 10 से अधिक घायल हो गए।", "injured"),
])
def test_the_harm_named_after_a_qualifier_that_follows_the_number(lang: str, text: str, outcome: str) -> None:
    from phrasing_tables import mentions

    mention = mentions(lang, text)[-1]
    assert mention.raw_end > mention.end  # the qualifier after the number is part of the mention
    assert text[mention.raw_start : mention.raw_end] == mention.raw_text
    assert own_harm(text, mention.raw_start, mention.end, lexicon(lang)) is None  # the qualifier hides the noun
    assert own_harm(text, mention.raw_start, mention.raw_end, lexicon(lang)) == outcome


@pytest.mark.parametrize(("text", "folded"), [("Straße", "straße"), ("İstanbul", "İstanbul"), ("TAREL", "tarel")])
def test_folding_in_place_keeps_every_position(text: str, folded: str) -> None:
    assert fold_in_place(text) == folded and len(fold_in_place(text)) == len(text)
