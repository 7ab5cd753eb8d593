"""The consolidated record: several outlets' summaries of one event, merged without losing who said what.

`ConsolidatedEvent` is one event; `ConsolidationIndex` lists a run's events, the files it skipped and every
pairwise grouping decision. `ConsolidationGold` is the hand-labelled answer the eval scores against.
Everything here is computed by code from `EventSummary` records (see `consolidate.py`); nothing is asked of a model.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.contract.event import (
    WHOLE_EVENT,
    ActorKind,
    ActorRole,
    ConsequenceKind,
    EventType,
    FigureStatus,
    Group,
    Outcome,
    Qualifier,
    SourceKind,
    StatementKind,
)

CONSOLIDATED_VERSION = "1.0"

Family = Literal["security_personnel", "militants", "civilians", "people", "prisoners", "officials"]
WindowKind = Literal["event", "day", "span", "before", "unknown"]
ReportRole = Literal["figure", "part", "superseded", "context"]
PairVerdict = Literal["same_event", "different_event", "borderline"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleRef(Strict):
    """One input summary, as the consolidated record cites it."""

    ref: str = Field(description="How the record cites this article: the summary's file stem or given name.")
    article_id: str = Field(description="The article's content-hash id (EventSummary.article.id).")
    outlet: str = Field(description="The outlet named in the summary, else the file name.")
    title: str | None = Field(default=None, description="The article's headline, if it had one.")
    published: date | None = Field(default=None, description="Publication date, if the summary resolved one.")
    event_date: date | None = Field(default=None, description="The event's start date according to this article.")


class PairDecision(Strict):
    """Why two summaries were (or were not) put in the same event. Computed by code, one per pair."""

    a: str = Field(description="ref of the first summary.")
    b: str = Field(description="ref of the second summary.")
    verdict: PairVerdict = Field(
        description="same_event, different_event, or borderline (not merged unless confirmed)."
    )
    score: float = Field(description="Evidence score: date + places + actors + event type (see consolidate.py).")
    date_distance_days: int | None = Field(
        default=None, description="Days between the two events' dates; None when either date is unresolved."
    )
    shared_places: list[str] = Field(default_factory=list, description="Normalised places named by both.")
    shared_actors: list[str] = Field(default_factory=list, description="Actors (after alias merging) named by both.")
    event_types: tuple[EventType, EventType] = Field(description="The two summaries' event types.")
    reasons: list[str] = Field(description="Human-readable reasons, one per criterion.")
    decided_by: Literal["code", "confirmer"] = Field(
        default="code", description="'confirmer' when an optional callback (e.g. an LLM) settled a borderline pair."
    )


class WindowInfo(Strict):
    """A figure's time window, normalised by code so windows can be compared."""

    text: str | None = Field(description="The window as written ('over the past 48 hours'); None if none given.")
    kind: WindowKind = Field(
        description="event: no window stated (the event itself); day: one named or relative day; "
        "span: a duration; before: a period before the event ('a day before'); unknown: could not be parsed "
        "(never compared)."
    )
    hours: float | None = Field(default=None, description="Approximate length in hours (day = 24).")
    anchor: str | None = Field(default=None, description="Day the window is anchored to ('saturday'), if named.")
    label: str = Field(description="Short label for reports ('Saturday', '48 h', 'the event').")


class FigureReport(Strict):
    """One reported figure from one article, with everything needed to cite it."""

    ref: str = Field(description="Article ref and casualty id, 'ref#c3'.")
    article: str = Field(description="ref of the article.")
    outlet: str
    casualty_id: str
    group: Group = Field(description="The group as the article's summary labelled it.")
    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    raw_text: str
    scope: str = Field(description="Scope as written in the summary.")
    window: WindowInfo
    source: str | None = Field(description="Who gave the figure inside the article (reported_by).")
    source_kind: SourceKind
    status: FigureStatus
    perpetrator_claim: bool = Field(
        description="A claim by the perpetrator side: shown, flagged, excluded from the conservative value "
        "and from dispute checks."
    )
    role: ReportRole = Field(
        default="figure",
        description="figure: counts; part: a breakdown of a larger figure (five men, three women; parts that sum "
        "to a total in the same article); superseded: an earlier figure the article itself replaced; context: a "
        "window before the event or longer than a week. Only 'figure' reports count toward low/high/conservative "
        "and disputes.",
    )
    note: str | None = Field(default=None, description="Why the role is not 'figure'.")
    quote: str | None = Field(default=None, description="The evidence quote from the article.")


class WindowBin(Strict):
    """Reports of one figure set whose windows are the same (comparable)."""

    label: str
    kind: WindowKind
    hours: float | None = None
    reports: list[str] = Field(description="FigureReport refs in this window (claims included).")
    low: int | None = Field(description="Lowest credible figure in this window (claims excluded).")
    high: int | None = Field(description="Highest figure in this window (claims excluded).")
    conservative: int | None = Field(description="ACLED-style most conservative estimate for this window.")
    disputed: bool = Field(description="True when credible figures in this window do not agree.")


