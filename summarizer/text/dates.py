"""Dates: the article's own dateline or publication date, and relative days resolved against it (never guessed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from summarizer.lang import Lexicon, per_lexicon
from summarizer.text.calendar import MONTH_PATTERN_TITLE, WEEKDAYS, month_number

_MONTH = rf"(?P<month>{MONTH_PATTERN_TITLE})\.?"
# a year may run into the next word ('August 3, 2014Chinese officials': a page's date line glued to its text)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?")
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
# numbers only: with dots always day first ('09.07.2023'); with slashes only in a day-first language ('18/11/2019')
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?!\d)")
_SLASHED = re.compile(r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)(?!\d)")
_END = r"(?=[\s,.;:!?)\]'\"’”-]|$)"
_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Za-z.'’ -]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'’ ]{1,30})?(?:,[ \t]*" + _MONTH
    + r"\s+\d{1,2}(?:,\s*\d{4})?)?(?:[ \t]*\((?P<agency>[A-Za-z ]{2,30})\))?)[ \t]*[–—:-][ \t]+\S",
    re.MULTILINE,
)
_AGENCIES = ["Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "Xinhua", "Anadolu",
             "PTI", "ANI", "dpa", "EFE", "UPI", "IANS", "APP", "BBC", "CNN", "Al Jazeera"]


@dataclass(frozen=True)
class FoundDate:
    value: date | None
    month: int
    day: int
    start: int
    end: int


def _month(text: str) -> int:
    return month_number(text)


@per_lexicon
def _lexicon_dates(lx: Lexicon) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A language's '17 novembre 2019', '17 de noviembre de 2019', '17. November', '1 जुलाई 2023' (day first), and
    its month names -> numbers; None for a language without a calendar (English's is the patterns above)."""
    if len(lx.months) != 12:
        return None
    names = {form: i + 1 for i, forms in enumerate(lx.months) for form in forms}
    months = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    suffix = rf"(?:{'|'.join(re.escape(x) for x in lx.day_suffixes)})?" if lx.day_suffixes else ""
    joiner = rf"(?:(?:{'|'.join(re.escape(j) for j in lx.date_joiners)})\s+)?" if lx.date_joiners else ""
    pattern = re.compile(rf"(?<![\w.])(?P<day>\d{{1,2}}){suffix}\s*{joiner}(?P<month>{months}){_END}"
                         rf"(?:,?\s*{joiner}(?P<year>(?:19|20)\d\d)(?!\d))?", re.IGNORECASE)
    return pattern, names


def _found(m: re.Match[str], month: int) -> FoundDate:
    day, year = int(m.group("day")), m.group("year")
    value = None
    if year and 1 <= day <= 31:
        try:
            value = date(int(year), month, day)
        except ValueError:
            value = None
    return FoundDate(value, month, day, m.start(), m.end())


def find_dates(text: str, lx: Lexicon | None = None) -> list[FoundDate]:
    """Every date the text writes: English month names, ISO dates, day-first numbers with dots, and, given the
    article's lexicon, its own month names and day-first numbers with slashes."""
    found: list[FoundDate] = []
    numeric = [_DOTTED, *([_SLASHED] if lx is not None and lx.day_first else [])]
    for pattern in numeric:
        for m in pattern.finditer(text):
            if 1 <= int(m.group("month")) <= 12:
                found.append(_found(m, int(m.group("month"))))
    own = _lexicon_dates(lx) if lx is not None and lx.code != "en" else None
    if own is not None:
        pattern, names = own
        for m in pattern.finditer(text):
            found.append(_found(m, names[m.group("month").casefold()]))
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            found.append(_found(m, _month(m.group("month"))))
    for m in _ISO.finditer(text):
        try:
            found.append(FoundDate(date(int(m.group("year")), int(m.group("month")), int(m.group("day"))),
                                   int(m.group("month")), int(m.group("day")), m.start(), m.end()))
        except ValueError:
            continue
    return sorted(found, key=lambda d: d.start)


@dataclass(frozen=True)
class Header:
    dateline: str | None
    dateline_start: int | None
    published: date | None
    outlet: str | None
    title: str | None


