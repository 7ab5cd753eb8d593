"""What the model fills: small flat forms, one per pass, that a grammar can constrain.

The model never sees these schemas through the grammar, so every field is described in the prompt templates
(`prompts/*.j2`). Lengths are bounded (maxLength/maxItems) to stop degenerate repetition.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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


def default_response(pass_name: str) -> str:
    """An empty but valid answer for a pass (used by the fake backend and fake servers)."""
    if pass_name == "statement":
        return StatementAnswer(by="", about="").model_dump_json()
    if pass_name == "overview":
        return OverviewAnswer(headline="Untitled event", summary="No summary.", event_type="other", country="",
                              region="", places=[], date_words="").model_dump_json()
    return "{}"
