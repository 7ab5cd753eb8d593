"""The tolls a generated headline or summary tells, checked against the figures (extract.tolls_told), row by row:
tolls_told.tsv."""

from __future__ import annotations

import pytest
from phrasing_tables import rows

from summarizer.contract.event import Casualty
from summarizer.extract.tolls_told import unsupported_tolls
from summarizer.lang import lexicon


def _figures(spec: str) -> list[Casualty]:
    figures = []
    for k, item in enumerate(spec.split(";"), start=1):
        outcome, _, rest = item.partition("=")
        value, _, group = rest.partition("/")
        low, _, high = value.partition("-")
        numbers = {"value": int(low)} if not high else {"value": int(low), "low": int(low), "high": int(high),
                                                         "qualifier": "exact"}
        figures.append(Casualty.model_validate({
            "id": f"c{k}", "group": group or "people", "outcome": outcome, "qualifier": "exact", "raw_text": low,
            "reported_by": None, "scope": "whole event",
            "evidence": {"quote": low, "start": 0, "end": len(low), "match": "exact"}, **numbers}))
    return figures


@pytest.mark.parametrize(("lang", "text", "expected"), rows("tolls_told.tsv"))
def test_a_toll_no_figure_holds_is_told_apart(lang: str, text: str, expected: str) -> None:
    # headlines and summaries are written in English; `lang` is the article's language, whose words they may take over
    spec, _, unsupported = expected.partition(" => ")
    wanted = [] if unsupported == "-" else unsupported.split(";")
    assert unsupported_tolls(text, _figures(spec), lexicon(lang)) == wanted


def test_a_part_the_article_gives_of_a_figure_may_be_told() -> None:
    # 'including 61 wounded by gunfire' is left out of the figures as part of the 200 injured; a summary telling it
    # tells what the article gives
    text = "Eight protesters were killed and 200 injured in Tarel, 61 wounded by gunfire."
    figures = _figures("killed=8;injured=200")
    assert unsupported_tolls(text, figures, lexicon("en")) == ["61 injured"]
    assert unsupported_tolls(text, figures, lexicon("en"), {"injured": {61}}) == []
    assert unsupported_tolls(text, figures, lexicon("en"), {"killed": {61}}) == ["61 injured"]
