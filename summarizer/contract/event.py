"""The event summary: the published contract (schema v1).

Every model here is what users read and what `schemas/event_summary.schema.json` is generated from.
Field descriptions are written for analysts; the LLM never fills these models directly (see `llm/passes.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

EventType = Literal[
    "battle",
    "explosion_remote_violence",
    "violence_against_civilians",
    "protest",
    "riot",
    "strategic_development",
    "disaster",
    "accident",
    "other",
]
ACCIDENTAL_TYPES: tuple[EventType, ...] = ("accident", "disaster")
"""Event types of harm nobody meant ('other' fits either)."""
ActorKind = Literal[
    "state_forces", "rebel_group", "militia", "civilians", "government", "foreign_government", "other"
]
ActorRole = Literal["perpetrator", "target", "responder", "claimant", "accuser", "denier", "source"]
Group = Literal[
    "militants",
    "security_forces",
    "police",
    "soldiers",
    "civilians",
    "people",
    "prisoners",
    "officials",
]
Outcome = Literal["killed", "injured", "abducted", "missing", "escaped", "arrested"]
WHOLE_EVENT = "whole event"
"""The scope of a figure about the whole event (any other scope names a place or a site)."""
ScopeKind = Literal["whole_event", "place", "site"]


@dataclass(frozen=True)
class Scope:
    """What a figure counts over: the whole event, one place of the event, or a site (at a place, or not placed).

    The published JSON writes it as one string (`str(scope)`): WHOLE_EVENT, 'Panjgur' (a place), 'Mastung jail' (a
    site the article names after its place), 'Gwadar (a camp)' (a site at a place), 'a district jail' (a site not
    placed). Code reads it back with `Scope.read`, against the summary's place names, instead of comparing text.
    """

    kind: ScopeKind
    place: str | None = None
    site: str | None = None
    joined: bool = False  # 'Mastung jail': the site's noun follows the place's name as the article writes it

    @classmethod
    def whole(cls) -> Scope:
        return cls("whole_event")

    @classmethod
    def at(cls, place: str | None, site: str | None = None, *, joined: bool = False) -> Scope:
        if site is None:
            return cls("place", place) if place else cls("whole_event")
        return cls("site", place, site, joined=joined and place is not None)

    @classmethod
    def read(cls, text: str, places: Iterable[str] = ()) -> Scope:
        """The scope a written scope string means; `places` are the summary's place names (a string that starts
        with one of them is a site at that place)."""
        text = text.strip()
        if not text or text == WHOLE_EVENT:
            return cls.whole()
        bracketed = re.fullmatch(r"(?P<place>.+?) \((?P<site>.+)\)", text)
        if bracketed:
            return cls.at(bracketed["place"], bracketed["site"])
        for name in sorted({n for n in places if n}, key=len, reverse=True):
            if text == name:
                return cls.at(name)
            if text.startswith(name + " "):
                return cls.at(name, text[len(name) + 1 :], joined=True)
        return cls.at(None, text)

    @property
    def whole_event(self) -> bool:
        return self.kind == "whole_event"

    def __str__(self) -> str:
        if self.kind == "whole_event":
            return WHOLE_EVENT
        if self.place and self.site:
            return f"{self.place} {self.site}" if self.joined else f"{self.place} ({self.site})"
        return self.place or self.site or WHOLE_EVENT

    def label(self, title: str) -> str:
        """A figure's title with its scope: 'people killed' or 'people killed (Mastung jail)'."""
        return title if self.whole_event else f"{title} ({self})"

Qualifier = Literal["exact", "at_least", "about", "more_than", "up_to", "vague"]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


def stated_bounds(value: int | None, qualifier: Qualifier, vague_floor: int | None = None
                  ) -> tuple[int | None, int | None]:
    """(low, high) a figure states, by its qualifier (the README's table): 'at least 30' -> (30, None), 'more than
    30' -> (31, None), 'up to 30' -> (None, 30), 'about 30' -> (None, None), 'dozens' -> (its floor, None)."""
    if qualifier == "vague" or value is None:
        return vague_floor, None
    return {
        "exact": (value, value),
        "at_least": (value, None),
        "more_than": (value + 1, None),
        "about": (None, None),
        "up_to": (None, value),
    }[qualifier]


_QUALIFIER_WORDS: dict[str, str] = {"at_least": "at least ", "more_than": "more than ", "about": "about ",
                                    "up_to": "up to "}


def stated_count(value: int, qualifier: Qualifier) -> str:
    """A figure's value with its qualifier in English words: 'at least 30', 'more than 30', '30'."""
    return f"{_QUALIFIER_WORDS.get(qualifier, '')}{value}"


def comparable_range(value: int | None, qualifier: Qualifier) -> tuple[float, float] | None:
    """The values a figure allows when two figures are compared: its stated bounds, open ends unbounded, and
    'about N' N +/- 10 % (at least 1). Vague figures are never compared (None)."""
    if value is None or qualifier == "vague":
        return None
    if qualifier == "about":
        slack = max(1, math.ceil(0.1 * value))
        return float(value - slack), float(value + slack)
    low, high = stated_bounds(value, qualifier)
    return (0.0 if low is None else float(low)), (math.inf if high is None else float(high))


