"""The figure reader (extract.figures) row by row: reading.tsv, and the model's descriptions: descriptions.tsv. «»
marks the number; the expected reading is group/outcome when code is sure, "model" when it must leave the figure to
the model."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from phrasing_tables import mentions, rows

from summarizer.extract.figures import read_description, read_figure, realigned
from summarizer.extract.gapped import continues_list, list_outcome, opens_list
from summarizer.lang import Lexicon, aboard_near, after_agent, among_whole, counts_harm_together, lexicon, unharmed_near


@pytest.mark.parametrize(("lang", "text", "expected"), rows("reading.tsv"))
def test_code_reader_is_sure_or_leaves_it_to_the_model(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    reading = read_figure(plain, mention)
    got = f"{reading.group}/{reading.outcome}" if reading.sure and reading.group and reading.outcome else "model"
    assert got == expected


@pytest.mark.parametrize(("reader", "lang", "text", "expected"),
                         [(unharmed_near, *row) for row in rows("unharmed.tsv")]
                         + [(aboard_near, *row) for row in rows("aboard.tsv")]
                         + [(after_agent, *row) for row in rows("agents.tsv")]
                         + [(among_whole, *row) for row in rows("among.tsv")])
def test_a_number_beside_a_word_of_no_harm_of_being_on_board_or_of_doing_it_counts_nobody_harmed(
        reader: Callable[[str, int, int, Lexicon | None], bool], lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    assert reader(plain, mention.raw_start, mention.end, lexicon(lang)) == (expected == "yes")


@pytest.mark.parametrize(("values", "stated", "empty", "expected"), [
    # each answer one question late: 15 (a date) got 4's answer, 4 got 13's, 13 got "none"
    ([15, 4, 13], [4, 13, None], [False, False, True], [None, 0, 1]),
    # two answers swapped
    ([5, 3], [3, 5], [False, False], [1, 0]),
    # answers in place stay
    ([4, 13], [4, 13], [False, False], [0, 1]),
    # the model added up two counts ('Two soldiers and one interpreter were killed' -> 3 each): nothing moves
    ([2, 1], [3, 3], [False, False], [0, 1]),
    # an answer that reads something without a number is not taken over
    ([4, 13], [13, None], [False, False], [0, 1]),
    # two questions for the same number: which one the answer belongs to is unclear, nothing moves
    ([15, 4, 4], [4, None, None], [False, True, True], [0, 1, 2]),
])
def test_answers_given_one_question_late_go_to_the_number_they_state(
        values: list[int], stated: list[int | None], empty: list[bool], expected: list[int | None]) -> None:
    assert realigned(list(values), stated, empty) == expected


@pytest.mark.parametrize(("lang", "description", "expected"), rows("descriptions.tsv"))
def test_the_models_description_of_a_number_is_read(lang: str, description: str, expected: str) -> None:
    reading = read_description(description)
    got = f"{reading.group}/{reading.outcome}" if reading.outcome is not None else "-"
    assert got == expected



def _unmarked_at(text: str, mark: str) -> int:
    """Where the number after `mark` starts once the marks «» ‹› are taken out of `text`."""
    at = text.index(mark)
    return at - sum(text[:at].count(c) for c in "«»‹›")


@pytest.mark.parametrize(("lang", "text", "expected"), rows("gapped_lists.tsv"))
def test_a_number_of_a_list_by_place_shares_its_siblings_harm_word(lang: str, text: str, expected: str) -> None:
    plain = re.sub("[«»‹›]", "", text)
    found = {m.raw_start: m for m in mentions(lang, plain)}
    sibling, number = found[_unmarked_at(text, "«")], found[_unmarked_at(text, "‹")]
    lx = lexicon(lang)
    shared = opens_list(plain, number.raw_start, number.end, sibling.raw_start, lx) if lx is not None \
        and lx.verb_last else continues_list(plain, sibling.end, number.raw_start, number.end, lx)
    assert shared == (expected == "yes")


@pytest.mark.parametrize(("lang", "text", "expected"), rows("counted_lists.tsv"))
def test_a_number_of_a_list_of_counted_nouns_shares_the_lists_harm_word(lang: str, text: str, expected: str) -> None:
    plain = re.sub("[‹›]", "", text)
    found = mentions(lang, plain)
    number = next(m for m in found if m.raw_start == _unmarked_at(text, "‹"))
    counts = [(m.raw_start, m.raw_end) for m in found if m.sentence is number.sentence]
    sentence = (number.sentence.start, number.sentence.end)
    got = list_outcome(plain, sentence, counts, number.raw_start, number.raw_end, lexicon(lang))
    assert (got or "none") == expected


@pytest.mark.parametrize(("lang", "text", "expected"), rows("harm_together.tsv"))
def test_a_number_of_the_harmed_of_two_kinds_together_counts_neither(lang: str, text: str, expected: str) -> None:
    start = text.index("«")
    plain = text.replace("«", "").replace("»", "")
    mention = next(m for m in mentions(lang, plain) if m.start == start)
    assert counts_harm_together(plain, mention.end, lexicon(lang)) == (expected == "yes")
