"""Summaries for the review-page and CSV tests: the seed articles' gold summaries, a made-up non-Latin article and
a hostile one. Quotes of the made-up articles are located with str.index (code points), as the pipeline does.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from summarizer.contract.event import (
    Actor,
    ArticleMeta,
    Casualty,
    DroppedItem,
    EventSummary,
    Evidence,
    Place,
    Provenance,
    Statement,
    When,
    Where,
)
from summarizer.contract.gold import GoldSummary
from summarizer.extract.rollups import compute_rollups
from summarizer.files.inputs import article_id, check_text, read_article
from summarizer.text.grounding import is_grounded

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLES = ROOT / "eval" / "articles"
SEED_GOLD = ROOT / "eval" / "gold"
SEED_STEMS = sorted(p.stem for p in SEED_GOLD.glob("00[0-4]_*.json"))


def seed(stem: str) -> tuple[EventSummary, str]:
    """A seed article's gold summary (as an EventSummary, totals computed by the project's code) and its text."""
    gold = GoldSummary.model_validate_json((SEED_GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    summary = gold.as_summary()
    summary = summary.model_copy(update={"rollups": compute_rollups(list(summary.casualties))})
    return summary, read_article(SEED_ARTICLES / f"{stem}.txt")


def seeds() -> list[tuple[str, EventSummary, str]]:
    return [(stem, *seed(stem)) for stem in SEED_STEMS]


def evidence_items(summary: EventSummary) -> list[dict[str, Any]]:
    """Every evidence object of a summary, found by walking its JSON (independently of the page code)."""
    found: list[dict[str, Any]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if {"quote", "start", "end", "match"} <= set(value):
                found.append(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(summary.model_dump(mode="json"))
    return found


def grounded_evidence(summary: EventSummary, text: str) -> list[dict[str, Any]]:
    """Evidence whose offsets hold its quote, by the project's grounding rule."""
    return [e for e in evidence_items(summary) if e["end"] > e["start"] and is_grounded(text, Evidence(**e))]


