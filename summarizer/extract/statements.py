"""Statements read by code: which sentence claims, accuses, denies or condemns, who does it and about what.

When the grammar of the sentence does not name the speaker, the pipeline asks the model (see `pipeline.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.contract.event import StatementKind
from summarizer.lang import english
from summarizer.text.clauses import main_subject, subject_before
from summarizer.text.names import fold

_NP = r"[^,.;:“”]{2,70}?"


@dataclass(frozen=True)
class Reading:
    kind: StatementKind
    by: str | None
    about: str | None


_ACTIVE: dict[StatementKind, str] = {
    "claim_of_responsibility": r"(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claiming|took|takes|has\s+taken)\s+"
                               r"(?:responsibility|credit)",
    "accusation": r"accus(?:es|ed|ing)|alleg(?:es|ed|ing)|blam(?:es|ed|ing)|assert(?:s|ed|ing)",
    "denial": r"den(?:ies|ied|y)|reject(?:s|ed)|refut(?:es|ed)|dismiss(?:es|ed)",
    "condemnation": r"condemn(?:s|ed)|denounc(?:es|ed)",
}
_ABOUT: dict[StatementKind, re.Pattern[str]] = {
    "claim_of_responsibility": re.compile(rf"(?:responsibility|credit)\s+for\s+(?P<x>{_NP})(?=[,.;:]|$)"),
    "accusation": re.compile(rf"(?:backed|sponsored|supported)\s+by\s+(?P<x>{_NP})(?=[,.;:]|$)|"
                             rf"support\s+from\s+(?P<y>{_NP})(?=[,.;:–]|$)|links\s+to\s+(?P<z>{_NP})(?=[,.;:]|$)|"
                             rf"accus\w*\s+(?P<w>{_NP})\s+of\b|blam\w*\s+(?P<v>{_NP})(?=\s+for\b|[,.;:]|$)"),
    "denial": re.compile(rf"(?:den\w*|reject\w*|refut\w*|dismiss\w*)\s+(?P<x>(?:the|a|an|all|these|those)\s+{_NP})"
                         r"(?=[,.;:]|$|\s+as\b)"),
    "condemnation": re.compile(rf"(?:condemn\w*|denounc\w*)\s+(?P<x>{_NP})(?=[,.;:]|$|\s+(?:in|and|as)\b)"),
}
_PASSIVE_BY = re.compile(rf"\b(?:denied|rejected|refuted|condemned)\s+by\s+(?P<x>{_NP})(?=[,.;:]|$)")
_LEAD_LOWER = re.compile(r"^(?:[a-z][\w’'-]*\s+)+(?=[A-Z])")

def _subject(text: str, verb_start: int) -> str | None:
    participle = main_subject(text, verb_start)
    if participle is not None:
        return participle
    who = subject_before(text, verb_start, skip_apposition=True)[1].strip(" ,;“”\"'")
    if re.search(r"\b[A-Z]", who):
        who = _LEAD_LOWER.sub("", who)  # 'charges India' -> 'India', 'a claim New Delhi' -> 'New Delhi'
    words = who.split()
    if not words or len(words) > 9 or who.lower() in {"it", "he", "she", "they", "this", "which", "who"}:
        return None
    return who


def _about(kind: StatementKind, text: str) -> str | None:
    m = _ABOUT[kind].search(text)
    if not m:
        return None
    value = next((g for g in m.groups() if g), None)
    return value.strip() if value else None


def _not_made(text: str, verb_start: int, by: str | None) -> bool:
    """'No one has claimed responsibility', 'The group did not claim it': a statement denied by its own words."""
    en = english()
    if by is not None and any(fold(by) == w or fold(by).startswith(w + " ") for w in en.no_speakers):
        return True
    before = " ".join(text[max(0, verb_start - 40) : verb_start].split()[-4:]).casefold()
    before = re.sub(r"n[’']t\b", " not", before)  # 'didn't' -> 'did not'
    return any(re.search(rf"\b{re.escape(w)}\b", before) for w in en.negations)


def read_statements(text: str) -> list[Reading]:
    """Every statement a sentence holds, with speaker and topic when the grammar gives them."""
    found: list[Reading] = []
    for kind, verbs in _ACTIVE.items():
        for m in re.finditer(rf"\b(?:{verbs})\b", text, re.IGNORECASE):
            if kind == "accusation" and m.group(0).lower().startswith("assert") and not re.search(
                    r"support|backed|sponsor|links?\s+to|behind|responsib", text[m.end() : m.end() + 80]):
                continue
            by = _subject(text, m.start())
            if _not_made(text, m.start(), by):
                break
            found.append(Reading(kind, by, _about(kind, text)))
            break
    passive = _PASSIVE_BY.search(text)
    if passive:
        passive_kind: StatementKind = "denial" if passive.group(0).lower().startswith(("den", "rej", "ref")) \
            else "condemnation"
        found = [r for r in found if r.kind != passive_kind]
        found.append(Reading(passive_kind, passive.group("x").strip(), None))
    if re.search(r"\b(?:is|are|was|were)\s+(?:backed|sponsored|supported)\s+by\b|-sponsored\b", text) and not any(
            r.kind == "accusation" for r in found):
        says = re.search(r"\b(?:says|said|alleged|asserted|claims|insists)\b", text)
        found.append(Reading("accusation", _subject(text, says.start()) if says else None, _about("accusation", text)))
    return found
