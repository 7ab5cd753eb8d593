"""The review page of one summary: the article with its evidence highlighted, beside what was read from it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from summarizer.contract.event import EventSummary, Rollup
from summarizer.extract.rollups import compute_rollups
from summarizer.render.review.items import KIND_LABELS, KINDS, ReviewItem, review_items
from summarizer.render.review.markup import cells, esc, highlight, nav, page, table

CONSERVATIVE_NOTE = ("low / best / high over the article's own whole-event figures; conservative is ACLED's most "
                     "conservative estimate (the lowest credible figure, claims excluded; 'dozens' counts as 12).")


def _words(value: str | None) -> str:
    return value.replace("_", " ") if value else ""


def _header(s: EventSummary, name: str | None) -> str:
    a = s.article
    meta = [x for x in (a.outlet, a.dateline, a.published.isoformat() if a.published else None) if x]
    meta.append(f"article {a.id} · {a.chars:,} characters")
    if name:
        meta.append(name)
    when = s.when.start.isoformat() if s.when.start else f"{s.when.text or 'unknown'} (unresolved)"
    if s.when.start and s.when.end and s.when.end != s.when.start:
        when += f" to {s.when.end.isoformat()}"
    where = ", ".join(x for x in (s.where.region, s.where.country) if x) or "unknown"
    facts = [("Event type", _words(s.event_type)), ("When", when), ("Where", where)]
    if a.title and a.title != s.headline:
        facts.insert(0, ("Article title", a.title))
    fact_html = "".join(f"<span><b>{esc(k)}:</b> {esc(v)}</span>" for k, v in facts)
    return (f'<header class="top"><h1>{esc(s.headline)}</h1><div class="meta">{esc(" · ".join(meta))}</div>'
            f'<div class="facts">{fact_html}</div><p class="lede">{esc(s.summary)}</p></header>')


def _legend(items: Sequence[ReviewItem]) -> str:
    shown = Counter(i.kind for i in items if i.span is not None)
    entries = []
    for kind in KINDS:
        if not shown[kind]:
            continue
        entries.append(f'<li><label><input type="checkbox" checked data-kind="{kind}"> '
                       f'<span class="swatch k-{kind}"></span>{esc(KIND_LABELS[kind])} ({shown[kind]})</label></li>')
    claims = sum(1 for i in items if i.claim and i.span is not None)
    if claims:
        entries.append(f'<li><span class="swatch claim"></span>claimed by the perpetrator side, not counted '
                       f'({claims})</li>')
    entries.append('<li><span class="quote">wavy underline: found after normalising spacing or quotes</span></li>')
    return f'<ul class="legend" aria-label="Legend">{"".join(entries)}</ul>'


def _status(item: ReviewItem, status: str) -> str:
    badge = '<span class="badge claim">claim, not counted</span>' if item.claim else ""
    located = "" if item.span else ' <span class="badge bad">not located</span>'
    return f"<td>{esc(status)} {badge}{located}</td>"


def _figure_table(s: EventSummary, figures: Sequence[ReviewItem]) -> str:
    if not s.casualties:
        return "<p>No casualty figures.</p>"
    rows = []
    for c, item in zip(s.casualties, figures, strict=True):
        cls = " ".join(x for x in ("claim" if item.claim else "", "" if item.span else "unlocated") if x)
        who = f"{c.reported_by or 'unnamed'} ({_words(c.source_kind)})"
        where = c.scope + (f"; {c.window}" if c.window else "")
        rows.append(f'<tr class="{cls}" data-target="{esc(item.id)}" tabindex="0">'
                    + cells([c.id, c.raw_text, f"{_words(c.group)} {c.outcome}", where, who])
                    + _status(item, c.status) + "</tr>")
    return table(["", "figure", "who, what", "scope; window", "reported by", "status"], rows, cls="figures")


def _num(value: int | None) -> str:
    return f'<td class="num">{esc("" if value is None else value)}</td>'


def _rollups(s: EventSummary, ids: dict[str, str]) -> str:
    rollups = s.rollups or compute_rollups(list(s.casualties))
    if not rollups:
        return "<p>No totals (no figures).</p>"
    note = "" if s.rollups else '<p class="notice">The summary has no totals; these are computed for this page.</p>'
    rows = []
    for r in rollups:
        targets = " ".join(ids[c] for c in r.casualty_ids if c in ids)
        flag = '<span class="badge disputed">disputed</span>' if r.disputed else "no"
        rows.append(f'<tr data-target="{esc(targets)}" tabindex="0">'
                    + cells([_words(r.group), r.outcome]) + _num(r.low) + _num(r.best) + _num(r.high)
                    + _num(r.conservative) + _num(r.reports) + f"<td>{flag}</td></tr>")
    return (note + table(["group", "outcome", "low", "best", "high", "conservative", "reports", "disputed"], rows,
                         cls="rollups") + f'<p class="quote">{esc(CONSERVATIVE_NOTE)}</p>')


def _disputes(s: EventSummary, ids: dict[str, str]) -> str:
    disputed: list[Rollup] = [r for r in s.rollups or compute_rollups(list(s.casualties)) if r.disputed]
    if not disputed:
        return "<p>No disputed totals: no two sources give different figures for the same scope and window.</p>"
    by_id = {c.id: c for c in s.casualties}
    parts = []
    for r in disputed:
        entries = []
        for cid in r.casualty_ids:
            c = by_id.get(cid)
            if c is None:
                continue
            window = f", {c.window}" if c.window else ""
            entries.append(f'<li data-target="{esc(ids.get(cid, ""))}" tabindex="0">{esc(c.raw_text)} '
                           f'({esc(c.reported_by or "unnamed")}{esc(window)}; {esc(c.scope)}; {esc(c.status)})</li>')
        parts.append(f"<li><b>{esc(_words(r.group))} {esc(r.outcome)}</b><ul class=\"items\">{''.join(entries)}</ul>"
                     "</li>")
    return f'<ul class="items disputes">{"".join(parts)}</ul>'


def _item_list(items: Sequence[ReviewItem], kind: str, title: str) -> str:
    chosen = [i for i in items if i.kind == kind]
    if not chosen:
        return ""
    entries = []
    for i in chosen:
        extra = "; ".join(f"{k}: {v}" for k, v in i.details if v)
        quote = f' <span class="quote">“{esc(i.evidence.quote)}”</span>' if i.evidence and i.kind != "source" else ""
        missing = ' <span class="badge bad">not located</span>' if i.span is None else ""
        entries.append(f'<li data-target="{esc(i.id)}" tabindex="0" class="{"" if i.span else "unlocated"}">'
                       f"<b>{esc(i.label)}</b> <span>{esc(extra)}</span>{quote}{missing}</li>")
    return f'<h2>{esc(title)} ({len(chosen)})</h2><ul class="items {kind}">{"".join(entries)}</ul>'


def _missing(items: Sequence[ReviewItem]) -> str:
    missing = [i for i in items if i.span is None]
    if not missing:
        return ('<h2 id="missing">Not highlighted (0)</h2><p>Every item\'s evidence was found in the text at its '
                "offsets.</p>")
    entries = [f'<li id="missing-{esc(i.id)}" class="unlocated"><b>{esc(KIND_LABELS[i.kind])}: {esc(i.label)}</b> — '
               f'{esc(i.problem or "")}' + (f' <span class="quote">“{esc(i.evidence.quote)}”</span>' if i.evidence
                                            else "") + "</li>" for i in missing]
    return (f'<h2 id="missing">Not highlighted ({len(missing)}): evidence that could not be placed in the '
            f'text</h2><ul class="items">{"".join(entries)}</ul>')


def _dropped(s: EventSummary) -> str:
    dropped = s.provenance.dropped
    if not dropped:
        return '<h2 id="dropped">Dropped by the summarizer (0)</h2><p>Nothing was dropped.</p>'
    entries = [f"<li><b>{esc(d.kind)}</b>: {esc(d.content)} — {esc(d.reason)}</li>" for d in dropped]
    return (f'<h2 id="dropped">Dropped by the summarizer ({len(dropped)}): answers that could not be grounded in '
            f'the article</h2><ul class="items">{"".join(entries)}</ul>')


def _provenance(s: EventSummary) -> str:
    p = s.provenance
    passes = ", ".join(f"{x.name} {x.latency_s:.1f} s" + (f" ({x.retries} retries)" if x.retries else "")
                       for x in p.passes)
    text = (f"{p.backend} · model {p.model} · prompts {p.prompt_hash} · schema {p.schema_version} ({p.schema_hash}) · "
            f"{p.prompt_tokens} prompt + {p.completion_tokens} completion tokens · {p.latency_s:.1f} s · "
            f"{p.retries} retries" + (f" · passes: {passes}" if passes else ""))
    return f"<footer>{esc(text)}</footer>"


def article_page(summary: EventSummary, text: str | None, *, name: str | None = None,
                 notes: Sequence[str] = (), links: Sequence[tuple[str, str]] = ()) -> str:
    """The complete review page. `text` is the article the summary was made from (None: tables only); `links`
    are (label, relative href) of related pages (the index, the consolidated event)."""
    s = summary
    items = review_items(s, text)
    figures = items[: len(s.casualties)]
    ids: dict[str, str] = {}
    for c, item in zip(s.casualties, figures, strict=True):
        ids.setdefault(c.id, item.id)
    located = sum(1 for i in items if i.span is not None)
    missing = len(items) - located
    warnings = list(notes) + [f"Summarizer warning: {w}" for w in getattr(s.provenance, "warnings", None) or []]
    if text is None:
        warnings.append("The article text is not available, so nothing can be highlighted; every item is listed "
                        "below. Give the article file (summarizer render SUMMARY.json --format html --article FILE).")
    notice = "".join(f'<p class="notice">{esc(w)}</p>' for w in warnings)
    counts = (f'<p class="counts">{located} item(s) highlighted in the text · '
              f'<a href="#missing">{missing} not located</a> · '
              f'<a href="#dropped">{len(s.provenance.dropped)} dropped by the summarizer</a> · '
              f"{sum(1 for i in figures if i.claim)} claimed figure(s), not counted</p>")
    text_panel = (f'<section class="panel" aria-label="Article text">{_legend(items)}'
                  f'<div class="article">{highlight(text, items)}</div></section>' if text is not None
                  else '<section class="panel"><p>No article text.</p></section>')
    side = (f'<aside class="panel"><h2>Casualty figures ({len(s.casualties)})</h2>{_figure_table(s, figures)}'
            f"<h2>Totals (computed)</h2>{_rollups(s, ids)}<h2>Disputes</h2>{_disputes(s, ids)}"
            + _item_list(items, "source", "Sources of figures")
            + _item_list(items, "actor", "Actors") + _item_list(items, "place", "Places")
            + _item_list(items, "statement", "Statements") + _item_list(items, "consequence", "Consequences")
            + _item_list(items, "incident", "Incidents") + _item_list(items, "time", "Time")
            + "</aside>")
    body = (nav(links) + _header(s, name) + notice + counts + f'<main class="review">{text_panel}{side}</main>'
            + f'<section class="panel missing">{_missing(items)}{_dropped(s)}</section>' + _provenance(s))
    lang = getattr(s.article, "language", None)
    return page(f"{s.headline} — review", body, lang=str(lang) if isinstance(lang, str) and lang else "en")
