"""`summarizer eval` end to end: saved predictions, the fake backend, the gate, --bless and the reports."""

from __future__ import annotations

import json
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import click
import pytest
from eval_helpers import ARTICLE, make_gold, perfect_prediction, shuffled, write_predictions, write_suite

from summarizer.cli.common import run_guarded
from summarizer.cli.eval_cmd import eval_command
from summarizer.contract.event import EventSummary
from summarizer.errors import ModelOutputError
from summarizer.evaluation import runner
from summarizer.evaluation.runner import evaluate, load_gold
from summarizer.evaluation.scoring import Thresholds

REPO = Path(__file__).resolve().parents[1]
NOT_ONE = ("invented_numbers", "casualties.outcome_mixups")


@pytest.fixture(autouse=True)
def _no_consolidation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Crafted suites have no consolidation gold: keep the optional hook out unless a test installs one."""
    monkeypatch.setitem(sys.modules, "summarizer.evaluation.consolidation", None)  # type: ignore[arg-type]


def _eval(tmp_path: Path, *extra: str, thresholds: str = "tolerance = 0.02\n") -> tuple[int, dict[str, Any]]:
    (tmp_path / "thresholds.toml").write_text(thresholds)
    code = run_guarded(eval_command, ["--articles", str(tmp_path / "articles"), "--gold", str(tmp_path / "gold"),
                             "--run-dir", str(tmp_path / "run"), "--thresholds", str(tmp_path / "thresholds.toml"),
                             "--baseline", str(tmp_path / "baseline.json"), *extra])
    summary_path = tmp_path / "run" / "summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    return code, summary


def _not_one(metrics: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in metrics.items() if v != 1.0 and k.split(".", 1)[-1] not in NOT_ONE and k not in NOT_ONE}


def _worse(prediction: EventSummary) -> EventSummary:
    data = prediction.model_dump(mode="json")
    data["casualties"][0]["value"] = 3  # a number the article has, for another group
    data["where"]["places"] = []
    return EventSummary.model_validate(data)


def test_gold_as_predictions_scores_one_everywhere(tmp_path: Path) -> None:
    write_suite(tmp_path)
    preds = write_predictions(tmp_path / "preds", {"a1": perfect_prediction(), "a2": shuffled(perfect_prediction())})
    code, summary = _eval(tmp_path, "--predictions", str(preds))
    assert code == 0
    assert _not_one(summary["metrics"]) == {}
    assert summary["metrics"]["invented_numbers"] == 0 and summary["metrics"]["casualties.outcome_mixups"] == 0
    for name in ("casualties.f1", "casualties.sources.f1", "casualties.claims_marked", "places.f1", "actors.f1",
                 "statements.f1", "consequences.f1", "incidents.f1", "grounding", "schema_valid", "overall.micro_f1"):
        assert summary["metrics"][name] == 1.0
    assert "no baseline" in (tmp_path / "run" / "report.md").read_text()


def test_list_order_does_not_change_any_score(tmp_path: Path) -> None:
    write_suite(tmp_path)
    worse = _worse(perfect_prediction())
    in_order = write_predictions(tmp_path / "p1", {"a1": worse, "a2": perfect_prediction()})
    reordered = write_predictions(tmp_path / "p2", {"a1": shuffled(worse, 11), "a2": shuffled(perfect_prediction())})
    _, first = _eval(tmp_path, "--predictions", str(in_order))
    _, second = _eval(tmp_path, "--predictions", str(reordered))
    assert first["metrics"] == second["metrics"]
    assert first["metrics"]["casualties.f1"] < 1.0


def test_bless_then_regression_fails_the_gate(tmp_path: Path) -> None:
    write_suite(tmp_path)
    good = write_predictions(tmp_path / "good", {"a1": perfect_prediction(), "a2": perfect_prediction()})
    code, _ = _eval(tmp_path, "--predictions", str(good), "--bless")
    assert code == 0
    baseline = json.loads((tmp_path / "baseline.json").read_text())
    assert baseline["metrics"]["casualties.f1"] == 1.0 and baseline["articles"] == ["a1", "a2"]
    blessed = (tmp_path / "baseline.json").read_text()

    bad = write_predictions(tmp_path / "bad", {"a1": _worse(perfect_prediction()), "a2": perfect_prediction()})
    code, summary = _eval(tmp_path, "--predictions", str(bad))
    assert code == 1
    failed = {c["metric"] for c in summary["gate"]["checks"] if not c["passed"]}
    assert {"casualties.f1", "places.f1"} <= failed
    assert (tmp_path / "baseline.json").read_text() == blessed   # only --bless changes it

    code, _ = _eval(tmp_path, "--predictions", str(bad),
                    thresholds="tolerance = 0.5\n")               # a wide tolerance lets it pass
    assert code == 0


def test_floor_missed_fails_without_baseline(tmp_path: Path) -> None:
    write_suite(tmp_path)
    bad = write_predictions(tmp_path / "bad", {"a1": _worse(perfect_prediction()), "a2": _worse(perfect_prediction())})
    code, summary = _eval(tmp_path, "--predictions", str(bad), thresholds='[metrics."places.f1"]\nmin = 0.5\n')
    assert code == 1 and summary["gate"]["passed"] is False
    assert "places.f1" in (tmp_path / "run" / "report.md").read_text()


def test_junit_has_one_case_per_article_and_group_with_gold_and_predicted(tmp_path: Path) -> None:
    write_suite(tmp_path)
    preds = write_predictions(tmp_path / "p", {"a1": _worse(perfect_prediction()), "a2": perfect_prediction()})
    _eval(tmp_path, "--predictions", str(preds))
    root = ET.parse(tmp_path / "run" / "junit.xml").getroot()
    cases = root.findall("testcase")
    names = {(c.get("classname"), c.get("name")) for c in cases}
    assert ("eval.a1", "casualties") in names and ("eval.a2", "places") in names
    failures = {(c.get("classname"), c.get("name")): c.find("failure") for c in cases if c.find("failure") is not None}
    assert set(failures) == {("eval.a1", "casualties"), ("eval.a1", "places")}
    text = failures[("eval.a1", "casualties")].text or ""
    assert "gold=soldiers killed 12" in text and "predicted=soldiers killed 3" in text
    assert int(root.get("failures", "0")) == 2


def test_reports_are_stable(tmp_path: Path) -> None:
    write_suite(tmp_path)
    preds = write_predictions(tmp_path / "p", {"a1": _worse(perfect_prediction()), "a2": perfect_prediction()})
    _eval(tmp_path, "--predictions", str(preds))
    first = {n: (tmp_path / "run" / n).read_text() for n in ("summary.json", "report.md", "junit.xml")}
    _eval(tmp_path, "--predictions", str(preds))
    assert first == {n: (tmp_path / "run" / n).read_text() for n in ("summary.json", "report.md", "junit.xml")}


def test_missing_or_invalid_prediction_is_recorded_not_fatal(tmp_path: Path) -> None:
    write_suite(tmp_path)
    preds = write_predictions(tmp_path / "p", {"a1": perfect_prediction()})
    (preds / "a2.json").write_text('{"headline": 3}')
    code, summary = _eval(tmp_path, "--predictions", str(preds))
    assert summary["metrics"]["schema_valid"] == 0.5
    assert summary["articles"]["a2"]["error"].startswith("invalid prediction file")
    assert code == 0  # no floors in this thresholds file, no baseline


def test_run_with_failing_summarizer_records_failures(tmp_path: Path) -> None:
    articles, gold = write_suite(tmp_path)

    def summarize(text: str, name: str) -> tuple[EventSummary, bool]:
        if name == "a2":
            raise ModelOutputError("still invalid after re-asks")
        return perfect_prediction(), False

    lines: list[str] = []
    run = evaluate(gold, articles, thresholds=Thresholds(), baseline=None, summarize=summarize,
                   run_dir=tmp_path / "run", progress=lines.append)
    assert run.metrics["schema_valid"] == 0.5 and run.metrics["casualties.recall"] == 0.5
    assert (tmp_path / "run" / "predictions" / "a1.json").exists()
    assert "ModelOutputError" in (tmp_path / "run" / "predictions" / "a2.error.txt").read_text()
    assert len(lines) == 2 and "FAILED" in lines[1]


def test_eval_with_fake_backend_end_to_end(tmp_path: Path) -> None:
    write_suite(tmp_path)
    code, summary = _eval(tmp_path, "--backend", "fake", thresholds='[metrics."event_type.f1"]\nmin = 0.5\n')
    assert code == 1                                     # the fake answers event type "other": the floor is missed
    assert summary["metrics"]["schema_valid"] == 1.0
    assert summary["metrics"]["event_type.f1"] < 0.5
    assert sorted(p.name for p in (tmp_path / "run" / "predictions").iterdir()) == ["a1.json", "a2.json"]
    code, again = _eval(tmp_path, "--predictions", str(tmp_path / "run" / "predictions"))
    assert again["metrics"] == summary["metrics"]


def test_errors_exit_with_their_code(tmp_path: Path) -> None:
    write_suite(tmp_path)
    (tmp_path / "gold" / "orphan.json").write_text(make_gold().model_dump_json())
    code, _ = _eval(tmp_path, "--predictions", str(tmp_path))
    assert code == 6  # ConfigError: gold without article
    (tmp_path / "gold" / "orphan.json").write_text("{}")
    code, _ = _eval(tmp_path, "--predictions", str(tmp_path))
    assert code == 6  # invalid gold file


def test_consolidation_metrics_are_reported_and_gated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_suite(tmp_path)
    seen: dict[str, Any] = {}

    def evaluate_consolidation(summaries: dict[str, EventSummary], gold_dir: Path, published: Any = None,
                               confirm: Any = None) -> Any:
        seen["stems"] = sorted(summaries)
        return types.SimpleNamespace(metrics={"figures_f1": 0.25}, details=["merged 2 of 2 figures"])

    monkeypatch.setattr(runner, "evaluate_consolidation", evaluate_consolidation)
    preds = write_predictions(tmp_path / "p", {"a1": perfect_prediction(), "a2": perfect_prediction()})
    code, summary = _eval(tmp_path, "--predictions", str(preds),
                          thresholds='[metrics."consolidation.figures_f1"]\nmin = 0.5\n')
    assert seen["stems"] == ["a1", "a2"]
    assert summary["metrics"]["consolidation.figures_f1"] == 0.25 and code == 1
    assert "merged 2 of 2 figures" in (tmp_path / "run" / "report.md").read_text()


def test_article_text_is_read_like_the_summarizer_reads_it(tmp_path: Path) -> None:
    articles, gold = write_suite(tmp_path, stems=("crlf",))
    (articles / "crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    preds = write_predictions(tmp_path / "p", {"crlf": perfect_prediction()})
    run = evaluate(gold, articles, thresholds=Thresholds(), baseline=None, predictions_dir=preds)
    assert run.metrics["grounding"] == 1.0


REAL_GOLD = sorted((REPO / "eval" / "gold").glob("*.json"))


@pytest.mark.skipif(not REAL_GOLD, reason="eval/gold has no gold files yet")
def test_real_gold_as_predictions_scores_one(tmp_path: Path) -> None:
    gold = load_gold(REPO / "eval" / "gold")
    preds = write_predictions(tmp_path / "p", {stem: shuffled(g.as_summary()) for stem, g in gold.items()})
    run = evaluate(REPO / "eval" / "gold", REPO / "eval" / "articles", thresholds=Thresholds(), baseline=None,
                   predictions_dir=preds)
    problems = {stem: [m.render() for m in s.mismatches] for stem, s in zip(run.stems, run.scores, strict=True)
                if s.mismatches}
    assert problems == {}
    assert _not_one({k: v for k, v in run.metrics.items() if not k.startswith(("consolidation.", "text."))}) == {}


def test_eval_is_registered_on_the_cli() -> None:
    try:
        from summarizer.cli.main import cli
    except ImportError as exc:  # another command module may not have landed yet
        pytest.skip(f"cli not importable yet: {exc}")
    assert cli.get_command(click.Context(cli), "eval") is not None
