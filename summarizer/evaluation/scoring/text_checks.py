"""Cheap deterministic checks of free text: which numbers a text states, and which it invents.

A number counts as stated by the article when it appears in digits ("67", "1,200") or in words ("eleven",
"twenty-four", "two dozen", "one hundred and eight"). Dates and years are left out of generated text before
checking: a resolved date is not a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.text.calendar import MONTH_PATTERN
from summarizer.text.names import fold
from summarizer.text.parse import SCALES as _SCALES
from summarizer.text.parse import TENS as _TENS
from summarizer.text.parse import UNITS as _UNITS
from summarizer.text.parse import stated_values

_MONTH = MONTH_PATTERN
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b\.?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\b\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\b\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\b(?:19|20)\d{2}\b)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?:\.\d+)?")
_WORD = re.compile(r"[a-z]+")


def _canonical(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _digit_numbers(text: str) -> list[str]:
    return [_canonical(float(m.group().replace(",", ""))) for m in _DIGITS.finditer(text)]


def _joins(word: str, following: str, in_number: bool) -> bool:
    """'a' in 'a dozen' and 'and' in 'one hundred and eight' belong to the number."""
    if word == "a":
        return not in_number and following in _SCALES
    return word == "and" and in_number and (following in _UNITS or following in _TENS)


def _word_numbers(text: str, *, parts_too: bool) -> list[str]:
    """Values of number-word phrases; with parts_too, also of each word alone (the article side is generous)."""
    found: list[str] = []
    total = current = 0
    in_number = False

    def flush() -> None:
        nonlocal total, current, in_number
        if in_number:
            found.append(_canonical(total + current))
        total = current = 0
        in_number = False

    words = _WORD.findall(text.lower().replace("-", " "))
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _UNITS or word in _TENS:
            value = _UNITS.get(word, _TENS.get(word, 0))
            if parts_too:
                found.append(_canonical(value))
            current += value
            in_number = True
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            in_number = True
        elif _joins(word, following, in_number):
            continue
        else:
            flush()
    flush()
    return found


def article_numbers(article: str) -> set[str]:
    """Every number the article states, in digits or words (years and dates included).

    One is always stated: "an official was abducted" is a figure of 1 without the word.
    """
    stated = {str(value) for value in stated_values(article)}  # number words of the article's own language
    return {"1"} | set(_digit_numbers(article)) | set(_word_numbers(article, parts_too=True)) | stated


def text_numbers(text: str) -> list[str]:
    """Numbers a generated text states, dates and years left out; in order, repeats kept."""
    stripped = _DATE.sub(" ", text)
    return _digit_numbers(stripped) + _word_numbers(stripped, parts_too=False)


def invented_numbers(texts: Iterable[str], values: Iterable[int | None], article: str) -> list[str]:
    """Numbers in `texts` and casualty `values` that the article does not contain (each distinct once)."""
    known = article_numbers(article)
    claimed = [n for t in texts for n in text_numbers(t)] + [str(v) for v in values if v is not None]
    invented: list[str] = []
    for number in claimed:
        if number not in known and number not in invented:
            invented.append(number)
    return invented


def mentions(text: str, variants: Iterable[str]) -> bool:
    """Does `text` name any of the variants (whole words, case and punctuation ignored)?"""
    haystack = f" {fold(text)} "
    return any(f" {fold(v)} " in haystack for v in variants if fold(v))