class MarkReader(HTMLParser):
    """Reads the highlighted article back: the text under each data-ev id (pieces joined), kinds, balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.scripts = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            ev = a.get("data-ev") or ""
            self.stack.append(ev)
            self.text.setdefault(ev, "")
            self.kinds[ev] = a.get("data-kind") or ""
            self.max_depth = max(self.max_depth, len(self.stack))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for ev in self.stack:
            self.text[ev] += data


def read_marks(page: str) -> MarkReader:
    reader = MarkReader()
    reader.feed(page)
    reader.close()
    assert not reader.stack, "unbalanced <mark> elements"
    return reader


def unescape(text: str) -> str:
    return html.unescape(text)


# ----- made-up articles ---------------------------------------------------------------------------------------

NON_LATIN = check_text(
    "کراچی میں دھماکہ 🚨\n\n"
    "کراچی، 3 مارچ — پولیس نے بتایا کہ دھماکے میں 12 افراد ہلاک ہو گئے۔ 😢👨‍👩‍👧\n\n"
    "मुंबई, 3 मार्च — पुलिस ने कहा कि हमले में 7 लोग घायल हुए। 🙏🏽\n\n"
    "北京3月3日电 — 当局称，爆炸造成5人死亡。🎉🎉\n\n"
    "Emoji first 🚑🚑🚑 then: 4 people were killed in Łódź, officials said. "
    "The Front claimed 40 soldiers were killed 🔥, a figure officials denied.\n",
    "non-latin",
)


def _ev(text: str, quote: str, after: int = 0) -> Evidence:
    start = text.index(quote, after)
    return Evidence(quote=quote, start=start, end=start + len(quote), match="exact")


def _figure(text: str, cid: str, quote: str, group: str, outcome: str, value: int, by: str, kind: str = "police",
            status: str = "reported") -> Casualty:
    return Casualty(id=cid, group=group, outcome=outcome, value=value, low=value, high=value,  # type: ignore[arg-type]
                    qualifier="exact", raw_text=str(value), scope="whole event", reported_by=by,
                    source_kind=kind, status=status, evidence=_ev(text, quote))  # type: ignore[arg-type]


def _summary(text: str, *, headline: str, casualties: list[Casualty], places: list[Place], actors: list[Actor],
             statements: list[Statement], dropped: list[DroppedItem] | None = None) -> EventSummary:
    return EventSummary(
        article=ArticleMeta(id=article_id(text), outlet="Made-up Wire", chars=len(text)),
        headline=headline, summary="A made-up event for testing.", event_type="explosion_remote_violence",
        when=When(), where=Where(country="Examplestan", places=places), actors=actors, casualties=casualties,
        statements=statements, rollups=compute_rollups(casualties),
        provenance=Provenance(backend="test", model="hand-built", prompt_hash="p", schema_hash="s",
                              dropped=dropped or []),
    )


def _place(text: str, name: str) -> Place:
    return Place(name=name, normalized=name, spellings=[name], evidence=_ev(text, name))


def non_latin() -> tuple[EventSummary, str]:
    """Urdu, Hindi, Chinese and emoji (outside the BMP: one code point, two UTF-16 units) before the quotes."""
    t = NON_LATIN
    casualties = [
        _figure(t, "c1", "دھماکے میں 12 افراد ہلاک", "people", "killed", 12, "پولیس"),
        _figure(t, "c2", "7 लोग घायल हुए", "people", "injured", 7, "पुलिस"),
        _figure(t, "c3", "爆炸造成5人死亡", "people", "killed", 5, "当局", kind="government"),
        _figure(t, "c4", "4 people were killed in Łódź", "people", "killed", 4, "officials", kind="government"),
        _figure(t, "c5", "40 soldiers were killed 🔥", "soldiers", "killed", 40, "The Front", kind="perpetrator",
                status="claimed"),
    ]
    places = [_place(t, "کراچی"), _place(t, "मुंबई"), _place(t, "北京"), _place(t, "Łódź")]
    actors = [Actor(name="The Front", normalized="Front", kind="rebel_group", roles=["claimant"],
                    evidence=_ev(t, "The Front"))]
    statements = [Statement(kind="claim_of_responsibility", actor="The Front", text="claimed 40 soldiers killed",
                            evidence=_ev(t, "The Front claimed 40 soldiers were killed 🔥"))]
    return _summary(t, headline="کراچی، मुंबई, 北京: 🚨 blasts", casualties=casualties, places=places,
                    actors=actors, statements=statements), t


HOSTILE = check_text(
    "Attack report <script>window.__pwned = 1; document.title = 'pwned';</script>\n\n"
    "Police said </mark><b>3 people</b> were killed & 2 \"injured\" near <img src=x onerror=\"window.__pwned=2\">"
    " the depot.\n\n"
    "A group calling itself <iframe src=\"https://example.invalid/\"></iframe> claimed the attack.\n",
    "hostile",
)


def hostile() -> tuple[EventSummary, str]:
    """Markup in the article, in the model's fields and in a dropped item: all of it must show as text."""
    t = HOSTILE
    casualties = [
        _figure(t, "c1", "</mark><b>3 people</b> were killed", "people", "killed", 3, "Police"),
        _figure(t, "c2", "2 \"injured\" near <img src=x onerror=\"window.__pwned=2\">", "people", "injured", 2,
                "Police"),
    ]
    actors = [Actor(name="<img src=x onerror=window.__pwned=4>", normalized="x", kind="other", roles=["claimant"],
                    evidence=_ev(t, "<iframe src=\"https://example.invalid/\"></iframe>"))]
    statements = [Statement(kind="claim_of_responsibility", actor="a group", text="<script>window.__pwned=5</script>",
                            evidence=_ev(t, "claimed the attack"))]
    dropped = [DroppedItem(kind="place", reason="not in the article <b>bold</b>",
                           content="<script>window.__pwned=6</script>")]
    return _summary(t, headline="<script>window.__pwned = 3</script> Attack", casualties=casualties,
                    places=[_place(t, "the depot")], actors=actors, statements=statements, dropped=dropped), t
