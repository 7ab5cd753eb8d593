"""Actors assembled by code from what the passes found: statement authors, figure sources, named forces.

Each actor is located in the article; aliases come from the article itself ('Long Name (LN)') and from
matching acronyms and surnames; kinds come from the words of the name.
"""

from __future__ import annotations

import re

from summarizer.contract.event import Actor, ActorKind, ActorRole, Casualty, Statement, Where
from summarizer.text.calendar import WEEKDAY_PATTERN
from summarizer.text.grounding import locate
from summarizer.text.names import fold, is_country, same_actor

_ROLE_OF_STATEMENT: dict[str, list[ActorRole]] = {
    "claim_of_responsibility": ["perpetrator", "claimant"],
    "accusation": ["accuser"],
    "denial": ["denier"],
    "condemnation": ["source"],
    "other": ["source"],
}
_FORCES = re.compile(r"\b(?:[A-Z][\w’']+\s+)?(?i:security forces|armed forces|army|military|troops|"
                     r"paramilitary forces|counter[- ]?terrorism (?:units|department|forces))\b")
_KIND_RULES: list[tuple[str, ActorKind]] = [
    (r"liberation|front\b|taliban|separatist|insurgen|militan|rebel|jihad|islamic state|al[- ]qaeda|guerr|"
     r"fighters|brigade|movement|outfit", "rebel_group"),
    (r"militia|vigilante|armed men|gunmen", "militia"),
    (r"force|army|military|troops|police|soldier|paramilitary|counter[- ]?terror|frontier corps|officer|"
     r"commander|media wing", "state_forces"),
    (r"minister|ministry|government|official|authorit|spokes|governor|president|administration|cabinet|"
     r"council|mayor|chief", "government"),
    (r"civilian|resident|worker|villager|passenger|student", "civilians"),
]


def actor_kind(name: str, event_country: str | None) -> ActorKind:
    if is_country(name):
        return "government" if event_country and fold(name) == fold(event_country) else "foreign_government"
    lowered = name.lower()
    for pattern, kind in _KIND_RULES:
        if re.search(pattern, lowered):
            return kind
    if re.fullmatch(r"[A-Z]{2,6}", name.strip()):
        return "rebel_group" if not re.search(r"police|army", lowered) else "state_forces"
    return "other"


def _kind(name: str, described: str, event_country: str | None) -> ActorKind:
    """Kind from the name, else from the words the article used around it ('police official Ibad Khan')."""
    kind = actor_kind(name, event_country)
    return actor_kind(described, event_country) if kind == "other" else kind


def build_actors(text: str, statements: list[Statement], casualties: list[Casualty], where: Where,
                 known: dict[str, str], speakers: list[str] | None = None) -> list[Actor]:
    speakers = speakers or []
    actors: list[Actor] = []
    place_names = {fold(s) for p in where.places for s in p.spellings} | {
        fold(x) for x in (where.country, where.region) if x}

    def add(name: str, roles: list[ActorRole]) -> None:
        original = name
        name = name.strip().strip(",.;:'\"")
        name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
        if re.search(r"\b[A-Z]", name):  # 'banned separatist group Baloch Liberation Army' -> the proper name
            name = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", "", name)
        name = re.sub(r",\s+(?:a|an|the)\s+[^,]+$", "", name)  # 'Atta Khan, a senior police officer' -> name
        if re.fullmatch(rf"(?:on\s+|early\s+|late\s+)?(?:{WEEKDAY_PATTERN}|today|yesterday)", name, re.IGNORECASE):
            return
        acronym_suffix = re.search(r"\s*\(([A-Z]{2,8})\)$", name)
        if acronym_suffix:
            name = name[: acronym_suffix.start()]
        if len(name) < 2 or (fold(name) in place_names and not is_country(name)):
            return
        evidence = locate(text, name)
        if evidence is None:
            return
        match = next((a for a in actors if same_actor(a.name, name, known)
                      or any(same_actor(x, name, known) for x in a.aliases)), None)
        if match is None:
            actors.append(Actor(name=evidence.quote, normalized=evidence.quote, aliases=[],
                                kind=_kind(evidence.quote, original, where.country), roles=list(roles),
                                evidence=evidence))
        else:
            match.roles.extend(r for r in roles if r not in match.roles)
            if fold(evidence.quote) != fold(match.name) and evidence.quote not in match.aliases:
                match.aliases.append(evidence.quote)

    for statement in statements:
        add(statement.actor, _ROLE_OF_STATEMENT.get(statement.kind, ["source"]))
        if statement.kind in ("accusation", "denial") and statement.target and is_country(statement.target):
            add(statement.target, [])
    for casualty in casualties:
        if casualty.reported_by:
            add(casualty.reported_by, ["source"])
    for speaker in speakers:
        if re.search(r"\b[A-Z][a-z]", speaker):  # named speakers only: 'officials' alone adds nothing
            add(speaker, ["source"])
    forces = _FORCES.search(text)
    if forces:
        add(forces.group(0), ["responder"])

    for actor in actors:
        names = {fold(actor.name), *(fold(a) for a in actor.aliases)}
        for short, long in known.items():
            if fold(short) in names or fold(long) in names or same_actor(short, actor.name, known):
                for alias in (short, long):
                    if fold(alias) != fold(actor.name) and alias not in actor.aliases:
                        actor.aliases.append(alias)
                actor.normalized = long
        # other spellings of a multi-word name elsewhere in the text (Baloch / Balochistan Liberation Army)
        if " " in actor.normalized:
            for other in sorted(set(re.findall(r"\b(?:[A-Z][\w'’-]+\s+){2,5}[A-Z][\w'’-]+\b", text))):
                if (other not in actor.aliases and fold(other) != fold(actor.name)
                        and same_actor(other, actor.normalized, known)):
                    actor.aliases.append(other)
        if actor.kind == "other" and any(r in actor.roles for r in ("perpetrator", "claimant")):
            actor.kind = "rebel_group"
    return actors
