"""Per-kind scorers, Hungarian list matching and whole-article scoring on crafted predictions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from eval_helpers import ARTICLE, evidence, gold_data, make_gold, perfect_prediction, shuffled

from summarizer.contract.event import EventSummary
from summarizer.contract.gold import GoldSummary
from summarizer.evaluation.scoring import Counts, article_metrics, score_article
from summarizer.evaluation.scoring.fields import category_match, date_match, name_similarity, names_match, value_match
from summarizer.evaluation.scoring.lists import match_items
from summarizer.evaluation.scoring.text_checks import article_numbers, invented_numbers, text_numbers


def _edit(prediction: EventSummary, change: Any) -> EventSummary:
    data = prediction.model_dump(mode="json")
    change(data)
    return EventSummary.model_validate(data)


def _score(prediction: EventSummary | None, gold: GoldSummary | None = None) -> dict[str, float]:
    return article_metrics(score_article("t", gold or make_gold(), prediction, ARTICLE))


# --- fields ----------------------------------------------------------------------------------------------------

def test_categories_compare_after_normalisation_and_accept_alternatives() -> None:
    assert category_match("Claim-of-Responsibility", "claim_of_responsibility")
    assert category_match("security_forces", "soldiers", ["security_forces"])
    assert not category_match("police", "soldiers", ["security_forces"])


@pytest.mark.parametrize(("pred", "value", "low", "high", "expected"), [
    (12, 12, 12, None, True),     # exact
    (15, 12, 10, 20, True),       # inside the gold range
    (25, 12, 10, 20, False),      # outside it
    (30, 12, 12, None, False),    # "at least 12" has no upper bound: only 12 itself matches
    (None, None, 24, None, True),  # vague gold ("dozens"), vague prediction
    (24, None, None, None, False),
])
def test_value_match(pred: int | None, value: int | None, low: int | None, high: int | None, expected: bool) -> None:
    assert value_match(pred, value, low, high) is expected


def test_names_match_spelling_variants_acronyms_and_generic_words() -> None:
    assert name_similarity("Dalvik", "Dolvik") >= 0.85           # transliteration (same consonants)
    assert name_similarity("NFF", "Northern Freedom Front") == 1.0  # acronym
    assert name_similarity("Dalvik district", "Dalvik") == 1.0
    assert 0.85 <= name_similarity("Arlo Venn", "Interior minister Arlo Venn") < 1.0  # subset: weaker than equal
    assert not names_match(["Northern army"], ["Northern Freedom Front"])
    assert not names_match(["Riverton"], ["Dalvik"])
    assert not names_match([None, ""], ["Dalvik"])


def test_dates_compare_at_the_gold_precision() -> None:
    assert date_match(date(2025, 3, 9), date(2025, 3, 2), "month")
    assert not date_match(date(2025, 3, 9), date(2025, 3, 2), "day")
    assert date_match(date(2025, 7, 1), date(2025, 3, 2), "year")
    assert date_match(None, None, "unknown")
    assert not date_match(date(2025, 3, 2), None, "unknown")  # a guessed date where gold has none


def test_numbers_in_words_and_digits_dates_left_out() -> None:
    known = article_numbers("twenty-four police, one hundred and eight fighters, a dozen homes, 1,200 people")
    assert {"24", "108", "12", "1200"} <= known
    assert text_numbers("On 2 March 2025, at least 67 died and eleven were hurt") == ["67", "11"]
    assert invented_numbers(["12 soldiers and 99 others"], [3, 41], ARTICLE) == ["99", "41"]


# --- list matching ---------------------------------------------------------------------------------------------

def test_hungarian_matching_beats_greedy() -> None:
    # Prediction 0 could match either gold; greedy would give it gold 0 and leave prediction 1 unmatched.
    preds, gold = ["ab", "a"], ["a", "b"]
    m = match_items(preds, gold, agree=lambda p, g: g in p)
    assert m.counts == Counts(tp=2, fp=0, fn=0)


def test_optional_gold_costs_nothing_when_missed_and_earns_when_matched() -> None:
    gold = [("x", False), ("y", True)]
    missed = match_items(["x"], gold, agree=lambda p, g: p == g[0], optional=lambda g: g[1])
    assert missed.counts == Counts(tp=1) and missed.counts.f1 == 1.0
    found = match_items(["x", "y"], gold, agree=lambda p, g: p == g[0], optional=lambda g: g[1])
    assert found.counts == Counts(tp=2) and found.counts.precision == 1.0


def test_required_gold_preferred_over_optional_twin() -> None:
    gold = [("x", True), ("x", False)]
    m = match_items(["x"], gold, agree=lambda p, g: p == g[0], optional=lambda g: g[1])
    assert m.pairs == [(0, 1)] and m.counts.fn == 0


def test_counts_edge_cases() -> None:
    assert Counts().f1 == 1.0                     # nothing expected, nothing predicted
    assert Counts(fn=2).f1 == 0.0                 # predicted nothing
    assert Counts(fp=1).f1 == 0.0                 # invented only
    assert Counts(tp=1, fp=1, fn=1).f1 == pytest.approx(0.5)


# --- whole article ---------------------------------------------------------------------------------------------

def test_gold_itself_scores_one_everywhere_in_any_order() -> None:
    for prediction in (perfect_prediction(), shuffled(perfect_prediction()), shuffled(perfect_prediction(), 3)):
        metrics = _score(prediction)
        assert {k: v for k, v in metrics.items() if k not in ("invented_numbers", "casualties.outcome_mixups")
                and v != 1.0} == {}
        assert metrics["invented_numbers"] == 0 and metrics["casualties.outcome_mixups"] == 0


def test_failed_prediction_scores_zero() -> None:
    metrics = _score(None)
    assert metrics["schema_valid"] == 0.0
    assert metrics["casualties.recall"] == 0.0 and metrics["event_type.f1"] == 0.0
    assert metrics["where.region.f1"] == 0.0


def test_casualty_in_gold_range_and_alt_group_still_match() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][0]["group"] = "security_forces"      # an alt_group of c1

    gold = gold_data()
    gold["casualties"][1].update(low=18, high=22)            # c2 accepts 18..22

    def wider(d: dict[str, Any]) -> None:
        change(d)
        d["casualties"][1]["value"] = 21

    metrics = _score(_edit(perfect_prediction(), wider), GoldSummary.model_validate(gold))
    assert metrics["casualties.f1"] == 1.0


def test_outcome_mixup_counted_and_figure_missed() -> None:
    def swap(d: dict[str, Any]) -> None:
        d["casualties"][1]["outcome"] = "killed"            # 20 wounded reported as 20 killed

    metrics = _score(_edit(perfect_prediction(), swap))
    assert metrics["casualties.outcome_mixups"] == 1
    assert metrics["casualties.precision"] == pytest.approx(3 / 4)
    assert metrics["casualties.recall"] == pytest.approx(3 / 4)


def test_wrong_source_costs_sources_f1_only() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][3]["reported_by"] = "hospital doctors"

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["casualties.f1"] == 1.0
    assert metrics["casualties.sources.f1"] == pytest.approx(3 / 4)


def test_alt_sources_accepted() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][3]["reported_by"] = "the police"

    assert _score(_edit(perfect_prediction(), change))["casualties.sources.f1"] == 1.0


def test_claims_marked_as_claims() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][2]["status"] = "reported"

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["casualties.claims_marked"] == 0.0
    assert metrics["casualties.status"] == pytest.approx(3 / 4)
    assert metrics["casualties.f1"] == 1.0


def test_extra_and_missing_items_cost_precision_and_recall() -> None:
    def change(d: dict[str, Any]) -> None:
        d["where"]["places"] = [d["where"]["places"][0]]          # drop the optional place: no cost
        extra = dict(d["actors"][0], name="Riverton Youth", normalized="Riverton Youth", aliases=[])
        d["actors"].append(extra)                                   # an actor the gold does not have
        d["statements"] = d["statements"][:1]                       # miss the condemnation

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["places.f1"] == 1.0
    assert metrics["actors.precision"] == pytest.approx(3 / 4) and metrics["actors.recall"] == 1.0
    assert metrics["statements.recall"] == pytest.approx(1 / 2) and metrics["statements.precision"] == 1.0


def test_statement_actor_matches_through_actor_aliases() -> None:
    def change(d: dict[str, Any]) -> None:
        d["statements"][0]["actor"] = "Northern Freedom Front"

    assert _score(_edit(perfect_prediction(), change))["statements.f1"] == 1.0


def test_grounding_checks_offsets_and_quote() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][0]["evidence"]["start"] += 1               # off by one: not located
        d["actors"][0]["evidence"] = {**evidence("Northern Freedom Front"),
                                      "quote": "Northern  Freedom Front", "match": "fuzzy"}  # fuzzy and close

    metrics = _score(_edit(perfect_prediction(), change))
    items = 1 + 2 + 3 + 4 + 1 + 2 + 1  # when, places, actors, casualties, incidents, statements, consequences
    assert metrics["grounding"] == pytest.approx((items - 1) / items)


def test_invented_numbers_in_summary_and_values() -> None:
    def change(d: dict[str, Any]) -> None:
        d["summary"] += " Some 55 people fled."
        d["casualties"][3]["value"] = 4
        d["casualties"][3]["low"] = d["casualties"][3]["high"] = 4

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["invented_numbers"] == 2
    assert metrics["text.numbers_covered"] == 1.0


def test_text_coverage_of_key_numbers_and_names() -> None:
    def change(d: dict[str, Any]) -> None:
        d["headline"] = "Attack on an army post"
        d["summary"] = "Fighters attacked an army post; 12 soldiers were killed."

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["text.numbers_covered"] == pytest.approx(1 / 4)   # 12 of 12, 20, 40, three
    assert metrics["text.names_covered"] < 1.0


def test_wrong_event_type_when_and_region() -> None:
    def change(d: dict[str, Any]) -> None:
        d["event_type"] = "protest"
        d["when"]["start"] = "2025-03-03"
        d["where"]["region"] = "Dalvik"                            # gold has no region

    metrics = _score(_edit(perfect_prediction(), change))
    assert metrics["event_type.f1"] == 0.0 and metrics["when.f1"] == 0.0 and metrics["where.region.f1"] == 0.0
    assert _score(_edit(perfect_prediction(), lambda d: d.update(event_type="explosion_remote_violence")))[
        "event_type.f1"] == 1.0  # an alt_event_type


def test_mismatches_name_gold_and_predicted_values() -> None:
    def change(d: dict[str, Any]) -> None:
        d["casualties"][0]["value"] = 13

    score = score_article("t", make_gold(), _edit(perfect_prediction(), change), ARTICLE)
    rendered = [m.render() for m in score.mismatches if m.field == "casualties"]
    assert any("gold=soldiers killed 12" in r for r in rendered)
    assert any("predicted=soldiers killed 13" in r for r in rendered)


def test_nested_actor_names_pair_with_their_exact_partner() -> None:
    # "Freedonia" is inside "Freedonia Army": both pairings pass the name criterion; affinity must pick the right one.
    data = gold_data()
    base = data["actors"][1]
    data["actors"][1:2] = [
        dict(base, name="Freedonia", normalized="Freedonia", aliases=["Freedonian government"], kind="government",
             roles=["accuser"]),
        dict(base, name="Freedonia Army", normalized="Freedonia Army", aliases=["Freedonian army"],
             kind="state_forces", roles=["responder"]),
    ]
    gold = GoldSummary.model_validate(data)
    for prediction in (perfect_prediction(gold), shuffled(perfect_prediction(gold), 5)):
        score = score_article("t", gold, prediction, ARTICLE)
        assert [m.render() for m in score.mismatches] == []


def test_unattributed_figure_source() -> None:
    data = gold_data()
    data["casualties"][3].update(reported_by=None, alt_sources=[])
    gold = GoldSummary.model_validate(data)

    def say(value: str | None) -> Any:
        return lambda d: d["casualties"][3].update(reported_by=value)

    assert _score(_edit(perfect_prediction(gold), say("unknown")), gold)["casualties.sources.f1"] == 1.0
    assert _score(_edit(perfect_prediction(gold), say("police")), gold)["casualties.sources.f1"] < 1.0


def test_a_country_written_short_matches_its_name() -> None:
    from summarizer.evaluation.scoring.article import _country

    assert _country("USA") == _country("United States") == "United States"
    assert _country("UK") == _country("United Kingdom") and _country(None) is None
