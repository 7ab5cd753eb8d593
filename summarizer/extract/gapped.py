"""Numbers of a list that share one harm word with a sibling count of their sentence.

A breakdown by place often writes its harm word once: '34 personnel were injured in Lahore, 48 in Attock, nine in
Sargodha', '23 víctimas fatales en Oaxaca (sur), ocho en Chiapas (sureste) y dos en Tabasco'; where the verb ends the
clause, the last item holds it: 'لاہور میں 34، اٹک میں 48،سرگودھا میں 9، ... متعدد اہلکار زخمی ہوئے'. A number of such a
list has no noun and no harm word of its own: it counts the same people as its sibling, in another place. Every
word read here is lexicon data (`locatives`, `list_joiners`, `others`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.lang import Lexicon, outcomes_named, per_lexicon

LIST_GAP_CHARS = 100  # at most this much text between two items of one list


class _Patterns(NamedTuple):
    place: re.Pattern[str]  # a place phrase inside the text between two items ('in Lahore')
    ends: re.Pattern[str]  # the end of that text: a comma, semicolon or list joiner ('in Lahore, ')
    item: re.Pattern[str]  # an item after its number: its place phrase ('in Attock', 'others in Mianwali')
    before: re.Pattern[str]  # where the verb ends the clause, the place phrase before an item ('لاہور میں')
    joined: re.Pattern[str]  # there, what follows an item: a comma or list joiner ('، ', ' اور ')


@per_lexicon
def _patterns(lx: Lexicon) -> _Patterns | None:
    """The patterns of a list by place for a lexicon's words; None without locatives."""
    if not lx.locatives:
        return None

    def words(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True)) or "(?!)"

    loc, joiners, others = words(lx.locatives), words(lx.list_joiners), words(lx.others)
    return _Patterns(
        place=re.compile(rf"(?:^|\s)(?:{loc})\s*\S", re.IGNORECASE),
        ends=re.compile(rf"(?:\s*[,،;]\s*(?:(?:{joiners})\s+)?|\s(?:{joiners})\s+)$", re.IGNORECASE),
        item=re.compile(rf"\s*(?:(?:{others})\s+)?(?:{loc})\s+\S", re.IGNORECASE),
        before=re.compile(rf"\s(?:{loc})\s*$", re.IGNORECASE),
        joined=re.compile(rf"\s*(?:[,،]|(?:{joiners})\s)", re.IGNORECASE))


def _plain_gap(between: str) -> bool:
    """Text between two items of one list, its separator left out: short, within one clause of the sentence."""
    return len(between) <= LIST_GAP_CHARS and re.search(r"[.;:!?।۔]", between) is None


def continues_list(text: str, sibling_end: int, start: int, end: int, lx: Lexicon | None) -> bool:
    """Whether the number between `start` and `end` continues a list after the count that ends at `sibling_end`, in a
    language whose verb comes before its place ('34 personnel were injured in Lahore, 48 in Attock'): between them
    no number, only the sibling's words up to a place phrase and a comma, semicolon or list joiner, or the sibling's
    clause up to a colon that opens the list ('13 personnes ont perdu la vie : quatre à Anjozorobe'); after it, its
    place phrase ('in Attock', 'others in Mianwali', 'en Chiapas')."""
    if lx is None or lx.verb_last or (patterns := _patterns(lx)) is None:
        return False
    between = text[sibling_end:start]
    if re.search(r"\d", between) or patterns.item.match(text, end) is None:
        return False
    if re.search(r":\s*$", between):  # the total, then the list of its places
        return _plain_gap(between.rstrip()[:-1])
    close = patterns.ends.search(between)
    return close is not None and _plain_gap(between[: close.start()]) \
        and patterns.place.search(between[: close.start()]) is not None


def opens_list(text: str, start: int, end: int, sibling_start: int, lx: Lexicon | None) -> bool:
    """Whether the number between `start` and `end` is an item of a list whose last item, starting at
    `sibling_start`, holds the harm word, in a language whose verb ends the clause ('لاہور میں 34، اٹک میں 48، ...
    متعدد اہلکار زخمی ہوئے', 'جناح ہسپتال میں پانچ اور ... میں 3 افراد جاں بحق ہوئے'): a place phrase right before it, a
    comma or list joiner right after it, and no harm word before the last item."""
    if lx is None or not lx.verb_last or (patterns := _patterns(lx)) is None:
        return False
    between = text[end:sibling_start]
    return _plain_gap(between) and patterns.before.search(" " + text[max(0, start - 30) : start]) is not None \
        and patterns.joined.match(between) is not None and not outcomes_named(between, lx)
