"""Numbers of a list that share one harm word with a sibling count of their sentence.

A breakdown by place often writes its harm word once: '34 personnel were injured in Lahore, 48 in Attock, nine in
Sargodha', '23 víctimas fatales en Oaxaca (sur), ocho en Chiapas (sureste) y dos en Tabasco'; where the verb ends the
clause, the last item holds it: 'لاہور میں 34، اٹک میں 48،سرگودھا میں 9، ... متعدد اہلکار زخمی ہوئے'. A number of such a
list has no noun and no harm word of its own: it counts the same people as its sibling, in another place. Every
word read here is lexicon data (`locatives`, `list_joiners`, `others`).
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.lang import Lexicon, lexicon, outcomes_named

LIST_GAP_CHARS = 100  # at most this much text between two items of one list


@cache
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """(a place phrase inside the text between two items, the end of that text, the start of an item after its
    number, the end of the text before a number) for a lexicon's words; None without locatives."""
    lx = lexicon(code)
    if lx is None or not lx.locatives:
        return None

    def words(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) or "(?!)"

    loc, joiners, others = words(lx.locatives), words(lx.list_joiners), words(lx.others)
    place = re.compile(rf"(?:^|\s)(?:{loc})\s*\S", re.IGNORECASE)
    ends = re.compile(rf"(?:[,،]\s*(?:(?:{joiners})\s+)?|\s(?:{joiners})\s+)$", re.IGNORECASE)
    item = re.compile(rf"\s*(?:(?:{others})\s+)?(?:{loc})\s+\S", re.IGNORECASE)
    before = re.compile(rf"\s(?:{loc})\s*$", re.IGNORECASE)
    return place, ends, item, before


def _plain_gap(between: str) -> bool:
    """Text between two items of one list: short, within one clause of the sentence."""
    return len(between) <= LIST_GAP_CHARS and re.search(r"[.;:!?।۔]", between) is None


def continues_list(text: str, sibling_end: int, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether the number between `start` and `end` continues a list after the count that ends at `sibling_end`, in a
    language whose verb comes before its place ('34 personnel were injured in Lahore, 48 in Attock'): between them
    only the sibling's words up to a place phrase and a comma or list joiner, no number; after it, its place
    phrase ('in Attock', 'others in Mianwali', 'en Chiapas')."""
    if lx is None or lx.verb_last or (patterns := _patterns(lx.code)) is None:
        return False
    place, ends, item, _ = patterns
    between = text[sibling_end:start]
    return _plain_gap(between) and re.search(r"\d", between) is None and place.search(between) is not None \
        and ends.search(between) is not None and item.match(text, end) is not None


def opens_list(text: str, start: int, end: int, sibling_start: int, lx: Lexicon | None) -> bool:
    """Whether the number between `start` and `end` is an item of a list whose last item, starting at
    `sibling_start`, holds the harm word, in a language whose verb ends the clause ('لاہور میں 34، اٹک میں 48، ...
    متعدد اہلکار زخمی ہوئے'): a place phrase right before it, a comma right after it, and no harm word before the
    last item."""
    if lx is None or not lx.verb_last or (patterns := _patterns(lx.code)) is None:
        return False
    before = patterns[3]
    between = text[end:sibling_start]
    return _plain_gap(between) and before.search(" " + text[max(0, start - 30) : start]) is not None \
        and re.match(r"\s*[,،]", between) is not None and not outcomes_named(between, lx)
