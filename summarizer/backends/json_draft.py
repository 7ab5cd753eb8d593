"""What a JSON answer must say next, read from its schema: the draft of structure-only decoding.

A grammar-constrained answer is mostly the model's words, but between them stands text the schema fixes: the next
key and its opening quote (`", "summary": "`), the closing brace, the rest of an enum value once its first letters
leave one choice (`viol` -> `ence_against_civilians"`). Generated one token at a time, each of those tokens costs a
full step of the model; evaluated together as a draft (llama-cpp-python's speculative path, `llama_sampler`), they
cost about one step, and every drafted token is still checked by the model and the grammar, so a wrong draft costs
only the wasted batch.

`SchemaDraft(schema).continuation(text)` is that fixed text after `text` (the answer so far), or "" when the next
text is the model's to choose (inside a free string, between array items, a number) or `text` does not follow the
layout drafted here: keys in the schema's order, written as `{"a": "x", "b": ["y"]}` (the layout the model writes
and the grammar's order; llama-cpp-python's grammar puts required properties first in their schema order). An object
schema given as `anyOf` alternatives (the overview's two shapes) drafts what every alternative still matching agrees
on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MAX_DRAFT_TOKENS = 16  # a longer draft is cut: structure between two values is a handful of tokens
DRAFT_ENV = "SUMMARIZER_DRAFT"  # "0" turns structure-only drafting off (for comparisons)


def drafting_enabled() -> bool:
    return os.environ.get(DRAFT_ENV, "1") != "0"


@dataclass(frozen=True)
class _Field:
    key: str
    kind: str  # "string", "array", "other" (a value whose end only a following comma tells: not drafted past)
    choices: tuple[str, ...] = ()  # an enum string's values


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
        return _resolve(target, root) if isinstance(target, dict) else {}
    return schema


def _field(key: str, schema: dict[str, Any], root: dict[str, Any]) -> _Field:
    schema = _resolve(schema, root)
    choices = schema.get("enum")
    if "const" in schema:
        choices = [schema["const"]]
    if isinstance(choices, list) and choices and all(isinstance(c, str) for c in choices):
        return _Field(key, "string", tuple(choices))
    kind = schema.get("type")
    if kind == "string":
        return _Field(key, "string")
    if kind == "array":
        return _Field(key, "array")
    return _Field(key, "other")


def _layouts(schema: dict[str, Any], root: dict[str, Any]) -> Iterator[tuple[_Field, ...]]:
    """Each object shape the schema allows, as its fields in the grammar's order."""
    schema = _resolve(schema, root)
    for alternative in schema.get("anyOf", []) or schema.get("oneOf", []):
        if isinstance(alternative, dict):
            yield from _layouts(alternative, root)
    properties = schema.get("properties")
    if schema.get("type") == "object" and isinstance(properties, dict):
        required = set(schema.get("required", []))
        if set(properties) != required:  # optional keys may be left out: where the answer goes next is open
            return
        yield tuple(_field(key, value, root) for key, value in properties.items() if isinstance(value, dict))


def _opener(field: _Field) -> str:
    return '"' if field.kind == "string" else "[" if field.kind == "array" else ""


def _string_end(text: str, start: int) -> int | None:
    """Index after the closing quote of the JSON string whose opening quote is at `start`; None if still open."""
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    return None


def _array_end(text: str, start: int) -> int | None:
    """Index after the bracket closing the array opened at `start`; None if still open."""
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char == '"':
            end = _string_end(text, i)
            if end is None:
                return None
            i = end
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _after(fields: tuple[_Field, ...], index: int) -> str:
    """The fixed text after the value of field `index`: the next key and its value's opener, or the closing brace."""
    if index + 1 >= len(fields):
        return "}"
    following = fields[index + 1]
    return f', "{following.key}": {_opener(following)}'


def _continue(fields: tuple[_Field, ...], text: str) -> str | None:
    """The fixed text after `text` in this layout; "" when it is the model's turn; None when `text` leaves it."""
    pos = 0
    for index, field in enumerate(fields):
        head = ("{" if index == 0 else ", ") + f'"{field.key}": {_opener(field)}'
        rest = text[pos:]
        if len(rest) < len(head):
            return head[len(rest):] if head.startswith(rest) else None
        if not rest.startswith(head):
            return None
        pos += len(head)
        if field.kind == "other":
            return ""  # a number or object: its end is not drafted, nor what follows
        end = _string_end(text, pos - 1) if field.kind == "string" else _array_end(text, pos - 1)
        if end is None:
            if field.choices:
                written = text[pos:]
                fitting = [c for c in field.choices if c.startswith(written)]
                if not fitting:
                    return None
                if len(fitting) == 1:
                    return fitting[0][len(written):] + '"' + _after(fields, index)
            return ""
        if field.choices and text[pos:end - 1] not in field.choices:
            return None
        pos = end
    rest = text[pos:]
    return "}"[len(rest):] if "}".startswith(rest) else None


class SchemaDraft:
    """The fixed continuations of answers to one JSON schema (see the module's doc)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.layouts = tuple(dict.fromkeys(_layouts(schema, schema)))

    def continuation(self, text: str) -> str:
        drafts = [draft for fields in self.layouts if (draft := _continue(fields, text)) is not None]
        if not drafts:
            return ""
        shortest = min(drafts, key=len)
        agreed = next((i for i, chars in enumerate(zip(*drafts, strict=False)) if len(set(chars)) > 1), len(shortest))
        return shortest[:agreed]
