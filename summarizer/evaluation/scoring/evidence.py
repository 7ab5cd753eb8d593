"""Grounding check for scoring: is an item's evidence really where its offsets say, in the article?"""

from __future__ import annotations

from summarizer.contract.event import Evidence
from summarizer.text.grounding import is_grounded


def evidence_located(evidence: Evidence | None, article: str) -> bool:
    """A non-empty quote at offsets inside the article, where the article holds it (the pipeline's own check)."""
    if evidence is None or not evidence.quote.strip() or evidence.start >= evidence.end:
        return False
    return is_grounded(article, evidence)
