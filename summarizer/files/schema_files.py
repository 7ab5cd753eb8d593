"""The published JSON Schemas (`schemas/*.schema.json`), generated from the pydantic models.

`python -m summarizer.files.schema_files` rewrites the files; a test fails when they drift from the models.
"""

from __future__ import annotations

import json
from typing import Any

from summarizer.contract.consolidated import ConsolidatedEvent, ConsolidationGold, ConsolidationIndex
from summarizer.contract.event import EventSummary
from summarizer.contract.gold import GoldSummary
from summarizer.files.atomic import write_text_atomic
from summarizer.files.paths import schemas_dir


def exported_schemas() -> dict[str, dict[str, Any]]:
    return {
        "event_summary": EventSummary.model_json_schema(),
        "gold_summary": GoldSummary.model_json_schema(),
        "consolidated_event": ConsolidatedEvent.model_json_schema(),
        "consolidation_index": ConsolidationIndex.model_json_schema(),
        "consolidation_gold": ConsolidationGold.model_json_schema(),
    }


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_all() -> list[str]:
    written = []
    for name, schema in exported_schemas().items():
        path = schemas_dir() / f"{name}.schema.json"
        write_text_atomic(path, render_schema(schema))
        written.append(str(path))
    return written


if __name__ == "__main__":
    for line in write_all():
        print(line)
