"""Optimal one-to-one matching of predicted and gold list items (Hungarian algorithm), then P/R/F1.

A pair can only be a true positive when it meets the field's criterion (`agree`); among acceptable pairs the
assignment maximises `affinity` (closeness beyond the criterion, e.g. same source), so that one prediction is
not spent on the wrong gold twin. Optional gold items earn credit when matched and cost nothing otherwise;
required gold items are preferred when a prediction could match either.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

from summarizer.evaluation.scoring.results import Counts

P = TypeVar("P")
G = TypeVar("G")

_AGREE = 10.0  # an acceptable pair always outweighs any mix of affinity and preference
_REQUIRED_BONUS = 1.0


@dataclass
class Matching(Generic[P, G]):
    pairs: list[tuple[int, int]] = field(default_factory=list)
    """(prediction index, gold index) of the acceptable matched pairs."""
    unmatched_predictions: list[int] = field(default_factory=list)
    unmatched_gold: list[int] = field(default_factory=list)
    """Required gold items left unmatched (unmatched optional items are not listed: they cost nothing)."""
    counts: Counts = field(default_factory=Counts)


def match_items(predictions: Sequence[P], gold: Sequence[G], *, agree: Callable[[P, G], bool],
                affinity: Callable[[P, G], float] | None = None,
                optional: Callable[[G], bool] | None = None) -> Matching[P, G]:
    """Match one-to-one; `affinity` must return 0..1."""
    is_optional = [bool(optional(g)) if optional else False for g in gold]
    pairs: list[tuple[int, int]] = []
    if predictions and gold:
        weights = np.zeros((len(predictions), len(gold)))
        ok = np.zeros((len(predictions), len(gold)), dtype=bool)
        for i, pred in enumerate(predictions):
            for j, item in enumerate(gold):
                if agree(pred, item):
                    ok[i, j] = True
                    closeness = min(1.0, max(0.0, affinity(pred, item))) if affinity else 0.0
                    weights[i, j] = _AGREE + closeness + (0.0 if is_optional[j] else _REQUIRED_BONUS)
        rows, cols = linear_sum_assignment(weights, maximize=True)
        pairs = sorted((int(r), int(c)) for r, c in zip(rows, cols, strict=True) if ok[r, c])
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    unmatched_pred = [i for i in range(len(predictions)) if i not in matched_pred]
    unmatched_gold = [j for j in range(len(gold)) if j not in matched_gold and not is_optional[j]]
    counts = Counts(tp=len(pairs), fp=len(unmatched_pred), fn=len(unmatched_gold))
    return Matching(pairs=pairs, unmatched_predictions=unmatched_pred, unmatched_gold=unmatched_gold,
                    counts=counts)


def set_counts(predicted: Sequence[str], gold: Sequence[str]) -> Counts:
    """P/R/F1 counts of two sets of category labels (e.g. an actor's roles)."""
    pred, want = set(predicted), set(gold)
    return Counts(tp=len(pred & want), fp=len(pred - want), fn=len(want - pred))
