"""Phrasing tables (tests/phrasings/*.tsv): one row per phrasing, positive and negative, in several languages.

Each reader of the text is checked row by row against made-up sentences. A phrasing the code gets wrong is a new
row here (and a fix in a lexicon or a reader), never a special case hidden in the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.extract.attribution import attribution, lexicon_attribution, usable_speaker
from summarizer.extract.figures import read_figure
from summarizer.lang import detect_language, is_about_harm, lexicon
from summarizer.text.parse import NumberMention, find_numbers, find_numbers_in, split_sentences

TABLES = Path(__file__).parent / "phrasings"


def _rows(name: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in (TABLES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) in (2, 3), f"{name}: malformed row {line!r}"
        rows.append((parts[0], parts[1], parts[2] if len(parts) == 3 else ""))
    return rows


def _mentions(lang: str, text: str) -> list[NumberMention]:
    sentences = split_sentences(text)
    if lang == "en":
        return find_numbers(text, sentences)
    lx = lexicon(lang)
    assert lx is not None, f"no lexicon for {lang}"
    return find_numbers_in(text, sentences, lx)


def _render(m: NumberMention) -> str:
    value = "-" if m.value is None else str(m.value)
    return f"{m.raw_text}={value}:{m.qualifier}"


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("numbers.tsv"))
def test_number_reader(lang: str, text: str, expected: str) -> None:
    found = " ; ".join(_render(m) for m in _mentions(lang, text))
    assert found == expected


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("harm.tsv"))
def test_harm_sentences(lang: str, text: str, expected: str) -> None:
    assert is_about_harm(text) == (expected == "yes")


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("language.tsv"))
def test_language(lang: str, text: str, expected: str) -> None:
    assert detect_language(text).code == expected


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("reading.tsv"))
def test_code_reader_is_sure_or_leaves_it_to_the_model(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in _mentions(lang, plain) if m.start == start)
    reading = read_figure(plain, mention)
    got = f"{reading.group}/{reading.outcome}" if reading.sure and reading.group and reading.outcome else "model"
    assert got == expected


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("speakers.tsv"))
def test_speaker(lang: str, text: str, expected: str) -> None:
    sentence = split_sentences(text)[0]
    who = attribution(sentence, [])
    got = who if who is not None and usable_speaker(who) else "-"
    assert got == expected


def test_the_tables_cover_four_languages_and_two_hundred_rows() -> None:
    rows = [row for name in sorted(p.name for p in TABLES.glob("*.tsv")) for row in _rows(name)]
    languages = {lang for lang, _, _ in rows if lang != "-"} | {e for _, _, e in _rows("language.tsv")}
    assert len(rows) >= 200
    assert {"en", "es", "fr", "hi", "ur"} <= languages


@pytest.mark.parametrize(("lang", "text", "expected"), _rows("sources.tsv"))
def test_source_in_other_languages(lang: str, text: str, expected: str) -> None:
    lx = lexicon(lang)
    assert lx is not None
    assert (lexicon_attribution(text, lx) or "-") == expected
