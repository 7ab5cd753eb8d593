"""What the model fills: small flat forms, one per pass, that a grammar can constrain.

The model never sees these schemas through the grammar, so every field is described in the prompt templates
(`prompts/*.j2`). Lengths are bounded (maxLength/maxItems) to stop degenerate repetition.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from .schema import EventType

Short = Annotated[str, StringConstraints(max_length=80)]
Name = Annotated[str, StringConstraints(max_length=60)]



class PassModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StatementAnswer(PassModel):
    by: Name = Field(description="Who made the statement, as written in the article.")
    about: Name = Field(description="Whom or what it is about, as written in the article.")


class OverviewAnswer(PassModel):
    headline: Annotated[str, StringConstraints(max_length=120)]
    summary: Annotated[str, StringConstraints(max_length=400)]
    event_type: EventType
    country: Name
    region: Name
    places: list[Name] = Field(max_length=16)
    date_words: Short = Field(description="The article's words for when it happened ('on Saturday'), or empty.")


Description = Annotated[str, StringConstraints(max_length=48)]
MAX_FIGURES_PER_PASS = 12


@lru_cache(maxsize=2 * MAX_FIGURES_PER_PASS)
def described_form(count: int, prefix: str = "F") -> type[PassModel]:
    """A flat form for `count` questions: F<k> (what a number counts, in plain English: '26 people killed', or
    'none'; N<k> for a sentence that counts without a number) and F<k>_by (who gave it, copied from the article).

    The model describes in English, whatever the article's language; code reads group and outcome from that short
    description with the English reader. Flat on purpose: the grammar converter handles flat objects of bounded
    strings reliably.
    """
    fields: dict[str, Any] = {}
    for k in range(1, count + 1):
        fields[f"{prefix}{k}"] = (Description, ...)
        fields[f"{prefix}{k}_by"] = (Name, ...)
    model: type[PassModel] = create_model(f"Described{prefix}{count}", __base__=PassModel, **fields)
    return model


def default_response(pass_name: str) -> str:
    """An empty but valid answer for a pass (used by the fake backend and fake servers)."""
    if pass_name == "statement":
        return StatementAnswer(by="", about="").model_dump_json()
    if pass_name == "overview":
        return OverviewAnswer(headline="Untitled event", summary="No summary.", event_type="other", country="",
                              region="", places=[], date_words="").model_dump_json()
    return "{}"


def default_from_schema(schema: dict[str, Any] | None) -> str:
    """The emptiest answer a flat form's JSON Schema accepts: "none" for enums that have it, "" or [] or 0."""
    if not schema:
        return "{}"
    answer: dict[str, Any] = {}
    for name, spec in (schema.get("properties") or {}).items():
        if "enum" in spec:
            answer[name] = "none" if "none" in spec["enum"] else spec["enum"][0]
        else:
            answer[name] = {"string": "", "array": [], "integer": 0, "number": 0, "boolean": False}.get(
                spec.get("type", "string"), "")
    return json.dumps(answer)
