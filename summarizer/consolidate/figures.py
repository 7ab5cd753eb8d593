"""Consolidating casualty figures across articles: families, scopes, roles, time windows, disputes.

Rules (documented here because analysts need to know them):
- Family: security_forces, police and soldiers are one family, "security_personnel" (outlets use the words
  interchangeably for the same dead). Every other group is its own family; "people" (victims of unstated kind)
  is not folded into "civilians".
- Scope: "whole event" when the summary says so or names the event's region or country; else the place named
  in the scope text (place spellings merged, see consolidate.names). A scope naming no known place (e.g. "a
  district jail") joins the one located scope of the same family and outcome whose text shares a content word
  with it, if there is exactly one; remaining unlocated scopes that share a content word are merged together.
- Role of each report: a perpetrator claim (source_kind perpetrator, or given by an actor any summary calls
  perpetrator/claimant or a rebel group / militia) is shown and flagged but never counted. A "part" is a
  breakdown (a demographic word such as women or children with a larger figure in the set, or figures of one
  article that sum to another of its figures). "superseded" is an earlier figure the article itself replaced
  (raw text or quote says earlier/initially/preliminary, or the article marks another figure as revised).
  "context" is a window before the event or longer than a week. Only role "figure" counts.
- Window: see text.windows. Dispute: two counted figures in the same window whose ranges (from value and
  qualifier: 'about 10' is 9-11, 'over 30' is 31 and up) do not overlap, from different articles or from
  different sources in one article. Figures that differ only across windows are a running total, not a dispute.
- Low / high / conservative: over counted figures; vague words ('dozens') only when nothing precise is reported.
  Conservative is ACLED's most conservative estimate, the lowest credible figure.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.consolidate.names import ActorIndex, PlaceIndex, UnionFind
from summarizer.contract.consolidated import Family, FigureReport, FigureSet, WindowBin
from summarizer.contract.event import (
    WHOLE_EVENT,
    Casualty,
    EventSummary,
    Group,
    Outcome,
    Scope,
    comparable_range,
)
from summarizer.text.names import fold
from summarizer.text.windows import CONTEXT_HOURS, parse_window, same_window

FAMILY: dict[Group, Family] = {
    "security_forces": "security_personnel",
    "police": "security_personnel",
    "soldiers": "security_personnel",
    "militants": "militants",
    "civilians": "civilians",
    "people": "people",
    "prisoners": "prisoners",
    "officials": "officials",
}
FAMILY_LABEL: dict[str, str] = {
    "security_personnel": "Security personnel",
    "militants": "Militants",
    "civilians": "Civilians",
    "people": "People",
    "prisoners": "Prisoners",
    "officials": "Officials",
}
_OUTCOME_ORDER = ["killed", "injured", "abducted", "missing", "escaped", "arrested"]

_WHOLE_WORDS = {"whole", "entire", "overall", "total", "nationwide", "countrywide", "provincewide", "statewide"}
# Words that make a scope without a named place read as the whole event ("across the province", "all attacks").
_WIDE_WORDS = {"all", "across", "province", "region", "country", "attacks", "clashes", "event", "events"}
_GENERIC_SCOPE_WORDS = {
    "district", "city", "town", "area", "areas", "province", "attack", "attacks", "incident", "near", "the", "and",
    "same", "one", "two", "three", "four", "five", "several", "north", "south", "east", "west", "northern",
    "southern", "eastern", "western", "southwest", "southeast", "northwest", "northeast", "his", "her", "their",
}
_SYNONYMS = {"prison": "jail", "gaol": "jail", "penitentiary": "jail", "jailhouse": "jail", "raid": "raids"}
_DEMOGRAPHIC = {"men", "women", "man", "woman", "children", "child", "boys", "girls", "boy", "girl", "infants",
                "minors", "elderly"}
_EARLIER = {"earlier", "initial", "initially", "preliminary", "previous", "previously"}


def bounds(c: Casualty) -> tuple[float, float] | None:
    """The range a figure allows, for comparison: 'at least 30' -> [30, inf), 'about 10' -> [9, 11]."""
    return comparable_range(c.value, c.qualifier)


def credible_low(c: Casualty) -> int | None:
    if c.value is None:
        return c.low
    return c.value + 1 if c.qualifier == "more_than" else c.value


def credible_high(c: Casualty) -> int | None:
    if c.value is None:
        return c.high if c.high is not None else c.low
    return c.high if c.high is not None and c.qualifier != "exact" else c.value


@dataclass
class _Item:
    report: FigureReport
    casualty: Casualty
    scope_key: str
    scope_words: set[str]

    @property
    def counts(self) -> bool:
        return self.report.role == "figure" and not self.report.perpetrator_claim


def build_figure_sets(
    members: Sequence[tuple[str, str, EventSummary]], places: PlaceIndex, actors: ActorIndex
) -> list[FigureSet]:
    """members: (ref, outlet, summary). One FigureSet per family, outcome and scope."""
    whole_names = {fold(s.where.region) for _, _, s in members} | {fold(s.where.country) for _, _, s in members}
    whole_names.discard("")
    region_keys = {places.key(n) for n in whole_names}
    by_fo: dict[tuple[Family, Outcome], list[_Item]] = defaultdict(list)
    for ref, outlet, summary in members:
        for c in summary.casualties:
            claim = c.source_kind == "perpetrator" or actors.is_perpetrator_side(actors.key(c.reported_by))
            report = FigureReport(
                ref=f"{ref}#{c.id}", article=ref, outlet=outlet, casualty_id=c.id, group=c.group, value=c.value,
                low=c.low, high=c.high, qualifier=c.qualifier, raw_text=c.raw_text, scope=c.scope,
                window=parse_window(c.window), source=c.reported_by, source_kind=c.source_kind, status=c.status,
                perpetrator_claim=claim, quote=c.evidence.quote,
            )
            key, words = _scope(Scope.read(c.scope, [p.name for p in summary.where.places]), places, whole_names,
                                region_keys)
            by_fo[(FAMILY[c.group], c.outcome)].append(_Item(report, c, key, words))
    sets: list[FigureSet] = []
    for (family, outcome), items in by_fo.items():
        _merge_scopes(items)
        by_scope: dict[str, list[_Item]] = defaultdict(list)
        for item in items:
            by_scope[item.scope_key].append(item)
        for scope_key, scoped in by_scope.items():
            _assign_roles(scoped)
            sets.append(_figure_set(family, outcome, _scope_label(scope_key, scoped, places), scoped))
    family_order = list(FAMILY_LABEL)
    sets.sort(key=lambda s: (family_order.index(s.family), _OUTCOME_ORDER.index(s.outcome),
                             not Scope.read(s.scope).whole_event, s.scope))
    return sets


# ----- scopes -------------------------------------------------------------------------------------------------


def _scope(
    scope: Scope, places: PlaceIndex, whole_names: set[str], region_keys: set[str | None]
) -> tuple[str, set[str]]:
    """The key a figure's scope is grouped by across reports: WHOLE_EVENT, 'place:<key>' (its place, as the
    reports' place index knows it) or 'text:<folded site>' (a site no report places), and its content words."""
    t = fold(str(scope))
    words = set(t.split())
    if scope.whole_event or words & _WHOLE_WORDS or t in whole_names:
        return WHOLE_EVENT, set()
    place = places.find_in(scope.place or str(scope))
    if place is not None:
        if place in region_keys:
            return WHOLE_EVENT, set()
        return f"place:{place}", _content_words(t)
    content = _content_words(t)
    if words & _WIDE_WORDS and not content - _WIDE_WORDS:
        return WHOLE_EVENT, set()
    return f"text:{t}", content


