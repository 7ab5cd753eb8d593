"""Gold (hand-labelled) event summaries: the output schema plus what a labeller may leave open.

A gold item may be `optional` (matching it earns credit, missing it costs nothing) and may list acceptable
alternatives (another group, another spelling). Everything else is the same model as the summarizer's output,
so gold files are checked by the same validation.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from summarizer.contract.event import (
    Actor,
    Casualty,
    Consequence,
    ConsequenceKind,
    EventSummary,
    EventType,
    FigureStatus,
    Group,
    Incident,
    Place,
    Provenance,
    Qualifier,
    Statement,
    StatementKind,
    Strict,
)


class GoldCasualty(Casualty):
    optional: bool = Field(default=False, description="Matching it earns credit; missing it costs nothing.")
    alt_groups: list[Group] = Field(default_factory=list, description="Other acceptable groups.")
    alt_qualifiers: list[Qualifier] = Field(default_factory=list)
    alt_statuses: list[FigureStatus] = Field(default_factory=list)
    alt_sources: list[str] = Field(default_factory=list, description="Other acceptable names of the source.")


class GoldPlace(Place):
    optional: bool = False
    alt_names: list[str] = Field(default_factory=list)


class GoldActor(Actor):
    optional: bool = False


class GoldStatement(Statement):
    optional: bool = False
    alt_kinds: list[StatementKind] = Field(default_factory=list)


class GoldConsequence(Consequence):
    optional: bool = False
    alt_kinds: list[ConsequenceKind] = Field(default_factory=list)


class GoldIncident(Incident):
    optional: bool = False


class GoldWhere(Strict):
    country: str | None = None
    region: str | None = None
    alt_regions: list[str] = Field(default_factory=list)
    places: list[GoldPlace] = Field(default_factory=list)


class GoldSummary(EventSummary):
    alt_event_types: list[EventType] = Field(default_factory=list)
    where: GoldWhere  # type: ignore[assignment]
    actors: list[GoldActor] = Field(default_factory=list)  # type: ignore[assignment]
    casualties: list[GoldCasualty] = Field(default_factory=list)  # type: ignore[assignment]
    incidents: list[GoldIncident] = Field(default_factory=list)  # type: ignore[assignment]
    statements: list[GoldStatement] = Field(default_factory=list)  # type: ignore[assignment]
    consequences: list[GoldConsequence] = Field(default_factory=list)  # type: ignore[assignment]
    provenance: Provenance | None = None  # type: ignore[assignment]

    def as_summary(self) -> EventSummary:
        """This gold file as a summary: labeller-only fields (`optional`, `alt_*`) dropped, a placeholder provenance
        when it has none. What a perfect summarizer writes."""
        data = _strip_gold(self.model_dump(mode="json"))
        if data.get("provenance") is None:
            data["provenance"] = Provenance(backend="gold", model="hand-labelled", prompt_hash="-",
                                            schema_hash="-").model_dump()
        return EventSummary.model_validate(data)


def _strip_gold(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_gold(v) for k, v in value.items() if k != "optional" and not k.startswith("alt_")}
    if isinstance(value, list):
        return [_strip_gold(v) for v in value]
    return value
