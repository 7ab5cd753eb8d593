"""What the model fills: small flat forms, one per pass, that a grammar can constrain.

The model never sees these schemas through the grammar, so every field is described in the prompt templates
(`prompts/*.j2`). Lengths are bounded (maxLength/maxItems) to stop degenerate repetition.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .schema import ActorKind, ConsequenceKind, EventType, StatementKind

Short = Annotated[str, StringConstraints(max_length=80)]
Name = Annotated[str, StringConstraints(max_length=60)]

FigureGroup = Literal[
    "militants", "security_forces", "police", "soldiers", "civilians", "people", "prisoners", "officials", "none"
]
FigureOutcome = Literal["killed", "injured", "abducted", "missing", "escaped", "arrested", "none"]
LlmRole = Literal["perpetrator", "target", "responder", "claimant", "accuser", "denier", "source"]


class PassModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Figure(PassModel):
    id: int = Field(description="The number's id from the list (F1 -> 1).")
    group: FigureGroup
    outcome: FigureOutcome
    source: Short = Field(description="Who gave the figure, copied from the article; empty if nobody is named.")


class FiguresAnswer(PassModel):
    figures: list[Figure] = Field(max_length=40)


class ActorItem(PassModel):
    name: Name
    kind: ActorKind
    roles: list[LlmRole] = Field(max_length=3)


class StatementItem(PassModel):
    kind: StatementKind
    by: Name = Field(description="Who made the statement.")
    about: Name = Field(description="Whom or what it is about.")
    sentence: int = Field(description="Number of the sentence that says it (S4 -> 4).")


class ActorsAnswer(PassModel):
    actors: list[ActorItem] = Field(max_length=12)
    statements: list[StatementItem] = Field(max_length=8)


class ConsequenceItem(PassModel):
    kind: ConsequenceKind
    sentence: int


class OverviewAnswer(PassModel):
    headline: Annotated[str, StringConstraints(max_length=140)]
    summary: Annotated[str, StringConstraints(max_length=600)]
    event_type: EventType
    country: Name
    region: Name
    places: list[Name] = Field(max_length=16)
    date_words: Short = Field(description="The article's words for when it happened ('on Saturday'), or empty.")
    consequences: list[ConsequenceItem] = Field(max_length=8)


PASS_MODELS: dict[str, type[PassModel]] = {
    "figures": FiguresAnswer,
    "actors": ActorsAnswer,
    "overview": OverviewAnswer,
}


def default_response(pass_name: str) -> str:
    """An empty but valid answer for a pass (used by the fake backend and fake servers)."""
    if pass_name == "figures":
        return FiguresAnswer(figures=[]).model_dump_json()
    if pass_name == "actors":
        return ActorsAnswer(actors=[], statements=[]).model_dump_json()
    if pass_name == "overview":
        return OverviewAnswer(headline="Untitled event", summary="No summary.", event_type="other", country="",
                              region="", places=[], date_words="", consequences=[]).model_dump_json()
    return "{}"
