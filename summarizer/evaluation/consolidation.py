"""Scoring the consolidation against a hand-labelled gold (`eval/gold/consolidated/*.json`).

Metrics (all 0..1, higher is better):
- grouping_correct: 1 when every gold event's articles form exactly one consolidated event and nothing else;
- grouping_pair_f1: pairwise F1 of "these two articles are the same event";
- figures_precision / figures_recall / figures_f1: the figure table of the best-matching consolidated event,
  as (article, family, outcome, value) reports, against the gold reports (optional gold reports earn credit
  when matched and cost nothing when missed). Reports the consolidation set aside (parts, superseded figures,
  context windows) are not in the table; perpetrator claims are;
- dispute_flag_accuracy: gold figure sets whose `disputed` flag the matching consolidated set reproduces;
- window_flag_accuracy: the same for `windows_differ` (figures differing only because windows differ);
- table_recall: gold sets marked `in_table` that appear in the report's disputed-figures table.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from summarizer.consolidate.figures import FAMILY
from summarizer.consolidate.grouping import Confirmer
from summarizer.consolidate.report import in_disputed_table
from summarizer.consolidate.run import consolidate
from summarizer.contract.consolidated import (
    ConsolidatedEvent,
    ConsolidationGold,
    FigureReport,
    FigureSet,
    GoldEvent,
    GoldFigureSet,
)
from summarizer.contract.event import EventSummary
from summarizer.errors import ConfigError


class ConsolidationScores(BaseModel):
    metrics: dict[str, float] = Field(default_factory=dict)
    details: list[str] = Field(default_factory=list)


def load_consolidation_gold(gold_dir: Path) -> list[tuple[Path, ConsolidationGold]]:
    """Gold files from gold_dir/consolidated/*.json (or gold_dir itself if it holds them directly)."""
    folder = gold_dir / "consolidated" if (gold_dir / "consolidated").is_dir() else gold_dir
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append((path, ConsolidationGold.model_validate_json(path.read_text(encoding="utf-8"))))
        except ValidationError as exc:
            if folder == gold_dir:
                continue  # per-article gold files live next to it; only a consolidated/ folder must be all gold
            raise ConfigError(f"{path}: invalid consolidation gold: {exc.errors()[0]['msg']}") from exc
    return found


def _resolve(gold_ref: str, gold_id: str | None, summaries: Mapping[str, EventSummary]) -> str | None:
    for key, summary in summaries.items():
        if key == gold_ref or Path(key).stem == gold_ref or (gold_id and summary.article.id == gold_id):
            return key
    return None


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def evaluate_consolidation(summaries: dict[str, EventSummary], gold_dir: Path,
                           published: Mapping[str, date] | None = None, confirm: Confirmer | None = None
                           ) -> ConsolidationScores:
    """Consolidate `summaries` (keyed by article stem) and score against the consolidation gold in gold_dir.

    `published`: publication dates from the corpus manifest (as a user's batch manifest would supply them)."""
    golds = load_consolidation_gold(gold_dir)
    if not golds:
        return ConsolidationScores(details=[f"no consolidation gold under {gold_dir}"])
    events = consolidate(list(summaries.items()), confirm=confirm, published=published)
    event_of = {a.ref: e.event_id for e in events for a in e.articles}
    details: list[str] = []
    totals = {"groups": 0, "groups_ok": 0, "tp": 0.0, "fp": 0.0, "fn": 0.0, "sets": 0, "dispute_ok": 0,
              "window_ok": 0, "table": 0, "table_ok": 0}
    gold_pairs: set[tuple[str, str]] = set()
    for path, gold in golds:
        for gevent in gold.events:
            refs = {gold_ref: _resolve(a.ref, a.article_id, summaries) for gold_ref, a in
                    ((a.ref, a) for a in gevent.articles)}
            present = sorted(r for r in refs.values() if r is not None)
            missing = [g for g, r in refs.items() if r is None]
            if missing:
                details.append(f"{path.name}/{gevent.name}: no summary for {', '.join(missing)}")
            if not present:
                continue  # none of this event's articles was summarized in this run: nothing to judge
            gold_pairs |= set(itertools.combinations(present, 2))
            totals["groups"] += 1
            event_ids = {event_of.get(r) for r in present}
            match = _best_event(events, present)
            exact = len(event_ids) == 1 and match is not None and {a.ref for a in match.articles} == set(present)
            totals["groups_ok"] += int(exact)
            details.append(f"{gevent.name}: grouping {'correct' if exact else 'WRONG'} "
                           f"({len(event_ids)} event(s) for {len(present)} article(s))")
            if gevent.figures:  # a grouping-only gold event (figures: []) scores the grouping alone
                _score_figures(gevent, match, refs, totals, details)
    predicted_pairs = {tuple(sorted(p)) for e in events for p in itertools.combinations([a.ref for a in e.articles], 2)}
    tp_pairs = len(gold_pairs & predicted_pairs)
    pair_p = tp_pairs / len(predicted_pairs) if predicted_pairs else 1.0
    pair_r = tp_pairs / len(gold_pairs) if gold_pairs else 1.0
    fig_p = totals["tp"] / (totals["tp"] + totals["fp"]) if totals["tp"] + totals["fp"] else 0.0
    fig_r = totals["tp"] / (totals["tp"] + totals["fn"]) if totals["tp"] + totals["fn"] else 0.0
    metrics = {
        "grouping_correct": totals["groups_ok"] / totals["groups"] if totals["groups"] else 1.0,
        "grouping_pair_f1": _f1(pair_p, pair_r),
        "figures_precision": fig_p,
        "figures_recall": fig_r,
        "figures_f1": _f1(fig_p, fig_r),
        "dispute_flag_accuracy": totals["dispute_ok"] / totals["sets"] if totals["sets"] else 0.0,
        "window_flag_accuracy": totals["window_ok"] / totals["sets"] if totals["sets"] else 0.0,
        "table_recall": totals["table_ok"] / totals["table"] if totals["table"] else 1.0,
    }
    return ConsolidationScores(metrics={k: round(v, 4) for k, v in metrics.items()}, details=details)


def _best_event(events: list[ConsolidatedEvent], refs: list[str]) -> ConsolidatedEvent | None:
    scored = [(len({a.ref for a in e.articles} & set(refs)), e) for e in events]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _table_reports(event: ConsolidatedEvent) -> list[tuple[FigureSet, FigureReport]]:
    return [(f, r) for f in event.figures for r in f.reports
            if r.value is not None and (r.role == "figure" or r.perpetrator_claim)]


def _score_figures(gevent: GoldEvent, event: ConsolidatedEvent | None, refs: Mapping[str, str | None],
                   totals: dict[str, float], details: list[str]) -> None:
    predicted = _table_reports(event) if event else []
    used: set[int] = set()
    for gset in gevent.figures:
        families = {gset.family, *gset.alt_families}
        hits: dict[str, int] = {}
        for grep in gset.reports:
            article = refs.get(grep.article)
            found = next((k for k, (f, r) in enumerate(predicted) if k not in used and r.article == article
                          and r.value == grep.value and FAMILY[r.group] in families and f.outcome == gset.outcome),
                         None)
            if found is not None:
                used.add(found)
                totals["tp"] += 1
                key = predicted[found][0].key
                hits[key] = hits.get(key, 0) + 1
            elif not grep.optional:
                totals["fn"] += 1
                details.append(f"missing figure: {gset.family} {gset.outcome} {grep.value} in {grep.article}")
        pset = _set_for(event, gset, hits)
        if pset is None and all(g.optional for g in gset.reports):
            continue  # an all-optional set nobody reported: nothing to flag
        totals["sets"] += 1
        if pset is None:
            details.append(f"no consolidated set for {gset.family} {gset.outcome} ({gset.scope})")
        else:
            totals["dispute_ok"] += int(pset.disputed == gset.disputed)
            totals["window_ok"] += int(pset.windows_differ == gset.windows_differ)
            if pset.disputed != gset.disputed:
                details.append(f"{pset.key}: disputed={pset.disputed}, gold says {gset.disputed}")
            if pset.windows_differ != gset.windows_differ:
                details.append(f"{pset.key}: windows_differ={pset.windows_differ}, gold says {gset.windows_differ}")
        if gset.in_table:
            totals["table"] += 1
            totals["table_ok"] += int(pset is not None and in_disputed_table(pset))
    for k, (f, r) in enumerate(predicted):
        if k not in used:
            totals["fp"] += 1
            details.append(f"extra figure: {f.key} {r.raw_text} in {r.article}")


def _set_for(event: ConsolidatedEvent | None, gset: GoldFigureSet, hits: Mapping[str, int]) -> FigureSet | None:
    if event is None or not hits:
        return None
    best = max(hits.items(), key=lambda kv: kv[1])[0]
    return next(f for f in event.figures if f.key == best)
