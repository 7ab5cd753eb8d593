"""Names the model writes in Latin letters, found in an article of another script by how they sound.

The model reads a Hindi or Urdu article and answers in English: 'Maharashtra' for महाराष्ट्र, 'Nagpur' for नागपुर.
Such a name is found where a run of the article's words, transliterated to Latin letters (anyascii), has the same
consonant skeleton: vowels and the letters scripts write as vowels or not at all (h, w, y) are dropped, doubled
letters collapse. Short skeletons are too ambiguous to trust ('Kabul' -> 'kbl' would also be قبول, "accepted").
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

from summarizer.contract.event import Evidence
from summarizer.text.grounding import locate, span
from summarizer.text.names import COUNTRY_NAMES, country_names_folded, fold

MIN_CONSONANTS = 4
MAX_WORDS = 3
_WORD = re.compile(r"[^\s\d.,;:!?()\[\]{}\"“”‘’'«»।॥،۔؟\-–—/]+")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def skeleton(latin: str) -> str:
    """'Khyber Pakhtunkhwa' -> 'kbrpktnk': the consonants that any spelling of the name keeps."""
    letters = re.sub(r"[^a-z]", "", latin.lower())
    consonants = re.sub(r"[aeiouwyh]", "", letters)
    return re.sub(r"(.)\1+", r"\1", consonants)


def locate_transliterated(text: str, name: str) -> Evidence | None:
    """The first run of one to three non-Latin words of `text` that spells `name` (Latin letters) by sound; None
    when the name is not Latin, its skeleton is too short, or no run matches."""
    if not _LATIN.search(name):
        return None
    target = skeleton(name)
    if len(target) < MIN_CONSONANTS:
        return None
    words = [w for w in _WORD.finditer(text)]
    for i in range(len(words)):
        for n in range(1, MAX_WORDS + 1):
            run = words[i : i + n]
            if len(run) < n or any(_LATIN.search(w.group(0)) for w in run):
                break
            if skeleton("".join(anyascii(w.group(0)) for w in run)) == target:
                return span(text, run[0].start(), run[-1].end())
    return None


MIN_VARIANT = 6  # letters of a name whose one-letter variant is the same name ('Bagdad' for 'Baghdad')


def locate_variant(text: str, name: str) -> Evidence | None:
    """The first word of `text` in Latin letters that spells a one-word name `name` one letter apart, with the same
    first letter ('Bagdad' for 'Baghdad', 'Peshawer' for 'Peshawar'); None for a name of fewer than MIN_VARIANT
    letters ('Mali' is not 'Bali'), of several words, or no such word."""
    target = fold(name)
    if " " in target or len(target) < MIN_VARIANT or not _LATIN.search(name):
        return None
    for w in _WORD.finditer(text):
        word = fold(w.group(0))
        if word[:1] == target[:1] and word != target and Levenshtein.distance(word, target, score_cutoff=1) <= 1:
            return span(text, w.start(), w.end())
    return None


COUNTRY_STEM = 5  # 'Pakistani', 'Guinée', 'colombianos': a word that starts as the country's name names it


def _owner(word: str) -> str | None:
    """The country whose one-word name (in English, folded) a folded word starts with, the longest such name: 'niger'
    and 'nigerienne' are Niger's, 'nigerian' Nigeria's; None when the word starts with no such name ('german')."""
    owned = [name for name in COUNTRY_NAMES if " " not in name and len(name) >= COUNTRY_STEM and word.startswith(name)]
    return max(owned, key=len) if owned else None


def names_country(text: str, country: str) -> bool:
    """Whether the article names the country: its name, a word that starts as it does, its name spelled by sound
    in another script ('پاکستان'), or its name in another language ('Deutschland', 'جرمنی'). A country it does not
    name is the model's inference from the places."""
    stem = fold(country)[:COUNTRY_STEM]
    if locate(text, country) is not None or locate_transliterated(text, country) is not None or (
            len(stem) == COUNTRY_STEM and any(fold(w).startswith(stem) and _owner(fold(w)) in (None, fold(country))
                                              for w in re.findall(r"\w+", text))):
        return True
    folded = f" {fold(text)} "  # its name in the article's language ('Deutschland', 'جرمنی')
    return any(f" {name} " in folded for name in country_names_folded(country))


@lru_cache(maxsize=1)
def _english_country_names() -> dict[str, str]:
    """Folded English name -> the name as English writes it ('burkina faso' -> 'Burkina Faso')."""
    from babel import Locale

    written = {fold(name): name for name in Locale("en").territories.values()}
    return {name: written[name] for name in COUNTRY_NAMES if name in written}


def countries_named(text: str) -> list[str]:
    """The countries a text names (`names_country`), by their English names, in alphabetical order."""
    return sorted(name for folded, name in _english_country_names().items() if names_country(text, name))


def similar_countries(one: str, other: str) -> bool:
    """Whether two countries' names start alike (`COUNTRY_STEM` letters: 'Niger' and 'Nigeria'), the names a reader
    mistakes one for the other."""
    a, b = fold(one), fold(other)
    return a != b and len(a) >= COUNTRY_STEM and len(b) >= COUNTRY_STEM and a[:COUNTRY_STEM] == b[:COUNTRY_STEM]

