"""Readable Markdown for one event summary."""

from __future__ import annotations

from .schema import EventSummary


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def to_markdown(s: EventSummary) -> str:
    lines = [f"# {s.headline}", ""]
    meta = [x for x in (s.article.outlet, s.article.dateline, str(s.article.published or "")) if x]
    if meta:
        lines += [f"*{' · '.join(meta)}*", ""]
    lines += [s.summary, ""]
    when = s.when.start.isoformat() if s.when.start else f"{s.when.text or 'unknown'} (unresolved)"
    where = ", ".join(x for x in (s.where.region, s.where.country) if x) or "unknown"
    lines += [f"- **Event type:** {s.event_type.replace('_', ' ')}", f"- **When:** {when}",
              f"- **Where:** {where}"]
    if s.where.places:
        lines.append("- **Places:** " + ", ".join(
            p.name + (f" (also {', '.join(x for x in p.spellings if x != p.name)})" if len(p.spellings) > 1 else "")
            for p in s.where.places))
    lines.append("")
    if s.casualties:
        lines += ["## Casualty figures", "", "| figure | group | outcome | scope | window | reported by | status |",
                  "|---|---|---|---|---|---|---|"]
        for c in s.casualties:
            lines.append(f"| {_cell(c.raw_text)} | {c.group.replace('_', ' ')} | {c.outcome} | {_cell(c.scope)} | "
                         f"{_cell(c.window)} | {_cell(c.reported_by)} ({c.source_kind}) | {c.status} |")
        lines.append("")
    if s.rollups:
        lines += ["## Totals (computed)", "", "| group | outcome | low | best | high | conservative | disputed |",
                  "|---|---|---|---|---|---|---|"]
        for r in s.rollups:
            lines.append(f"| {r.group.replace('_', ' ')} | {r.outcome} | {_cell(r.low)} | {_cell(r.best)} | "
                         f"{_cell(r.high)} | {_cell(r.conservative)} | {'yes' if r.disputed else 'no'} |")
        lines.append("")
    if s.actors:
        lines += ["## Actors", ""]
        for a in s.actors:
            alias = f" (also: {', '.join(a.aliases)})" if a.aliases else ""
            lines.append(f"- **{a.name}**{alias}: {a.kind.replace('_', ' ')}; {', '.join(a.roles) or 'no role'}")
        lines.append("")
    if s.statements:
        lines += ["## Statements", ""]
        for st in s.statements:
            target = f" about {st.target}" if st.target else ""
            lines.append(f"- {st.kind.replace('_', ' ')} by **{st.actor}**{target}: “{st.evidence.quote}”")
        lines.append("")
    if s.consequences:
        lines += ["## Consequences", ""]
        lines += [f"- {c.kind.replace('_', ' ')}{f' ({c.place})' if c.place else ''}: “{c.evidence.quote}”"
                  for c in s.consequences]
        lines.append("")
    p = s.provenance
    lines += ["## Provenance", "",
              f"{p.backend} · prompts {p.prompt_hash} · schema {p.schema_version} ({p.schema_hash}) · "
              f"{p.prompt_tokens} prompt + {p.completion_tokens} completion tokens · {p.latency_s:.1f} s · "
              f"{p.retries} retries", ""]
    if p.dropped:
        lines += [f"Dropped ({len(p.dropped)}):", ""]
        lines += [f"- {d.kind}: {_cell(d.content)} — {d.reason}" for d in p.dropped]
        lines.append("")
    return "\n".join(lines)
