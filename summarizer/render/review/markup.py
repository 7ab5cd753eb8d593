"""HTML building blocks: escaping, the highlighted article text, and the self-contained page shell.

Offsets are Python code points, and the highlight markup is built here, in Python, so characters outside the
Basic Multilingual Plane (emoji, some CJK) and combining marks (Devanagari, Urdu) land where the offsets say;
JavaScript never counts characters. Every piece of text from the article or the model goes through `esc`.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from html import escape

from summarizer.render.review.assets import CSS, SCRIPT
from summarizer.render.review.items import ReviewItem

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def esc(value: object) -> str:
    """Text or attribute value, escaped (quotes too); None is empty. A lone surrogate (only a model's JSON can
    hold one) becomes U+FFFD, one code point for one, so the page can be written as UTF-8."""
    if value is None:
        return ""
    text = _LONE_SURROGATE.sub("\ufffd", str(value))
    return escape(text, quote=True)


def _open(item: ReviewItem, first: bool) -> str:
    classes = ["hl", f"k-{item.kind}"]
    if item.claim:
        classes.append("claim")
    if item.evidence is not None and item.evidence.match == "fuzzy":
        classes.append("fuzzy")
    anchor = f' id="q-{esc(item.id)}" tabindex="0"' if first else ""
    return (f'<mark class="{" ".join(classes)}" data-ev="{esc(item.id)}" data-kind="{item.kind}"'
            f' data-tip="{esc(item.tip)}"{anchor}>')


def highlight(text: str, items: Sequence[ReviewItem]) -> str:
    """The article as escaped HTML with one or more <mark> pieces per located item.

    Spans that nest become nested marks. Where two spans cross, the inner one is closed at the crossing and
    reopened after it, so every piece is well-formed and the pieces of one item, read in order, are its quote.
    The first piece carries the anchor `q-<item id>`.
    """
    spans = [i for i in items if i.span is not None and 0 <= i.span[0] < i.span[1] <= len(text)]
    starts: dict[int, list[ReviewItem]] = defaultdict(list)
    for item in spans:
        assert item.span is not None
        starts[item.span[0]].append(item)
    for group in starts.values():
        group.sort(key=lambda i: -(i.span or (0, 0))[1])  # the longest opens first, outermost
    bounds = sorted({0, len(text)} | {p for i in spans if i.span for p in i.span})
    out: list[str] = []
    stack: list[ReviewItem] = []
    opened: set[str] = set()

    def open_item(item: ReviewItem) -> None:
        out.append(_open(item, item.id not in opened))
        opened.add(item.id)
        stack.append(item)

    for n, pos in enumerate(bounds):
        ending = [k for k, item in enumerate(stack) if (item.span or (0, 0))[1] == pos]
        if ending:
            lowest = min(ending)
            reopen = [item for item in stack[lowest:] if (item.span or (0, 0))[1] != pos]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for item in reopen:
                open_item(item)
        for item in starts.get(pos, []):
            open_item(item)
        if n + 1 < len(bounds):
            out.append(esc(text[pos:bounds[n + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def page(title: str, body: str, *, lang: str = "en") -> str:
    """A complete, self-contained HTML document: inline CSS and script, nothing fetched from anywhere.

    The Content-Security-Policy allows only this page's own style and script (by hash) and no network at all, so
    even markup that escaped escaping could neither run a script nor load anything.
    """
    policy = (f"default-src 'none'; script-src '{csp_hash(SCRIPT)}'; style-src '{csp_hash(CSS)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n"
        '<div id="tip" role="tooltip" hidden></div>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def table(header: Sequence[str], rows: Iterable[str], *, cls: str = "") -> str:
    """A table from a header and pre-built <tr> rows (cells already escaped by the caller)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join(rows)
    return f'<table class="{esc(cls)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def cells(values: Iterable[object]) -> str:
    return "".join(f"<td>{esc(v)}</td>" for v in values)


def nav(links: Sequence[tuple[str, str]]) -> str:
    """A row of links to related pages (label, relative href); empty when there are none."""
    if not links:
        return ""
    items = " · ".join(f'<a href="{esc(href)}">{esc(label)}</a>' for label, href in links)
    return f'<nav class="meta">{items}</nav>'
