"""A figure's bounds and its value in words (contract.event.stated_bounds, stated_count), qualifier by qualifier."""

from __future__ import annotations

import pytest

from summarizer.contract.event import Qualifier, stated_bounds, stated_count


@pytest.mark.parametrize(("value", "qualifier", "words", "bounds"), [
    (30, "exact", "30", (30, 30)),
    (30, "at_least", "at least 30", (30, None)),
    (30, "more_than", "more than 30", (31, None)),
    (30, "about", "about 30", (None, None)),
    (30, "up_to", "up to 30", (None, 30)),
])
def test_a_figure_reads_as_its_qualifier_says(value: int, qualifier: Qualifier, words: str,
                                              bounds: tuple[int | None, int | None]) -> None:
    assert stated_count(value, qualifier) == words
    assert stated_bounds(value, qualifier) == bounds
