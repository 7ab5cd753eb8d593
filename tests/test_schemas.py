"""The published JSON Schemas in `schemas/` must match the pydantic models (regenerate with
`python -m summarizer.files.schema_files`)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from summarizer.files.paths import schemas_dir
from summarizer.files.schema_files import exported_schemas, render_schema

SCHEMAS = exported_schemas()


def drift(name: str, schema: dict[str, Any]) -> str | None:
    """None when the committed file equals the rendered schema, else a short description."""
    path = schemas_dir() / f"{name}.schema.json"
    if not path.is_file():
        return f"{path} is missing"
    if path.read_text(encoding="utf-8") != render_schema(schema):
        return f"{path} differs from the model; run: python -m summarizer.files.schema_files"
    return None


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_model(name: str) -> None:
    assert drift(name, SCHEMAS[name]) is None


def test_no_stale_schema_files() -> None:
    committed = {p.name.removesuffix(".schema.json") for p in Path(schemas_dir()).glob("*.schema.json")}
    assert committed == set(SCHEMAS)


def test_event_summary_is_exported() -> None:
    assert SCHEMAS["event_summary"]["title"] == "EventSummary"


def test_a_changed_model_is_detected() -> None:
    mutated = copy.deepcopy(SCHEMAS["event_summary"])
    mutated["properties"]["headline"]["description"] = "a field description nobody committed"
    assert drift("event_summary", mutated) is not None
    removed = copy.deepcopy(SCHEMAS["event_summary"])
    removed["required"].remove("headline")
    assert drift("event_summary", removed) is not None


def test_rendering_is_stable() -> None:
    schema = SCHEMAS["event_summary"]
    assert render_schema(schema) == render_schema(copy.deepcopy(schema))
    assert render_schema(schema).endswith("}\n")
