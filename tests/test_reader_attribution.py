"""The attribution reader (extract.attribution) row by row: speakers.tsv (English grammar) and sources.tsv
(lexicon attribution in other languages)."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.attribution import attribution, lexicon_attribution, usable_speaker
from summarizer.lang import lexicon
from summarizer.text.parse import split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), rows("speakers.tsv"))
def test_speaker(lang: str, text: str, expected: str) -> None:
    sentence = split_sentences(text)[0]
    who = attribution(sentence, [])
    got = who if who is not None and usable_speaker(who) else "-"
    assert got == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("sources.tsv"))
def test_source_in_other_languages(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    assert (lexicon_attribution(text, lx) or "-") == expected
