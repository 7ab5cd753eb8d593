"""Readable Markdown for one event summary.

Everything that comes from the article or the model is escaped (`escape_inline`): a prompt-injected article cannot
put live markup into the report (raw HTML such as <script> or <iframe>, links or images with `javascript:` URLs,
headings, lists, tables or emphasis of its own). Only the structure written here is Markdown.
"""

from __future__ import annotations

from summarizer.contract.event import EventSummary
from summarizer.text.escape import escape_inline


def _cell(text: object) -> str:
    return escape_inline(text)


def to_markdown(s: EventSummary) -> str:
    lines = [f"# {escape_inline(s.headline)}", ""]
    meta = [escape_inline(x) for x in (s.article.outlet, s.article.dateline, str(s.article.published or "")) if x]
    if meta:
        lines += [f"*{' · '.join(meta)}*", ""]
    lines += [escape_inline(s.summary), ""]
    when = s.when.start.isoformat() if s.when.start else f"{escape_inline(s.when.text or 'unknown')} (unresolved)"
    where = ", ".join(escape_inline(x) for x in (s.where.region, s.where.country) if x) or "unknown"
    lines += [f"- **Event type:** {s.event_type.replace('_', ' ')}", f"- **When:** {when}",
              f"- **Where:** {where}"]
    if s.where.places:
        lines.append("- **Places:** " + ", ".join(
            escape_inline(p.name) + (f" (also {', '.join(escape_inline(x) for x in p.spellings if x != p.name)})"
                                     if len(p.spellings) > 1 else "")
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
            alias = f" (also: {', '.join(escape_inline(x) for x in a.aliases)})" if a.aliases else ""
            lines.append(f"- **{escape_inline(a.name)}**{alias}: {a.kind.replace('_', ' ')}; "
                         f"{', '.join(a.roles) or 'no role'}")
        lines.append("")
    if s.statements:
        lines += ["## Statements", ""]
        for st in s.statements:
            target = f" about {escape_inline(st.target)}" if st.target else ""
            lines.append(f"- {st.kind.replace('_', ' ')} by **{escape_inline(st.actor)}**{target}: "
                         f"“{escape_inline(st.evidence.quote)}”")
        lines.append("")
    if s.consequences:
        lines += ["## Consequences", ""]
        lines += [f"- {c.kind.replace('_', ' ')}{f' ({escape_inline(c.place)})' if c.place else ''}: "
                  f"“{escape_inline(c.evidence.quote)}”"
                  for c in s.consequences]
        lines.append("")
    p = s.provenance
    lines += ["## Provenance", "",
              f"{escape_inline(p.backend)} · prompts {p.prompt_hash} · schema {p.schema_version} ({p.schema_hash}) · "
              f"{p.prompt_tokens} prompt + {p.completion_tokens} completion tokens · {p.latency_s:.1f} s · "
              f"{p.retries} retries", ""]
    if p.dropped:
        lines += [f"Dropped ({len(p.dropped)}):", ""]
        lines += [f"- {escape_inline(d.kind)}: {_cell(d.content)} — {escape_inline(d.reason)}" for d in p.dropped]
        lines.append("")
    return "\n".join(lines)
