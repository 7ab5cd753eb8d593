"""The statement reader (extract.statements) row by row: statements.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.statements import read_statements


@pytest.mark.parametrize(("lang", "text", "expected"), rows("statements.tsv"))
def test_statements_in_a_sentence(lang: str, text: str, expected: str) -> None:
    found = read_statements(text)
    got = " ; ".join(f"{r.kind} by {r.by or '?'}" for r in found) or "-"
    assert got == expected
