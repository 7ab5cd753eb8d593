"""A small made-up article and its hand-written gold, for scoring and eval tests (no seed article content)."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

from summarizer.contract.event import EventSummary
from summarizer.contract.gold import GoldSummary
from summarizer.files.inputs import article_id

ARTICLE = (
    "RIVERTON, Freedonia, March 3 (Wire) - At least 12 soldiers were killed and 20 wounded when fighters of the "
    "Northern Freedom Front (NFF) attacked an army post in Dalvik on Sunday, the defence ministry said.\n"
    "The NFF said it had killed 40 soldiers and claimed responsibility for the attack.\n"
    "Police in Dalvik said three civilians also died in the crossfire.\n"
    "Interior minister Arlo Venn condemned the attack as cowardly.\n"
    "Train services to Dalvik were suspended until further notice.\n"
)


def evidence(quote: str, text: str = ARTICLE) -> dict[str, Any]:
    start = text.index(quote)
    return {"quote": quote, "start": start, "end": start + len(quote), "match": "exact"}


def gold_data() -> dict[str, Any]:
    return {
        "article": {"id": article_id(ARTICLE), "title": None, "outlet": "Wire",
                    "dateline": "RIVERTON, Freedonia, March 3", "published": None, "chars": len(ARTICLE)},
        "headline": "Fighters attack army post in Dalvik, killing at least 12 soldiers",
        "summary": "The Northern Freedom Front attacked an army post in Dalvik; the defence ministry said 12 soldiers "
                   "were killed and 20 wounded, while the NFF claimed 40. Police said three civilians died.",
        "event_type": "battle",
        "alt_event_types": ["explosion_remote_violence"],
        "when": {"start": str(date(2025, 3, 2)), "end": None, "precision": "day", "text": "on Sunday",
                 "basis": "dateline", "evidence": evidence("on Sunday")},
        "where": {"country": "Freedonia", "region": None, "alt_regions": [], "places": [
            {"name": "Dalvik", "normalized": "Dalvik", "spellings": ["Dalvik"], "evidence": evidence("Dalvik"),
             "alt_names": ["Dalvik town"]},
            {"name": "RIVERTON", "normalized": "Riverton", "spellings": ["RIVERTON"], "evidence": evidence("RIVERTON"),
             "optional": True},
        ]},
        "actors": [
            {"name": "Northern Freedom Front", "normalized": "Northern Freedom Front", "aliases": ["NFF"],
             "kind": "rebel_group", "roles": ["perpetrator", "claimant"],
             "evidence": evidence("Northern Freedom Front (NFF)")},
            {"name": "defence ministry", "normalized": "Defence Ministry", "aliases": [], "kind": "government",
             "roles": ["source"], "evidence": evidence("the defence ministry said")},
            {"name": "Arlo Venn", "normalized": "Arlo Venn", "aliases": ["Interior minister Arlo Venn"],
             "kind": "government", "roles": ["responder"], "evidence": evidence("Interior minister Arlo Venn")},
        ],
        "casualties": [
            {"id": "c1", "group": "soldiers", "outcome": "killed", "value": 12, "low": 12, "high": None,
             "qualifier": "at_least", "raw_text": "At least 12", "scope": "whole event",
             "reported_by": "defence ministry",
             "source_kind": "military", "status": "reported", "evidence": evidence("At least 12 soldiers were killed"),
             "alt_groups": ["security_forces"]},
            {"id": "c2", "group": "soldiers", "outcome": "injured", "value": 20, "low": 20, "high": 20,
             "qualifier": "exact", "raw_text": "20", "scope": "whole event", "reported_by": "defence ministry",
             "source_kind": "military", "status": "reported", "evidence": evidence("20 wounded"),
             "alt_groups": ["security_forces"]},
            {"id": "c3", "group": "soldiers", "outcome": "killed", "value": 40, "low": 40, "high": 40,
             "qualifier": "exact", "raw_text": "40", "scope": "whole event", "reported_by": "NFF",
             "source_kind": "perpetrator", "status": "claimed", "evidence": evidence("it had killed 40 soldiers")},
            {"id": "c4", "group": "civilians", "outcome": "killed", "value": 3, "low": 3, "high": 3,
             "qualifier": "exact", "raw_text": "three", "scope": "Dalvik", "reported_by": "Police in Dalvik",
             "source_kind": "police", "status": "reported", "evidence": evidence("three civilians also died"),
             "alt_sources": ["police"]},
        ],
        "incidents": [
            {"id": "i1", "place": "Dalvik", "description": "NFF fighters attacked an army post",
             "casualty_ids": ["c1", "c2", "c3", "c4"], "evidence": evidence("attacked an army post in Dalvik")},
        ],
        "statements": [
            {"kind": "claim_of_responsibility", "actor": "NFF", "target": "the attack",
             "text": "claimed responsibility for the attack", "evidence": evidence("claimed responsibility")},
            {"kind": "condemnation", "actor": "Arlo Venn", "target": "the attack", "text": "called it cowardly",
             "evidence": evidence("condemned the attack as cowardly"), "alt_kinds": ["other"]},
        ],
        "consequences": [
            {"kind": "transport_suspension", "description": "Train services suspended", "place": "Dalvik",
             "evidence": evidence("Train services to Dalvik were suspended")},
        ],
    }


def make_gold() -> GoldSummary:
    return GoldSummary.model_validate(gold_data())


def perfect_prediction(gold: GoldSummary | None = None) -> EventSummary:
    return (gold or make_gold()).as_summary()


def shuffled(prediction: EventSummary, seed: int = 7) -> EventSummary:
    """The same prediction with every list reversed/shuffled (order must not matter)."""
    rng = random.Random(seed)
    data = prediction.model_dump(mode="json")
    for key in ("actors", "casualties", "incidents", "statements", "consequences"):
        data[key] = list(reversed(data[key]))
        rng.shuffle(data[key])
    data["where"]["places"] = list(reversed(data["where"]["places"]))
    return EventSummary.model_validate(data)


def write_suite(root: Path, *, stems: tuple[str, ...] = ("a1", "a2")) -> tuple[Path, Path]:
    """articles/ and gold/ folders holding the made-up article under each stem."""
    articles, gold = root / "articles", root / "gold"
    articles.mkdir(parents=True)
    gold.mkdir(parents=True)
    for stem in stems:
        (articles / f"{stem}.txt").write_text(ARTICLE, encoding="utf-8")
        (gold / f"{stem}.json").write_text(make_gold().model_dump_json(indent=2), encoding="utf-8")
    return articles, gold


def write_predictions(folder: Path, predictions: dict[str, EventSummary]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, summary in predictions.items():
        (folder / f"{stem}.json").write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    return folder
