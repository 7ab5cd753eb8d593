"""The index of a batch's review pages: every article (failures with their reason) and every event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.consolidate.report import figure_title, in_disputed_table
from summarizer.contract.consolidated import ConsolidatedEvent
from summarizer.contract.event import EventSummary
from summarizer.render.review.markup import cells, esc, page, table

_OUTCOMES = ("killed", "injured", "abducted", "missing", "escaped", "arrested")


@dataclass(frozen=True)
class IndexEntry:
    path: str
    """Article path relative to the input folder."""
    status: str
    error: str | None = None
    href: str | None = None
    """The article's review page, relative to the index."""
    summary: EventSummary | None = None


@dataclass(frozen=True)
class EventEntry:
    event: ConsolidatedEvent
    href: str


def main_figures(s: EventSummary, limit: int = 4) -> str:
    """The computed totals that matter most: killed first, then injured, abducted...; claims are not totals."""
    rollups = sorted(s.rollups, key=lambda r: (_OUTCOMES.index(r.outcome) if r.outcome in _OUTCOMES else 9,
                                               -(r.best or 0)))
    parts = []
    for r in rollups[:limit]:
        value = str(r.conservative) if r.conservative is not None else "?"
        if r.best is not None and r.best != r.conservative:
            value += f"–{r.best}"
        parts.append(f"{r.group.replace('_', ' ')} {r.outcome} {value}" + (" (disputed)" if r.disputed else ""))
    if len(rollups) > limit:
        parts.append(f"+{len(rollups) - limit} more")
    return "; ".join(parts)


def _place(s: EventSummary) -> str:
    wide = {(s.where.region or "").lower(), (s.where.country or "").lower()}
    first = next((p.name for p in s.where.places if p.name.lower() not in wide), None)
    return ", ".join(x for x in (first, s.where.region, s.where.country) if x)


def _article_row(e: IndexEntry) -> str:
    name = f'<a href="{esc(e.href)}">{esc(e.path)}</a>' if e.href else esc(e.path)
    ok = e.status != "failed"
    badge = f'<span class="badge {"ok" if ok else "bad"}">{esc(e.status)}</span>'
    s = e.summary
    if s is None:
        reason = f'<td colspan="5" class="unlocated">{esc(e.error or "no summary")}</td>'
        return f"<tr><td>{name}</td><td>{badge}</td>{reason}</tr>"
    when = s.when.start.isoformat() if s.when.start else (s.when.text or "unresolved")
    return (f"<tr><td>{name}</td><td>{badge}</td>"
            + cells([s.event_type.replace("_", " "), when, _place(s), main_figures(s), s.headline]) + "</tr>")


def _event_row(e: EventEntry) -> str:
    ev = e.event
    disputed = [figure_title(f) for f in ev.figures if in_disputed_table(f)]
    when = ev.when.start.isoformat() if ev.when.start else "unresolved"
    return (f'<tr><td><a href="{esc(e.href)}">{esc(ev.event_id)}</a></td>'
            + cells([when, ", ".join(x for x in (ev.where.region, ev.where.country) if x), len(ev.articles),
                     "; ".join(disputed) or "none", ev.summary]) + "</tr>")


def index_page(entries: Sequence[IndexEntry], events: Sequence[EventEntry], *, title: str = "Review",
               downloads: Sequence[tuple[str, str]] = ()) -> str:
    """The batch index. `downloads` lists (label, href) of exports written beside it."""
    failed = sum(1 for e in entries if e.status == "failed")
    header = (f'<header class="top"><h1>{esc(title)}</h1><div class="meta">{len(entries)} article(s), '
              f"{failed} failed · {len(events)} consolidated event(s)</div>"
              + ("<div class=\"facts\">" + "".join(f'<span><a href="{esc(h)}">{esc(label)}</a></span>'
                                                for label, h in downloads) + "</div>" if downloads else "")
              + "</header>")
    articles = table(["Article", "Status", "Event type", "Date", "Place", "Main figures (conservative–best)",
                      "Headline or failure"], [_article_row(e) for e in entries], cls="index")
    event_table = (table(["Event", "Date", "Where", "Articles", "Disputed or differing figures", "Summary"],
                         [_event_row(e) for e in events]) if events else "<p>No consolidated events.</p>")
    body = (header + '<main class="single"><section class="panel"><h2>Articles</h2>' + articles
            + "<h2>Consolidated events</h2>" + event_table + "</section></main>")
    return page(title, body)
