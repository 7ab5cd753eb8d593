"""Gold (hand-labelled) event summaries: the output schema plus what a labeller may leave open.

A gold item may be `optional` (matching it earns credit, missing it costs nothing) and may list acceptable
alternatives (another group, another spelling). Everything else is the same model as the summarizer's output,
so gold files are checked by the same validation.
"""

from __future__ import annotations

from pydantic import Field

from .schema import (
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
