"""The attribution reader (extract.attribution) row by row: speakers.tsv (English grammar) and sources.tsv
(lexicon attribution in other languages)."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.attribution import attribution, lexicon_attribution, resumes_quote, usable_speaker
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


@pytest.mark.parametrize(("previous", "text", "resumed"), [
    ("“Terrible scene,” Chief Brill said.", "“Thirty dead.", True),
    ("« Une scène terrible », a déclaré le maire.", "« Trente morts.", True),
    ('"Terrible scene," the mayor told reporters.', '"Thirty dead," she added.', True),
    ("“Terrible scene,” Chief Brill said.", "Thirty people died.", False),  # no quotation opens
    ("Chief Brill spoke to reporters.", "“Thirty dead.", False),  # no quotation closed before
    ("“Terrible scene,” said Chief Brill, who had been at the hall since the early morning hours.", "“Thirty dead.",
     False),  # a long tail: more than a name and its verb
    ("He said: “We are still counting.", "“Thirty dead.", False),  # still open: the opener speaks on (open_quotations)
])
def test_a_quotation_right_after_a_speakers_quotation_resumes_it(previous: str, text: str, resumed: bool) -> None:
    assert resumes_quote(previous, text) is resumed
