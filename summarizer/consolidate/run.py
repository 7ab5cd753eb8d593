"""Consolidation: group several outlets' summaries of one event and merge them into one record.

Grouping rules live in `grouping`, name matching in `names`, figure rules in
`figures`, windows in `windows`, the Markdown in `report`. This module loads
summaries, merges places, actors, statements and consequences, writes the records and exposes the public API.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import ValidationError
from rapidfuzz import fuzz

from summarizer.consolidate.figures import FAMILY_LABEL, build_figure_sets
from summarizer.consolidate.grouping import Confirmer, group_summaries
from summarizer.consolidate.names import ActorIndex, PlaceIndex
from summarizer.consolidate.report import render_markdown
from summarizer.contract.consolidated import (
    ArticleRef,
    ConsolidatedEvent,
    ConsolidatedWhen,
    ConsolidatedWhere,
    ConsolidationIndex,
    FigureReport,
    FigureSet,
    MergedActor,
    MergedConsequence,
    MergedPlace,
    MergedStatement,
    PairDecision,
    SkippedFile,
    StatementReport,
)
from summarizer.contract.event import ActorKind, ActorRole, EventSummary, EventType, Scope, stated_count
from summarizer.contract.gold import GoldSummary
from summarizer.errors import InputError
from summarizer.files.atomic import write_text_atomic
from summarizer.text.names import SAME_STATEMENT, fold

_ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", ".text")
_SKIP_NAMES = {"manifest.json", "summaries.jsonl", "consolidation.json"}


# ----- loading ------------------------------------------------------------------------------------------------


def load_summary(path: Path) -> EventSummary:
    """Read an EventSummary (or a gold file) from JSON; raise InputError saying why it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not readable JSON ({exc})") from exc
    if isinstance(data, dict) and "consolidated_version" in data:
        raise InputError(f"{path}: a consolidated record (output of consolidate), not a summary")
    if not isinstance(data, dict) or "article" not in data or "casualties" not in data:
        raise InputError(f"{path}: not an event summary (no 'article' and 'casualties' fields)")
    try:
        return EventSummary.model_validate(data)
    except ValidationError as exc:
        try:
            return GoldSummary.model_validate(data).as_summary()
        except ValidationError:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: invalid event summary ({where}: {first['msg']})") from exc


