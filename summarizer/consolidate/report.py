"""Markdown report of a consolidated event: the summary and the disputed figures first, then the detail.

Text that comes from the articles or the model is escaped (`render.escape_inline`): no raw HTML, links or headings
of an article's making reach the report.
"""

from __future__ import annotations

from collections.abc import Iterable

from summarizer.consolidate.figures import FAMILY_LABEL
from summarizer.contract.consolidated import ConsolidatedEvent, FigureReport, FigureSet
from summarizer.contract.event import Scope
from summarizer.text.escape import escape_inline


def _cell(text: object) -> str:
    if text is None:
        return "—"
    return escape_inline(text)


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _table(header: list[str], rows: Iterable[Iterable[object]]) -> list[str]:
    return [_row(header), "|" + "|".join("---" for _ in header) + "|", *(_row(r) for r in rows)]


def figure_title(f: FigureSet) -> str:
    return Scope.read(f.scope).label(f"{FAMILY_LABEL[f.family]} {f.outcome}")


FLAG_CLASSES = {"disputed": "disputed", "different windows": "", "includes claim": "claim"}
"""Each flag a figure set can carry, and its CSS class on the review page."""


def figure_flags(f: FigureSet) -> list[str]:
    """The flags of a figure set, in report order (Markdown report and review page alike)."""
    marks = {"disputed": f.disputed, "different windows": f.windows_differ, "includes claim": f.has_claims}
    return [name for name in FLAG_CLASSES if marks[name]]


def _flag(f: FigureSet) -> str:
    return ", ".join(figure_flags(f))


def _status(r: FigureReport) -> str:
    if r.perpetrator_claim:
        return f"{r.status}: perpetrator claim, not counted"
    return r.status if r.role == "figure" else f"{r.status}: {r.role}, not counted"


def _window(r: FigureReport) -> str:
    if r.window.kind == "event":
        return "not stated"
    return f"{r.window.text} ({r.window.label})" if r.window.kind == "span" else (r.window.text or r.window.label)


def in_disputed_table(f: FigureSet) -> bool:
    """Disputed sets, sets whose figures move across windows, and sets with a perpetrator claim."""
    return f.disputed or f.windows_differ or f.has_claims


def render_markdown(event: ConsolidatedEvent) -> str:
    lines = [f"# Consolidated event {escape_inline(event.event_id)}", "", escape_inline(event.summary), ""]
    when = event.when.start.isoformat() if event.when.start else "unresolved"
    if event.when.end and event.when.end != event.when.start:
        when += f" to {event.when.end.isoformat()}"
    where = ", ".join(escape_inline(x) for x in (event.where.region, event.where.country) if x) or "unresolved"
    lines += [
        f"- **When:** {when}" + (f" (unresolved in {len(event.when.unresolved)} article(s))"
                                 if event.when.unresolved else ""),
        f"- **Where:** {where}",
        f"- **Event type:** {event.event_type}" + (
            f" (also reported as {', '.join(t for t in event.event_types_seen if t != event.event_type)})"
            if len(event.event_types_seen) > 1 else ""),
        f"- **Articles:** {len(event.articles)} ({', '.join(escape_inline(a.outlet) for a in event.articles)})",
        "",
        "## Disputed and differing figures",
        "",
    ]
    table_sets = [f for f in event.figures if in_disputed_table(f)]
    if table_sets:
        rows: list[list[object]] = []
        for f in table_sets:
            for n, r in enumerate(f.reports):
                rows.append([f"{figure_title(f)} — {_flag(f)}" if n == 0 else "", r.outlet, r.raw_text,
                             _window(r), r.source, _status(r)])
        lines += _table(["Figure", "Outlet", "Value", "Window", "Source", "Status"], rows)
        lines.append("")
        for f in table_sets:
            for note in f.notes:
                lines.append(f"- {escape_inline(figure_title(f))}: {escape_inline(note)}")
        lines.append("")
    else:
        lines += ["No disputed figures.", ""]
    lines += ["## All figures", ""]
    lines += _table(
        ["Figure", "Reports", "Values", "Low", "High", "Conservative (ACLED)", "Flags"],
        [[figure_title(f), len(f.reports), ", ".join(dict.fromkeys(r.raw_text for r in f.reports)), f.low, f.high,
          f.conservative, _flag(f)] for f in event.figures],
    )
    lines += ["", "## Places", ""]
    lines += _table(["Place", "Spellings", "Articles"],
                    [[p.name, ", ".join(p.spellings), ", ".join(p.articles)] for p in event.where.places])
    lines += ["", "## Actors", ""]
    lines += _table(["Actor", "Aliases", "Kind", "Roles", "Articles"],
                    [[a.name, ", ".join(a.aliases), ", ".join(a.kinds), ", ".join(a.roles), ", ".join(a.articles)]
                     for a in event.actors])
    lines += ["", "## Statements", ""]
    for s in event.statements:
        about = f" about {escape_inline(s.target)}" if s.target else ""
        lines.append(f"- **{s.kind.replace('_', ' ')}** by {escape_inline(s.actor)}{about} "
                     f"({escape_inline(', '.join(s.articles))})")
        for said in s.reports:
            lines.append(f"  - {escape_inline(said.outlet)}: {escape_inline(said.text)}"
                         + (f' — "{escape_inline(said.quote)}"' if said.quote else ""))
    if not event.statements:
        lines.append("None recorded.")
    lines += ["", "## Consequences", ""]
    for c in event.consequences:
        place = f" ({escape_inline(c.place)})" if c.place else ""
        lines.append(f"- **{c.kind.replace('_', ' ')}**{place}: {escape_inline('; '.join(c.descriptions))} "
                     f"({escape_inline(', '.join(c.articles))})")
    if not event.consequences:
        lines.append("None recorded.")
    lines += ["", "## Articles", ""]
    lines += _table(["Ref", "Outlet", "Title", "Published", "Event date"],
                    [[a.ref, a.outlet, a.title, a.published, a.event_date] for a in event.articles])
    lines += ["", "## Grouping decisions", ""]
    if not event.grouping:
        lines += ["One article: nothing to group.", ""]
        return "\n".join(lines)
    lines += _table(["Pair", "Verdict", "Score", "Reasons"],
                    [[f"{d.a} / {d.b}", d.verdict + (" (confirmer)" if d.decided_by == "confirmer" else ""),
                      d.score, "; ".join(d.reasons)] for d in event.grouping])
    lines.append("")
    return "\n".join(lines)
