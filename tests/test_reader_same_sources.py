"""Whether two figures' sources are one source (pipeline._same_source): tests/phrasings/same_sources.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.lang import lexicon
from summarizer.pipeline import _same_people, _same_source
from summarizer.text.names import fold


@pytest.mark.parametrize(("lang", "pair", "expected"), rows("same_sources.tsv"))
def test_same_source(lang: str, pair: str, expected: str) -> None:
    a, b = pair.split(" | ")
    lx = lexicon(lang)
    stop = frozenset(fold(w, drop_article=False) for w in lx.stopwords) if lx is not None else frozenset()
    assert _same_source(a, b, stop) is (expected == "yes")
    assert _same_source(b, a, stop) is (expected == "yes")


@pytest.mark.parametrize(("a", "b", "same"), [
    ("police", "security_forces", True),  # '4 پولیس اہلکار' and '4 اہلکار': police are security forces
    ("soldiers", "security_forces", True),
    ("police", "people", True),
    ("police", "soldiers", False),
    ("civilians", "security_forces", False),
])
def test_two_groups_that_may_count_the_same_people(a: str, b: str, same: bool) -> None:
    assert _same_people(a, b) is same
    assert _same_people(b, a) is same
