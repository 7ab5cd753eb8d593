"""An attack a generated English text tells where the article tells harm nobody meant (extract.event_type.attack_told)
row by row: attacks_told.tsv."""

from __future__ import annotations

from typing import cast

import pytest
from phrasing_tables import rows

from summarizer.contract.event import EventType
from summarizer.extract.event_type import attack_told
from summarizer.lang import lexicon


@pytest.mark.parametrize(("lang", "text", "expected"), rows("attacks_told.tsv"))
def test_an_attack_the_article_does_not_tell_is_found(lang: str, text: str, expected: str) -> None:
    settled, _, rest = text.partition(": ")
    lead, _, generated = rest.partition(" || ")
    assert generated, "a row is 'type: lead || generated'"
    assert (attack_told(generated, lead, lexicon(lang), cast(EventType, settled)) or "-") == expected
