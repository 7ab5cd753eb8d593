"""English calendar words, written once: weekdays and months (with their abbreviations), as lists and patterns.

Dates, time windows, the number reader (a number after a month is a date), places and actors (a weekday is
neither) all read them from here.
"""

from __future__ import annotations

WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                           "october", "november", "december")

WEEKDAY_PATTERN = "(?:" + "|".join(WEEKDAYS) + ")"
"""Any weekday, whole word expected around it; compile with re.IGNORECASE."""

_MONTH_FORMS = ("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
                "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?")
MONTH_PATTERN = "(?:" + "|".join(_MONTH_FORMS) + ")"
"""Any month, full or abbreviated ('Sept'); compile with re.IGNORECASE."""
MONTH_PATTERN_TITLE = "(?:" + "|".join(form[0].upper() + form[1:] for form in _MONTH_FORMS) + ")"
"""A month written with its capital ('May 5', never 'may'): case-sensitive."""
WEEKDAY_PATTERN_TITLE = "(?:" + "|".join(day.title() for day in WEEKDAYS) + ")"
"""A weekday written with its capital: case-sensitive."""


def month_number(word: str) -> int:
    """'Sept' -> 9, 'december' -> 12 (the first three letters decide)."""
    return [m[:3] for m in MONTHS].index(word[:3].lower()) + 1


def weekday_index(word: str) -> int | None:
    """'Saturday' -> 5 (Monday is 0), None for any other word."""
    lowered = word.lower()
    return WEEKDAYS.index(lowered) if lowered in WEEKDAYS else None
