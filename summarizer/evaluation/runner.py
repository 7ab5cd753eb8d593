"""The eval runner: load gold, get predictions (run the summarizer, or read saved files), score, gate.

Library code: reports progress through a callback and raises SummarizerError subclasses; the CLI prints.
An article the summarizer fails on is recorded (schema-valid rate below 1) and scored as an empty prediction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from summarizer.consolidate.grouping import Confirmer
from summarizer.contract.event import EventSummary
from summarizer.contract.gold import GoldSummary
from summarizer.errors import ConfigError, InputError, SummarizerError
from summarizer.evaluation.consolidation import evaluate_consolidation
from summarizer.evaluation.corpus import SPLITS, load_manifest
from summarizer.evaluation.scoring import ArticleScore, aggregate, article_metrics, score_article
from summarizer.evaluation.scoring.aggregate import default_gated, lower_is_better
from summarizer.evaluation.scoring.gate import Baseline, GateCheck, GateResult, Thresholds, check_gate, render_baseline
from summarizer.files.atomic import write_text_atomic
from summarizer.files.inputs import read_article

EXIT_GATE_FAILED = 1
CONSOLIDATION_PREFIX = "consolidation."
_ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "corpus.json"  # beside the articles folder: eval/corpus.json

Progress = Callable[[str], None]
SummarizeFn = Callable[[str, str], tuple[EventSummary, bool]]
"""(article text, name) -> (summary, came_from_cache); e.g. `Summarizer.summarize_cached` wrapped."""


@dataclass
class Prediction:
    summary: EventSummary | None
    error: str | None = None
    cached: bool = False


@dataclass
class EvalRun:
    """Everything one eval produced; reports render it, `bless` stores its metrics."""

    scores: list[ArticleScore]
    metrics: dict[str, float]
    per_article: dict[str, dict[str, float]]
    gate: GateResult
    lower_is_better: set[str]
    notes: list[str] = field(default_factory=list)
    consolidation_details: list[str] = field(default_factory=list)
    splits: dict[str, str] = field(default_factory=dict)
    """stem -> split (seed, dev, heldout) from the corpus manifest; empty when there is none."""

    @property
    def passed(self) -> bool:
        return self.gate.passed

    @property
    def stems(self) -> list[str]:
        return [s.stem for s in self.scores]


# --- inputs ------------------------------------------------------------------------------------------------

def load_gold(gold_dir: Path) -> dict[str, GoldSummary]:
    if not gold_dir.is_dir():
        raise ConfigError(f"{gold_dir}: gold folder not found (pass --gold DIR)")
    gold: dict[str, GoldSummary] = {}
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold[path.stem] = GoldSummary.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError) as exc:
            raise ConfigError(f"{path}: invalid gold file: {_first_error(exc)}") from exc
    if not gold:
        raise ConfigError(f"{gold_dir}: no gold files (*.json); label some articles first")
    return gold


def find_articles(articles_dir: Path) -> dict[str, Path]:
    if not articles_dir.is_dir():
        raise ConfigError(f"{articles_dir}: articles folder not found (pass --articles DIR)")
    return {p.stem: p for p in sorted(articles_dir.iterdir())
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in _ARTICLE_SUFFIXES}


def read_prediction(path: Path) -> EventSummary:
    """A saved summary; a gold file is accepted too (its labeller-only fields stripped, see `GoldSummary.as_summary`),
    so `--predictions eval/gold` is the sanity check it looks like: every score 1."""
    text = path.read_text(encoding="utf-8")
    try:
        return EventSummary.model_validate_json(text)
    except ValidationError as exc:
        try:
            gold = GoldSummary.model_validate_json(text)
        except ValidationError:
            raise exc from None
        return gold.as_summary()


def load_predictions(predictions_dir: Path, stems: list[str]) -> dict[str, Prediction]:
    """Saved outputs `<stem>.json` (summaries, or gold files); `<stem>.error.txt` (written by a run) records a
    failure."""
    if not predictions_dir.is_dir():
        raise ConfigError(f"{predictions_dir}: predictions folder not found")
    found: dict[str, Prediction] = {}
    for stem in stems:
        path = predictions_dir / f"{stem}.json"
        failure = predictions_dir / f"{stem}.error.txt"
        if path.exists():
            try:
                found[stem] = Prediction(read_prediction(path))
            except (OSError, ValidationError, ValueError) as exc:
                found[stem] = Prediction(None, error=f"invalid prediction file {path.name}: {_first_error(exc)}")
        elif failure.exists():
            found[stem] = Prediction(None, error=failure.read_text(encoding="utf-8").strip() or "failed")
        else:
            found[stem] = Prediction(None, error=f"no prediction file {path.name}")
    return found


def run_predictions(articles: Mapping[str, str], summarize: SummarizeFn, out_dir: Path,
                    progress: Progress | None = None) -> dict[str, Prediction]:
    """Summarize each article, saving `<stem>.json` (or `<stem>.error.txt`) in out_dir."""
    found: dict[str, Prediction] = {}
    for index, (stem, text) in enumerate(articles.items(), 1):
        started = time.monotonic()
        out, failure = out_dir / f"{stem}.json", out_dir / f"{stem}.error.txt"
        try:
            summary, cached = summarize(text, stem)
        except SummarizerError as exc:
            message = f"{type(exc).__name__}: {exc}"
            found[stem] = Prediction(None, error=message)
            write_text_atomic(failure, message + "\n")
            out.unlink(missing_ok=True)
            _say(progress, f"[{index}/{len(articles)}] {stem}: FAILED ({message})")
            continue
        found[stem] = Prediction(summary, cached=cached)
        write_text_atomic(out, summary.model_dump_json(indent=2) + "\n")
        failure.unlink(missing_ok=True)
        how = "cached" if cached else f"{time.monotonic() - started:.1f}s"
        _say(progress, f"[{index}/{len(articles)}] {stem}: ok ({how}, {len(summary.casualties)} figures)")
    return found


# --- scoring -----------------------------------------------------------------------------------------------

def consolidation_metrics(predictions: Mapping[str, Prediction], gold_dir: Path,
                          published: Mapping[str, date] | None = None, confirm: Confirmer | None = None
                          ) -> tuple[dict[str, float], list[str]]:
    """Metrics of the cross-article consolidation: (metrics, details)."""
    summaries = {stem: p.summary for stem, p in predictions.items() if p.summary is not None}
    result = evaluate_consolidation(summaries, gold_dir, published, confirm)
    metrics = {f"{CONSOLIDATION_PREFIX}{name}": float(value) for name, value in dict(result.metrics).items()}
    return metrics, [str(line) for line in result.details]


def evaluate(gold_dir: Path, articles_dir: Path, *, thresholds: Thresholds, baseline: Baseline | None,
             predictions_dir: Path | None = None, summarize: SummarizeFn | None = None,
             run_dir: Path | None = None, progress: Progress | None = None,
             manifest_path: Path | None = None, only_splits: tuple[str, ...] = (),
             confirm: Confirmer | None = None) -> EvalRun:
    """Score saved predictions (predictions_dir) or fresh ones (summarize); gate them."""
    gold = load_gold(gold_dir)
    article_paths = find_articles(articles_dir)
    notes: list[str] = []
    missing = sorted(set(gold) - set(article_paths))
    if missing:
        raise ConfigError(f"gold without article in {articles_dir}: {', '.join(missing)}")
    unlabelled = sorted(set(article_paths) - set(gold))
    if unlabelled:
        notes.append(f"articles without gold, not scored: {', '.join(unlabelled)}")
    manifest = load_manifest(manifest_path or articles_dir.parent / MANIFEST_NAME)
    splits = manifest.split_of() if manifest is not None else {}
    languages = {e.stem: e.language for e in manifest.articles} if manifest is not None else {}
    stems = sorted(gold)
    if only_splits:  # e.g. tuning on `dev` without ever producing the held-out outputs
        unknown = sorted(set(only_splits) - set(SPLITS))
        if unknown:
            raise ConfigError(f"unknown split {', '.join(unknown)}: choose from {', '.join(SPLITS)}")
        stems = [s for s in stems if splits.get(s, "dev") in only_splits]
        notes.append(f"only the {', '.join(only_splits)} split(s) were run: {len(stems)} articles")
    texts: dict[str, str] = {}
    for stem in stems:
        try:
            texts[stem] = read_article(article_paths[stem])
        except InputError as exc:
            raise ConfigError(f"eval article unreadable: {exc}") from exc

    if predictions_dir is not None:
        predictions = load_predictions(predictions_dir, stems)
    elif summarize is not None:
        out_dir = (run_dir or Path("eval/runs/latest")) / "predictions"
        predictions = run_predictions(texts, summarize, out_dir, progress)
    else:
        raise ConfigError("evaluate() needs a predictions folder or a summarize function")

    scores = [score_article(stem, gold[stem], predictions[stem].summary, texts[stem], error=predictions[stem].error)
              for stem in stems]
    for score in scores:
        if score.error:
            notes.append(f"{score.stem}: failed, scored as empty ({score.error})")
    metrics = aggregate(scores)
    metrics.update(split_metrics(scores, splits, languages))

    details: list[str] = []
    crashed: str | None = None
    try:
        published = {e.stem: date.fromisoformat(e.published) for e in manifest.articles
                     if e.published} if manifest is not None else {}
        extra, details = consolidation_metrics(predictions, gold_dir, published, confirm)
    except Exception as exc:  # a broken evaluator must fail the gate visibly, not stop the whole eval
        extra = {}
        crashed = f"consolidation eval failed: {type(exc).__name__}: {exc}"
        notes.append(crashed)
    metrics.update(extra)

    # no consolidation gold, or a split with no article in this run (no manifest, or --split): no metrics, so
    # their rules are noted, not failed
    unavailable = [CONSOLIDATION_PREFIX] if not extra and not crashed else []
    unavailable += [f"{split}." for split in SPLITS if not any(splits.get(stem) == split for stem in stems)]
    lower = lower_is_better(scores)
    lower |= {f"{prefix}.{name}" for name in lower for prefix in SPLITS if f"{prefix}.{name}" in metrics}
    gate = check_gate(metrics, thresholds, baseline, lower_is_better=lower, gated=default_gated(metrics, lower),
                      unavailable=unavailable)
    if crashed:
        failed = GateCheck(metric="consolidation", value=None, kind="missing", passed=False, reason=crashed)
        gate = GateResult(passed=False, checks=[*gate.checks, failed], notes=gate.notes)
    if baseline is not None and baseline.articles and sorted(baseline.articles) != stems:
        notes.append("the baseline was scored on other articles: "
                     f"{', '.join(sorted(set(baseline.articles) ^ set(stems)))} differ")
    return EvalRun(scores=scores, metrics=metrics, per_article={s.stem: article_metrics(s) for s in scores},
                   gate=gate, lower_is_better=lower, notes=notes, consolidation_details=details, splits=dict(splits))


def split_metrics(scores: list[ArticleScore], splits: Mapping[str, str], languages: Mapping[str, str]
                  ) -> dict[str, float]:
    """The same metrics per split (`seed.`, `dev.`, `heldout.`), and casualty scores of each split's articles that
    are not in English (`heldout.non_en.casualties.recall`)."""
    metrics: dict[str, float] = {}
    for split in SPLITS:
        chosen = [s for s in scores if splits.get(s.stem) == split]
        if not chosen:
            continue
        metrics.update({f"{split}.{name}": value for name, value in aggregate(chosen).items()})
        foreign = [s for s in chosen if languages.get(s.stem, "en") != "en"]
        if foreign:
            pooled = aggregate(foreign)
            for name in ("casualties.recall", "casualties.precision", "casualties.f1"):
                metrics[f"{split}.non_en.{name}"] = pooled[name]
    return metrics


def bless(run: EvalRun, baseline_path: Path) -> None:
    """Store this run's metrics as the new baseline (the only way the baseline changes)."""
    write_text_atomic(baseline_path, render_baseline(run.metrics, run.stems))


def _say(progress: Progress | None, line: str) -> None:
    if progress is not None:
        progress(line)


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"{exc.error_count()} error(s), first at {where or '(root)'}: {first['msg']}"
    return str(exc)
