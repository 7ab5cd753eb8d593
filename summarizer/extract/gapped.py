"""Numbers of a list that share one harm word with a sibling count of their sentence.

A breakdown by place often writes its harm word once: '34 personnel were injured in Lahore, 48 in Attock, nine in
Sargodha', '23 víctimas fatales en Oaxaca (sur), ocho en Chiapas (sureste) y dos en Tabasco'; where the verb ends the
clause, the last item holds it: 'لاہور میں 34، اٹک میں 48،سرگودھا میں 9، ... متعدد اہلکار زخمی ہوئے'. A number of such a
list has no noun and no harm word of its own: it counts the same people as its sibling, in another place. A list of
counted nouns writes its verb once too, after the list or before it ('três senegaleses, dois bissau-guineenses e um
serra-leonês morreram', 'morreram pelo menos 29 habitantes, 11 supostos agressores e dois elementos ...'): each
item shares it (`list_outcome`). Every word read here is lexicon data (`locatives`, `list_joiners`, `others`,
`one_words`, `before_harm`, `things`, `partitives`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from summarizer.lang import Lexicon, Outcome, after_agent, harm_after_item, outcome_near, outcomes_named, per_lexicon

LIST_GAP_CHARS = 100  # at most this much text between two items of one list
ITEM_WORDS = 6  # at most this many words of an item's noun in a list of counted nouns


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


class _Items(NamedTuple):
    one: re.Pattern[str]  # a word of the language for one that may open an item ('um marinheiro')
    gap: re.Pattern[str]  # between two items: the first one's noun, then a comma or the list joiner
    tail: re.Pattern[str]  # after the last item's number: its noun and what follows to the end of the clause


@per_lexicon
def _items(lx: Lexicon) -> _Items:
    """The patterns of a list of counted nouns for a lexicon's words."""
    joiners = "|".join(re.escape(w) for w in sorted(lx.list_joiners, key=len, reverse=True)) or "(?!)"
    ones = "|".join(re.escape(w) for w in sorted(lx.one_words, key=len, reverse=True)) or "(?!)"
    word = r"[^\W\d_][^\s\d,،;:.!?()\[\]]*"  # a letter, then no space, digit or punctuation ('महिलाओं', 'cabo-verdiano')
    noun = rf"(?P<noun>\s+{word}(?:\s+{word}){{0,{ITEM_WORDS - 1}}})"
    return _Items(
        one=re.compile(rf"(?<![\w'’-])(?:{ones})(?=\s)", re.IGNORECASE),
        gap=re.compile(rf"{noun}(?P<sep>\s*[,،]\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)", re.IGNORECASE),
        tail=re.compile(rf"(?P<noun>\s+{word}(?:\s+{word}){{0,{2 * ITEM_WORDS - 1}}})\s*(?:[,،.;:!?)।۔]|$)",
                        re.IGNORECASE))


@per_lexicon
def _not_nouns(lx: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The folded words no item's noun holds (auxiliaries, words ending a source), and the things none opens with."""
    return frozenset(lx.before_harm) | lx.source_ends, frozenset(w.casefold() for w in lx.things)


def _plain_noun(noun: str, lx: Lexicon) -> bool:
    """Whether an item's words are a noun and nothing more: no harm word, no auxiliary, no word ending a source, and
    not a thing ('3 casas')."""
    words = [w.casefold() for w in noun.split()]
    stops, things = _not_nouns(lx)
    return not outcomes_named(noun, lx) and not stops.intersection(words) and words[0] not in things


def list_outcome(text: str, sentence: tuple[int, int], counts: Sequence[tuple[int, int]], start: int, end: int,
                 lx: Lexicon | None) -> Outcome | None:
    """What happened to the number between `start` and `end`, an item of a list of counted nouns that shares one harm
    word: the verb after the list ('Um marinheiro cabo-verdiano, três senegaleses, dois bissau-guineenses e um
    serra-leonês morreram') or before it ('morreram pelo menos 29 habitantes, 11 supostos agressores e dois elementos
    das forças de segurança, segundo ...'). `counts` are the spans of the sentence's numbers (qualifier included); a
    word for one opens an item too. The list is two items or more, the last joined by the list joiner and the others
    by commas, each item's words a plain noun; the harm word is on one side only (two lists sharing a sentence,
    'Morreram 29 habitantes, 11 polícias e dois soldados foram presos', are no one list). None otherwise, and in a
    language with a code reader, which reads its lists by its grammar."""
    if lx is None or lx.code_reader:
        return None
    patterns = _items(lx)
    lo, hi = sentence
    spans = sorted({*counts, *((m.start(), m.end()) for m in patterns.one.finditer(text, lo, hi)
                               if not any(a <= m.start() < b for a, b in counts))})
    at = next((i for i, (a, b) in enumerate(spans) if a <= start < b), None)
    if at is None:
        return None
    joined: list[str] = []  # the separator after each item of the list, from its first item
    first = last = at
    while first > 0 and (gap := _gap(text, spans[first - 1][1], spans[first][0], patterns, lx)) is not None:
        first, joined = first - 1, [gap, *joined]
    while last + 1 < len(spans) and (gap := _gap(text, spans[last][1], spans[last + 1][0], patterns, lx)) is not None:
        last, joined = last + 1, [*joined, gap]
    if not joined or joined[-1] == "," or any(j != "," for j in joined[:-1]) \
            or (joined[-1].startswith(",") and len(joined) < 2):
        return None  # 'A, B and C': commas, then the joiner before the last item ('A, and B' joins two clauses)
    if any(_refers_back(text, end, lx) for _, end in spans[first : last + 1]):
        return None  # 'drei Schneeschuhgeher unter sich begraben und mindestens zwei von ihnen getötet'
    (a, b), (y, z) = spans[first], spans[last]
    after = harm_after_item(text, y, z, lx, ITEM_WORDS + 2)
    before = None if after_agent(text, a, b, lx) else outcome_near(text, a, b, lx, words_after=0, words_before=3)
    if after is not None:
        return after if before is None else None
    tail = patterns.tail.match(text[:hi], z)
    return before if tail is not None and _plain_noun(tail.group("noun"), lx) else None


def _gap(text: str, end: int, start: int, patterns: _Items, lx: Lexicon) -> str | None:
    """The separator between two items of a list of counted nouns (the first item's number ending at `end`, the next
    one's starting at `start`): "," for a comma alone, else the list joiner after a comma or alone (', and', 'e');
    None when the text between is no item's noun and separator."""
    found = patterns.gap.fullmatch(text, end, start)
    if found is None or not _plain_noun(found.group("noun"), lx):
        return None
    return found.group("sep").strip()


def _refers_back(text: str, end: int, lx: Lexicon) -> bool:
    """Whether the words right after a number (ending at `end`) make it a part of people counted before ('zwei von
    ihnen', 'dos de ellos'): a partitive of the language."""
    after = " ".join(text[end : end + 40].casefold().split()) + " "
    return any(after.startswith(p + " ") for p in lx.partitives)
