"""Analyst exports: one CSV row per article or per consolidated event, in ACLED's column names.

The columns are those of ACLED's export that a summary can fill, then UCDP GED-style `low` / `best` / `high`
fatality estimates, then a few of our own. The mapping (also in the README):

- event_id_cnty: the article id, or the consolidated event id.
- event_date, year, time_precision: the event's start date; precision day -> 1, month or year -> 3.
- disorder_type, event_type, sub_event_type: ACLED's names for our event type (`ACLED_TYPES`); the sub-event
  type is read from the headline and summary (suicide bomb, air/drone strike, shelling, IED, grenade, abduction),
  else the type's default. Disaster, accident and other have no ACLED type and stay empty.
- actor1 / assoc_actor_1: actors with the role perpetrator (else claimant); actor2 / assoc_actor_2: actors with
  the role target (else responder), else "Civilians (<country>)" when civilians were harmed. inter1 / inter2:
  ACLED's actor type names for the first actor of each side.
- civilian_targeting: "Civilian targeting" for violence against civilians.
- country, admin1 (the region), location (the first place where something happened, else the first place that
  is not the region or country). admin2 stays empty: the schema has no second-level unit.
- source: the outlet(s); notes: the summary (consolidated summary for events).
- fatalities: the conservative figure: per group, the lowest credible figure, claims excluded ('dozens' counts
  as 12); groups that can overlap are not added up: security forces, police and soldiers count as one family
  (the largest), and "people" counts only where it exceeds the specific groups' sum.
- low / best / high: the same sum over the lows, the best estimates (consolidated: the median of the counted
  reports) and the highs (an open upper bound such as 'at least 67' counts as its best value).

Text cells that a spreadsheet would run as a formula (starting with = + - @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence

from summarizer.consolidate.figures import FAMILY
from summarizer.contract.consolidated import ConsolidatedEvent, FigureSet
from summarizer.contract.event import Actor, EventSummary, EventType, Rollup, Scope
from summarizer.extract.rollups import compute_rollups

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "civilian_targeting", "country",
    "admin1", "admin2", "location", "source", "notes", "fatalities",
]
GED_COLUMNS = ["low", "best", "high"]
OWN_COLUMNS = ["summarizer_event_type", "disputed", "claimed_fatalities", "articles", "ref"]
COLUMNS = ACLED_COLUMNS + GED_COLUMNS + OWN_COLUMNS

ACLED_TYPES: dict[EventType, tuple[str, str, str]] = {
    # our type: (disorder_type, event_type, default sub_event_type)
    "battle": ("Political violence", "Battles", "Armed clash"),
    "explosion_remote_violence": ("Political violence", "Explosions/Remote violence",
                                  "Remote explosive/landmine/IED"),
    "violence_against_civilians": ("Political violence", "Violence against civilians", "Attack"),
    "protest": ("Demonstrations", "Protests", "Peaceful protest"),
    "riot": ("Demonstrations", "Riots", "Violent demonstration"),
    "strategic_development": ("Strategic developments", "Strategic developments", "Other"),
}
_SUB_TYPES: list[tuple[EventType, re.Pattern[str], str]] = [
    ("explosion_remote_violence", re.compile(r"\bsuicide\b", re.I), "Suicide bomb"),
    ("explosion_remote_violence", re.compile(r"\b(?:air ?strikes?|drone strikes?|airstrikes?)\b", re.I),
     "Air/drone strike"),
    ("explosion_remote_violence", re.compile(r"\b(?:shell(?:ing|ed)|artillery|missiles?|rockets?|mortars?)\b", re.I),
     "Shelling/artillery/missile attack"),
    ("explosion_remote_violence", re.compile(r"\bgrenades?\b", re.I), "Grenade"),
    ("violence_against_civilians", re.compile(r"\b(?:abduct\w*|kidnap\w*)\b", re.I),
     "Abduction/forced disappearance"),
]
INTER: dict[str, str] = {
    "state_forces": "State forces", "government": "State forces", "rebel_group": "Rebel group",
    "militia": "Political militia", "civilians": "Civilians", "foreign_government": "External/Other forces",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HARMED = ("killed", "injured", "abducted")


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _sub_event_type(event_type: EventType, text: str) -> str:
    for kind, pattern, name in _SUB_TYPES:
        if kind == event_type and pattern.search(text):
            return name
    return ACLED_TYPES[event_type][2] if event_type in ACLED_TYPES else ""


def _type_columns(event_type: EventType, text: str) -> dict[str, str]:
    disorder, acled_type, _ = ACLED_TYPES.get(event_type, ("", "", ""))
    return {"disorder_type": disorder, "event_type": acled_type, "sub_event_type": _sub_event_type(event_type, text),
            "summarizer_event_type": event_type,
            "civilian_targeting": "Civilian targeting" if event_type == "violence_against_civilians" else ""}


def _sides(names_roles_kinds: Sequence[tuple[str, Sequence[str], Sequence[str]]]) -> tuple[list[tuple[str, str]],
                                                                                         list[tuple[str, str]]]:
    def with_role(*roles: str) -> list[tuple[str, str]]:
        for role in roles:
            found = [(name, INTER.get(kinds[0], "") if kinds else "")
                     for name, rs, kinds in names_roles_kinds if role in rs]
            if found:
                return found
        return []

    side1 = with_role("perpetrator", "claimant")
    taken = {name for name, _ in side1}
    side2 = [x for x in with_role("target") if x[0] not in taken] or [
        x for x in with_role("responder") if x[0] not in taken]
    return side1, side2


def _actor_columns(sides: tuple[list[tuple[str, str]], list[tuple[str, str]]], civilians_harmed: bool,
                   country: str | None) -> dict[str, str]:
    side1, side2 = sides
    if not side2 and civilians_harmed:
        side2 = [(f"Civilians ({country})" if country else "Civilians", "Civilians")]
    return {"actor1": side1[0][0] if side1 else "", "assoc_actor_1": "; ".join(n for n, _ in side1[1:]),
            "inter1": side1[0][1] if side1 else "", "actor2": side2[0][0] if side2 else "",
            "assoc_actor_2": "; ".join(n for n, _ in side2[1:]), "inter2": side2[0][1] if side2 else ""}


def combine(per_group: dict[str, int]) -> int | None:
    """Add up per-group killed figures without double counting groups that can overlap (see module notes)."""
    if not per_group:
        return None
    family_of: dict[str, str] = {str(group): str(family) for group, family in FAMILY.items()}
    families: dict[str, int] = defaultdict(int)
    for group, value in per_group.items():
        family = family_of.get(group, group)
        families[family] = max(families[family], value)
    specific = sum(v for f, v in families.items() if f != "people")
    return max(specific, families.get("people", 0))


def _date_columns(start: object, precision: str) -> dict[str, str]:
    if start is None:
        return {"event_date": "", "year": "", "time_precision": ""}
    iso = str(start)
    return {"event_date": iso, "year": iso[:4], "time_precision": "1" if precision == "day" else "3"}


# ----- one article --------------------------------------------------------------------------------------------


def _credible_rollups(s: EventSummary) -> list[Rollup]:
    """Killed totals that rest on at least one figure that is not a claim (computed if the summary has none)."""
    claims = {c.id for c in s.casualties if c.status == "claimed" or c.source_kind == "perpetrator"}
    rollups = s.rollups or compute_rollups(list(s.casualties))
    return [r for r in rollups if r.outcome == "killed" and any(cid not in claims for cid in r.casualty_ids)]


def _article_location(s: EventSummary) -> str:
    wide = {(s.where.region or "").lower(), (s.where.country or "").lower()}
    names = [p.name for p in s.where.places if p.name.lower() not in wide]
    for candidate in [i.place for i in s.incidents] + [c.place for c in s.consequences] + [c.scope for c in
                                                                                            s.casualties]:
        if not candidate:
            continue
        for name in names:
            if name.lower() in candidate.lower():
                return name
    return names[0] if names else (s.where.region or "")


def _actors(actors: Iterable[Actor]) -> list[tuple[str, Sequence[str], Sequence[str]]]:
    return [(a.name, list(a.roles), [a.kind]) for a in actors]


def _high(r: Rollup) -> int | None:
    return r.high if r.high is not None else r.best


def article_row(s: EventSummary, ref: str = "") -> dict[str, str]:
    """One ACLED-style row for one article's summary."""
    credible = _credible_rollups(s)
    claims = [c for c in s.casualties if c.outcome == "killed" and (c.status == "claimed"
                                                                   or c.source_kind == "perpetrator")]
    harmed = any(c.group == "civilians" and c.outcome in _HARMED for c in s.casualties)
    row: dict[str, object] = {
        "event_id_cnty": s.article.id, **_date_columns(s.when.start, s.when.precision),
        **_type_columns(s.event_type, f"{s.headline} {s.summary}"),
        **_actor_columns(_sides(_actors(s.actors)), harmed, s.where.country),
        "country": s.where.country, "admin1": s.where.region, "admin2": "", "location": _article_location(s),
        "source": s.article.outlet, "notes": s.summary,
        "fatalities": combine({r.group: r.conservative for r in credible if r.conservative is not None}),
        "low": combine({r.group: r.low for r in credible if r.low is not None}),
        "best": combine({r.group: r.best for r in credible if r.best is not None}),
        "high": combine({r.group: h for r in credible if (h := _high(r)) is not None}),
        "disputed": "yes" if any(r.disputed for r in credible) else "no",
        "claimed_fatalities": "; ".join(f"{c.raw_text} ({c.group.replace('_', ' ')} {c.outcome}; "
                                        f"{c.reported_by or 'unnamed'})"
                                        for c in claims),
        "articles": 1, "ref": ref,
    }
    return {column: _safe(row.get(column)) for column in COLUMNS}


