"""Names of a generated headline or summary the article never names (text.unnamed) row by row: unnamed_names.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.text.unnamed import groups, unnamed_names


@pytest.mark.parametrize(("lang", "text", "expected"), rows("unnamed_names.tsv"))
def test_a_name_the_article_never_names_is_invented(lang: str, text: str, expected: str) -> None:
    country, _, rest = text.partition(": ")
    generated, _, article = rest.partition(" || ")
    assert article, "a row is 'country: generated || article'"
    assert (", ".join(unnamed_names(generated, article, country)) or "-") == expected


def test_every_group_is_found_by_its_first_name() -> None:
    for group in groups():
        assert group.english.search(f"A {group.name} attack"), group.name
