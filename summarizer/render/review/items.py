"""What the review page shows: every evidence-bearing item of a summary, with its kind, label and details.

Each item is checked against the article text with the project's own grounding rule (`grounding.is_grounded`):
an item whose offsets hold its quote is highlighted; any other is listed as not shown, with the reason. Nothing
is dropped silently. Sources (who gave a figure) have no evidence of their own in the schema; the code looks for
the `reported_by` words inside the figure's quote, then in the same paragraph, nearest to the figure first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from summarizer.contract.event import Casualty, EventSummary, Evidence
from summarizer.text.grounding import is_grounded
from summarizer.text.parse import paragraph_span

Kind = Literal["casualty", "source", "place", "actor", "statement", "consequence", "incident", "time"]

KIND_LABELS: dict[Kind, str] = {
    "casualty": "Casualty figure",
    "source": "Source of a figure",
    "place": "Place",
    "actor": "Actor",
    "statement": "Statement",
    "consequence": "Consequence",
    "incident": "Incident",
    "time": "Time",
}
KINDS: tuple[Kind, ...] = tuple(KIND_LABELS)


@dataclass
class ReviewItem:
    """One thing read from the article, as the page shows it."""

    id: str
    kind: Kind
    label: str
    details: list[tuple[str, str]]
    evidence: Evidence | None
    span: tuple[int, int] | None = None
    """Offsets highlighted in the text (code points); None when not shown."""
    problem: str | None = None
    """Why the item is not highlighted."""
    claim: bool = False
    """A figure claimed by the perpetrator side (styled differently, never counted)."""
    related: list[str] = field(default_factory=list)
    """Ids of items this one belongs with (a source's figures)."""

    @property
    def tip(self) -> str:
        lines = [f"{KIND_LABELS[self.kind]}: {self.label}"]
        lines += [f"{key}: {value}" for key, value in self.details if value]
        return "\n".join(lines)


def _safe_id(prefix: str, raw: str) -> str:
    return f"{prefix}-{re.sub(r'[^A-Za-z0-9_-]+', '_', raw) or 'x'}"


def figure_anchor(casualty_id: str) -> str:
    """The item id of a casualty figure; its quote's anchor on the article page is `q-` + this."""
    return _safe_id("fig", casualty_id)


def _words(value: str | None) -> str:
    return value.replace("_", " ") if value else ""


def is_claim(c: Casualty) -> bool:
    """A figure the perpetrator side claimed: shown apart, never counted."""
    return c.status == "claimed" or c.source_kind == "perpetrator"


def figure_label(c: Casualty) -> str:
    return f"{c.raw_text} {_words(c.group)} {c.outcome}"


def _bounds(c: Casualty) -> str:
    low = "?" if c.low is None else str(c.low)
    high = "open" if c.high is None else str(c.high)
    return f"{low} to {high}"


def _casualty(c: Casualty) -> ReviewItem:
    return ReviewItem(
        id=figure_anchor(c.id), kind="casualty", label=figure_label(c), evidence=c.evidence, claim=is_claim(c),
        details=[("figure", c.id), ("value", "vague (no number)" if c.value is None else str(c.value)),
                 ("qualifier", _words(c.qualifier)), ("range", _bounds(c)), ("scope", c.scope),
                 ("window", c.window or "not stated"),
                 ("reported by", f"{c.reported_by or 'unnamed'} ({_words(c.source_kind)})"),
                 ("status", c.status + (" (perpetrator claim: not counted)" if is_claim(c) else ""))])


def _summary_items(s: EventSummary) -> Iterator[ReviewItem]:
    """Every evidence-bearing item of the summary, in the order the page lists them."""
    yield from (_casualty(c) for c in s.casualties)
    for n, p in enumerate(s.where.places, 1):
        yield ReviewItem(id=_safe_id("place", str(n)), kind="place", label=p.name, evidence=p.evidence,
                         details=[("normalised", p.normalized), ("spellings", ", ".join(p.spellings))])
    for n, a in enumerate(s.actors, 1):
        yield ReviewItem(id=_safe_id("actor", str(n)), kind="actor", label=a.name, evidence=a.evidence,
                         details=[("kind", _words(a.kind)), ("roles", ", ".join(a.roles)),
                                  ("aliases", ", ".join(a.aliases))])
    for n, st in enumerate(s.statements, 1):
        yield ReviewItem(id=_safe_id("stmt", str(n)), kind="statement", label=f"{_words(st.kind)} by {st.actor}",
                         evidence=st.evidence,
                         details=[("by", st.actor), ("about", st.target or ""), ("said", st.text)])
    for n, cq in enumerate(s.consequences, 1):
        yield ReviewItem(id=_safe_id("cons", str(n)), kind="consequence", label=_words(cq.kind),
                         evidence=cq.evidence, details=[("what", cq.description), ("place", cq.place or "")])
    for n, inc in enumerate(s.incidents, 1):
        yield ReviewItem(id=_safe_id("inc", inc.id or str(n)), kind="incident", label=inc.description,
                         evidence=inc.evidence,
                         details=[("place", inc.place or ""), ("figures", ", ".join(inc.casualty_ids))])
    if s.when.evidence is not None:
        w = s.when
        resolved = w.start.isoformat() if w.start else "unresolved"
        if w.start and w.end and w.end != w.start:
            resolved += f" to {w.end.isoformat()}"
        yield ReviewItem(id="when", kind="time", label=w.text or resolved, evidence=w.evidence,
                         details=[("date", resolved), ("precision", w.precision), ("basis", w.basis)])


def find_source(text: str, c: Casualty) -> tuple[int, int] | None:
    """Where the figure's `reported_by` words stand: inside its quote, else nearest to it in its paragraph."""
    who = (c.reported_by or "").strip()
    if len(who) < 2:
        return None
    start, end = c.evidence.start, c.evidence.end
    para_start, para_end = paragraph_span(text, start, end)
    pattern = re.compile(re.escape(who), re.IGNORECASE)
    inside = [m for m in pattern.finditer(text, start, end)]
    if inside:
        return inside[0].start(), inside[0].end()
    near = list(pattern.finditer(text, para_start, para_end))
    if not near:
        return None
    best = min(near, key=lambda m: min(abs(m.start() - end), abs(m.end() - start)))
    return best.start(), best.end()


def _source_items(text: str, figures: Sequence[tuple[Casualty, ReviewItem]]) -> list[ReviewItem]:
    by_span: dict[tuple[int, int], ReviewItem] = {}
    for c, fig in figures:
        where = find_source(text, c)
        if where is None:
            continue
        item = by_span.get(where)
        if item is None:
            quote = text[where[0]:where[1]]
            item = ReviewItem(id=_safe_id("src", str(len(by_span) + 1)), kind="source", label=quote,
                              evidence=Evidence(quote=quote, start=where[0], end=where[1], match="exact"),
                              span=where, details=[("kind", _words(c.source_kind))])
            by_span[where] = item
        item.related.append(fig.id)
        item.details.append(("gave", f"{c.id}: {figure_label(c)}"))
    return sorted(by_span.values(), key=lambda i: i.span or (0, 0))


def _unique_ids(items: Sequence[ReviewItem]) -> None:
    """Ids are anchors: a summary repeating a casualty id still gets one anchor per item."""
    seen: set[str] = set()
    for item in items:
        base, n = item.id, 1
        while item.id in seen:
            n += 1
            item.id = f"{base}-{n}"
        seen.add(item.id)


def review_items(s: EventSummary, text: str | None) -> list[ReviewItem]:
    """The summary's items, each with its highlight span or the reason it has none; then the located sources."""
    items = list(_summary_items(s))
    _unique_ids(items)
    for item in items:
        ev = item.evidence
        if ev is None:
            continue
        if text is None:
            item.problem = "the article text is not available"
        elif not 0 <= ev.start < ev.end <= len(text):
            item.problem = f"offsets {ev.start}-{ev.end} are outside the article ({len(text)} characters)"
        elif not is_grounded(text, ev):
            item.problem = f"the article text at {ev.start}-{ev.end} does not hold the quote"
        else:
            item.span = (ev.start, ev.end)
    if text is not None:
        figures = items[: len(s.casualties)]
        items += _source_items(text, [(c, i) for c, i in zip(s.casualties, figures, strict=True) if i.span])
    return items
