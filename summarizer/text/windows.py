"""Time windows of casualty figures, found and read by code: the phrase next to a number ('on Saturday', 'in the
past 48 hours'), and what it means, so figures (of one article or of several) can be compared.

'on Saturday' is a day; 'over the past 48 hours' and 'past two days' are the same 48-hour span; 'a day before
the attacks' is a period before the event; 'over the past year' is a long span (context, not the event).
Two windows are the same when both are event/day (same or unnamed day), both are spans within 10% of each other,
a span of about a day meets a day, or both are periods before the event of the same length.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from summarizer.contract.consolidated import WindowInfo
from summarizer.lang import Lexicon, lexicons, per_lexicon
from summarizer.text.calendar import WEEKDAY_PATTERN, WEEKDAYS
from summarizer.text.names import fold
from summarizer.text.parse import Sentence, split_sentences, word_number_value

CONTEXT_HOURS = 168.0  # windows longer than a week are background totals, not the event's figure

# How long a duration without a numeral is ('a few days' is 3 days). Not the head-count floors of vague amounts
# (lang data), which say how many people at least 'several' means.
_DURATION_WORDS = {"a": 1, "an": 1, "single": 1, "couple": 2, "few": 3, "several": 3}
_UNIT_HOURS = {"hour": 1.0, "hr": 1.0, "day": 24.0, "night": 24.0, "week": 168.0, "month": 720.0, "year": 8760.0}
_RELATIVE_DAYS = ("today", "yesterday", "tonight", "overnight", "this morning", "this evening", "last night")
_BARE_SPAN = re.compile(r"\b(?:past|last|previous|over the|recent)\s+(hour|day|night|week|month|year)s?\b")
_BEFORE = re.compile(r"\b(before|earlier in the|prior to|preceding|previous day|day earlier|days earlier|"
                     r"the previous|last week|earlier this week)\b")


def parse_window(text: str | None) -> WindowInfo:
    """Normalise a window as written into something comparable ('past 48 hours' -> span 48 h)."""
    if text is None or not text.strip():
        return WindowInfo(text=text, kind="event", label="the event")
    if _any_other_period().search(text) or _YEAR.search(text):  # 'a decade ago', 'hace diez años', 'In 1995'
        return WindowInfo(text=text, kind="before", anchor="before", label="another period")
    t = fold(text, drop_article=False)
    hours = _span_hours(t)
    if _BEFORE.search(t):
        label = f"{_hours_label(hours)} before the event" if hours else "before the event"
        return WindowInfo(text=text, kind="before", hours=hours, anchor="before", label=label)
    days = [d for d in WEEKDAYS if re.search(rf"\b{d}\b", t)]
    if hours is not None:
        return WindowInfo(text=text, kind="span", hours=hours, label=_hours_label(hours))
    if len(days) >= 2:
        span = 24.0 * len(days)
        label = " + ".join(d.title() for d in days)
        return WindowInfo(text=text, kind="span", hours=span, anchor=days[-1], label=label)
    if len(days) == 1:
        return WindowInfo(text=text, kind="day", hours=24.0, anchor=days[0], label=days[0].title())
    for rel in _RELATIVE_DAYS:
        if rel in t:
            return WindowInfo(text=text, kind="day", hours=24.0, anchor=rel, label=rel)
    return WindowInfo(text=text, kind="unknown", label=text.strip())


def _span_hours(t: str) -> float | None:
    words = t.split()
    for i, word in enumerate(words):
        unit = word[:-1] if word.endswith("s") and word[:-1] in _UNIT_HOURS else word
        if unit not in _UNIT_HOURS or i == 0:
            continue
        count = _count_before(words, i)
        if count is not None:
            return count * _UNIT_HOURS[unit]
    bare = _BARE_SPAN.search(t)
    if bare:
        return _UNIT_HOURS[bare.group(1)]
    return None


def _count_before(words: list[str], i: int) -> float | None:
    """The count right before word i: '48', 'twenty four' (two words), 'two', 'a few'."""
    if i >= 2 and not words[i - 2].isdigit():
        two = word_number_value(f"{words[i - 2]} {words[i - 1]}")
        if two is not None:
            return float(two)
    word = words[i - 1]
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    value = word_number_value(word)
    if value is not None:
        return float(value)
    return float(_DURATION_WORDS[word]) if word in _DURATION_WORDS else None


def _hours_label(hours: float) -> str:
    if hours >= 8760 and hours % 8760 == 0:
        n = int(hours // 8760)
        return "1 year" if n == 1 else f"{n} years"
    if hours >= 168 and hours % 168 == 0:
        n = int(hours // 168)
        return "1 week" if n == 1 else f"{n} weeks"
    return f"{hours:g} h"


def same_window(a: WindowInfo, b: WindowInfo) -> bool:
    if a.kind == "unknown" or b.kind == "unknown":
        return a.kind == b.kind and fold(a.text) == fold(b.text)
    if a.kind == "before" or b.kind == "before":
        return a.kind == b.kind and a.hours == b.hours
    dayish = {"event", "day"}
    if a.kind in dayish and b.kind in dayish:
        return a.anchor is None or b.anchor is None or a.anchor == b.anchor
    if a.kind == "span" and b.kind == "span":
        assert a.hours is not None and b.hours is not None
        return abs(a.hours - b.hours) <= 0.1 * max(a.hours, b.hours)
    span = a if a.kind == "span" else b
    assert span.hours is not None
    return span.hours <= 26.0


def other_period(window: str | None) -> bool:
    """A window that is not the event's own: before it ('a day earlier'), or a background total longer than a week
    ('over the past year')."""
    info = parse_window(window)
    return info.kind == "before" or (info.hours is not None and info.kind == "span" and info.hours > CONTEXT_HOURS)


# --- finding the window of a number ------------------------------------------------------------------------------

_WEEKDAYS = WEEKDAY_PATTERN
_NUM_WORD = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
             r"forty-eight|seventy-two|several|few)")
# an age is no window: 'six children, from nine months to 11 years old', 'a man 30 years old'
_NO_AGE = r"(?!(?:\s+to\s+[\w-]+\s+(?:months?|years?))?[\s-]+old\b)"
_WINDOW_RE = re.compile(
    rf"(?:a|one)\s+day\s+(?:before|earlier|after|later)|(?:(?:over|in|during|within|across|for)\s+)?(?:a\s+span\s+of\s+|the\s+(?:past|last|previous|preceding)\s+|"
    rf"the\s+)?(?:roughly\s+|about\s+|nearly\s+|around\s+|some\s+)?{_NUM_WORD}\s+(?:hours?|days?|weeks?|months?|years?)"
    rf"\b{_NO_AGE}"
    rf"|(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:hours?|days?|week|month|year)"
    rf"|(?:early|late)?\s*(?:on\s+)?{_WEEKDAYS}(?:\s+(?:and|or)\s+{_WEEKDAYS})?(?:\s+(?:alone|morning|night|evening|afternoon))?"
    rf"|a\s+day\s+(?:before|earlier|after|later)|(?:earlier|later)\s+(?:in\s+the|this|that)\s+week"
    rf"|yesterday|today|last\s+night|overnight",
    re.IGNORECASE,
)


# a year (not part of a longer number): in a window only when the article names a later one (`_other_period_near`)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d]|[.,]\d)")
_CLAUSE_BREAK = re.compile(r"[;—]|,(?!\d)")  # not the comma of '1,400'
# what sets off a year as a time of its own: a preposition of time, maybe with a month between ('in 1977', 'en octobre
# 2018', 'In September 1966'), not a date with its day ('on 29 October 2020', 'le 16 décembre 2018')
_PAST_YEAR = re.compile(r"(?i:\b(?:in|en|im|nel|em|del|de|von|of)\s+(?:[^\W\d_]+\s+)?)$")
_OPENING_WORDS = 8  # a sentence's opening phrase up to its first comma, of at most this many words, frames it all


def _any_of(patterns: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


@per_lexicon
def _other_periods(lx: Lexicon) -> re.Pattern[str]:
    return _any_of(lx.other_periods)


@per_lexicon
def _other_events(lx: Lexicon) -> re.Pattern[str]:
    return _any_of(lx.other_events)


@cache
def _any_other_period() -> re.Pattern[str]:
    """Every language's phrases of another period: a window as written, read in any language."""
    return _any_of([p for lx in lexicons().values() for p in (*lx.other_periods, *lx.other_events)])