SourceKind = Literal["government", "military", "police", "perpetrator", "media", "medical", "other", "unknown"]
FigureStatus = Literal["reported", "claimed", "confirmed", "disputed", "revised"]
StatementKind = Literal["claim_of_responsibility", "accusation", "denial", "condemnation", "other"]
ConsequenceKind = Literal[
    "jail_break",
    "abduction",
    "transport_suspension",
    "internet_suspension",
    "curfew",
    "emergency",
    "other",
]
DatePrecision = Literal["day", "month", "year", "unknown"]
DateBasis = Literal["explicit", "dateline", "publication_date", "unresolved"]
MatchKind = Literal["exact", "fuzzy"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(Strict):
    """A verbatim span of the article, located by code (never by the model)."""

    quote: str = Field(description="The article text that supports the item, exactly as it appears.")
    start: int = Field(ge=0, description="Character offset of the quote's first character.")
    end: int = Field(ge=0, description="Character offset one past the quote's last character.")
    match: MatchKind = Field(description="exact: found verbatim; fuzzy: found after normalising spacing/quotes.")


class ArticleMeta(Strict):
    id: str = Field(description="Stable id: first 16 hex digits of the SHA-256 of the article text.")
    title: str | None = Field(default=None, description="Headline as printed, if the article has one.")
    outlet: str | None = Field(default=None, description="News outlet or agency, if stated.")
    dateline: str | None = Field(default=None, description="Dateline text as printed, e.g. 'QUETTA, Pakistan, Jan 31'.")
    published: date | None = Field(default=None, description="Publication or dateline date, only if fully stated.")
    chars: int = Field(ge=0, description="Length of the article text in characters.")
    language: str | None = Field(default=None, description="ISO 639-1 code of the article's language; 'und' when "
                                 "it cannot be told.")


class When(Strict):
    start: date | None = Field(default=None, description="First day of the event, if it can be resolved.")
    end: date | None = Field(default=None, description="Last day of the event, if it can be resolved.")
    precision: DatePrecision = "unknown"
    text: str | None = Field(default=None, description="The article's own words for the time ('on Saturday').")
    basis: DateBasis = Field(
        default="unresolved",
        description="How the date was found: stated explicitly, resolved against the dateline or publication "
        "date, or left unresolved (never guessed).",
    )
    evidence: Evidence | None = None


class Place(Strict):
    name: str = Field(description="Spelling as in the article (first occurrence).")
    normalized: str = Field(description="Normalised form shared by all spellings of the same place.")
    spellings: list[str] = Field(default_factory=list, description="Every spelling seen in the article.")
    evidence: Evidence


class Where(Strict):
    country: str | None = None
    country_named: bool | None = Field(
        default=None, description="Whether the article names the country (or its adjective); false when the model "
                                  "inferred it from the places, null when not checked.")
    region: str | None = Field(default=None, description="First-level administrative region (province/state).")
    places: list[Place] = Field(default_factory=list, description="Places named in the article, each once.")


class Actor(Strict):
    name: str
    normalized: str
    aliases: list[str] = Field(default_factory=list, description="Other names and acronyms for the same actor.")
    kind: ActorKind
    roles: list[ActorRole] = Field(default_factory=list)
    evidence: Evidence


class Casualty(Strict):
    """One reported figure. Figures are never merged: two sources, two entries."""

    id: str = Field(description="c1, c2, ... in article order.")
    group: Group
    outcome: Outcome
    value: int | None = Field(default=None, description="The stated number; None for vague words ('dozens').")
    low: int | None = Field(default=None, description="Lower bound implied by value and qualifier.")
    high: int | None = Field(default=None, description="Upper bound implied by value and qualifier, if any.")
    qualifier: Qualifier
    raw_text: str = Field(description="The number as written, with its qualifier ('at least 67').")
    scope: str = Field(description=f"'{WHOLE_EVENT}' or the named place/incident the figure is about.")
    window: str | None = Field(default=None, description="Time window as written ('over the past 48 hours').")
    reported_by: str | None = Field(default=None, description="Who gave the figure, in the article's words.")
    source_kind: SourceKind = "unknown"
    status: FigureStatus = "reported"
    evidence: Evidence


class Incident(Strict):
    id: str
    place: str | None = None
    description: str
    casualty_ids: list[str] = Field(default_factory=list)
    evidence: Evidence


class Statement(Strict):
    kind: StatementKind
    actor: str = Field(description="Who made the claim, accusation, denial or condemnation.")
    target: str | None = Field(default=None, description="About whom (the accused, the attack claimed...).")
    text: str = Field(description="What was said, briefly.")
    evidence: Evidence


class Consequence(Strict):
    kind: ConsequenceKind
    description: str
    place: str | None = None
    evidence: Evidence


class Rollup(Strict):
    """Computed by code over the casualty entries of one group and outcome."""

    group: Group
    outcome: Outcome
    low: int | None
    best: int | None
    high: int | None
    conservative: int | None = Field(description="ACLED-style most conservative estimate (lowest credible figure).")
    reports: int
    disputed: bool = Field(description="True when figures for the same scope and window differ.")
    casualty_ids: list[str]


class DroppedItem(Strict):
    kind: str
    reason: str
    content: str


class PassRecord(Strict):
    name: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retries: int = 0
    asked_again: list[str] = Field(default_factory=list, description=(
        "What the model was told when its answer was asked for again (a place the article does not hold, a headline "
        "in another language): the checks' problems, as written in the re-ask."))


class Provenance(Strict):
    backend: str
    model: str
    prompt_hash: str
    schema_version: str = SCHEMA_VERSION
    schema_hash: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retries: int = 0
    passes: list[PassRecord] = Field(default_factory=list)
    dropped: list[DroppedItem] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list, description="What the reader could not do (e.g. an "
                                "unsupported language), also shown on the command line.")


class EventSummary(Strict):
    schema_version: str = SCHEMA_VERSION
    article: ArticleMeta
    headline: str
    summary: str
    event_type: EventType
    when: When
    where: Where
    actors: list[Actor] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)
    incidents: list[Incident] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    consequences: list[Consequence] = Field(default_factory=list)
    rollups: list[Rollup] = Field(default_factory=list)
    provenance: Provenance
