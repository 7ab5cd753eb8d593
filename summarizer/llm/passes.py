"""What the model fills: small flat forms, one per pass, that a grammar can constrain.

The model never sees these schemas through the grammar, so every field is described in the prompt templates
(`prompts/*.j2`). Lengths are bounded (maxLength/maxItems) to stop degenerate repetition.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from summarizer.contract.event import EventType

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