@lru_cache(maxsize=4)
def _latest_year(text: str) -> int | None:
    """The latest year an article names (once per article, not once per number)."""
    return max((int(m.group(0)) for m in _YEAR.finditer(text)), default=None)


LEAD_SENTENCES = 3  # the headline and the first sentences: what the article is about; a year they name is its own


@lru_cache(maxsize=4)
def _lead_years(text: str) -> frozenset[int]:
    """The years an article's headline and first sentences name (once per article)."""
    lead = split_sentences(text)[:LEAD_SENTENCES]
    return frozenset(int(m.group(0)) for s in lead for m in _YEAR.finditer(s.text))


def _other_period_near(text: str, chunk: str, clause: tuple[int, int], at: int, lx: Lexicon | None) -> str | None:
    """A phrase of another period that frames the figure of `clause`: in that clause, or opening its sentence
    ('Just over a decade ago, a quake ... killed about 75,000'; 'In August 1995, two trains collided ..., killing
    358'). A year counts when the article names a later one ('en juin 2010' in a report of 'octobre 2015')."""
    spans = [clause, *_main_clause(chunk, clause, lx), *_closing_phrases(chunk, clause)]
    start = 0  # the short phrases a sentence opens with, each up to its comma ('According to state media, in 1970,'),
    # unless a semicolon starts a sentence of its own ('...; the 2004 quake killed 300')
    for brk in _CLAUSE_BREAK.finditer(chunk, 0, clause[0] if ";" not in chunk[: clause[0]] else 0):
        if len(chunk[start : brk.start()].split()) > _OPENING_WORDS:
            break
        spans.append((start, brk.start()))
        start = brk.end()
    patterns = (_other_periods(lx), _other_events(lx)) if lx is not None else ()  # periods first
    latest = _latest_year(text)
    for start, end in spans:
        found = next((m for p in patterns if (m := p.search(chunk, start, end)) is not None), None)
        if found is not None:
            return re.sub(r"\s+", " ", found.group(0).strip())
        # the year nearest the figure: the latest the article names is the event's own ('Le bilan du 4 octobre 2015
        # reste en deçà de celui de juin 2010 où ... 25 morts': 2010 frames the 25)
        for year in sorted(_YEAR.finditer(chunk, start, end), key=lambda y: abs(y.start() - at))[:1]:
            if latest is None or (int(year.group(0)) >= latest
                                  and (int(year.group(0)) in _lead_years(text) or not _past_year(chunk, year.start()))):
                # the event's own year; not one the lead never names, set off as a time before ('It was the deadliest
                # fire since 164 people were killed ... in 1977', 'en octobre 2018', 'In 1966, ...')
                return None
            before = chunk[start : year.start()].split()[-2:]  # 'In August 1995', 'de juin 2010'
            while before and re.search(r"\d", before[0]):
                before.pop(0)  # 'killed more than 1,400 in 1974': not the figure
            return " ".join([*before, year.group(0)])
    return None


