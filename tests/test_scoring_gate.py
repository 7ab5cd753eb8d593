"""The gate: floors, ceilings, baseline regressions with tolerances, and the baseline file format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from eval_helpers import ARTICLE, gold_data, make_gold, perfect_prediction

from summarizer.contract.event import EventSummary
from summarizer.contract.gold import GoldSummary
from summarizer.errors import ConfigError
from summarizer.evaluation.scoring import aggregate, score_article
from summarizer.evaluation.scoring.gate import (
    Baseline,
    Thresholds,
    check_gate,
    load_baseline,
    load_thresholds,
    render_baseline,
)


def _gate(metrics: dict[str, float], thresholds: dict[str, object], baseline: dict[str, float] | None,
          lower: set[str] | None = None) -> list[str]:
    result = check_gate(metrics, Thresholds.model_validate(thresholds),
                        Baseline(metrics=baseline) if baseline is not None else None,
                        lower_is_better=lower or set(), gated=set(metrics))
    return [f"{c.kind}:{c.metric}" for c in result.failures]


def test_floors_and_ceilings() -> None:
    rules = {"metrics": {"a.f1": {"min": 0.5}, "bad": {"max": 2}}}
    assert _gate({"a.f1": 0.5, "bad": 2}, rules, None) == []
    assert _gate({"a.f1": 0.49, "bad": 3}, rules, None) == ["floor:a.f1", "ceiling:bad"]


def test_baseline_regression_beyond_tolerance_fails() -> None:
    rules = {"tolerance": 0.05, "metrics": {"b.f1": {"tolerance": 0.0}}}
    baseline = {"a.f1": 0.8, "b.f1": 0.8}
    assert _gate({"a.f1": 0.75, "b.f1": 0.8}, rules, baseline) == []          # within the default tolerance
    assert _gate({"a.f1": 0.74, "b.f1": 0.8}, rules, baseline) == ["baseline:a.f1"]
    assert _gate({"a.f1": 0.9, "b.f1": 0.7999}, rules, baseline) == ["baseline:b.f1"]


def test_lower_is_better_metrics_fail_when_they_rise() -> None:
    rules = {"tolerance": 1}
    assert _gate({"invented": 3}, rules, {"invented": 2}, {"invented"}) == []
    assert _gate({"invented": 4}, rules, {"invented": 2}, {"invented"}) == ["baseline:invented"]
    assert _gate({"consolidation.errors": 4}, {"tolerance": 0, "metrics": {"consolidation.errors": {
        "direction": "lower"}}}, {"consolidation.errors": 3}) == ["baseline:consolidation.errors"]


def test_metric_named_in_thresholds_must_exist_unless_unavailable() -> None:
    rules = Thresholds.model_validate({"metrics": {"consolidation.x": {"min": 0.1}}})
    failed = check_gate({}, rules, None, lower_is_better=set(), gated=set())
    assert not failed.passed and failed.failures[0].kind == "missing"
    skipped = check_gate({}, rules, None, lower_is_better=set(), gated=set(), unavailable=["consolidation."])
    assert skipped.passed and any("consolidation.x" in n for n in skipped.notes)


def test_no_baseline_gates_on_floors_only_and_says_so() -> None:
    result = check_gate({"a.f1": 0.1}, Thresholds(), None, lower_is_better=set(), gated={"a.f1"})
    assert result.passed and any("no baseline" in n for n in result.notes)


def test_baseline_exemption() -> None:
    rules = {"metrics": {"a.f1": {"baseline": False}}}
    assert _gate({"a.f1": 0.1}, rules, {"a.f1": 0.9}) == []


def test_render_baseline_is_stable_sorted_and_rounded(tmp_path: Path) -> None:
    text = render_baseline({"z": 0.123456, "a": 1 / 3}, ["b", "a"])
    assert text == render_baseline({"a": 1 / 3, "z": 0.123456}, ["a", "b"])
    data = json.loads(text)
    assert list(data["metrics"]) == ["a", "z"] and data["metrics"]["a"] == 0.3333 and data["articles"] == ["a", "b"]
    path = tmp_path / "baseline.json"
    path.write_text(text)
    loaded = load_baseline(path)
    assert loaded is not None and loaded.metrics["z"] == 0.1235
    assert load_baseline(tmp_path / "none.json") is None


def test_bad_config_files_raise_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "t.toml"
    bad.write_text('[metrics."a"]\nminimum = 1\n')
    with pytest.raises(ConfigError):
        load_thresholds(bad)
    with pytest.raises(ConfigError):
        load_thresholds(tmp_path / "missing.toml")
    broken = tmp_path / "b.json"
    broken.write_text("{")
    with pytest.raises(ConfigError):
        load_baseline(broken)


def test_repository_thresholds_file_loads() -> None:
    thresholds = load_thresholds(Path(__file__).resolve().parents[1] / "eval" / "thresholds.toml")
    assert {"seed.casualties.f1", "dev.casualties.f1", "heldout.casualties.f1"} <= set(thresholds.metrics)


def test_micro_pools_counts_and_macro_averages_articles() -> None:
    good = score_article("good", make_gold(), perfect_prediction(), ARTICLE)
    failed = score_article("failed", make_gold(), None, ARTICLE)
    metrics = aggregate([good, failed])
    assert metrics["casualties.recall"] == pytest.approx(0.5)          # 4 of 8 gold figures
    assert metrics["casualties.macro_f1"] == pytest.approx(0.5)         # mean of 1.0 and 0.0
    assert metrics["schema_valid"] == pytest.approx(0.5)
    assert 0.0 < metrics["overall.micro_f1"] < 1.0


def test_share_macro_leaves_out_articles_with_nothing_to_count() -> None:
    no_claims = gold_data()
    no_claims["casualties"][2]["status"] = "reported"
    unclaimed = GoldSummary.model_validate(no_claims)
    data = perfect_prediction().model_dump(mode="json")
    data["casualties"][2]["status"] = "reported"               # the one claim, not marked as a claim
    missed = score_article("a", make_gold(), EventSummary.model_validate(data), ARTICLE)
    nothing = score_article("b", unclaimed, perfect_prediction(unclaimed), ARTICLE)
    metrics = aggregate([missed, nothing])
    assert metrics["casualties.claims_marked"] == 0.0
    assert metrics["casualties.claims_marked.macro"] == 0.0