def _content_words(t: str) -> set[str]:
    return {_SYNONYMS.get(w, w) for w in t.split() if w not in _GENERIC_SCOPE_WORDS and len(w) > 2}


def _merge_scopes(items: list[_Item]) -> None:
    located: dict[str, set[str]] = defaultdict(set)
    for item in items:
        if item.scope_key.startswith("place:"):
            located[item.scope_key] |= item.scope_words
    for item in items:
        if item.scope_key.startswith("text:"):
            hits = [key for key, words in located.items() if words & item.scope_words]
            if len(hits) == 1:
                item.scope_key = hits[0]
    unlocated = sorted({i.scope_key for i in items if i.scope_key.startswith("text:")})
    words = {k: set().union(*(i.scope_words for i in items if i.scope_key == k)) for k in unlocated}
    uf = UnionFind()
    for a, b in itertools.combinations(unlocated, 2):
        uf.add(a)
        if words[a] & words[b]:
            uf.union(a, b)
    for item in items:
        if item.scope_key.startswith("text:"):
            item.scope_key = uf.find(item.scope_key)


def _scope_label(key: str, items: list[_Item], places: PlaceIndex) -> str:
    kind, _, value = key.partition(":")
    if key == WHOLE_EVENT:
        return WHOLE_EVENT
    if kind == "place":
        return places.display(value)
    return Counter(i.report.scope for i in items).most_common(1)[0][0]


# ----- roles --------------------------------------------------------------------------------------------------


def _assign_roles(items: list[_Item]) -> None:
    """Mark parts, superseded and context reports of one figure set (see the module docstring)."""
    largest = max((i.casualty.value for i in items if i.casualty.value is not None), default=None)
    for item in items:
        r, c = item.report, item.casualty
        if r.window.kind == "before" or (r.window.hours or 0.0) > CONTEXT_HOURS:
            _set_role(item, "context", f"window '{r.window.text}' is not the event's own period")
        elif set(fold(c.raw_text).split()) & _DEMOGRAPHIC and largest is not None and (c.value or 0) < largest:
            _set_role(item, "part", "a breakdown by sex or age of a larger figure")
    by_article: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_article[item.report.article].append(item)
    for article_items in by_article.values():
        if len(article_items) < 2:
            continue
        _mark_sums(article_items)
        revised = [i for i in article_items if i.report.status == "revised"]
        for item in article_items:
            if item.report.role != "figure" or item.report.status == "revised":
                continue
            text = set(fold(f"{item.casualty.raw_text} {item.report.quote or ''}").split())
            if text & _EARLIER:
                _set_role(item, "superseded", "an earlier figure the article itself updated")
            elif revised and all(item.casualty.value != i.casualty.value for i in revised):
                _set_role(item, "superseded", "the article gives a revised figure")