def _ref_for(path: Path, root: Path | None) -> str:
    """How a summary is cited: its path under the input folder, without '.json' and the article's own suffix."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    name = rel.name[: -len(".json")] if rel.name.endswith(".json") else rel.name
    for suffix in _ARTICLE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return (rel.parent / name).as_posix()


def collect_summaries(inputs: Sequence[Path]) -> tuple[list[tuple[str, EventSummary]], list[SkippedFile]]:
    """Summaries from files and directories (searched recursively for *.json); the rest skipped with a reason."""
    files: list[tuple[Path, Path | None]] = []
    skipped: list[SkippedFile] = []
    for item in inputs:
        if item.is_dir():
            files.extend((p, item) for p in sorted(item.rglob("*.json")))
        elif item.is_file():
            files.append((item, None))
        else:
            raise InputError(f"{item}: no such file or directory")
    summaries: list[tuple[str, EventSummary]] = []
    refs: Counter[str] = Counter()
    for path, root in files:
        if path.name in _SKIP_NAMES or path.name.endswith(".schema.json"):
            skipped.append(SkippedFile(path=str(path), reason="bookkeeping file, not a summary"))
            continue
        try:
            summary = load_summary(path)
        except InputError as exc:
            skipped.append(SkippedFile(path=str(path), reason=str(exc).removeprefix(f"{path}: ")))
            continue
        ref = _ref_for(path, root)
        refs[ref] += 1
        if refs[ref] > 1:
            ref = f"{ref}~{refs[ref]}"
        summaries.append((ref, summary))
    return summaries, skipped


# ----- merging ------------------------------------------------------------------------------------------------


def _outlet(ref: str, s: EventSummary) -> str:
    return s.article.outlet.strip() if s.article.outlet and s.article.outlet.strip() else ref


def _most_common(values: Sequence[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if counted else None


def _merge_places(members: Sequence[tuple[str, str, EventSummary]], places: PlaceIndex) -> list[MergedPlace]:
    seen: dict[str, list[str]] = defaultdict(list)
    for ref, _, s in members:
        for p in s.where.places:
            key = places.key(p.name)
            if key and ref not in seen[key]:
                seen[key].append(ref)
    merged = []
    for key, refs in seen.items():
        spellings = places.spellings(key)
        merged.append(MergedPlace(normalized=key, name=places.display(key), spellings=spellings, articles=refs))
    return sorted(merged, key=lambda p: (-len(p.articles), p.normalized))


def _merge_actors(members: Sequence[tuple[str, str, EventSummary]], actors: ActorIndex) -> list[MergedActor]:
    seen: dict[str, list[str]] = defaultdict(list)
    kinds: dict[str, set[ActorKind]] = defaultdict(set)
    roles: dict[str, set[ActorRole]] = defaultdict(set)
    for ref, _, s in members:
        for a in s.actors:
            key = actors.key(a.name)
            if key is None:
                continue
            if ref not in seen[key]:
                seen[key].append(ref)
            kinds[key].add(a.kind)
            roles[key].update(a.roles)
    merged = []
    for key, refs in seen.items():
        name = actors.display(key)
        aliases = [n for n in actors.written_names(key) if n != name and fold(n) != fold(name)]
        unique_aliases = list(dict.fromkeys(aliases))
        merged.append(MergedActor(name=name, aliases=unique_aliases, kinds=sorted(kinds[key]),
                                  roles=sorted(roles[key]), articles=refs))
    return sorted(merged, key=lambda a: (-len(a.articles), a.name))


def _merge_statements(
    members: Sequence[tuple[str, str, EventSummary]], actors: ActorIndex
) -> list[MergedStatement]:
    """Merged by kind, speaker and target. A target that is not a known actor ('the attacks') is not part of the
    key, except for kind 'other', whose statements merge only when their targets read the same."""
    known = {actors.key(a.name) for _, _, s in members for a in s.actors}
    merged: dict[tuple[str, str, str], MergedStatement] = {}
    for ref, outlet, s in members:
        for st in s.statements:
            actor_key = actors.key(st.actor) or fold(st.actor)
            target_key = actors.key(st.target)
            target_is_actor = target_key in known
            target_part = (target_key or "") if target_is_actor or st.kind == "other" else ""
            key = (st.kind, actor_key, target_part)
            if st.kind == "other" and not target_part:
                key = (st.kind, actor_key, "#" + fold(st.text))
            if key not in merged:
                target = actors.display(target_key) if target_key and target_is_actor else st.target
                merged[key] = MergedStatement(kind=st.kind, actor=actors.display(actor_key), target=target,
                                              reports=[], articles=[])
            entry = merged[key]
            entry.reports.append(
                StatementReport(article=ref, outlet=outlet, actor=st.actor, text=st.text, quote=st.evidence.quote)
            )
            if ref not in entry.articles:
                entry.articles.append(ref)
    return sorted(merged.values(), key=lambda m: (m.kind, -len(m.articles), m.actor))


def _merge_consequences(
    members: Sequence[tuple[str, str, EventSummary]], places: PlaceIndex
) -> list[MergedConsequence]:
    """Merged by kind and place; a report with no place joins the kind's only place. Kind 'other' merges only
    near-identical descriptions, since it covers unrelated things."""
    rows: list[tuple[str, str | None, str, str]] = []
    for ref, _, s in members:
        for c in s.consequences:
            place = places.key(c.place) if c.place else places.find_in(c.description)
            rows.append((c.kind, place, c.description, ref))
    placed_by_kind: dict[str, set[str]] = defaultdict(set)
    for kind, place, _, _ in rows:
        if place:
            placed_by_kind[kind].add(place)
    merged: dict[tuple[str, str | None, str], MergedConsequence] = {}
    for kind, place, description, ref in rows:
        if place is None and len(placed_by_kind[kind]) == 1 and kind != "other":
            place = next(iter(placed_by_kind[kind]))
        text_key = ""
        if kind == "other":
            similar = [k for k in merged if k[0] == "other" and k[1] == place
                       and fuzz.token_set_ratio(k[2], fold(description)) >= SAME_STATEMENT]
            text_key = similar[0][2] if similar else fold(description)
        key = (kind, place, text_key)
        if key not in merged:
            merged[key] = MergedConsequence(
                kind=kind,
                place=places.display(place) if place else None, descriptions=[], articles=[],
            )
        entry = merged[key]
        if description not in entry.descriptions:
            entry.descriptions.append(description)
        if ref not in entry.articles:
            entry.articles.append(ref)
    return sorted(merged.values(), key=lambda m: (m.kind, -len(m.articles), m.place or ""))


def _event_id(when: ConsolidatedWhen, region: str | None, article_ids: Sequence[str]) -> str:
    stamp = when.start.isoformat() if when.start else "undated"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(region or "event")).strip("-") or "event"
    digest = hashlib.sha256("|".join(sorted(article_ids)).encode()).hexdigest()[:8]
    return f"{stamp}-{slug}-{digest}"


def _summary_text(
    articles: Sequence[ArticleRef], event_type: EventType, when: ConsolidatedWhen, where: ConsolidatedWhere,
    event_places: Sequence[str], figures: Sequence[FigureSet], statements: Sequence[MergedStatement],
) -> str:
    located = ", ".join(event_places[:5]) + (" and other places" if len(event_places) > 5 else "")
    area = ", ".join(x for x in (where.region, where.country) if x)
    date_text = f"on {when.start.isoformat()}" if when.start else "on an unresolved date"
    if when.end and when.start and when.end != when.start:
        date_text = f"from {when.start.isoformat()} to {when.end.isoformat()}"
    sentences = [
        f"{len(articles)} report(s) describe one {event_type.replace('_', ' ')} event"
        + (f" in {located}" if located else "") + (f" ({area})" if area else "") + f" {date_text}."
    ]
    claims = [s for s in statements if s.kind == "claim_of_responsibility"]
    if claims:
        sentences.append(f"{' and '.join(sorted({c.actor for c in claims}))} claimed responsibility.")
    disputed = [f for f in figures if f.disputed]
    if disputed:
        parts = [f"{figure_name(f)} " + " vs ".join(_values_by_outlet(f, w.reports))
                 for f in disputed for w in f.windows if w.disputed]
        sentences.append("Disputed: " + "; ".join(parts) + ".")
    moving = [f for f in figures if f.windows_differ and not f.disputed]
    if moving:
        parts = [f"{figure_name(f)} " + ", ".join(f"{w.low} ({w.label})" for w in f.windows if w.low is not None)
                 for f in moving]
        sentences.append("Totals over different time windows, not contradictions: " + "; ".join(parts) + ".")
    claimed: dict[str, list[FigureReport]] = defaultdict(list)
    for f in figures:
        for r in f.reports:
            if r.perpetrator_claim and r.value is not None:
                claimed[f"{_value_text(r)} {figure_name(f)}"].append(r)
    if claimed:
        sentences.append("Claimed by the perpetrator side, not counted: " + "; ".join(
            f"{what} (by {reports[0].source or 'an unnamed source'}; in "
            f"{', '.join(dict.fromkeys(r.outlet for r in reports))})" for what, reports in claimed.items()
        ) + ".")
    agreed = [f for f in figures if not f.disputed and not f.windows_differ and f.conservative is not None
              and len({r.article for r in f.reports if r.role == "figure" and not r.perpetrator_claim}) > 1]
    if agreed:
        sentences.append("Agreed: " + "; ".join(f"{figure_name(f)} {f.conservative}" for f in agreed) + ".")
    return " ".join(sentences)


def figure_name(f: FigureSet) -> str:
    return Scope.read(f.scope).label(f"{FAMILY_LABEL[f.family].lower()} {f.outcome}")


def _value_text(r: FigureReport) -> str:
    if r.value is None:
        return r.raw_text
    return stated_count(r.value, r.qualifier)


def _values_by_outlet(f: FigureSet, refs: Sequence[str]) -> list[str]:
    outlets: dict[str, list[str]] = defaultdict(list)
    for r in f.reports:
        counted = r.ref in refs and r.role == "figure" and not r.perpetrator_claim
        if counted and r.outlet not in outlets[_value_text(r)]:
            outlets[_value_text(r)].append(r.outlet)
    return [f"{value} ({', '.join(names)})" for value, names in outlets.items() if names]


def _event_place_keys(members: Sequence[tuple[str, str, EventSummary]], places: PlaceIndex) -> Counter[str]:
    """Places where something happened (incidents, figures, consequences), counted over articles."""
    seen: Counter[str] = Counter()
    for _, _, s in members:
        keys = {places.key(i.place) for i in s.incidents if i.place}
        keys |= {places.find_in(c.scope) for c in s.casualties}
        keys |= {places.key(c.place) if c.place else places.find_in(c.description) for c in s.consequences}
        seen.update(k for k in keys if k)
    return seen


def _build_event(
    members: Sequence[tuple[str, str, EventSummary]], decisions: Sequence[PairDecision],
    places: PlaceIndex, actors: ActorIndex,
) -> ConsolidatedEvent:
    summaries = [s for _, _, s in members]
    refs = {ref for ref, _, _ in members}
    articles = [
        ArticleRef(ref=ref, article_id=s.article.id, outlet=outlet, title=s.article.title,
                   published=s.article.published, event_date=s.when.start)
        for ref, outlet, s in members
    ]
    starts = sorted({s.when.start for s in summaries if s.when.start})
    ends = sorted({s.when.end or s.when.start for s in summaries if s.when.start})
    when = ConsolidatedWhen(
        start=Counter(s.when.start for s in summaries if s.when.start).most_common(1)[0][0] if starts else None,
        end=ends[-1] if ends else None, dates_seen=starts,
        unresolved=[ref for ref, _, s in members if s.when.start is None],
    )
    if when.start and when.end and when.end < when.start:
        when.end = when.start
    regions = [s.where.region for s in summaries]
    where = ConsolidatedWhere(
        country=_most_common([s.where.country for s in summaries]), region=_most_common(regions),
        regions_seen=sorted({r for r in regions if r}), places=_merge_places(members, places),
    )
    types = Counter(s.event_type for s in summaries)
    event_type: EventType = sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    figures = build_figure_sets(members, places, actors)
    statements = _merge_statements(members, actors)
    wide = {fold(where.region), fold(where.country)}
    active = _event_place_keys(members, places)
    event_places = [p.name for p in sorted(where.places, key=lambda p: (-active[p.normalized], -len(p.articles)))
                    if active[p.normalized] and fold(p.name) not in wide]
    return ConsolidatedEvent(
        event_id=_event_id(when, where.region, [s.article.id for s in summaries]),
        summary=_summary_text(articles, event_type, when, where, event_places, figures, statements),
        event_type=event_type, event_types_seen=sorted(types), articles=articles,
        grouping=[d for d in decisions if d.a in refs and d.b in refs],
        when=when, where=where, actors=_merge_actors(members, actors), figures=figures,
        statements=statements, consequences=_merge_consequences(members, places),
    )


# ----- public API ---------------------------------------------------------------------------------------------


def consolidate_with_decisions(
    summaries: list[tuple[str, EventSummary]], confirm: Confirmer | None = None,
    published: Mapping[str, date] | None = None,
) -> tuple[list[ConsolidatedEvent], list[PairDecision]]:
    groups, decisions = group_summaries(summaries, confirm, published)
    events = []
    for group in groups:
        members = [(summaries[i][0], _outlet(*summaries[i]), summaries[i][1]) for i in group]
        member_summaries = [s for _, _, s in members]
        events.append(_build_event(members, decisions, PlaceIndex(member_summaries), ActorIndex(member_summaries)))
    return events, decisions


def consolidate(
    summaries: list[tuple[str, EventSummary]], confirm: Confirmer | None = None,
    published: Mapping[str, date] | None = None,
) -> list[ConsolidatedEvent]:
    """Group (ref, summary) pairs into events and merge each group. Pure code; `confirm` may settle borderline pairs;
    `published` holds publication dates the user supplied (ref -> date), never guessed ones."""
    return consolidate_with_decisions(summaries, confirm, published)[0]


def write_events(
    events: Sequence[ConsolidatedEvent], out_dir: Path, decisions: Sequence[PairDecision] = (),
    skipped: Sequence[SkippedFile] = (),
) -> list[Path]:
    """Write events/<id>.json and .md and consolidation.json (the index) under out_dir."""
    written: list[Path] = []
    for event in events:
        base = out_dir / "events" / event.event_id
        json_path, md_path = base.with_suffix(".json"), base.with_suffix(".md")
        write_text_atomic(json_path, event.model_dump_json(indent=2) + "\n")
        write_text_atomic(md_path, render_markdown(event))
        written += [json_path, md_path]
    index = ConsolidationIndex(
        events=[e.event_id for e in events], members={e.event_id: [a.ref for a in e.articles] for e in events},
        skipped=list(skipped), decisions=list(decisions),
    )
    index_path = out_dir / "consolidation.json"
    write_text_atomic(index_path, index.model_dump_json(indent=2) + "\n")
    written.append(index_path)
    return written


def consolidate_paths(
    inputs: Sequence[Path], out_dir: Path, confirm: Confirmer | None = None
) -> tuple[list[Path], ConsolidationIndex]:
    summaries, skipped = collect_summaries(inputs)
    if not summaries:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3])
        raise InputError(f"no event summaries found in {', '.join(map(str, inputs))}"
                         + (f" (skipped: {reasons})" if reasons else ""))
    events, decisions = consolidate_with_decisions(summaries, confirm)
    paths = write_events(events, out_dir, decisions, skipped)
    index = ConsolidationIndex.model_validate_json(paths[-1].read_text(encoding="utf-8"))
    return paths, index


def consolidate_dir(results_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Consolidate every summary under results_dir (recursively); write to out_dir (default: results_dir)."""
    return consolidate_paths([results_dir], out_dir or results_dir)[0]
