"""Deterministic reading of text: number words, qualifiers, what is not a count, sentences, time windows,
and the group/outcome of a figure (made-up sentences only)."""

from __future__ import annotations

from datetime import date

import pytest
from phrasing_tables import rows

from summarizer.extract.figures import read_figure
from summarizer.lang import lexicon
from summarizer.text.dates import find_dates, ground_date, resolve_day
from summarizer.text.parse import (
    NumberMention,
    breakdown_flags,
    ends_sentence,
    find_numbers,
    paragraph_span,
    split_sentences,
    word_number_value,
)
from summarizer.text.windows import other_period, window_near


def numbers(text: str) -> list[NumberMention]:
    return find_numbers(text, split_sentences(text))


def only(text: str) -> NumberMention:
    found = numbers(text)
    assert len(found) == 1, [m.raw_text for m in found]
    return found[0]


@pytest.mark.parametrize(("words", "value"), [
    ("Twenty-four", 24), ("one hundred and five", 105), ("eleven", 11), ("forty two", 42), ("ninety-nine", 99),
    ("three hundred", 300), ("two thousand and three", 2003), ("zero", 0),
])
def test_word_number_value(words: str, value: int) -> None:
    assert word_number_value(words) == value


@pytest.mark.parametrize("words", ["banana", "", "twenty apples", "first"])
def test_word_number_value_rejects_non_numbers(words: str) -> None:
    assert word_number_value(words) is None


@pytest.mark.parametrize(("text", "value", "qualifier", "raw"), [
    ("At least 67 rebels were killed in the valley.", 67, "at_least", "At least 67"),
    ("Some 10 guards were hurt in the fire.", 10, "about", "Some 10"),
    ("About 40 miners were trapped underground.", 40, "about", "About 40"),
    ("Over 30 people were detained overnight.", 30, "more_than", "Over 30"),
    ("Officials said more than 1,200 people fled.", 1200, "more_than", "more than 1,200"),
    ("Nearly 100 people fled the flooded town.", 100, "about", "Nearly 100"),
    ("No fewer than nine pilgrims drowned.", 9, "at_least", "No fewer than nine"),
    ("Seventeen farmers were arrested.", 17, "exact", "Seventeen"),
    ("The gunmen shot 6 guards at the gate.", 6, "exact", "6"),
])
def test_find_numbers_value_and_qualifier(text: str, value: int, qualifier: str, raw: str) -> None:
    m = only(text)
    assert (m.value, m.qualifier, m.raw_text) == (value, qualifier, raw)
    assert text[m.raw_start : m.end] == raw
    assert text[m.start : m.end] == m.text


def test_vague_amounts_count_people_only() -> None:
    m = only("Dozens of villagers fled; several districts flooded.")
    assert (m.text, m.value, m.qualifier, m.vague_floor) == ("Dozens", None, "vague", 12)


@pytest.mark.parametrize("text", [
    "The ceasefire was first signed in 2021 by both parties.",
    "The vote is due on Jan 31 across the province.",
    "Talks lasted 48 hours before collapsing.",
    "Turnout fell by 12 percent in the district.",
    "The convoy stopped 4 km from the border at 5 pm.",
    "The siege ended after 3 days of talks.",
])
def test_years_dates_durations_and_measures_are_not_counts(text: str) -> None:
    assert numbers(text) == []


def test_a_count_next_to_a_year_and_a_duration_is_kept() -> None:
    found = numbers("In 2021, after 48 hours of fighting, 5 people died.")
    assert [(m.value, m.qualifier) for m in found] == [(5, "exact")]


def test_breakdown_flags() -> None:
    text = "Fifteen people were killed, including five men, three women and seven children. Later 4 more died."
    found = numbers(text)
    assert [m.value for m in found] == [15, 5, 3, 7, 4]
    assert breakdown_flags(text, found) == [False, True, True, True, False]


def test_breakdown_with_among_them() -> None:
    text = "Twenty guards were wounded; among them were two commanders."
    found = numbers(text)
    assert breakdown_flags(text, found) == [False, True]


def test_sentence_offsets_match_the_text() -> None:
    text = ("Riot at the port\n"
            "Mr. Osei arrived on Jan. 3 at the U.S. consulate. Crowds gathered!   Did police respond? Yes.\n"
            "A wrapped line\ncontinues here.\n\nFinal words.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Riot at the port",
        "Mr. Osei arrived on Jan. 3 at the U.S. consulate.",
        "Crowds gathered!",
        "Did police respond?",
        "Yes.",
        "A wrapped line continues here.",
        "Final words.",
    ]
    assert [s.index for s in sentences] == list(range(1, len(sentences) + 1))
    for s in sentences:
        chunk = text[s.start : s.end]
        assert chunk == chunk.strip()
        assert " ".join(chunk.split()) == s.text


def test_number_mentions_point_into_their_sentence() -> None:
    text = "Four guards died. Officials said 9 traders were kidnapped on Friday."
    for m in numbers(text):
        assert m.sentence.start <= m.raw_start <= m.start < m.end <= m.sentence.end


