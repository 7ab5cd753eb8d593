"""Hand-built EventSummary objects for the consolidation tests (a made-up country, places and groups)."""

from __future__ import annotations

from datetime import date
from typing import Any

from summarizer.contract.event import (
    Actor,
    ArticleMeta,
    Casualty,
    Consequence,
    EventSummary,
    Evidence,
    Place,
    Provenance,
    Statement,
    When,
    Where,
)


def ev(quote: str = "quoted text") -> Evidence:
    return Evidence(quote=quote, start=0, end=len(quote), match="exact")


def place(name: str, normalized: str | None = None) -> Place:
    return Place(name=name, normalized=normalized or name, spellings=[name], evidence=ev(name))


def actor(name: str, kind: str = "rebel_group", roles: list[str] | None = None, aliases: list[str] | None = None
          ) -> Actor:
    return Actor(name=name, normalized=name, aliases=aliases or [], kind=kind,  # type: ignore[arg-type]
                 roles=roles or [], evidence=ev(name))  # type: ignore[arg-type]


def fig(cid: str, group: str, outcome: str, value: int | None, qualifier: str = "exact", *, window: str | None = None,
        scope: str = "whole event", by: str | None = "officials", kind: str = "government", status: str = "reported",
        raw: str | None = None) -> Casualty:
    low = value + 1 if value is not None and qualifier == "more_than" else value
    high = value if qualifier == "exact" else None
    return Casualty(id=cid, group=group, outcome=outcome, value=value, low=low, high=high,  # type: ignore[arg-type]
                    qualifier=qualifier, raw_text=raw or f"{qualifier.replace('_', ' ')} {value}",  # type: ignore[arg-type]
                    scope=scope, window=window, reported_by=by, source_kind=kind, status=status,  # type: ignore[arg-type]
                    evidence=ev())


def summary(aid: str, *, outlet: str | None = None, start: date | None = None, event_type: str = "battle",
            country: str = "Varnia", region: str = "Kestria", places: list[Place] | None = None,
            country_named: bool | None = None,
            actors: list[Actor] | None = None, casualties: list[Casualty] | None = None,
            statements: list[Statement] | None = None, consequences: list[Consequence] | None = None,
            published: date | None = None, **extra: Any) -> EventSummary:
    return EventSummary(
        article=ArticleMeta(id=aid, outlet=outlet, published=published, chars=1000),
        headline="h", summary="s", event_type=event_type,  # type: ignore[arg-type]
        when=When(start=start, end=start, precision="day" if start else "unknown",
                  basis="explicit" if start else "unresolved"),
        where=Where(country=country, country_named=country_named, region=region, places=places or []),
        actors=actors or [], casualties=casualties or [], statements=statements or [],
        consequences=consequences or [],
        provenance=Provenance(backend="fake", model="m", prompt_hash="p", schema_hash="s"), **extra,
    )


def statement(kind: str, who: str, text: str, target: str | None = None) -> Statement:
    return Statement(kind=kind, actor=who, target=target, text=text, evidence=ev(text))  # type: ignore[arg-type]


def consequence(kind: str, description: str, where: str | None = None) -> Consequence:
    return Consequence(kind=kind, description=description, place=where, evidence=ev(description))  # type: ignore[arg-type]


def one_event_reports() -> list[tuple[str, EventSummary]]:
    """Five made-up outlets reporting one coordinated attack, with the kinds of disagreement real ones show."""
    front = actor("Kestrian Freedom Front", roles=["perpetrator", "claimant"], aliases=["KFF"])
    front_short = actor("KFF", roles=["claimant"])
    army = actor("Varnian army", kind="state_forces", roles=["responder"])
    d = date(2031, 5, 10)
    return [
        ("a1", summary("aaaa000000000001", outlet="Outlet One", start=d,
                       places=[place("Dorvan"), place("Port Elsa"), place("Kestria")], actors=[front, army],
                       casualties=[fig("c1", "militants", "killed", 40, "at_least", window="on Tuesday"),
                                   fig("c2", "police", "killed", 8, "about", by="four officials"),
                                   fig("c3", "civilians", "killed", 9),
                                   fig("c4", "security_forces", "killed", 60, by="Kestrian Freedom Front",
                                       kind="perpetrator", status="claimed")],
                       statements=[statement("claim_of_responsibility", "Kestrian Freedom Front", "claimed it")],
                       consequences=[consequence("jail_break", "prisoners escaped from Mirak jail", "Mirak")])),
        ("a2", summary("aaaa000000000002", outlet="Outlet Two", start=None,
                       places=[place("Dorwan", "Dorvan"), place("Port Elsa"), place("Mirak")], actors=[front_short],
                       casualties=[fig("c1", "militants", "killed", 40, window="Tuesday"),
                                   fig("c2", "militants", "killed", 70, window="over the past 48 hours"),
                                   fig("c3", "prisoners", "escaped", 20, scope="Mirak jail", by="police")],
                       statements=[statement("claim_of_responsibility", "KFF", "said it carried out the attacks")])),
        ("a3", summary("aaaa000000000003", outlet="Outlet Three", start=None,
                       places=[place("Dorvan"), place("Port Elsa"), place("Mirak")], actors=[front, army],
                       casualties=[fig("c1", "militants", "killed", 70, "at_least", window="past two days"),
                                   fig("c2", "soldiers", "killed", 8),
                                   fig("c3", "prisoners", "escaped", 25, "more_than", scope="Mirak prison")],
                       consequences=[consequence("jail_break", "inmates fled the prison")])),
        ("a4", summary("aaaa000000000004", outlet=None, start=None,
                       places=[place("Port Elsa"), place("Dorvan"), place("Mirak")],
                       actors=[actor("Kestrian Freedom Front", roles=["claimant"])],
                       casualties=[fig("c1", "militants", "killed", 95, "at_least", window="roughly 30 hours",
                                       by="the governor"),
                                   fig("c2", "security_forces", "killed", 14, by="the governor"),
                                   fig("c3", "civilians", "killed", 22, by="the governor"),
                                   fig("c4", "prisoners", "escaped", 25, "at_least", scope="a district jail")])),
        ("a5", summary("aaaa000000000005", outlet="Outlet Five", start=d, event_type="violence_against_civilians",
                       places=[place("Port Elsa"), place("Dorvan")], actors=[front],
                       casualties=[fig("c1", "civilians", "killed", 9, scope="Port Elsa")])),
    ]


def other_event(days_later: int = 7) -> tuple[str, EventSummary]:
    """A distinct attack in the same province a week later: other places, other group."""
    return ("b1", summary("bbbb000000000001", outlet="Outlet One", start=date(2031, 5, 10 + days_later),
                          places=[place("Hallow Creek"), place("Sarn"), place("Kestria")],
                          actors=[actor("Sarn Valley Militia", kind="militia", roles=["perpetrator"]),
                                  actor("Varnian army", kind="state_forces", roles=["responder"])],
                          casualties=[fig("c1", "soldiers", "killed", 3)]))
