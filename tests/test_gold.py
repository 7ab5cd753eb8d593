"""The hand-labelled gold files: valid, grounded in their articles, internally consistent.

Each check is a function returning a list of problems, so the same checks can be run on deliberately broken copies
(the `test_check_catches_*` tests) to prove they fail when they should.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from summarizer.contract.event import Evidence
from summarizer.contract.gold import GoldSummary
from summarizer.files.inputs import article_id, read_article
from summarizer.lang import vague_floors

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "eval" / "articles"
GOLD = ROOT / "eval" / "gold"
STEMS = sorted(p.stem for p in ARTICLES.glob("*.txt"))

# Lower bound written for vague quantity words in every language (eval/gold/README.md; the per-language tables are
# summarizer/lang/data/*.toml); `high` stays null for all of them.
VAGUE_LOW = vague_floors()


def _load(stem: str) -> tuple[GoldSummary, str]:
    text = read_article(ARTICLES / f"{stem}.txt")
    gold = GoldSummary.model_validate_json((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return gold, text


def _evidence(node: object, path: str = "") -> Iterator[tuple[str, Evidence]]:
    if isinstance(node, Evidence):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _evidence(getattr(node, name), f"{path}.{name}" if path else name)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _evidence(item, f"{path}[{index}]")


def grounding_problems(gold: GoldSummary, text: str) -> list[str]:
    problems = []
    for path, ev in _evidence(gold):
        if text[ev.start : ev.end] != ev.quote:
            problems.append(f"{path}: quote not at [{ev.start}:{ev.end}]: {ev.quote!r}")
        if ev.match != "exact":
            problems.append(f"{path}: gold evidence must be an exact match")
    return problems


def id_problems(gold: GoldSummary) -> list[str]:
    problems = []
    ids = [c.id for c in gold.casualties]
    if len(ids) != len(set(ids)):
        problems.append(f"duplicate casualty ids: {ids}")
    if ids != [f"c{n}" for n in range(1, len(ids) + 1)]:
        problems.append(f"casualty ids must be c1..cN in order: {ids}")
    starts = [c.evidence.start for c in gold.casualties]
    if starts != sorted(starts):
        problems.append("casualties are not in article order (by evidence start)")
    incident_ids = [i.id for i in gold.incidents]
    if len(incident_ids) != len(set(incident_ids)):
        problems.append(f"duplicate incident ids: {incident_ids}")
    for incident in gold.incidents:
        problems += [f"{incident.id} links unknown casualty {cid}" for cid in incident.casualty_ids if cid not in ids]
    return problems


def value_problems(gold: GoldSummary) -> list[str]:
    """low/high must follow the qualifier exactly as the README's table says."""
    problems = []
    for c in gold.casualties:
        v = c.value
        if c.qualifier == "vague":
            words = [word for word in VAGUE_LOW if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", c.raw_text, re.I)]
            longest = max(words, key=len) if words else None  # 'decenas de miles' before 'decenas'
            expected = (None, VAGUE_LOW[longest] if longest else None, None)
        elif v is None:
            problems.append(f"{c.id}: value is null but qualifier is {c.qualifier}")
            continue
        else:
            expected = {
                "exact": (v, v, v),
                "at_least": (v, v, None),
                "more_than": (v, v + 1, None),
                "about": (v, None, None),
                "up_to": (v, None, v),
            }[c.qualifier]
        if (c.value, c.low, c.high) != expected:
            problems.append(f"{c.id}: (value, low, high) = {(c.value, c.low, c.high)}, expected {expected}")
    return problems


def place_and_date_problems(gold: GoldSummary, text: str) -> list[str]:
    problems = []
    normalized = [p.normalized.casefold() for p in gold.where.places]
    if len(normalized) != len(set(normalized)):
        problems.append(f"a place is listed twice: {normalized}")
    for place in gold.where.places:
        problems += [f"spelling {s!r} not in article" for s in place.spellings if s.casefold() not in text.casefold()]
    when = gold.when
    if when.basis == "unresolved" and (when.start or when.end):
        problems.append("unresolved date with start/end set")
    if when.basis != "unresolved" and not (when.start and gold.article.published):
        problems.append("resolved date without a stated publication date")
    return problems


def all_problems(gold: GoldSummary, text: str) -> list[str]:
    problems = grounding_problems(gold, text) + id_problems(gold) + value_problems(gold)
    problems += place_and_date_problems(gold, text)
    if gold.article.id != article_id(text) or gold.article.chars != len(text):
        problems.append("article id/chars do not match the article text")
    if gold.provenance is not None:
        problems.append("gold has no provenance")
    return problems


def test_every_article_has_a_gold_file_and_no_orphans() -> None:
    assert STEMS, "no articles found"
    gold_stems = sorted(p.stem for p in GOLD.glob("*.json"))
    assert gold_stems == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_gold_file_is_valid_grounded_and_consistent(stem: str) -> None:
    gold, text = _load(stem)
    assert gold.casualties and gold.actors and gold.where.places
    assert all_problems(gold, text) == []


@pytest.mark.parametrize("stem", STEMS)
def test_every_fact_bearing_item_has_evidence(stem: str) -> None:
    gold, _ = _load(stem)
    found = {path.split("[")[0].split(".")[0] for path, _ in _evidence(gold)}
    for field in ("casualties", "actors", "where"):
        assert field in found


# --- the checks themselves must catch broken gold -------------------------------------------------------------------

STEM = STEMS[0]


def _copy(stem: str = STEM) -> tuple[GoldSummary, str]:
    gold, text = _load(stem)
    return gold.model_copy(deep=True), text


def test_check_catches_shifted_evidence_offset() -> None:
    gold, text = _copy()
    assert all_problems(gold, text) == []
    gold.casualties[0].evidence.start += 1
    gold.casualties[0].evidence.end += 1
    assert any("quote not at" in p for p in grounding_problems(gold, text))


def test_check_catches_quote_not_in_article() -> None:
    gold, text = _copy()
    gold.actors[0].evidence.quote = gold.actors[0].evidence.quote + " (paraphrased)"
    assert grounding_problems(gold, text)


def test_check_catches_fuzzy_match_in_gold() -> None:
    gold, text = _copy()
    gold.where.places[0].evidence.match = "fuzzy"
    assert any("exact" in p for p in grounding_problems(gold, text))


def test_check_catches_duplicate_and_dangling_ids() -> None:
    gold, _ = _copy()
    gold.casualties[1].id = gold.casualties[0].id
    assert any("duplicate casualty ids" in p for p in id_problems(gold))
    gold, _ = _copy()
    gold.incidents[0].casualty_ids.append("c999")
    assert any("unknown casualty c999" in p for p in id_problems(gold))


def test_check_catches_bounds_that_contradict_the_qualifier() -> None:
    gold, _ = _copy()
    target = next(c for c in gold.casualties if c.qualifier == "at_least")
    target.high = target.value
    assert value_problems(gold)


def test_check_catches_guessed_date() -> None:
    stem = next(s for s in STEMS if _load(s)[0].article.published is None)
    gold, text = _copy(stem)
    gold.when.start = gold.when.end = date(2026, 1, 31)
    assert place_and_date_problems(gold, text)


def test_invalid_gold_json_is_rejected() -> None:
    raw = (GOLD / f"{STEM}.json").read_text(encoding="utf-8")
    with pytest.raises(ValidationError):
        GoldSummary.model_validate_json(raw.replace('"qualifier": "at_least"', '"qualifier": "roughly"', 1))
    with pytest.raises(ValidationError):
        GoldSummary.model_validate_json(raw.replace('"optional": false', '"optional": false, "note": "x"', 1))
