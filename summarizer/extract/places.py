"""Place names found by code next to place words ('in X district', 'the city of X', 'X, Y and Z districts').

They complement the model's list: small models name the main cities and miss the rest of a long list.
Only places in sentences where something happened are kept.
"""

from __future__ import annotations

import re

from summarizer.text.calendar import MONTHS, WEEKDAYS
from summarizer.text.names import fold, is_country_name
from summarizer.text.parse import Sentence

_NAME = r"[A-Z][a-z’'-]{2,}(?:[ -][A-Z][a-z’'-]{2,})?"
_LIST = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?"
_PATTERNS = [
    re.compile(rf"\b(?:[Ii]n|at|near|outside|around)\s+(?:the\s+)?(?P<names>{_LIST})\s+"
               r"(?:districts?|city|town|village|area|jail|prison|camp)\b"),
    re.compile(rf"\b(?:districts?|cities|towns|villages)\s+of\s+(?P<names>{_LIST})"),
    re.compile(rf"\b(?:city|town|village|capital|port)(?:\s+city)?,?\s+(?:of\s+)?(?P<names>{_NAME})\b"),
    re.compile(rf"\b(?:locations|cities|towns|areas|districts|places),?\s+including\s+(?P<names>{_LIST})"),
    re.compile(rf"\bon\s+(?:the\s+)?(?P<names>{_NAME})\s+(?:jail|prison)\b"),
    re.compile(rf"\b(?:[Ii]n|at|near)\s+(?P<names>{_NAME})(?=[,.;]|\s+(?:after|where|when|on|and)\b)"),
]
# Words of a sentence in which something happened (also what makes a sentence an incident, see pipeline).
EVENT_WORDS = re.compile(r"attack|assault|kill|blast|explo|bomb|clash|storm|raid|gunfire|grenade|abduct|kidnap|jail|"
                         r"prison|dead|injur|wound|casualt|suspend|shot|fire|fight|escap|seiz|overr|target|violence|"
                         r"operation", re.IGNORECASE)
_CALENDAR = "|".join(w.title() for w in (*WEEKDAYS, *MONTHS))
_NOT_PLACES = re.compile(r"^(?:" + _CALENDAR + r"|The|This|That|These|"
                         r"Those|Meanwhile|Security|Officials|Police|Some|Other|Other attacks|According|Among|"
                         r"Earlier|Later|However|While|After|Before|During|Armed|Insurgents|Militants)$")

_CALENDAR_AFTER = re.compile(rf"\s+(?:{_CALENDAR})$")


def find_places(sentences: list[Sentence], exclude: list[str]) -> list[str]:
    """Place names in order of first mention, without the excluded names (country, region)."""
    excluded = {fold(x) for x in exclude if x}
    found: list[str] = []
    for sentence in sentences:
        if not EVENT_WORDS.search(sentence.text):
            continue
        for pattern in _PATTERNS:
            for m in pattern.finditer(sentence.text):
                for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("names")):
                    name = _CALENDAR_AFTER.sub("", name.strip())  # 'in Syria Saturday'
                    if (not name or _NOT_PLACES.match(name) or fold(name) in excluded or is_country_name(name)
                            or name in found or name.endswith("’s")):
                        continue
                    found.append(name)
    return found


_UNIT_WORDS = r"(?:district|county|area|city|town|village|tehsil|municipality|township|neighbou?rhood)"


def containing_region(text: str, names: list[str]) -> str | None:
    """The one name that holds the others and is held by none ('Banjar in Kullu district of Himachal Pradesh' ->
    Himachal Pradesh): the region the model listed as a place. A name the article writes with a local unit word
    ('Kullu district') is a place, never the region; None when no single name holds the rest."""
    names = list(dict.fromkeys(n.strip() for n in names if n.strip() and not is_country_name(n.strip())))

    def holds(outer: str, inner: str) -> bool:
        return bool(re.search(rf"\b{re.escape(inner)}(?:\s+{_UNIT_WORDS})?\s*(?:,|\bof\b|\bin\b)\s+"
                              rf"(?:the\s+)?{re.escape(outer)}\b", text))

    outer = [n for n in names
             if not re.search(rf"\b{re.escape(n)}\s+{_UNIT_WORDS}\b", text, re.IGNORECASE)
             and any(holds(n, other) for other in names if other != n)
             and not any(holds(other, n) for other in names if other != n)]
    return outer[0] if len(outer) == 1 else None
