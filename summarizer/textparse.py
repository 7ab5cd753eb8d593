"""Deterministic reading of the article: sentences, number mentions and their qualifiers, time windows.

The model classifies what the code finds; it never has to recall or copy a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- sentences -------------------------------------------------------------------------------------------------

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "rep", "sen", "gov",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
                  "vs", "etc", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "co", "corp", "ltd", "jr", "sr"}
_END = re.compile(r"[.!?]+[\"'”’)\]]*")


@dataclass(frozen=True)
class Sentence:
    index: int  # 1-based, as shown to the model
    start: int
    end: int
    text: str


def _line_breaks_sentence(text: str, pos: int) -> bool:
    """A single newline ends a sentence unless the text runs on (next line starts lowercase or with punctuation)."""
    nxt = text[pos + 1 : pos + 40].lstrip(" \t")
    if not nxt or nxt.startswith("\n"):
        return True
    return not (nxt[0].islower() or nxt[0] in ",;:)–—-")


def split_sentences(text: str) -> list[Sentence]:
    """Split into sentences with character offsets into `text` (headings and short lines are their own units)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        cut: int | None = None
        if ch == "\n" and _line_breaks_sentence(text, i):
            cut = i
        elif ch in ".!?":
            m = _END.match(text, i)
            assert m is not None
            j = m.end()
            word = re.search(r"([\w.]+)$", text[start:i])
            prev = word.group(1).lower() if word else ""
            follows = text[j : j + 3]
            if (j >= n or follows[:1].isspace()) and prev not in _ABBREVIATIONS and not re.fullmatch(r"[a-z]", prev):
                rest = text[j:].lstrip()
                if not rest or rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘(–—-•*[":
                    cut = j
            i = j - 1
        if cut is not None:
            bounds.append((start, cut))
            start = cut + 1 if ch == "\n" else cut
        i += 1
    bounds.append((start, n))
    sentences: list[Sentence] = []
    for s, e in bounds:
        raw = text[s:e]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        s2, e2 = s + lead, s + trail
        if e2 - s2 >= 2 and any(c.isalnum() for c in text[s2:e2]):
            body = re.sub(r"\s+", " ", text[s2:e2])
            sentences.append(Sentence(len(sentences) + 1, s2, e2, body))
    return sentences


# --- numbers ---------------------------------------------------------------------------------------------------

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000}
# ACLED-style floors for vague amounts: the lowest number the word can mean.
VAGUE_FLOORS = {"a few": 2, "few": 2, "several": 3, "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20,
                "hundreds": 100, "thousands": 1000}

_WORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
_WORD_NUMBER = rf"{_WORD}(?:[- ]{_WORD})?(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?{_WORD}(?:[- ]{_WORD})?)?)?"
_NUMBER_RE = re.compile(
    rf"(?<![\w.,/:-])(?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w:/]|\.\d|,\d)"
    rf"|(?P<words>{_WORD_NUMBER})\b"
    r"|(?P<vague>a\s+dozen|dozens|several|scores|hundreds|thousands|a\s+few)\b)",
    re.IGNORECASE,
)
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_TIME_UNIT_AFTER = re.compile(
    r"^\s*(?:-\s*)?(?:more\s+|straight\s+|consecutive\s+|full\s+)?(?:hours?|days?|weeks?|months?|years?|minutes?|"
    r"decades?|centur(?:y|ies)|percent|per\s*cent|%|km|kilomet|miles?|am\b|pm\b|a\.m|p\.m|o'clock|"
    r"st\b|nd\b|rd\b|th\b|" + _MONTHS + r"\b)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(_MONTHS + r"\.?\s*$", re.IGNORECASE)

_QUALIFIERS: list[tuple[str, str]] = [
    (r"at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|at\s+minimum", "at_least"),
    (r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above", "more_than"),
    (r"up\s+to|as\s+many\s+as|nearly|almost|fewer\s+than|less\s+than|under|close\s+to", "up_to"),
    (r"about|around|approximately|roughly|some|an\s+estimated|estimated|nearly|circa|approx\.?", "about"),
]
_QUALIFIER_RE = [(re.compile(rf"\b(?:{p})\s*$", re.IGNORECASE), q) for p, q in _QUALIFIERS]

_CASUALTY_WORDS = re.compile(
    r"\b(?:kill\w*|dead|death\w*|die[ds]?|dying|fatalit\w*|casualt\w*|toll|slain|injur\w*|wound\w*|hurt|"
    r"abduct\w*|kidnap\w*|hostage\w*|captive\w*|escap\w*|freed|free|fled|arrest\w*|detain\w*|missing|shot|"
    r"neutrali[sz]\w*|massacr\w*|perish\w*|lost\s+their\s+lives|bodies|martyr\w*|captur\w*|"
    r"eliminat\w*|gunned|executed|beheaded|lynched|lives)\b",
    re.IGNORECASE,
)
_BREAKDOWN_BEFORE = re.compile(
    r"\b(?:includ\w*|among(?:\s+\w+){0,3}?\s+(?:were|was|are)|of\s+whom|comprising)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_PEOPLE_AFTER = re.compile(
    r"^\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:people|persons|others|civilians|militants|insurgents|attackers|assailants|"
    r"gunmen|fighters|rebels|terrorists|soldiers|troops|police\w*|officers|personnel|guards|officials|workers|"
    r"labou?rers|passengers|children|women|men|students|villagers|residents|inmates|prisoners|detainees|"
    r"protesters|demonstrators|members|bodies|hostages|casualties|victims)\b",
    re.IGNORECASE,
)


def word_number_value(text: str) -> int | None:
    """'Twenty-four' -> 24, 'one hundred and five' -> 105; None if not a number in words."""
    total = 0
    current = 0
    seen = False
    for token in re.split(r"[\s-]+", text.lower().strip()):
        if token == "and" or not token:
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in _SCALES:
            current = max(current, 1) * _SCALES[token]
            if _SCALES[token] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True)
class NumberMention:
    start: int  # offsets of the number itself
    end: int
    text: str  # the number as written ("Twenty-four", "67", "dozens")
    value: int | None  # None for vague words
    vague_floor: int | None
    qualifier: str  # exact, at_least, about, more_than, up_to, vague
    raw_text: str  # qualifier + number as written ("at least 67")
    raw_start: int
    sentence: Sentence


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    window_start = max(0, start - 40)
    before = text[window_start:start]
    for pattern, qualifier in _QUALIFIER_RE:
        m = pattern.search(before)
        if m:
            return qualifier, window_start + m.start()
    return "exact", start


def find_numbers(text: str, sentences: list[Sentence]) -> list[NumberMention]:
    """Every count-like number in the text (digits, words, vague amounts), with qualifier and sentence.

    Dates, years, times, durations, percentages and distances are left out: they are never casualty counts.
    """
    mentions: list[NumberMention] = []
    for sentence in sentences:
        chunk = text[sentence.start : sentence.end]
        for m in _NUMBER_RE.finditer(chunk):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            written = m.group(0)
            after = text[end : end + 20]
            before = text[max(0, start - 12) : start]
            if _TIME_UNIT_AFTER.match(after) or _MONTH_BEFORE.search(before):
                continue
            if m.group("digits"):
                digits = int(m.group("digits").replace(",", ""))
                if 1800 <= digits <= 2100 and "," not in m.group("digits"):
                    continue  # a year
                value: int | None = digits
                floor = None
            elif m.group("words"):
                value = word_number_value(written)
                floor = None
                if value is None:
                    continue
            else:
                value = None
                floor = VAGUE_FLOORS.get(re.sub(r"\s+", " ", written.lower()))
            if value is None and not _PEOPLE_AFTER.match(text[end : end + 60]):
                continue  # "several districts": a vague amount only matters when it counts people
            qualifier, raw_start = _qualifier_before(text, start)
            if value is None:
                qualifier = "vague"
                raw_start = start
            mentions.append(NumberMention(start, end, written, value, floor, qualifier, text[raw_start:end],
                                          raw_start, sentence))
    return mentions


def is_casualty_context(text: str, mention: NumberMention) -> bool:
    """True when the number's sentence talks about people killed, hurt, taken or freed."""
    return bool(_CASUALTY_WORDS.search(mention.sentence.text))


def breakdown_flags(text: str, mentions: list[NumberMention]) -> list[bool]:
    """For each mention: is it part of a breakdown ('including five men, three women and three children')?

    Breakdowns restate a figure already given; the list continues while only short noun phrases separate items.
    """
    flags: list[bool] = []
    for i, mention in enumerate(mentions):
        before = text[mention.sentence.start : mention.raw_start]
        flag = bool(_BREAKDOWN_BEFORE.search(before))
        if not flag and i and flags[-1] and mentions[i - 1].sentence is mention.sentence:
            between = text[mentions[i - 1].end : mention.raw_start]
            flag = bool(re.fullmatch(r"(?:\s+\w+){1,3}\s*,?\s*(?:and\s+)?", between))
        flags.append(flag)
    return flags


# --- time windows ----------------------------------------------------------------------------------------------

_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM_WORD = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
             r"forty-eight|seventy-two|several|few)")
_WINDOW_RE = re.compile(
    rf"(?:a|one)\s+day\s+(?:before|earlier|after|later)|(?:(?:over|in|during|within|across|for)\s+)?(?:a\s+span\s+of\s+|the\s+(?:past|last|previous|preceding)\s+|"
    rf"the\s+)?(?:roughly\s+|about\s+|nearly\s+|around\s+|some\s+)?{_NUM_WORD}\s+(?:hours?|days?|weeks?|months?|years?)"
    rf"|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:hours?|days?|week|month|year)"
    rf"|(?:early|late)?\s*(?:on\s+)?{_WEEKDAYS}(?:\s+(?:and|or)\s+{_WEEKDAYS})?(?:\s+(?:alone|morning|night|evening|afternoon))?"
    rf"|a\s+day\s+(?:before|earlier|after|later)|(?:earlier|later)\s+(?:in\s+the|this|that)\s+week"
    rf"|yesterday|today|last\s+night|overnight",
    re.IGNORECASE,
)


def window_near(text: str, sentence: Sentence, position: int) -> str | None:
    """The time phrase of the sentence closest to `position` ('on Saturday', 'in the past 48 hours')."""
    chunk = text[sentence.start : sentence.end]
    rel = position - sentence.start
    left = max(chunk.rfind(c, 0, rel) for c in ",;—")
    rights = [p for p in (chunk.find(c, rel) for c in ",;—") if p != -1]
    clause = (left + 1, min(rights) if rights else len(chunk))
    for m in _WINDOW_RE.finditer(chunk, clause[0], clause[1]):
        phrase = re.sub(r"\s+", " ", m.group(0).strip())
        if phrase:
            return phrase
    best: tuple[int, str] | None = None
    for m in _WINDOW_RE.finditer(chunk):
        phrase = re.sub(r"\s+", " ", m.group(0).strip())
        if not phrase:
            continue
        distance = abs(sentence.start + m.start() - position)
        if best is None or distance < best[0]:
            best = (distance, phrase)
    return best[1] if best else None
