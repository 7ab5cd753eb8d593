"""Grouping summaries into events, by code, pair by pair.

Every pair gets a decision and its reasons recorded (`PairDecision`):
- vetoes (never the same event): dates more than 3 days apart; one event starting after the other article was
  published; different countries, unless both name a distinctive place (the country is the model's reading of
  one report): then the pair is at most borderline; a country its article does not name (`where.country_named`
  false: the model inferred it) is not weighed;
- event types from different families (political violence vs protest vs harm nobody meant, disaster or accident;
  'strategic_development' and 'other' are compatible with anything) cost 2: the type is the model's reading of one
  report, and two reports of one bus crash were typed 'accident' and 'violence_against_civilians';
- score: date (same day +2, one day apart +1, unresolved 0), shared places excluding the region itself
  (+1 each, at most +3), a shared perpetrator-side actor (+1.5), other shared actors (+0.25 each, at most +0.5),
  same event type (+0.5), same region (+0.5, different regions -1);
- same_event needs a shared place, a shared perpetrator-side actor or a distinctive name, and a score of at least 3
  (3.5 when either date is unresolved: one shared place with the same type and region is not enough); a pair that falls
  short by at most 1.5 is borderline: merged only if the optional `confirm` callback (e.g. an LLM) says so. Two
  reports in the same region with close tolls are borderline when the score allows, even with no shared place; an
  undated pair anchored only by names in the model's leads is at most borderline. A pair that falls short, whose death
  tolls disagree wholly (every toll of one at least twice every toll of the other: 5 police killed / 44 people
  killed), is different without asking: too little joins them to outweigh the tolls.
Events are built by linking same_event pairs, best first, never joining two groups that contain a vetoed pair.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from summarizer.consolidate.figures import FAMILY
from summarizer.consolidate.names import ActorIndex, PlaceIndex
from summarizer.contract.consolidated import PairDecision
from summarizer.contract.event import ACCIDENTAL_TYPES, EventSummary
from summarizer.extract.places import region_name
from summarizer.extract.regions import known_regions
from summarizer.text.calendar import MONTHS, WEEKDAYS
from summarizer.text.names import COUNTRY_NAMES, fold, is_country, is_country_name, is_demonym

Confirmer = Callable[[EventSummary, EventSummary], "bool | tuple[bool, str]"]
"""Settles a borderline pair: same event or not, optionally with its reason (recorded in the decision)."""

MAX_DAYS_APART = 3
MAX_PUBLISHED_APART = 30  # reports of one event are published within a month of each other
SAME_EVENT_SCORE = 3.0
SAME_EVENT_SCORE_UNDATED = 3.5
BORDERLINE_MARGIN = 1.5
INCOMPATIBLE_TYPES_PENALTY = 2.0
_TYPE_FAMILY: dict[str, str] = {
    "battle": "violence",
    "explosion_remote_violence": "violence",
    "violence_against_civilians": "violence",
    "protest": "unrest",
    "riot": "unrest",
    # one family: an earthquake's collapsed school is an accident to one outlet, a disaster to another
    **dict.fromkeys(ACCIDENTAL_TYPES, "unmeant"),
}


# ----- grouping -----------------------------------------------------------------------------------------------


def _event_dates(s: EventSummary) -> tuple[date, date] | None:
    if s.when.start is None:
        return None
    return s.when.start, s.when.end or s.when.start


@dataclass
class _Batch:
    """What the whole batch tells about one pair: which places and names are rare enough to be distinctive, and
    the publication dates the user supplied (never guessed)."""

    places: PlaceIndex
    actors: ActorIndex
    place_df: Counter[str] = field(default_factory=Counter)
    name_df: Counter[str] = field(default_factory=Counter)
    size: int = 0
    published: Mapping[str, date] = field(default_factory=dict)
    place_keys: dict[str, set[str]] = field(default_factory=dict)  # per report, computed once for every pair
    names: dict[str, set[str]] = field(default_factory=dict)  # per report, computed once for every pair
    quoted: dict[str, str] = field(default_factory=dict)  # per report: its title and quotes, folded

    def distinctive(self, df: int) -> bool:
        return df <= max(3, self.size // 8)


# Capitalised words of the English headline and summary: names that cross languages and spellings ('Bajaur').
_NAME = re.compile(r"\b[A-Z][\w’'-]{3,}")
_CALENDAR = frozenset((*WEEKDAYS, *MONTHS))


def _title_case(line: str) -> bool:
    words = re.findall(r"[^\W\d_]{4,}", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _names(s: EventSummary) -> set[str]:
    """Names inside sentences (not a sentence's first word), other than the country, the region, any country or its
    adjective (no event's own name: a small model writes 'Afghanistan' into Urdu reports from Khyber Pakhtunkhwa) and
    calendar words; a headline in Title Case ('Bus Falls into Gorge') capitalises every word, so only its summary is
    read."""
    text = s.summary if _title_case(s.headline) else f"{s.headline}. {s.summary}"
    skip = {w.casefold() for w in _NAME.findall(f"{s.where.country or ''} {s.where.region or ''}")}
    skip |= _CALENDAR
    return {name for m in _NAME.finditer(text)
            if m.start() > 0 and not re.search(r"[.!?:;]\s*[\"“‘']?$", text[: m.start()])
            and not _national(name := m.group(0).casefold())} - skip


@cache
def _national(name: str) -> bool:
    """A country ('afghanistan'), a capital standing for it, or a country's adjective ('afghan', 'afghans': the start
    of a country's name)."""
    stem = name.removesuffix("s")
    return is_country_name(name) or is_country(name) or is_demonym(name) or is_demonym(stem) \
        or (len(stem) >= 5 and any(country.startswith(stem) for country in COUNTRY_NAMES))


def _place_keys(s: EventSummary, places: PlaceIndex) -> set[str]:
    return {k for k in (places.key(p.name) for p in s.where.places) if k}


def _quoted(s: EventSummary) -> str:
    """The article's own words a summary keeps, folded: its title and every evidence quote."""
    quotes = [s.article.title or "", *(p.evidence.quote for p in s.where.places),
              *(c.evidence.quote for c in s.casualties)]
    return f" {' '.join(fold(q) for q in quotes if q)} "


def _named_in_quotes(keys: set[str], quoted: str, places: PlaceIndex) -> set[str]:
    """The places among `keys` that the other report's quoted words name ('ad Amatrice' in a report whose model gave
    no place): a place one model left out is still one both articles name."""
    return {k for k in keys
            if any(re.search(rf"(?<!\w){re.escape(fold(spelling))}(?!\w)", quoted)
                   for spelling in places.spellings(k) or [k] if len(fold(spelling)) >= 4)}


def shares_a_city(name: str) -> bool:
    """Whether `name` is a region's name that a city (or an island) also bears ('Murcia', 'Mayotte')."""
    return any(fold(spelling) == fold(name) for region in known_regions(name) for spelling in region.shared)


def _region_name(s: EventSummary) -> str:
    return fold(region_name(s.where.region or "", None))  # 'Balochistan province' is 'Balochistan'


def _region(s: EventSummary, other_places: set[str], places: PlaceIndex) -> str:
    region = _region_name(s)
    if not region or region == fold(s.where.country) or places.key(region) in other_places:
        return ""
    return region


def _close_figures(a: EventSummary, b: EventSummary) -> tuple[float, str] | None:
    """(score, reason) when both report a close death or injury toll of the same group family (values of 3+); plain
    people and civilians are one family here ('26 people' and '25 passengers' of one bus fire)."""
    best: tuple[float, str] | None = None
    for ca in a.casualties:
        for cb in b.casualties:
            kin = FAMILY[ca.group] == FAMILY[cb.group] or {ca.group, cb.group} == {"people", "civilians"}
            if ca.outcome != cb.outcome or ca.outcome not in ("killed", "injured") or ca.value is None \
                    or cb.value is None or min(ca.value, cb.value) < 3 or not kin:
                continue
            ratio = min(ca.value, cb.value) / max(ca.value, cb.value)
            score = 1.5 if ratio == 1 else 1.0 if ratio >= 0.6 else 0.0
            if score and (best is None or score > best[0]):
                best = (score, f"close figures ({ca.group} {ca.outcome} {ca.value} / {cb.value})")
    return best


FAR_TOLLS = 2.0  # death tolls at least this many times apart, every one of one report against every one of the other


def _tolls_apart(a: EventSummary, b: EventSummary) -> str | None:
    """The reason two reports' death tolls (values of 3+, of any group) disagree wholly, or None: every toll of one is
    at least FAR_TOLLS times every toll of the other ('5 police killed' / '44 people killed'). Tolls rise as days
    pass, so this only weighs where little else joins the pair."""
    ta, tb = ([c.value for c in s.casualties if c.outcome == "killed" and c.value is not None and c.value >= 3]
              for s in (a, b))
    if not ta or not tb or any(max(x, y) < FAR_TOLLS * min(x, y) for x in ta for y in tb):
        return None
    return f"death tolls far apart ({', '.join(map(str, sorted(set(ta))))} / {', '.join(map(str, sorted(set(tb))))})"


def _compare(ra: str, a: EventSummary, rb: str, b: EventSummary, batch: _Batch) -> tuple[PairDecision, bool]:
    """Decision for one pair and whether it is a veto (must never be merged, even transitively)."""
    places, actors = batch.places, batch.actors
    reasons: list[str] = []
    veto = False
    score = 0.0
    da, db = _event_dates(a), _event_dates(b)
    distance: int | None = None
    pub_a, pub_b = batch.published.get(ra) or a.article.published, batch.published.get(rb) or b.article.published
    published_close = False
    if pub_a and pub_b:
        apart = abs((pub_a - pub_b).days)
        if apart > MAX_PUBLISHED_APART:
            veto = True
            reasons.append(f"published {apart} days apart (more than {MAX_PUBLISHED_APART}): different events")
        elif apart <= 2:
            published_close = True
            score += 1.5
            reasons.append(f"published {apart} day(s) apart")
    if da and db:
        distance = max(0, (max(da[0], db[0]) - min(da[1], db[1])).days)
        if distance > MAX_DAYS_APART:
            veto = True
            reasons.append(f"dates {distance} days apart (more than {MAX_DAYS_APART}): different events")
        else:
            score += {0: 2.0, 1: 1.0}.get(distance, 0.0)
            reasons.append(f"dates {distance} day(s) apart")
    else:
        missing = [r for r, d in ((ra, da), (rb, db)) if d is None]
        reasons.append(f"date unresolved for {', '.join(missing)}: decided on places and actors")
        for r, d, other in ((ra, da, b), (rb, db, a)):
            if d and other.article.published and d[0] > other.article.published:
                veto = True
                reasons.append(f"{r}'s event starts after the other article was published")
    ca, cb = fold(a.where.country), fold(b.where.country)
    guessed = [r for r, s in ((ra, a), (rb, b)) if s.where.country_named is False]
    countries_conflict = bool(ca and cb and ca != cb)
    countries_differ = countries_conflict and not guessed
    fa, fb = _TYPE_FAMILY.get(a.event_type), _TYPE_FAMILY.get(b.event_type)
    if a.event_type == b.event_type:
        score += 0.5
        reasons.append(f"same event type ({a.event_type})")
    elif fa and fb and fa != fb:  # the model's reading of one report, not a fact: it weighs, it does not veto
        score -= INCOMPATIBLE_TYPES_PENALTY
        reasons.append(f"event types of different kinds ({a.event_type} / {b.event_type})")
    else:
        reasons.append(f"compatible event types ({a.event_type} / {b.event_type})")
    # a 'region' that is the country or a place the other report names is not a region to compare
    keys_a, keys_b = batch.place_keys[ra], batch.place_keys[rb]
    region_a, region_b = _region(a, keys_b, places), _region(b, keys_a, places)
    regions = {places.key(r) for r in (region_a, region_b) if r} | {places.key(c) for c in (ca, cb) if c}
    same_region = bool(region_a and region_b and places.key(region_a) == places.key(region_b))
    if region_a and region_b:
        if same_region:
            score += 0.5
            reasons.append(f"same region ({a.where.region})")
        else:
            score -= 1.0
            reasons.append(f"different regions ({a.where.region} / {b.where.region})")
    # a city one report gives as its region and the other as a place ('Antananarivo') is a place both name
    given = ((places.key(_region_name(a)), a, keys_b), (places.key(_region_name(b)), b, keys_a))
    as_place = {k for k, _, other in given if k and k in other}
    # a region a city shares its name with ('Murcia'), given as a place by one report, is a place both name
    towns = {k for k, s, _ in given if k in as_place and shares_a_city(s.where.region or "")}
    wide = {r for r in regions if r} - towns
    pa = (keys_a | as_place) - wide
    pb = (keys_b | as_place) - wide
    # a place one report lists that the other's quoted words name (its model gave none or another)
    cross = (_named_in_quotes(keys_a, batch.quoted[rb], places) | _named_in_quotes(keys_b, batch.quoted[ra], places))
    shared_places = sorted((pa & pb) | (cross - wide))
    rare = [k for k in shared_places if batch.distinctive(batch.place_df[k])]
    score += min(4.0, float(len(shared_places) + len(rare)))  # a place few other reports name counts double
    shown = [places.display(k) + (" (distinctive)" if k in rare else "") for k in shared_places]
    reasons.append(f"shared places: {', '.join(shown)}" if shared_places else "no shared place")
    names = sorted(n for n in batch.names[ra] & batch.names[rb] if batch.distinctive(batch.name_df[n]))
    if names:
        score += min(2.0, float(len(names)))
        reasons.append(f"distinctive names in both leads: {', '.join(names[:4])}")
    close = _close_figures(a, b)
    if close:
        score += close[0]
        reasons.append(close[1])
    at_most_borderline = False
    if countries_conflict and guessed:  # a country the model inferred from places weighs nothing
        reasons.append(f"different countries ({a.where.country} / {b.where.country}), not weighed: "
                       f"{', '.join(guessed)} does not name its country")
    if countries_differ:
        if rare:  # the model's country of one report, against a place few other reports name: the judge settles it
            at_most_borderline = True
            reasons.append(f"different countries ({a.where.country} / {b.where.country}), but a distinctive place "
                           "in both: at most borderline")
        else:
            veto = True
            reasons.append(f"different countries ({a.where.country} / {b.where.country})")
    ka = {k for k in (actors.key(x.name) for x in a.actors) if k}
    kb = {k for k in (actors.key(x.name) for x in b.actors) if k}
    shared_actors = sorted(ka & kb)
    perps = [k for k in shared_actors if actors.is_perpetrator_side(k)]
    others = [k for k in shared_actors if k not in perps]
    if perps:
        score += 1.5
    score += min(0.5, 0.25 * len(others))
    if shared_actors:
        reasons.append(
            "shared actors: " + ", ".join(actors.display(k) + (" (perpetrator side)" if k in perps else "")
                                          for k in shared_actors)
        )
    else:
        reasons.append("no shared actor")
    threshold = SAME_EVENT_SCORE if (da and db) or published_close else SAME_EVENT_SCORE_UNDATED
    anchored = bool(shared_places or perps or names)
    if names and not (shared_places or perps) and not (da and db):
        # names read from the model's own English headline and summary ('Deutsche Bahn', 'Bavaria'), with no
        # date to agree on: two similar events of one country share them, so the judge settles it
        at_most_borderline = True
        reasons.append("undated, anchored only by names in the model's leads: at most borderline")
    # two undated reports in the same region with close tolls (a city and its district named differently, or in
    # two scripts): not enough to join, enough to ask
    weakly_anchored = same_region and close is not None
    short = f"score {score:g} below {threshold:g}" if anchored else "no shared place or perpetrator"
    if veto:
        verdict = "different_event"
    elif anchored and score >= threshold and not at_most_borderline:
        verdict = "same_event"
    elif score >= threshold - BORDERLINE_MARGIN and (anchored or weakly_anchored
                                                      or (distance is not None and distance <= 1)):
        verdict = "borderline"
        falls_short = score < threshold or not anchored  # not when only `at_most_borderline` held it back
        if falls_short:
            reasons.append(short)
        # too little joins a pair that falls short to outweigh tolls that disagree wholly: not asked
        if falls_short and (far := _tolls_apart(a, b)) is not None:
            verdict = "different_event"
            reasons.append(f"{far}: different events")
    else:
        verdict = "different_event"
        reasons.append(short)
    decision = PairDecision(
        a=ra, b=rb, verdict=verdict, score=round(score, 2), date_distance_days=distance,
        shared_places=[places.display(k) for k in shared_places],
        shared_actors=[actors.display(k) for k in shared_actors],
        event_types=(a.event_type, b.event_type), reasons=reasons,
    )
    return decision, veto


def group_summaries(
    summaries: Sequence[tuple[str, EventSummary]], confirm: Confirmer | None = None,
    published: Mapping[str, date] | None = None,
) -> tuple[list[list[int]], list[PairDecision]]:
    """Indices of summaries per event (in input order) and every pair decision.

    `published`: publication dates the user supplied per ref (a sidecar, the batch manifest), never guessed.
    """
    all_summaries = [s for _, s in summaries]
    places, actors = PlaceIndex(all_summaries), ActorIndex(all_summaries)
    batch = _Batch(places, actors, size=len(all_summaries), published=published or {})
    for ref, s in summaries:
        batch.place_keys[ref] = _place_keys(s, places)
        batch.place_df.update(batch.place_keys[ref])
        batch.names[ref] = _names(s)
        batch.quoted[ref] = _quoted(s)
        batch.name_df.update(batch.names[ref])
    decisions: list[PairDecision] = []
    links: list[tuple[float, int, int]] = []
    vetoed: set[tuple[int, int]] = set()
    for i in range(len(summaries)):
        for j in range(i + 1, len(summaries)):
            decision, veto = _compare(*summaries[i], *summaries[j], batch)
            if decision.verdict == "borderline" and confirm is not None:
                judged = confirm(summaries[i][1], summaries[j][1])
                same, why = judged if isinstance(judged, tuple) else (judged, "")
                decision = decision.model_copy(update={
                    "verdict": "same_event" if same else "different_event",
                    "decided_by": "confirmer",
                    "reasons": [*decision.reasons, f"borderline pair {'confirmed' if same else 'rejected'}"
                                + (f": {why}" if why else "")],
                })
            decisions.append(decision)
            if veto:
                vetoed.add((i, j))
            elif decision.verdict == "same_event":
                links.append((decision.score, i, j))
            else:
                # Not linked directly; may still join through others unless the groups would hold a vetoed pair.
                pass
    group_of = list(range(len(summaries)))
    members: dict[int, set[int]] = {i: {i} for i in range(len(summaries))}
    for _, i, j in sorted(links, key=lambda t: (-t[0], t[1], t[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        if any((min(x, y), max(x, y)) in vetoed for x in members[gi] for y in members[gj]):
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] |= members.pop(gj)
    groups = sorted((sorted(m) for m in members.values()), key=lambda g: g[0])
    return groups, decisions
