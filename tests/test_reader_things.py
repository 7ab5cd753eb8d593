"""Numbers that count things, not people (text.parse.counts_things) row by row: things.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.lang import lexicon
from summarizer.text.parse import counts_things, find_numbers, split_sentences


@pytest.mark.parametrize(("lang", "text", "expected"), rows("things.tsv"))
def test_a_number_before_a_thing_counts_no_one(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    written = text[start + 1 : text.index("»")]
    mentions = [m for m in find_numbers(plain, split_sentences(plain), lx) if m.start <= start < m.end + 1
                and plain[m.start : m.end].endswith(written)]
    assert len(mentions) == 1, [m.raw_text for m in find_numbers(plain, split_sentences(plain), lx)]
    assert (counts_things(plain, mentions[0], lx) or "-") == expected
