"""Scoring predictions against gold: per-kind field scorers, list matching, aggregation and the gate."""

from __future__ import annotations

from summarizer.evaluation.scoring.aggregate import aggregate, article_metrics
from summarizer.evaluation.scoring.article import score_article
from summarizer.evaluation.scoring.gate import (
    Baseline,
    GateResult,
    Thresholds,
    check_gate,
    load_baseline,
    load_thresholds,
    render_baseline,
)
from summarizer.evaluation.scoring.results import ArticleScore, Counts, Mismatch, Ratio

__all__ = [
    "ArticleScore",
    "Baseline",
    "Counts",
    "GateResult",
    "Mismatch",
    "Ratio",
    "Thresholds",
    "aggregate",
    "article_metrics",
    "check_gate",
    "load_baseline",
    "load_thresholds",
    "render_baseline",
    "score_article",
]
