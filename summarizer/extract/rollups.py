"""Totals computed by code: low / best / high / conservative per group and outcome, and dispute flags."""

from __future__ import annotations

import statistics
from collections import defaultdict

from summarizer.contract.event import Casualty, Rollup, Scope
from summarizer.text.names import fold
from summarizer.text.windows import other_period


def _bounds(c: Casualty) -> tuple[int | None, int | None]:
    low = c.low if c.low is not None else c.value
    open_ended = c.qualifier in ("at_least", "more_than", "vague")
    high = c.high if c.high is not None else (None if open_ended else c.value)
    return low, high




def _sources_disagree(values: dict[int, set[str]]) -> bool:
    """Different values for one scope and window, given by different sources (one source's sub-counts are not
    a dispute)."""
    if len(values) < 2:
        return False
    sources = [s for v in values.values() for s in v]
    return len(set(sources)) > 1


def compute_rollups(casualties: list[Casualty]) -> list[Rollup]:
    grouped: dict[tuple[str, str], list[Casualty]] = defaultdict(list)
    for c in casualties:
        grouped[(c.group, c.outcome)].append(c)
    rollups: list[Rollup] = []
    for (group, _outcome), all_items in grouped.items():
        # the event's own total: whole-event figures of the event's period, when there are any, else its figures of
        # any scope in that period (not 'vor zwei Jahren ... 30 Menschen' beside '4 in Tarel')
        period = [c for c in all_items if not other_period(c.window)]
        own = [c for c in period if Scope.read(c.scope).whole_event] or period
        items = own if any(c.status != "claimed" for c in own) else all_items
        credible = [c for c in items if c.status != "claimed"] or items
        lows = [b[0] for b in map(_bounds, credible) if b[0] is not None]
        highs = [b[1] for b in map(_bounds, items) if b[1] is not None]
        values = [c.value for c in credible if c.value is not None]
        by_scope: dict[tuple[str, str], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        revised_scopes = {fold(c.scope) for c in credible if c.status == "revised"}
        for c in credible:
            if fold(c.scope) in revised_scopes and c.status != "revised":
                continue  # a toll superseded by a revision does not dispute it
            if c.value is not None:
                by_scope[(fold(c.scope), fold(c.window or ""))][c.value].add(fold(c.reported_by or ""))
        rollups.append(Rollup(
            group=c.group if (c := items[0]) else group,  # keep the Literal type from the entry
            outcome=items[0].outcome,
            low=min(lows) if lows else None,
            best=max(int(statistics.median(values)), min(lows)) if values and lows else (
                int(statistics.median(values)) if values else None),
            high=max(highs) if highs else None,
            conservative=min(lows) if lows else None,
            reports=len(items),
            disputed=any(_sources_disagree(v) for v in by_scope.values()),
            casualty_ids=[c.id for c in items],
        ))
    return sorted(rollups, key=lambda r: (r.group, r.outcome))
