"""The consolidation scorer: perfect on a matching gold, and each metric drops when its part goes wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from consolidate_helpers import one_event_reports, other_event, place

from summarizer.contract.consolidated import ConsolidationGold
from summarizer.contract.event import EventSummary
from summarizer.errors import ConfigError
from summarizer.evaluation.consolidation import evaluate_consolidation


def _gold() -> ConsolidationGold:
    def rep(article: str, value: int, qualifier: str = "exact", **extra: object) -> dict[str, object]:
        return {"article": article, "value": value, "qualifier": qualifier, **extra}

    return ConsolidationGold.model_validate({"events": [
        {"name": "made-up attack", "articles": [{"ref": r} for r in ("a1", "a2", "a3", "a4", "a5")], "figures": [
            {"family": "security_personnel", "outcome": "killed", "disputed": True, "in_table": True,
             "reports": [rep("a1", 8, "about"), rep("a1", 60, perpetrator_claim=True), rep("a3", 8), rep("a4", 14)]},
            {"family": "militants", "outcome": "killed", "disputed": False, "windows_differ": True, "in_table": True,
             "reports": [rep("a1", 40, "at_least"), rep("a2", 40), rep("a2", 70), rep("a3", 70, "at_least"),
                         rep("a4", 95, "at_least")]},
            {"family": "civilians", "outcome": "killed", "disputed": True, "in_table": True,
             "reports": [rep("a1", 9), rep("a4", 22)]},
            {"family": "civilians", "outcome": "killed", "scope": "Port Elsa", "disputed": False,
             "reports": [rep("a5", 9)]},
            {"family": "prisoners", "outcome": "escaped", "scope": "Mirak", "disputed": True, "in_table": True,
             "reports": [rep("a2", 20), rep("a3", 25, "more_than"), rep("a4", 25, "at_least")]},
        ]},
        {"name": "later attack", "articles": [{"ref": "b1"}], "figures": [
            {"family": "security_personnel", "outcome": "killed", "disputed": False, "reports": [rep("b1", 3)]},
        ]},
    ]})


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold" / "consolidated"
    folder.mkdir(parents=True)
    (folder / "made_up.json").write_text(_gold().model_dump_json(indent=2), encoding="utf-8")
    return tmp_path / "gold"


def _summaries() -> dict[str, EventSummary]:
    return dict([*one_event_reports(), other_event()])


def test_matching_summaries_score_perfectly(gold_dir: Path):
    scores = evaluate_consolidation(_summaries(), gold_dir)
    assert scores.metrics == {"grouping_correct": 1.0, "grouping_pair_f1": 1.0, "figures_precision": 1.0,
                              "figures_recall": 1.0, "figures_f1": 1.0, "dispute_flag_accuracy": 1.0,
                              "window_flag_accuracy": 1.0, "table_recall": 1.0}


def test_a_wrong_value_costs_precision_and_recall_and_is_named(gold_dir: Path):
    summaries = _summaries()
    summaries["a4"].casualties[1].value = 15  # security personnel 14 -> 15
    scores = evaluate_consolidation(summaries, gold_dir)
    assert scores.metrics["figures_recall"] < 1.0
    assert scores.metrics["figures_precision"] < 1.0
    assert any("missing figure: security_personnel killed 14 in a4" in d for d in scores.details)


def test_a_split_event_costs_grouping(gold_dir: Path):
    summaries = _summaries()
    lone = summaries["a5"]
    lone.where.places = [place("Somewhere Else")]
    lone.actors = []
    lone.when.start = lone.when.end = None
    scores = evaluate_consolidation(summaries, gold_dir)
    assert scores.metrics["grouping_correct"] == 0.5
    assert scores.metrics["grouping_pair_f1"] < 1.0


def test_a_lost_dispute_costs_the_dispute_flag(gold_dir: Path):
    summaries = _summaries()
    summaries["a4"].casualties[2].value = 9  # civilians 22 -> 9: no longer disputed
    scores = evaluate_consolidation(summaries, gold_dir)
    assert scores.metrics["dispute_flag_accuracy"] < 1.0
    assert scores.metrics["table_recall"] < 1.0
    assert any("civilians/killed/whole event: disputed=False" in d for d in scores.details)


def test_stems_and_article_ids_both_resolve(gold_dir: Path):
    with_suffix = {f"{ref}.txt": s for ref, s in _summaries().items()}
    assert evaluate_consolidation(with_suffix, gold_dir).metrics["figures_f1"] == 1.0
    unrelated = {f"x{ref}": s for ref, s in _summaries().items()}
    scores = evaluate_consolidation(unrelated, gold_dir)
    assert scores.metrics["figures_recall"] == 0.0
    assert any("no summary for a1" in d for d in scores.details)
    gold = _gold()
    for event in gold.events:
        for article in event.articles:
            article.article_id = _summaries()[article.ref].article.id
            article.ref = "unused-" + article.ref
    (gold_dir / "consolidated" / "made_up.json").write_text(gold.model_dump_json(), encoding="utf-8")
    assert evaluate_consolidation(_summaries(), gold_dir).metrics["grouping_correct"] == 1.0


def test_no_gold_means_no_metrics_and_bad_gold_is_a_config_error(tmp_path: Path):
    assert evaluate_consolidation(_summaries(), tmp_path).metrics == {}
    (tmp_path / "consolidated").mkdir()
    (tmp_path / "consolidated" / "bad.json").write_text('{"events": [{"name": 1}]}', encoding="utf-8")
    with pytest.raises(ConfigError):
        evaluate_consolidation(_summaries(), tmp_path)
