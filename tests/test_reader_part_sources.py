"""Two reports side by side in one sentence (extract.attribution.part_attribution): tests/phrasings/part_sources.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.attribution import part_attribution
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "text", "expected"), rows("part_sources.tsv"))
def test_part_source(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    at = text.index("«")
    sentence = text.replace("«", "").replace("»", "")
    assert (part_attribution(sentence, at, lx) or "-") == expected
