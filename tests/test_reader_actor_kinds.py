"""An actor's kind by the words of its name (extract.actors.actor_kind, lexicon [actors]) row by row:
actor_kinds.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.extract.actors import actor_kind
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "name", "expected"), rows("actor_kinds.tsv"))
def test_actor_kind(lang: str, name: str, expected: str) -> None:
    assert actor_kind(name, "Tarelia", lexicon(lang)) == expected
