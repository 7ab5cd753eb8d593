"""The tolls a generated English headline or summary tells ('Bus crash kills 40', '10 Dead, 5 Injured'), checked
against the figures read from the article: a number beside a word of harm that no figure of that outcome holds is a
toll the model made up or moved (the 40 on board of a bus read as 40 killed; 10 injured told as 10 dead).

A toll told is supported by a figure of its outcome whose value, or either end of its range, is the number, or by the
sum over groups of the largest figure of each (6 soldiers and 4 civilians killed: '10 killed')."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from summarizer.contract.event import Casualty
from summarizer.lang import Lexicon, english, outcome_near, outcomes_named
from summarizer.text.parse import counts_things, find_numbers, split_sentences

TOLD_OUTCOMES = ("killed", "injured", "missing")  # what a headline's toll says happened
TOLD_REACH = 5  # words after a number that may name what happened to those it counts
_NEXT_COUNT = re.compile(r"[,;:]|\d")


def supported_tolls(casualties: Sequence[Casualty]) -> dict[str, set[int]]:
    """Per outcome, the numbers a generated text may give as its toll."""
    allowed: dict[str, set[int]] = defaultdict(set)
    largest: dict[str, dict[str, int]] = defaultdict(dict)
    for c in casualties:
        numbers = [n for n in (c.value, c.low, c.high) if n is not None]
        allowed[c.outcome].update(numbers)
        if c.value is not None:
            largest[c.outcome][c.group] = max(largest[c.outcome].get(c.group, 0), c.value)
    for outcome, by_group in largest.items():
        allowed[outcome].add(sum(by_group.values()))
    return allowed


def unsupported_tolls(text: str, casualties: Sequence[Casualty], article: Lexicon | None = None,
                      parts: Mapping[str, set[int]] | None = None) -> list[str]:
    """The tolls an English text tells that no figure supports, as written ('10 Dead'), in order. A number counting
    things ('died in five states') tells no toll, in English or in the words of the article's language (`article`)
    the text took over ('Killed in Two Aldeias'). `parts`: per outcome, numbers the article gives as parts of a figure
    (a breakdown: 'including 61 wounded by gunfire'), which a text may tell too."""
    lx = english()
    allowed = supported_tolls(casualties)
    for part, numbers in (parts or {}).items():
        allowed[part] |= numbers
    things_in = [x for x in (lx, article) if x is not None]
    told: list[str] = []
    for m in find_numbers(text, split_sentences(text), lx):
        if m.value is None or any(counts_things(text, m, x) is not None for x in things_in):
            continue
        outcome = outcome_near(text, m.raw_start, m.end, lx)
        if outcome not in TOLD_OUTCOMES:
            continue
        # every outcome the words right after the number name may be the one told ('Five people were shot and
        # killed'); the toll stands if one of them has the number
        after = _NEXT_COUNT.split(text[m.end :], maxsplit=1)[0]  # up to the next number or clause break
        named = outcomes_named(" ".join(after.split()[:TOLD_REACH]), lx) | {outcome}
        if not any(m.value in allowed.get(o, set()) for o in named):
            told.append(f"{m.raw_text} {outcome}")
    return list(dict.fromkeys(told))
