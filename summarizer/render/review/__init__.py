"""Self-contained HTML review pages: the article with its evidence highlighted, consolidated events, an index.

    article_page(summary, text)   one summary beside its article (items.py decides what is shown and why not)
    event_page(event, links)      one consolidated event, its disputed values linked to the article pages
    write_site(in_dir, out_dir)   every page of a batch output folder, plus index.html (and CSV exports)

Every page is one file: inline CSS and script, a Content-Security-Policy that allows nothing else, no network.
"""

from __future__ import annotations

from summarizer.render.review.article_lookup import find_article_text
from summarizer.render.review.article_page import article_page
from summarizer.render.review.event_page import event_page
from summarizer.render.review.index_page import EventEntry, IndexEntry, index_page
from summarizer.render.review.items import KINDS, ReviewItem, figure_anchor, review_items
from summarizer.render.review.site import write_site

__all__ = [
    "KINDS",
    "EventEntry",
    "IndexEntry",
    "ReviewItem",
    "article_page",
    "event_page",
    "figure_anchor",
    "find_article_text",
    "index_page",
    "review_items",
    "write_site",
]
