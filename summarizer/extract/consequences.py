"""Consequences found by code: a sentence names the thing affected and what happened to it."""

from __future__ import annotations

import re

from summarizer.contract.event import Consequence, ConsequenceKind, Where
from summarizer.text.grounding import span
from summarizer.text.parse import Sentence

_RULES: list[tuple[ConsequenceKind, re.Pattern[str]]] = [
    ("jail_break", re.compile(r"(?:jail|prison)\w*.{0,80}(?:escap|freed|break|broke|stormed|attack)|"
                              r"(?:escap\w*|freed|free)\b.{0,60}(?:inmates|prisoners|jail|prison)|"
                              r"(?:inmates|prisoners).{0,40}escap", re.IGNORECASE)),
    ("abduction", re.compile(r"\b(?:abduct\w*|kidnap\w*|taken hostage|held hostage|in the custody of)\b",
                             re.IGNORECASE)),
    ("transport_suspension", re.compile(
        r"(?:train|rail\w*|flight|airport|road|highway|traffic|bus(?:es)?)\b.{0,60}"
        r"(?:suspend|halt|block|clos|shut|cancel|restrict|stopp)\w*|"
        r"(?:suspend|halt|block|clos|shut|cancel|restrict|stopp)\w*.{0,40}(?:train|rail\w*|flight|road|highway|"
        r"traffic)", re.IGNORECASE)),
    ("internet_suspension", re.compile(
        r"(?:internet|mobile|cellular|phone|telecom)\w*.{0,60}(?:suspend|shut|block|cut|down|restrict)\w*|"
        r"(?:suspend|shut|block|cut)\w*.{0,40}(?:internet|mobile (?:data|service))", re.IGNORECASE)),
    ("curfew", re.compile(r"\bcurfew\b", re.IGNORECASE)),
    ("emergency", re.compile(r"\bemergency\b.{0,40}(?:declar|impos|footing)|(?:declar|impos)\w*.{0,30}\bemergency"
                             r"|\bemergency footing\b|state of emergency", re.IGNORECASE)),
]


def detect_consequences(text: str, sentences: list[Sentence], where: Where) -> list[Consequence]:
    found: list[Consequence] = []
    for sentence in sentences:
        for kind, pattern in _RULES:
            if not pattern.search(sentence.text):
                continue
            place = next((p.name for p in where.places
                          if any(re.search(rf"\b{re.escape(s)}\b", sentence.text) for s in p.spellings)), None)
            if any(c.kind == kind and (c.place == place or place is None or c.place is None) for c in found):
                continue  # the same consequence told again
            found.append(Consequence(kind=kind, description=sentence.text[:300], place=place,
                                     evidence=span(text, sentence.start, sentence.end)))
    return found
