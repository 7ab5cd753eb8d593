"""People counted one by one without a numeral (extract.figures.singular_counts) row by row: one_person.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import mentions, rows

from summarizer.extract.figures import singular_counts
from summarizer.text.parse import split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), rows("one_person.tsv"))
def test_one_person_is_counted_only_where_the_harm_happens_to_them(lang: str, text: str, expected: str) -> None:
    numbers = mentions(lang, text)
    found = [f"{m.raw_text}={r.group}/{r.outcome}" for s in split_sentences(text)
             for m, r in singular_counts(text, s, [n for n in numbers if n.sentence.index == s.index])]
    assert (" | ".join(found) or "-") == expected
    assert all(m.value == 1 and m.qualifier == "exact" for s in split_sentences(text)
               for m, _ in singular_counts(text, s, []))
