"""Grounding check: is an item's evidence really where its offsets say, in the article?"""

from __future__ import annotations

from rapidfuzz import fuzz

from ..schema import Evidence
from .fields import normalize_text

FUZZY_THRESHOLD = 90.0


def evidence_located(evidence: Evidence | None, article: str) -> bool:
    """Offsets inside the article, and the span equals the quote (exact) or is close to it (fuzzy)."""
    if evidence is None or not evidence.quote.strip():
        return False
    if not 0 <= evidence.start < evidence.end <= len(article):
        return False
    span = article[evidence.start:evidence.end]
    if evidence.match == "exact":
        return span == evidence.quote
    return span == evidence.quote or fuzz.ratio(normalize_text(span), normalize_text(evidence.quote)) \
        >= FUZZY_THRESHOLD