class FigureSet(Strict):
    """Every report of one family, outcome and scope (e.g. security personnel killed, whole event)."""

    key: str = Field(description="'family/outcome/scope', stable across runs.")
    family: Family = Field(
        description="Group family: security_forces, police and soldiers are all 'security_personnel'; "
        "other groups map to themselves."
    )
    outcome: Outcome
    scope: str = Field(description="'whole event' or the normalised place/incident.")
    groups_seen: list[Group]
    reports: list[FigureReport]
    windows: list[WindowBin]
    low: int | None = Field(description="Lowest credible figure over all windows (claims excluded).")
    high: int | None = Field(description="Highest credible figure over all windows (claims excluded).")
    conservative: int | None = Field(
        description="ACLED-style most conservative estimate: the lowest credible figure, perpetrator claims excluded."
    )
    disputed: bool = Field(
        description="True when credible figures for the same scope and window differ, or a longer window "
        "reports fewer than a shorter one."
    )
    windows_differ: bool = Field(
        description="True when credible figures differ only because they cover different time windows."
    )
    has_claims: bool = Field(description="True when a perpetrator claim is among the reports.")
    notes: list[str] = Field(default_factory=list, description="Why the set is (or is not) disputed.")


class MergedPlace(Strict):
    normalized: str = Field(description="One entry per normalised place.")
    name: str = Field(description="Most common spelling.")
    spellings: list[str] = Field(description="Every spelling seen, in any article.")
    articles: list[str] = Field(description="refs of the articles naming it.")


class MergedActor(Strict):
    name: str = Field(description="The most complete name seen.")
    aliases: list[str] = Field(description="Every other name and acronym seen for the same actor.")
    kinds: list[ActorKind]
    roles: list[ActorRole]
    articles: list[str]


class StatementReport(Strict):
    article: str
    outlet: str
    actor: str = Field(description="The speaker as the article named it.")
    text: str
    quote: str | None = None


class MergedStatement(Strict):
    """Claims, accusations, denials and condemnations, merged by kind, speaker and target."""

    kind: StatementKind
    actor: str = Field(description="Who said it (merged actor name).")
    target: str | None = Field(default=None, description="About whom (merged actor name), if stated.")
    reports: list[StatementReport]
    articles: list[str]


class MergedConsequence(Strict):
    kind: ConsequenceKind
    place: str | None = Field(default=None, description="Normalised place, if any article named one.")
    descriptions: list[str] = Field(description="Each article's description, de-duplicated.")
    articles: list[str]


class ConsolidatedWhen(Strict):
    start: date | None = None
    end: date | None = None
    dates_seen: list[date] = Field(default_factory=list, description="Every resolved start date, one per value.")
    unresolved: list[str] = Field(default_factory=list, description="refs of articles whose date is unresolved.")


class ConsolidatedWhere(Strict):
    country: str | None = None
    region: str | None = None
    regions_seen: list[str] = Field(default_factory=list)
    places: list[MergedPlace] = Field(default_factory=list)


class ConsolidatedEvent(Strict):
    """One event as several outlets reported it: agreed facts, disputed figures, who said what."""

    consolidated_version: str = CONSOLIDATED_VERSION
    event_id: str = Field(description="Stable id: date (or 'undated'), region slug and a hash of the article ids.")
    summary: str = Field(description="A short consolidated summary written by code from the merged record.")
    event_type: EventType = Field(description="The most common event type among the articles.")
    event_types_seen: list[EventType]
    articles: list[ArticleRef]
    grouping: list[PairDecision] = Field(description="The pairwise decisions among this event's articles.")
    when: ConsolidatedWhen
    where: ConsolidatedWhere
    actors: list[MergedActor]
    figures: list[FigureSet]
    statements: list[MergedStatement]
    consequences: list[MergedConsequence]


class SkippedFile(Strict):
    path: str
    reason: str


class ConsolidationIndex(Strict):
    """What one `summarizer consolidate` run did: events written, files skipped, every pair decision."""

    consolidated_version: str = CONSOLIDATED_VERSION
    events: list[str] = Field(description="event_ids written.")
    members: dict[str, list[str]] = Field(description="event_id -> refs of its articles.")
    skipped: list[SkippedFile] = Field(default_factory=list)
    decisions: list[PairDecision] = Field(default_factory=list, description="Every pairwise decision, all events.")


# ----- gold ---------------------------------------------------------------------------------------------------


class GoldArticle(Strict):
    ref: str = Field(description="File stem of the article (e.g. '000_...').")
    article_id: str | None = Field(default=None, description="Content-hash id, if known.")


class GoldReport(Strict):
    article: str = Field(description="ref of the article reporting the figure.")
    value: int | None
    qualifier: Qualifier = "exact"
    window: str | None = None
    source: str | None = None
    perpetrator_claim: bool = False
    optional: bool = Field(default=False, description="Matching it earns credit; missing it costs nothing.")


class GoldFigureSet(Strict):
    family: Family
    alt_families: list[Family] = Field(default_factory=list, description="Other acceptable families.")
    outcome: Outcome
    scope: str = WHOLE_EVENT
    reports: list[GoldReport]
    disputed: bool
    windows_differ: bool = False
    in_table: bool = Field(default=False, description="Must appear in the report's disputed-figures table.")


class GoldEvent(Strict):
    name: str
    articles: list[GoldArticle]
    figures: list[GoldFigureSet]


class ConsolidationGold(Strict):
    """Hand-labelled consolidation of a set of articles: which belong together and the figure table."""

    note: str | None = None
    events: list[GoldEvent]
