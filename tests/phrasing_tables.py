"""Phrasing tables (tests/phrasings/*.tsv): one row per phrasing, positive and negative, in several languages.

Each reader of the text has its own test module fed by its table (`test_reader_*.py`). A phrasing the code gets
wrong is a new row (and a fix in a lexicon or a reader), never a special case hidden in the code.
Columns: language code (or "-"), text, expected; "#" starts a comment line.
"""

from __future__ import annotations

from pathlib import Path

from summarizer.lang import lexicon
from summarizer.text.parse import NumberMention, find_numbers, split_sentences

TABLES = Path(__file__).parent / "phrasings"


def rows(name: str) -> list[tuple[str, str, str]]:
    found = []
    for line in (TABLES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) in (2, 3), f"{name}: malformed row {line!r}"
        found.append((parts[0], parts[1], parts[2] if len(parts) == 3 else ""))
    return found


def mentions(lang: str, text: str) -> list[NumberMention]:
    """The number reader's mentions of a text in a language."""
    lx = lexicon(lang)
    assert lx is not None, f"no lexicon for {lang}"
    return find_numbers(text, split_sentences(text), lx)
