"""Locating evidence in the article: the code, not the model, finds every quote and records its offsets."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from summarizer.contract.event import Evidence
from summarizer.text.names import SAME_QUOTE

# quotes unified; a hyphen or dash is a space ('Port-Môle' is the article's 'Port Môle', one letter of nine apart: too
# far for a fuzzy match of a short name)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": " ", "—": " ", "-": " ", "‐": " ", "\xa0": " "})


def span(article: str, start: int, end: int) -> Evidence:
    """Evidence for a span the code itself found: always exact."""
    return Evidence(quote=article[start:end], start=start, end=end, match="exact")


def _normalise(text: str) -> tuple[str, list[int]]:
    """Lower-case, unify quotes, make hyphens and dashes spaces, collapse whitespace; keep a map from normalised to
    original offsets."""
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if previous_space:
                continue
            ch = " "
            previous_space = True
        else:
            previous_space = False
        out.append(ch.lower())
        index.append(i)
    return "".join(out), index


def locate(article: str, quote: str, *, near: int | None = None) -> Evidence | None:
    """Find `quote` in the article: verbatim (closest to `near`), then normalised, then fuzzy; None if absent."""
    quote = quote.strip()
    if not quote:
        return None
    hits = [m.start() for m in re.finditer(re.escape(quote), article)]
    if hits:
        start = min(hits, key=lambda h: abs(h - near)) if near is not None else hits[0]
        return span(article, start, start + len(quote))
    norm_article, index = _normalise(article)
    norm_quote, _ = _normalise(quote)
    pos = norm_article.find(norm_quote)
    if pos != -1:
        start, end = index[pos], index[pos + len(norm_quote) - 1] + 1
        return Evidence(quote=article[start:end], start=start, end=end, match="fuzzy")
    if len(norm_quote) < 4:
        return None
    alignment = fuzz.partial_ratio_alignment(norm_quote, norm_article, score_cutoff=SAME_QUOTE)
    if alignment is None:
        return None
    start, end = index[alignment.dest_start], index[max(alignment.dest_end - 1, alignment.dest_start)] + 1
    start, end = _whole_words(article, start, end)
    return Evidence(quote=article[start:end], start=start, end=end, match="fuzzy")


def _whole_words(article: str, start: int, end: int) -> tuple[int, int]:
    """A fuzzy span never starts or ends inside a word ('ullu ... Prades' is 'Kullu ... Pradesh')."""
    while start > 0 and article[start - 1].isalnum() and article[start].isalnum():
        start -= 1
    while end < len(article) and article[end].isalnum() and article[end - 1].isalnum():
        end += 1
    return start, end


def is_grounded(article: str, evidence: Evidence) -> bool:
    """The check scorers and tests use: offsets in range and the quote is what the article holds there."""
    if not 0 <= evidence.start <= evidence.end <= len(article):
        return False
    found = article[evidence.start : evidence.end]
    if evidence.match == "exact":
        return found == evidence.quote
    return fuzz.ratio(_normalise(found)[0], _normalise(evidence.quote)[0]) >= SAME_QUOTE