def _closing_phrases(chunk: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """The short phrases a sentence ends with after the figure's clause, each between commas and of at most
    `_OPENING_WORDS` words ('... since 164 people were killed at a supper club in Southgate, Ky., in 1977.')."""
    stop = len(chunk.rstrip(" .!?\n"))
    spans: list[tuple[int, int]] = []
    for brk in reversed(list(_CLAUSE_BREAK.finditer(chunk, clause[1], stop))):
        phrase = chunk[brk.end() : stop]
        if brk.group(0) != "," or len(phrase.split()) > _OPENING_WORDS or _holds_count(phrase):
            break  # ', where militants last month killed 65 people': a clause of its own figure
        spans.append((brk.end(), stop))
        stop = brk.start()
    return spans


def _holds_count(phrase: str) -> bool:
    """Whether a phrase holds a count: digits that are no year, or an English number word."""
    return re.search(r"\d", _YEAR.sub("", phrase)) is not None \
        or any(word_number_value(w.strip(",.;:").casefold()) is not None for w in phrase.split())


def _main_clause(chunk: str, clause: tuple[int, int], lx: Lexicon | None) -> list[tuple[int, int]]:
    """The clause before the figure's, when the figure's opens with a participle after a comma ('Un camion avait
    explosé au même endroit en octobre 2018, faisant plus de 50 morts'): it frames the participle's figures."""
    first = chunk[clause[0] : clause[1]].split()[:1]
    if lx is None or not first or clause[0] == 0 or not first[0].casefold().endswith(lx.participle_endings):
        return []
    lefts = [b.end() for b in _CLAUSE_BREAK.finditer(chunk, 0, max(0, clause[0] - 1))]
    return [(lefts[-1] if lefts else 0, clause[0])]


def _past_year(chunk: str, at: int) -> bool:
    """Whether the year at `at` is set off as a time of its own (`_PAST_YEAR`), not a date with its day."""
    before = chunk[max(0, at - 40) : at]
    return _PAST_YEAR.search(before) is not None and not re.search(r"\d", " ".join(before.split()[-3:]))


def window_near(text: str, sentence: Sentence, position: int, lx: Lexicon | None = None) -> str | None:
    """The time phrase of the sentence closest to `position` ('on Saturday', 'in the past 48 hours'); a phrase of
    another period that frames it first ('a decade ago', `lx`'s `other_periods`, an earlier year)."""
    chunk = text[sentence.start : sentence.end]
    rel = position - sentence.start
    lefts = [b.end() for b in _CLAUSE_BREAK.finditer(chunk, 0, rel)]
    right = _CLAUSE_BREAK.search(chunk, rel)
    clause = (lefts[-1] if lefts else 0, right.start() if right else len(chunk))
    other = _other_period_near(text, chunk, clause, rel, lx)
    if other is not None:
        return other
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
