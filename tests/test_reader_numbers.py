"""The number reader (text.parse) row by row: tests/phrasings/numbers.tsv, and the tables' coverage."""

from __future__ import annotations

import pytest
from phrasing_tables import TABLES, mentions, rows

from summarizer.text.parse import NumberMention


def _render(m: NumberMention) -> str:
    value = "-" if m.value is None else str(m.value)
    return f"{m.raw_text}={value}:{m.qualifier}"


@pytest.mark.parametrize(("lang", "text", "expected"), rows("numbers.tsv"))
def test_number_reader(lang: str, text: str, expected: str) -> None:
    found = " ; ".join(_render(m) for m in mentions(lang, text))
    assert found == expected


def test_the_tables_cover_four_languages_and_two_hundred_rows() -> None:
    every = [row for name in sorted(p.name for p in TABLES.glob("*.tsv")) for row in rows(name)]
    languages = {lang for lang, _, _ in every if lang != "-"} | {e for _, _, e in rows("language.tsv")}
    assert len(every) >= 200
    assert {"en", "es", "fr", "hi", "ur"} <= languages
