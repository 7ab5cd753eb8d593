"""From per-article scores to flat metric names: micro (pooled counts) and macro (mean over articles).

Names: for a P/R/F1 field F, `F.precision`, `F.recall`, `F.f1` (micro) and `F.macro_f1`; for a share S,
`S` (micro) and `S.macro` (mean over the articles that have something to count); for a lower-is-better count
T, `T` (total over articles). `overall.micro_f1` pools the counts of the main fields; `overall.macro_f1` is
the mean of their micro F1.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from summarizer.evaluation.scoring.results import ArticleScore, Counts, Ratio

OVERALL_FIELDS = ("event_type", "when", "where.country", "where.region", "casualties", "places", "actors",
                  "statements", "consequences", "incidents")
REPORTED_ONLY_PREFIX = "text."
"""Free-text checks are reported, never gated."""


def article_metrics(score: ArticleScore) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for name, counts in score.counts.items():
        metrics[f"{name}.precision"] = counts.precision
        metrics[f"{name}.recall"] = counts.recall
        metrics[f"{name}.f1"] = counts.f1
    for name, ratio in score.ratios.items():
        metrics[name] = ratio.value
    for name, tally in score.tallies.items():
        metrics[name] = float(tally)
    return metrics


def aggregate(scores: Sequence[ArticleScore]) -> dict[str, float]:
    """Micro and macro metrics over articles (an empty sequence gives no metrics)."""
    if not scores:
        return {}
    metrics: dict[str, float] = {}
    count_names = sorted({n for s in scores for n in s.counts})
    pooled: dict[str, Counts] = {}
    for name in count_names:
        total = Counts()
        for s in scores:
            total += s.counts.get(name, Counts())
        pooled[name] = total
        metrics[f"{name}.precision"] = total.precision
        metrics[f"{name}.recall"] = total.recall
        metrics[f"{name}.f1"] = total.f1
        metrics[f"{name}.macro_f1"] = fmean(s.counts.get(name, Counts()).f1 for s in scores)
    for name in sorted({n for s in scores for n in s.ratios}):
        ratio = Ratio()
        for s in scores:
            ratio += s.ratios.get(name, Ratio())
        metrics[name] = ratio.value
        # Articles with nothing to count (no claimed figure to mark) would add a vacuous 1.0: left out.
        counted = [s.ratios[name].value for s in scores if name in s.ratios and s.ratios[name].total]
        metrics[f"{name}.macro"] = fmean(counted) if counted else 1.0
    for name in sorted({n for s in scores for n in s.tallies}):
        metrics[name] = float(sum(s.tallies.get(name, 0) for s in scores))
    main = [pooled[n] for n in OVERALL_FIELDS if n in pooled]
    if main:
        everything = Counts()
        for counts in main:
            everything += counts
        metrics["overall.micro_f1"] = everything.f1
        metrics["overall.macro_f1"] = fmean(c.f1 for c in main)
    return metrics


def lower_is_better(scores: Sequence[ArticleScore]) -> set[str]:
    return {n for s in scores for n in s.tallies}


def default_gated(metrics: dict[str, float], lower: set[str]) -> set[str]:
    """Metrics the baseline protects unless thresholds say otherwise: F1s, shares, lower-is-better counts."""
    gated = set()
    for name in metrics:
        if name.startswith(REPORTED_ONLY_PREFIX):
            continue
        if name.endswith((".precision", ".recall", ".macro_f1", ".macro")):
            continue
        gated.add(name)
    return gated | (lower & set(metrics))
