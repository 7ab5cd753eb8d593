"""Names the model writes in Latin letters, found in an article of another script by how they sound.

The model reads a Hindi or Urdu article and answers in English: 'Maharashtra' for महाराष्ट्र, 'Nagpur' for नागपुर.
Such a name is found where a run of the article's words, transliterated to Latin letters (anyascii), has the same
consonant skeleton: vowels and the letters scripts write as vowels or not at all (h, w, y) are dropped, doubled
letters collapse. Short skeletons are too ambiguous to trust ('Kabul' -> 'kbl' would also be قبول, "accepted").
"""

from __future__ import annotations

import re

from anyascii import anyascii

from summarizer.contract.event import Evidence
from summarizer.text.grounding import span

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