# ----- one consolidated event ---------------------------------------------------------------------------------


def _set_best(f: FigureSet) -> int | None:
    """The median of the counted reports' numbers; vague words ('dozens') only when no report gives a number."""
    counted = [r for r in f.reports if r.role == "figure" and not r.perpetrator_claim]
    precise = [r.value for r in counted if r.value is not None]
    vague = [r.low for r in counted if r.value is None and r.low is not None]
    values = precise or vague
    if not values:
        return f.conservative
    best = int(statistics.median(values))
    return max(best, f.low) if f.low is not None else best


def _killed_sets(event: ConsolidatedEvent) -> list[FigureSet]:
    """Whole-event sets of people killed; a family with none contributes its place-scoped sets."""
    killed = [f for f in event.figures if f.outcome == "killed" and f.conservative is not None]
    whole = {f.family for f in killed if Scope.read(f.scope).whole_event}
    return [f for f in killed if Scope.read(f.scope).whole_event or f.family not in whole]


def _sum_by_family(sets: Sequence[FigureSet], value: dict[str, int | None]) -> int | None:
    per_family: dict[str, int] = defaultdict(int)
    for f in sets:
        v = value.get(f.key)
        if v is not None:
            per_family[f.family] += v
    return combine(dict(per_family))


def event_row(event: ConsolidatedEvent) -> dict[str, str]:
    """One ACLED-style row for one consolidated event."""
    sets = _killed_sets(event)
    best = {f.key: _set_best(f) for f in sets}
    high = {f.key: f.high if f.high is not None else best[f.key] for f in sets}
    wide = {(event.where.region or "").lower(), (event.where.country or "").lower()}
    places = [p.name for p in event.where.places if p.name.lower() not in wide]
    claims = [f"{r.raw_text} ({f.family.replace('_', ' ')} {f.outcome}; {r.source or 'unnamed'}; {r.outlet})"
              for f in event.figures if f.outcome == "killed" for r in f.reports if r.perpetrator_claim]
    harmed = any(f.family == "civilians" and f.outcome in _HARMED and f.conservative for f in event.figures)
    actors = [(a.name, a.roles, a.kinds) for a in event.actors]
    row: dict[str, object] = {
        "event_id_cnty": event.event_id,
        **_date_columns(event.when.start, "day" if event.when.start else "unknown"),
        **_type_columns(event.event_type, event.summary),
        **_actor_columns(_sides(actors), harmed, event.where.country),
        "country": event.where.country, "admin1": event.where.region, "admin2": "",
        "location": places[0] if places else (event.where.region or ""),
        "source": "; ".join(dict.fromkeys(a.outlet for a in event.articles)), "notes": event.summary,
        "fatalities": _sum_by_family(sets, {f.key: f.conservative for f in sets}),
        "low": _sum_by_family(sets, {f.key: f.low for f in sets}),
        "best": _sum_by_family(sets, best), "high": _sum_by_family(sets, high),
        "disputed": "yes" if any(f.disputed for f in sets) else "no",
        "claimed_fatalities": "; ".join(claims), "articles": len(event.articles),
        "ref": "; ".join(a.ref for a in event.articles),
    }
    return {column: _safe(row.get(column)) for column in COLUMNS}


def to_csv(rows: Iterable[dict[str, str]]) -> str:
    """The rows as CSV text (RFC 4180 quoting, header first)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def articles_csv(summaries: Iterable[tuple[str, EventSummary]]) -> str:
    return to_csv(article_row(s, ref) for ref, s in summaries)


def events_csv(events: Iterable[ConsolidatedEvent]) -> str:
    return to_csv(event_row(e) for e in events)