def read_header(text: str, head_chars: int = 600, lx: Lexicon | None = None) -> Header:
    """Dateline, publication date, outlet and title, from the top of the article only (dates also in the language
    of `lx`)."""
    head = text[:head_chars]
    dateline = None
    dateline_start = None
    m = _DATELINE.search(head)
    if m:
        dateline, dateline_start = m.group("dateline").strip(), m.start("dateline")
    outlet = None
    agency = re.search(r"\((?P<a>" + "|".join(re.escape(a) for a in _AGENCIES) + r")\)", head)
    by = re.search(r"\bBy\s+(?:Thomson\s+)?(?P<a>" + "|".join(re.escape(a) for a in _AGENCIES) + r")\b", head)
    if agency:
        outlet = agency.group("a")
    elif by:
        outlet = by.group("a")
    published = None
    dates = find_dates(head, lx)
    full = [d.value for d in dates if d.value is not None]
    if full:
        published = full[0]
    elif dateline:
        partial = find_dates(dateline, lx)
        years = {d.value.year for d in dates if d.value}
        if partial and len(years) == 1:
            published = date(years.pop(), partial[0].month, partial[0].day)
    return Header(dateline, dateline_start, published, outlet, _title(text))


def _title(text: str) -> str | None:
    lines = text.split("\n")
    for i, line in enumerate(lines[:6]):
        candidate = line.strip()
        if len(candidate.split()) < 4:
            continue
        following = next((n.strip() for n in lines[i + 1 :] if n.strip()), "")
        if following[:1].islower():
            return None
        if len(candidate) <= 160 and not candidate.endswith((".", ":", "?", "!")) and not _DATELINE.match(candidate):
            return candidate
        return None
    return None


def weekday_names(lx: Lexicon | None) -> list[tuple[str, ...]]:
    """Each weekday's names, Monday first: English's and the language's own."""
    own = lx.weekdays if lx is not None and len(lx.weekdays) == 7 else ((),) * 7
    return [(english, *forms) for english, forms in zip(WEEKDAYS, own, strict=True)]


_UNSPACED = re.compile(r"[\u0900-\u0DFF\u0600-\u06FF]")  # scripts whose vowel signs break \\b (Indic, Arabic)


def _find_word(text: str, word: str) -> tuple[int, int] | None:
    """Where `word` stands in `text`, case ignored: as a whole word, or anywhere in a script whose marks break word
    ends."""
    edge_before, edge_after = ("", "") if _UNSPACED.search(word) else (r"(?<!\w)", r"(?!\w)")
    m = re.search(rf"{edge_before}{re.escape(word)}{edge_after}", text, re.IGNORECASE)
    return m.span() if m else None


def first_weekday(text: str, lx: Lexicon | None) -> tuple[int, int] | None:
    """Where the first weekday name, English's or the language's own, stands in `text` (the longest name at one
    place: 'segunda-feira', not 'segunda'); None when none does."""
    spans = [found for forms in weekday_names(lx) for name in forms if (found := _find_word(text, name)) is not None]
    return min(spans, key=lambda s: (s[0], -s[1])) if spans else None


def _says(text: str, word: str) -> bool:
    return _find_word(text, word) is not None


def resolve_day(words: str, reference: date | None, lx: Lexicon | None = None) -> tuple[date | None, str]:
    """Resolve 'on Saturday' / 'Jan 31' / 'dimanche 17 novembre' against the reference date. Returns (date,
    basis)."""
    explicit = find_dates(words, lx)
    if explicit:
        d = explicit[0]
        if d.value is not None:
            return d.value, "explicit"
        if reference is not None:
            return date(reference.year, d.month, d.day), "dateline"
        return None, "unresolved"
    if reference is None:
        return None, "unresolved"
    yesterday = ("yesterday", "last night", *(lx.yesterday if lx is not None else ()))
    today = ("today", *(lx.today if lx is not None else ()))
    if any(_says(words, w) for w in yesterday):
        return reference - timedelta(days=1), "dateline"
    if any(_says(words, w) for w in today):
        return reference, "dateline"
    for i, names in enumerate(weekday_names(lx)):
        if any(_says(words, name) for name in names):
            back = (reference.weekday() - i) % 7
            return reference - timedelta(days=back), "dateline"
    return None, "unresolved"


def ground_date(words: str, text: str, lx: Lexicon | None) -> tuple[int, int] | None:
    """Where the article states the date a model wrote in English ('November 17, 2019' for 'dimanche 17
    novembre', 'Wednesday' for 'el miércoles'): the span of the article's own words, or None when it states no such
    date. A date must agree in month and day (and year, when both give one)."""
    said = find_dates(words)
    if said:
        want = said[0]
        for d in find_dates(text, lx):
            if (d.month, d.day) == (want.month, want.day) and (
                    want.value is None or d.value is None or d.value == want.value):
                return d.start, d.end
        return None
    relative = [("yesterday", *(lx.yesterday if lx else ())), ("today", *(lx.today if lx else ()))]
    for names in [*weekday_names(lx), *relative]:
        if not _says(words, names[0]):
            continue
        for name in names:
            found = _find_word(text, name)
            if found is not None:
                return found
    return None
