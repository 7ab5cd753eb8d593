"""Dates: the article's own dateline or publication date, and relative days resolved against it (never guessed)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from summarizer.text.calendar import MONTH_PATTERN_TITLE, WEEKDAYS, month_number

_MONTH = rf"(?P<month>{MONTH_PATTERN_TITLE})\.?"
# a year may run into the next word ('August 3, 2014Chinese officials': a page's date line glued to its text)
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?")
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR})?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
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


def find_dates(text: str) -> list[FoundDate]:
    found: list[FoundDate] = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        for m in pattern.finditer(text):
            month, day = _month(m.group("month")), int(m.group("day"))
            year = m.group("year")
            value = None
            if year and 1 <= day <= 31:
                try:
                    value = date(int(year), month, day)
                except ValueError:
                    value = None
            found.append(FoundDate(value, month, day, m.start(), m.end()))
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


def read_header(text: str, head_chars: int = 600) -> Header:
    """Dateline, publication date, outlet and title, from the top of the article only."""
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
    dates = [d for d in find_dates(head)]
    full = [d.value for d in dates if d.value is not None]
    if full:
        published = full[0]
    elif dateline:
        partial = find_dates(dateline)
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


def resolve_day(words: str, reference: date | None) -> tuple[date | None, str]:
    """Resolve 'on Saturday' / 'Jan 31' against the reference date. Returns (date, basis)."""
    lowered = words.lower()
    explicit = find_dates(words)
    if explicit:
        d = explicit[0]
        if d.value is not None:
            return d.value, "explicit"
        if reference is not None:
            return date(reference.year, d.month, d.day), "dateline"
        return None, "unresolved"
    if reference is None:
        return None, "unresolved"
    if "yesterday" in lowered or "last night" in lowered:
        return reference - timedelta(days=1), "dateline"
    if "today" in lowered:
        return reference, "dateline"
    for i, name in enumerate(WEEKDAYS):
        if name in lowered:
            back = (reference.weekday() - i) % 7
            return reference - timedelta(days=back), "dateline"
    return None, "unresolved"
