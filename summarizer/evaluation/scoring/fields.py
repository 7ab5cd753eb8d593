"""One scorer per kind of field: categories, numbers, names, dates.

Each returns whether a predicted value is acceptable for a gold value (plus, for names, a similarity used to
break ties in list matching). None of them knows about particular articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rapidfuzz import fuzz

from summarizer.text.names import PART_OF_NAME, SAME_NAME_SCORED, fold, skeleton

NAME_THRESHOLD = SAME_NAME_SCORED / 100
"""Similarity (0..1) from which two names count as the same place, actor or source."""

SUBSET_SIMILARITY = PART_OF_NAME / 100

# Words that do not tell two names apart ("Quetta district" is Quetta; "the BLA" is the BLA).
_GENERIC = frozenset({"the", "a", "an", "of", "and", "in", "district", "city", "town", "village", "province",
                      "area", "region", "division", "tehsil"})
_INITIAL_SKIP = frozenset({"the", "of", "and", "for", "in", "a", "an"})


def normalize_category(value: str | None) -> str | None:
    """Categories compare after case, spaces, hyphens and underscores are normalised."""
    if value is None:
        return None
    return "_".join(fold(value.replace("_", " ").replace("-", " ")).split()) or None


def category_match(predicted: str | None, gold: str | None, alternatives: Iterable[str] = ()) -> bool:
    pred = normalize_category(predicted)
    accepted = {normalize_category(gold), *(normalize_category(a) for a in alternatives)}
    return pred in accepted


def _core(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _GENERIC]
    return " ".join(words) or fold(name)


def _initials(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _INITIAL_SKIP]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def name_similarity(a: str, b: str) -> float:
    """0..1: equal after normalisation, acronym of each other, same consonant skeleton, or fuzzy close."""
    core_a, core_b = _core(a), _core(b)
    if not core_a or not core_b:
        return 0.0
    if core_a == core_b:
        return 1.0
    compact_a, compact_b = core_a.replace(" ", ""), core_b.replace(" ", "")
    if compact_a == _initials(b) or compact_b == _initials(a):
        return 1.0
    skeleton_a, skeleton_b = skeleton(core_a), skeleton(core_b)
    if len(skeleton_a) >= 3 and skeleton_a == skeleton_b and abs(len(compact_a) - len(compact_b)) <= 2:
        return 0.9
    # One name's words all inside the other ("Arlo Venn" in "Interior minister Arlo Venn") is a match, but a
    # weaker one than equality, so that list matching prefers the exact partner.
    if fuzz.token_set_ratio(core_a, core_b) == 100:
        return SUBSET_SIMILARITY
    return fuzz.ratio(core_a, core_b) / 100.0


def best_name_similarity(predicted: Iterable[str | None], gold: Iterable[str | None]) -> float:
    preds = [p for p in predicted if p and p.strip()]
    golds = [g for g in gold if g and g.strip()]
    return max((name_similarity(p, g) for p in preds for g in golds), default=0.0)


def name_affinity(predicted: Iterable[str | None], gold: Iterable[str | None]) -> float:
    """0..1 closeness of two sets of names, for tie-breaking: best pair, plus how many names find a partner."""
    preds = [p for p in predicted if p and p.strip()]
    golds = [g for g in gold if g and g.strip()]
    if not preds or not golds:
        return 0.0
    per_name = [max(name_similarity(p, g) for g in golds) for p in preds]
    return 0.6 * max(per_name) + 0.4 * sum(per_name) / len(per_name)


def names_match(predicted: Iterable[str | None], gold: Iterable[str | None],
                threshold: float = NAME_THRESHOLD) -> bool:
    """True when any predicted spelling or alias matches any gold spelling, alias or alternative."""
    return best_name_similarity(predicted, gold) >= threshold


def value_match(predicted: int | None, gold_value: int | None, gold_low: int | None = None,
                gold_high: int | None = None) -> bool:
    """Exact number, or inside the gold's closed range [low, high]; a vague gold accepts a vague prediction.

    An open range (at least N, no upper bound) accepts only N: otherwise any larger figure would match.
    """
    if predicted is None:
        return gold_value is None
    if gold_value is not None and predicted == gold_value:
        return True
    return gold_low is not None and gold_high is not None and gold_low <= predicted <= gold_high


def date_match(predicted: date | None, gold: date | None, precision: str) -> bool:
    """Compare two dates only as finely as the gold knows them."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    if precision == "year":
        return predicted.year == gold.year
    if precision == "month":
        return (predicted.year, predicted.month) == (gold.year, gold.month)
    return predicted == gold
