"""What the model fills: small flat forms, one per pass, that a grammar can constrain.

The model never sees these schemas through the grammar, so every field is described in the prompt templates
(`prompts/*.j2`). Lengths are bounded (maxLength/maxItems) to stop degenerate repetition.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model, model_validator
from pydantic_core import PydanticCustomError

from summarizer.contract.event import ACCIDENTAL_TYPES, EventType
from summarizer.llm import prompts

UNGROUNDED = "ungrounded"  # the error type of an answer that fails its check (instructor re-asks with its message)
MAX_PROBLEMS_TOLD = 12
Check = Callable[[Any], list[str]]
# The check of the model call under way (answer -> what it states that the article does not support). Not sent
# through instructor's `context`: instructor renders every message
# as a Jinja template with that context, which would make the article's text template source (a test article that
# holds '{{ system }}' lost those words). `grounded_by` sets it around one call.
_CHECK: ContextVar[Check | None] = ContextVar("grounding_check", default=None)


@contextmanager
def grounded_by(check: Check | None) -> Iterator[None]:
    """Validate the forms parsed inside this block with `check` (None: no grounding check)."""
    token = _CHECK.set(check)
    try:
        yield
    finally:
        _CHECK.reset(token)

Short = Annotated[str, StringConstraints(max_length=80)]
Name = Annotated[str, StringConstraints(max_length=60)]



class PassModel(BaseModel):
    """A pass's form. Validated under a grounding check (`call_model(..., check=)`), an answer that
    names what the article does not hold fails validation; instructor's retry then re-asks with the problems."""

    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)

    @model_validator(mode="after")
    def _grounded(self) -> PassModel:
        check = _CHECK.get()
        problems = check(self) if check is not None else []
        if problems:
            raise PydanticCustomError(UNGROUNDED, "{reask}",
                                      {"reask": prompts.render("reask", problems=problems[:MAX_PROBLEMS_TOLD])})
        return self


class FieldsForm(PassModel):
    """Some fields of a pass's form, asked again after the answer got them wrong (`llm.client.mend`). The grammar
    holds the model to these fields; whatever else a replayed answer holds is ignored."""

    @model_validator(mode="before")
    @classmethod
    def _only_asked(cls, data: Any) -> Any:
        return {k: v for k, v in data.items() if k in cls.model_fields} if isinstance(data, dict) else data


Choices = tuple[tuple[str, tuple[str, ...]], ...]  # (field, the only values it may hold)
# a list field with choices holds one: asked to choose, the small model copied the list's first three in 7 of 7
# Urdu and Hindi dev articles (eval s39), and the first, the earliest mention, was the article's place in 6
MAX_CHOSEN = 1


@lru_cache(maxsize=64)
def fields_form(model: type[PassModel], fields: tuple[str, ...], choices: Choices = ()) -> type[PassModel]:
    """The form of `model` cut down to `fields` (constraints and descriptions kept). A field with choices holds
    only those values (a list field: a list of at most MAX_CHOSEN of them; a text field: one of them or "")."""
    allowed = dict(choices)
    chosen: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in fields:
            continue
        if allowed.get(name):
            values = Literal[allowed[name]]  # type: ignore[valid-type]
            many = get_origin(info.annotation) is list
            most = min([MAX_CHOSEN, *(m.max_length for m in info.metadata if getattr(m, "max_length", None))])
            chosen[name] = (list[values], Field(max_length=most)) if many else (Literal[(*allowed[name], "")], ...)
        else:
            chosen[name] = (info.annotation, info)
    form: type[PassModel] = create_model(f"{model.__name__}Fields", __base__=FieldsForm, **chosen)
    return form


@lru_cache(maxsize=64)
def token_budget(model: type[BaseModel]) -> int:
    """The most tokens a whole answer of this flat form can take: each string at its longest at one token a
    character (a token holds at least one), each key with its quotes and separators. The grammar bounds every string,
    so this cap is never what cuts an answer short: cut, an answer is lost whole (the old cap of 22 tokens a number
    cut 7 of 106 figures answers in `eval/runs/s77`, where the instructions stood before the article)."""
    total = 2
    for key, spec in model.model_json_schema().get("properties", {}).items():
        total += len(key) + 8  # "key": "value",  with its spaces
        if spec.get("type") == "array":
            total += 2 + int(spec.get("maxItems", 16)) * (int(spec.get("items", {}).get("maxLength", 60)) + 4)
        elif "enum" in spec:
            total += max(len(str(v)) for v in spec["enum"])
        else:
            total += int(spec.get("maxLength", 60))
    return total


class StatementAnswer(PassModel):
    by: Name = Field(description="Who made the statement, as written in the article.")
    about: Name = Field(description="Whom or what it is about, as written in the article.")


SUMMARY_CHARS = 400  # the grammar stops a longer summary mid-sentence (`pipeline.finished` drops that part)
MEANT_TYPES: tuple[EventType, ...] = tuple(t for t in get_args(EventType) if t not in ACCIDENTAL_TYPES)
UNMEANT_TYPES: tuple[EventType, ...] = ACCIDENTAL_TYPES  # with "other" here, "other" took the crashes (eval s48)


def _type_follows_purpose(schema: dict[str, Any]) -> None:
    """The overview's form as two alternatives: harm done on purpose (on_purpose "yes": one of the types of meant harm,
    or "other") and harm nobody meant ("no": "accident" or "disaster"). on_purpose is written first, so a
    grammar built from this form never lets event_type contradict it: the small model answered "no" beside
    "violence_against_civilians" for bus crashes, and each such answer cost a whole re-ask."""
    title = schema.pop("title", None)
    alternatives = []
    for purpose, types in (("yes", MEANT_TYPES), ("no", UNMEANT_TYPES)):
        alternative = copy.deepcopy(schema)
        fields = alternative["properties"]
        fields["on_purpose"] = {**fields["on_purpose"], "enum": [purpose]}
        fields["event_type"] = {**fields["event_type"], "enum": list(types)}
        alternatives.append(alternative)
    schema.clear()
    schema.update({"title": title, "anyOf": alternatives} if title else {"anyOf": alternatives})


class OverviewAnswer(PassModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, json_schema_extra=_type_follows_purpose)

    headline: Annotated[str, StringConstraints(max_length=120)]
    summary: Annotated[str, StringConstraints(max_length=SUMMARY_CHARS)]
    on_purpose: Literal["yes", "no"] = Field(description="Did people cause the harm on purpose? (checks event_type)")
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


