"""The review page of a consolidated event: the disputed figures first, each value linked to its quote."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from summarizer.consolidate.report import FLAG_CLASSES, figure_flags, figure_title, in_disputed_table
from summarizer.contract.consolidated import ConsolidatedEvent, FigureReport, FigureSet
from summarizer.render.review.items import figure_anchor
from summarizer.render.review.markup import cells, esc, nav, page, table


def _words(value: str | None) -> str:
    return value.replace("_", " ") if value else ""


def _flags(f: FigureSet) -> str:
    return " ".join(f'<span class="{" ".join(["badge", FLAG_CLASSES[name]]).strip()}">{name}</span>'
                    for name in figure_flags(f))


def _window(r: FigureReport) -> str:
    if r.window.kind == "event":
        return "not stated"
    return f"{r.window.text} ({r.window.label})" if r.window.kind == "span" else (r.window.text or r.window.label)


def _status(r: FigureReport) -> str:
    if r.perpetrator_claim:
        return f'{esc(r.status)} <span class="badge claim">perpetrator claim, not counted</span>'
    if r.role != "figure":
        return f'{esc(r.status)} <span class="badge">{esc(r.role)}, not counted</span>'
    return esc(r.status)


def _value(r: FigureReport, article_id: str | None, links: Mapping[str, str]) -> str:
    href = links.get(article_id or "")
    tip = f' title="{esc(r.quote)}"' if r.quote else ""
    if href is None:
        return f"<span{tip}>{esc(r.raw_text)}</span>"
    return f'<a class="value" href="{esc(href)}#q-{esc(figure_anchor(r.casualty_id))}"{tip}>{esc(r.raw_text)}</a>'


def _disputed_table(event: ConsolidatedEvent, links: Mapping[str, str]) -> str:
    ids = {a.ref: a.article_id for a in event.articles}
    sets = [f for f in event.figures if in_disputed_table(f)]
    if not sets:
        return "<p>No disputed figures: the outlets' counted figures agree within each time window.</p>"
    rows = []
    for f in sets:
        for n, r in enumerate(f.reports):
            head = f"<td><b>{esc(figure_title(f))}</b> {_flags(f)}</td>" if n == 0 else "<td></td>"
            cls = "claim" if r.perpetrator_claim else ""
            rows.append(f'<tr class="{cls}">{head}<td>{esc(r.outlet)}</td>'
                        f"<td>{_value(r, ids.get(r.article), links)}</td>{cells([_window(r), r.source or 'unnamed'])}"
                        f"<td>{_status(r)}</td></tr>")
    notes = [f"<li>{esc(figure_title(f))}: {esc(note)}</li>" for f in sets for note in f.notes]
    return (table(["Figure", "Outlet", "Value", "Window", "Source", "Status"], rows, cls="disputed")
            + (f'<ul class="items">{"".join(notes)}</ul>' if notes else ""))


def _num(value: int | None) -> str:
    return f'<td class="num">{esc("" if value is None else value)}</td>'


def _all_figures(event: ConsolidatedEvent) -> str:
    rows = [f"<tr>{cells([figure_title(f), len(f.reports)])}"
            f"<td>{esc(', '.join(dict.fromkeys(r.raw_text for r in f.reports)))}</td>"
            f"{_num(f.low)}{_num(f.high)}{_num(f.conservative)}<td>{_flags(f)}</td></tr>" for f in event.figures]
    if not rows:
        return "<p>No figures.</p>"
    return table(["Figure", "Reports", "Values", "Low", "High", "Conservative (ACLED)", "Flags"], rows)


def _articles(event: ConsolidatedEvent, links: Mapping[str, str]) -> str:
    rows = []
    for a in event.articles:
        href = links.get(a.article_id)
        ref = f'<a href="{esc(href)}">{esc(a.ref)}</a>' if href else esc(a.ref)
        rows.append(f"<tr><td>{ref}</td>{cells([a.outlet, a.title or '', a.published or '', a.event_date or ''])}"
                    "</tr>")
    return table(["Article", "Outlet", "Title", "Published", "Event date"], rows)


def _statements(event: ConsolidatedEvent) -> str:
    if not event.statements:
        return "<p>None recorded.</p>"
    parts = []
    for s in event.statements:
        about = f" about {s.target}" if s.target else ""
        said = "".join(f"<li>{esc(r.outlet)}: {esc(r.text)}"
                       + (f' <span class="quote">“{esc(r.quote)}”</span>' if r.quote else "") + "</li>"
                       for r in s.reports)
        parts.append(f"<li><b>{esc(_words(s.kind))}</b> by {esc(s.actor)}{esc(about)}"
                     f'<ul class="items">{said}</ul></li>')
    return f'<ul class="items">{"".join(parts)}</ul>'


def event_page(event: ConsolidatedEvent, links: Mapping[str, str] | None = None,
               nav_links: Sequence[tuple[str, str]] = ()) -> str:
    """The page of one consolidated event. `links` maps article ids to their review pages (relative hrefs);
    `nav_links` are (label, href) of related pages (the index)."""
    links = links or {}
    e = event
    when = e.when.start.isoformat() if e.when.start else "unresolved"
    if e.when.end and e.when.end != e.when.start:
        when += f" to {e.when.end.isoformat()}"
    where = ", ".join(x for x in (e.where.region, e.where.country) if x) or "unresolved"
    facts = [("When", when), ("Where", where), ("Event type", _words(e.event_type)),
             ("Articles", f"{len(e.articles)} ({', '.join(a.outlet for a in e.articles)})")]
    fact_html = "".join(f"<span><b>{esc(k)}:</b> {esc(v)}</span>" for k, v in facts)
    header = nav(nav_links) + (f'<header class="top"><h1>Consolidated event {esc(e.event_id)}</h1>'
              f'<div class="facts">{fact_html}</div><p class="lede">{esc(e.summary)}</p></header>')
    places = table(["Place", "Spellings", "Articles"],
                   [f"<tr>{cells([p.name, ', '.join(p.spellings), ', '.join(p.articles)])}</tr>"
                    for p in e.where.places])
    actors = table(["Actor", "Aliases", "Kind", "Roles", "Articles"],
                   ["<tr>" + cells([a.name, ", ".join(a.aliases), ", ".join(a.kinds), ", ".join(a.roles),
                                    ", ".join(a.articles)]) + "</tr>" for a in e.actors])
    consequences = "".join(
        f"<li><b>{esc(_words(c.kind))}</b>{esc(f' ({c.place})' if c.place else '')}: {esc('; '.join(c.descriptions))}"
        f" ({esc(', '.join(c.articles))})</li>" for c in e.consequences) or "<li>None recorded.</li>"
    grouping = table(["Pair", "Verdict", "Score", "Reasons"],
                     [f"<tr>{cells([f'{d.a} / {d.b}', d.verdict, d.score, '; '.join(d.reasons)])}</tr>"
                      for d in e.grouping]) if e.grouping else "<p>One article: nothing to group.</p>"
    body = (header + '<main class="single"><section class="panel">'
            "<h2>Disputed and differing figures</h2>"
            '<p class="quote">Each value links to the quote in its article\'s review page.</p>'
            f"{_disputed_table(e, links)}<h2>All figures</h2>{_all_figures(e)}"
            f"<h2>Articles</h2>{_articles(e, links)}<h2>Places</h2>{places}<h2>Actors</h2>{actors}"
            f'<h2>Statements</h2>{_statements(e)}<h2>Consequences</h2><ul class="items">{consequences}</ul>'
            f"<h2>Grouping decisions</h2>{grouping}</section></main>")
    return page(f"Consolidated event {e.event_id}", body)