def _mark_sums(items: list[_Item]) -> None:
    exact = [i for i in items if i.report.role == "figure" and i.casualty.value is not None]
    for total in exact:
        others = [i for i in exact if i is not total and (i.casualty.value or 0) < (total.casualty.value or 0)]
        for size in range(2, min(4, len(others)) + 1):
            for combo in itertools.combinations(others, size):
                if sum(i.casualty.value or 0 for i in combo) == total.casualty.value:
                    for part in combo:
                        _set_role(part, "part", f"parts that sum to {total.report.raw_text} in the same article")
                    return


def _set_role(item: _Item, role: str, note: str) -> None:
    item.report = item.report.model_copy(update={"role": role, "note": note})


# ----- sets, windows, disputes ----------------------------------------------------------------------------------


def _numbers(items: Sequence[_Item]) -> tuple[int | None, int | None]:
    counted = [i for i in items if i.counts]
    precise = [i for i in counted if i.casualty.value is not None] or counted
    lows = [v for v in (credible_low(i.casualty) for i in precise) if v is not None]
    highs = [v for v in (credible_high(i.casualty) for i in precise) if v is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def _figure_set(family: Family, outcome: Outcome, scope: str, items: list[_Item]) -> FigureSet:
    bins: list[list[_Item]] = []
    for item in items:
        for b in bins:
            if same_window(b[0].report.window, item.report.window):
                b.append(item)
                break
        else:
            bins.append([item])
    window_bins = sorted((_window_bin(b) for b in bins),
                         key=lambda w: (w.low if w.low is not None else math.inf, w.hours or 0.0))
    low, high = _numbers(items)
    disputed = any(w.disputed for w in window_bins)
    valued = [w for w in window_bins if w.low is not None]
    windows_differ = len({(w.low, w.high) for w in valued}) > 1
    notes: list[str] = []
    for w, b in ((w, next(b for b in bins if b[0].report.ref in w.reports)) for w in window_bins):
        if w.disputed:
            listed = "; ".join(f"{i.report.raw_text} ({i.report.outlet}, {i.report.source or 'source not named'})"
                               for i in b if i.counts)
            notes.append(f"Disputed for {w.label}: {listed}.")
    if windows_differ:
        listed = "; ".join(f"{w.label}: {_range_text(w.low, w.high)}" for w in valued)
        notes.append(f"Figures cover different time windows ({listed}): a running total, not a contradiction.")
    for item in items:
        r = item.report
        if r.perpetrator_claim:
            notes.append(f"{r.source or 'The perpetrator side'} claimed {r.raw_text} ({r.outlet}): a claim, "
                         "not used for the conservative value.")
        elif r.role != "figure":
            notes.append(f"{r.raw_text} ({r.outlet}) is {r.role}: {r.note}.")
    return FigureSet(
        key=f"{family}/{outcome}/{scope}", family=family, outcome=outcome, scope=scope,
        groups_seen=sorted({i.report.group for i in items}), reports=[i.report for i in items],
        windows=window_bins, low=low, high=high, conservative=low, disputed=disputed,
        windows_differ=windows_differ, has_claims=any(i.report.perpetrator_claim for i in items), notes=notes,
    )


def _range_text(low: int | None, high: int | None) -> str:
    if low is None:
        return "?"
    return str(low) if high in (None, low) else f"{low}-{high}"


def _window_bin(items: list[_Item]) -> WindowBin:
    low, high = _numbers(items)
    # Label the bin by its most specific window: 'Saturday' rather than 'the event'.
    first = next((i.report.window for i in items if i.report.window.kind != "event"), items[0].report.window)
    return WindowBin(
        label=first.label, kind=first.kind, hours=first.hours, reports=[i.report.ref for i in items],
        low=low, high=high, conservative=low, disputed=_disputed([i for i in items if i.counts]),
    )


def _disputed(items: list[_Item]) -> bool:
    for a, b in itertools.combinations(items, 2):
        if not _comparable(a.report, b.report):
            continue
        ra, rb = bounds(a.casualty), bounds(b.casualty)
        if ra is not None and rb is not None and (ra[1] < rb[0] or rb[1] < ra[0]):
            return True
    return False


def _comparable(a: FigureReport, b: FigureReport) -> bool:
    if a.article != b.article:
        return True
    return fold(a.source) != fold(b.source)