@pytest.mark.parametrize(("text", "expected"), [
    ("Over the past 48 hours, 9 traders were kidnapped in the market, officials said on Friday.",
     ["Over the past 48 hours"]),
    ("Gunmen killed 5 people on Sunday, while on Monday 3 guards were hurt.", ["on Sunday", "on Monday"]),
    ("Eight people were hurt in the stampede.", [None]),
    # an age, a word holding a unit and a word that holds 'a week' are no window
    ("Among the wounded were at least six children, from nine months to 11 years old.", [None]),
    ("About 20 pilgrims were hurt at the Shravani Mela, a monthlong festival.", [None]),
    ("10 Killed In Nigeria Weekend Attack", [None]),
    ("Twelve people were killed in the past nine months, officials said.", ["in the past nine months"]),
])
def test_window_near(text: str, expected: list[str | None]) -> None:
    found = numbers(text)
    assert [window_near(text, m.sentence, m.start) for m in found] == expected


@pytest.mark.parametrize(("text", "group", "outcome"), [
    ("Twenty-four police officers were injured.", "police", "injured"),
    ("The blast hit the depot, killing 11 people.", "people", "killed"),
    ("In the confusion, 27 prisoners escaped.", "prisoners", "escaped"),
    ("At least 12 soldiers were killed in the ambush, the army said.", "soldiers", "killed"),
    ("Rebels abducted 8 aid workers near the bridge.", "civilians", "abducted"),
    ("Three officials told reporters the road was closed.", "officials", None),
])
def test_read_figure(text: str, group: str, outcome: str | None) -> None:
    reading = read_figure(text, only(text))
    assert (reading.group, reading.outcome) == (group, outcome)


@pytest.mark.parametrize(("window", "other"), [
    (None, False), ("on Saturday", False), ("in the past 48 hours", False), ("over the past week", False),
    ("a day earlier", True), ("the previous day", True), ("over the past year", True), ("in recent months", True),
    ("over the last three months", True),
])
def test_other_period_is_read_like_consolidation_reads_windows(window: str | None, other: bool) -> None:
    """Rollups leave out figures of another period with the same window reader consolidation uses."""
    assert other_period(window) is other


@pytest.mark.parametrize(("lang", "text", "expected"), rows("sentences.tsv"))
def test_sentences(lang: str, text: str, expected: str) -> None:
    assert " || ".join(s.text for s in split_sentences(text)) == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("dates.tsv"))
def test_dates(lang: str, text: str, expected: str) -> None:
    found = find_dates(text, lexicon(lang) if lang != "-" else None)
    first = found[0] if found else None
    read = "-" if first is None else first.value.isoformat() if first.value else f"--{first.month:02d}-{first.day:02d}"
    assert read == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("date_words.tsv"))
def test_date_words_are_grounded_in_the_article_and_resolved(lang: str, text: str, expected: str) -> None:
    words, article, published = (part.strip() for part in text.split("||"))
    lx = lexicon(lang)
    reference = date.fromisoformat(published) if published != "-" else None
    found = ground_date(words, article, lx)
    if found is None:
        assert expected == "-"
        return
    day, _ = resolve_day(article[found[0] : found[1]], reference, lx)
    assert (day.isoformat() if day else "unresolved") == expected


@pytest.mark.parametrize(("word", "paragraph"), [
    ("continues", "First para line one\ncontinues here. More."),
    ("More", "First para line one\ncontinues here. More."),
    ("Second", "Second para."),
    ("Third", "Third para."),
    ("Title", "Title"),
])
def test_a_paragraph_ends_where_a_line_break_ends_a_sentence(word: str, paragraph: str) -> None:
    text = "Title\nFirst para line one\ncontinues here. More.\n\nSecond para.\nThird para."
    start = text.index(word)
    first, last = paragraph_span(text, start, start + len(word))
    assert text[first:last] == paragraph


@pytest.mark.parametrize(("lang", "line", "expected"), rows("sentence_ends.tsv"))
def test_a_line_ends_as_a_sentence_or_as_a_headline(lang: str, line: str, expected: str) -> None:
    assert ends_sentence(line) == (expected == "yes"), lang


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("12 hurt in blast\n\nDERA MURAD JAMALI: At least 12 people were injured.", "DERA MURAD JAMALI", True),
    ("Ferry sinks\n\nDHAKA -- At least 5 bodies were found.", "DHAKA", True),
    ("Blast kills 4\nQUETTA (Reuters) - Four people were killed.", "QUETTA", True),
    ("UN: 300 dead in fighting\nThe fighting went on.", "UN", False),  # a headline's source
    ("Blast kills 4\nThe UN said: four people died.", "UN", False),  # not at a line's start
    ("Blast kills 4\nPolice: four people died.", "Police", False),  # not in capitals
    ("Blast\nKABUL: Four died.\nKABUL police said so.", "KABUL", False),  # also written as a name
])
def test_dateline(text: str, name: str, expected: bool) -> None:
    from summarizer.text.parse import is_dateline

    assert is_dateline(text, name) is expected


@pytest.mark.parametrize(("lang", "word", "expected"), [
    ("de", "zwei", True), ("de", "drei", True), ("fr", "trois", True), ("en", "twelve", True), ("ur", "دو", True),
    ("de", "ein", False), ("fr", "un", False), ("de", "Verwaltung", False), ("en", "12", False),
])
def test_number_words(lang: str, word: str, expected: bool) -> None:
    from summarizer.lang import lexicon
    from summarizer.text.parse import is_number_word

    lx = lexicon(lang)
    assert lx is not None
    assert is_number_word(word, lx) is expected
