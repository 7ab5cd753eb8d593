"""One person counted by an indefinite article (extract.figures.indefinite_ones) row by row: indefinite_ones.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.figures import indefinite_ones
from summarizer.lang import lexicon
from summarizer.text.parse import find_numbers, split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), rows("indefinite_ones.tsv"))
def test_an_indefinite_article_before_harm_may_count_one(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    sentences = split_sentences(text)
    numbers = find_numbers(text, sentences, lx)
    found = [m for s in sentences for m in indefinite_ones(text, s, [n for n in numbers if n.sentence is s], lx)]
    assert all(m.value == 1 for m in found)
    written = [f"{m.text} {text[m.end:].split()[0]}" for m in found]
    assert (" | ".join(written) or "-") == expected
