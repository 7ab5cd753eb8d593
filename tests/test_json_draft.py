"""Structure-only drafts (`summarizer.backends.json_draft`): the text a JSON schema fixes after an answer's prefix."""

from __future__ import annotations

import json
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from summarizer.backends.json_draft import SchemaDraft
from summarizer.llm.passes import OverviewAnswer, fields_form


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Report(Strict):
    title: str = Field(max_length=40)
    kind: Literal["battle", "bombing", "blast", "accident"]
    places: list[str]
    note: str


class Counted(Strict):
    title: str
    killed: int
    note: str


class Optional_(Strict):
    title: str
    note: str = ""


REPORT = SchemaDraft(Report.model_json_schema())


@pytest.mark.parametrize(("written", "draft"), [
    ("", '{"title": "'),
    ("{", '"title": "'),
    ('{"ti', 'tle": "'),
    ('{"title": "', ""),                                   # the title is the model's
    ('{"title": "Storm', ""),
    ('{"title": "Storm \\"Ana\\"', ""),                    # an escaped quote does not end the string
    ('{"title": "Storm"', ', "kind": "'),
    ('{"title": "Storm",', ' "kind": "'),
    ('{"title": "Storm", "kind": "', ""),                  # four choices
    ('{"title": "Storm", "kind": "ba', 'ttle", "places": ['),
    ('{"title": "Storm", "kind": "b', ""),                 # battle or bombing
    ('{"title": "Storm", "kind": "bl', 'ast", "places": ['),
    ('{"title": "Storm", "kind": "acc', 'ident", "places": ['),
    ('{"title": "Storm", "kind": "blast", "places": [', ""),
    ('{"title": "Storm", "kind": "blast", "places": ["Oslo"', ""),  # another item or the end: open
    ('{"title": "Storm", "kind": "blast", "places": ["Oslo", "a]b"]', ', "note": "'),
    ('{"title": "Storm", "kind": "blast", "places": [], "note": "', ""),
    ('{"title": "Storm", "kind": "blast", "places": [], "note": "x"', "}"),
    ('{"title": "Storm", "kind": "blast", "places": [], "note": "x"}', ""),
])
def test_the_fixed_text_after_a_prefix(written: str, draft: str) -> None:
    assert REPORT.continuation(written) == draft


@pytest.mark.parametrize("written", [
    '{ "title": "',                                        # another layout than the one drafted
    '{"title":"Storm"',
    '{"title": "Storm","kind": "',
    '{"title": "Storm", "kind": "flood',                  # no choice starts so
    '{"title": "Storm", "kind": "blasts"',
])
def test_an_unexpected_layout_gets_no_draft(written: str) -> None:
    assert REPORT.continuation(written) == ""


def test_a_number_ends_the_drafting_of_its_answer() -> None:
    counted = SchemaDraft(Counted.model_json_schema())
    assert counted.continuation('{"title": "x"') == ', "killed": '
    assert counted.continuation('{"title": "x", "killed": 3') == ""
    assert counted.continuation('{"title": "x", "killed": 3,') == ""


def test_optional_keys_are_not_drafted() -> None:
    assert SchemaDraft(Optional_.model_json_schema()).continuation("") == ""


def test_the_overview_alternatives_draft_what_they_agree_on() -> None:
    """on_purpose 'yes' allows the types of harm done on purpose, 'no' accident and disaster (two object shapes)."""
    overview = SchemaDraft(OverviewAnswer.model_json_schema())
    head = '{"headline": "Bus falls", "summary": "A bus fell."'
    assert overview.continuation(head) == ', "on_purpose": "'
    assert overview.continuation(head + ', "on_purpose": "') == ""
    assert overview.continuation(head + ', "on_purpose": "n') == 'o", "event_type": "'
    assert overview.continuation(head + ', "on_purpose": "no", "event_type": "acc') == 'ident", "country": "'
    assert overview.continuation(head + ', "on_purpose": "yes", "event_type": "acc') == ""  # not a 'yes' type
    assert overview.continuation(head + ', "on_purpose": "yes", "event_type": "r') == 'iot", "country": "'


def test_drafts_rebuild_a_whole_answer_around_its_free_text() -> None:
    """Writing only what the drafts leave open, one character at a time, gives the whole answer back."""
    answer = Report(title="Ferry sinks", kind="accident", places=["Oslo", "Bergen"], note="").model_dump()
    target = json.dumps(answer)
    written = ""
    while written != target:
        draft = REPORT.continuation(written)
        assert target.startswith(written + draft), (written, draft)
        written += draft or target[len(written)]
    assert REPORT.continuation(target) == ""


def test_a_mend_form_is_drafted() -> None:
    """The forms asking a few fields again (`llm.passes.fields_form`) are plain objects of those fields."""
    form = fields_form(OverviewAnswer, ("region", "places"), ())
    draft = SchemaDraft(form.model_json_schema())
    assert draft.continuation("") == '{"region": "'
    assert draft.continuation('{"region": ""') == ', "places": ['
