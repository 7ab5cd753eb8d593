"""Actors assembled by code from what the passes found: statement authors, figure sources, named forces.

Each actor is located in the article; aliases come from the article itself ('Long Name (LN)') and from
matching acronyms and surnames; kinds come from the words of the name.
"""

from __future__ import annotations

import re

from summarizer.contract.event import Actor, ActorKind, ActorRole, Casualty, Statement, Where
from summarizer.lang import Lexicon, english, per_lexicon
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
_KINDS: tuple[ActorKind, ...] = ("rebel_group", "militia", "state_forces", "government", "civilians")


@per_lexicon
def _kind_patterns(lx: Lexicon) -> dict[str, re.Pattern[str]]:
    """The lexicon's [actors] words, one pattern per kind."""
    return {kind: re.compile("|".join(words)) for kind, words in lx.actor_kinds if words}


def actor_kind(name: str, event_country: str | None, lx: Lexicon | None = None) -> ActorKind:
    """An actor's kind by the words of its name, in English and the article's language (lexicon [actors]), kind by
    kind in the order rebel group, militia, state forces, government, civilians; 'other' when none matches."""
    if is_country(name):
        return "government" if event_country and fold(name) == fold(event_country) else "foreign_government"
    lowered = name.lower()
    tables = [_kind_patterns(english()), *([_kind_patterns(lx)] if lx is not None and lx.code != "en" else [])]
    for kind in _KINDS:
        if any(kind in table and table[kind].search(lowered) for table in tables):
            return kind
    if re.fullmatch(r"[A-Z]{2,6}", name.strip()):
        return "rebel_group" if not re.search(r"police|army", lowered) else "state_forces"
    return "other"


def _kind(name: str, described: str, event_country: str | None, lx: Lexicon | None) -> ActorKind:
    """Kind from the name, else from the words the article used around it ('police official Ibad Khan')."""
    kind = actor_kind(name, event_country, lx)
    return actor_kind(described, event_country, lx) if kind == "other" else kind


def build_actors(text: str, statements: list[Statement], casualties: list[Casualty], where: Where,
                 known: dict[str, str], speakers: list[str] | None = None, lx: Lexicon | None = None) -> list[Actor]:
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
                                kind=_kind(evidence.quote, original, where.country, lx), roles=list(roles),
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
