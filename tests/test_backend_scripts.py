"""Which scripts a request may be answered in (`summarizer.backends.scripts`), without the model."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarizer.backends.scripts import TokenScripts, script_of, scripts_in, token_script


@pytest.mark.parametrize(("ch", "script"), [
    ("a", "LATIN"), ("é", "LATIN"), ("人", "CJK"), ("ک", "ARABIC"), ("क", "DEVANAGARI"), ("Ж", "CYRILLIC"),
    ("7", None), (",", None), (" ", None),
])
def test_script_of_a_character(ch: str, script: str | None) -> None:
    assert script_of(ch) == script


def test_scripts_in_texts_always_hold_latin() -> None:
    assert scripts_in([]) == {"LATIN"}
    assert scripts_in(["Quetta, 12 killed"]) == {"LATIN"}
    assert scripts_in(["پشاور میں دھماکہ", "said police"]) == {"LATIN", "ARABIC"}


@pytest.mark.parametrize(("piece", "script"), [
    (b" security", None), ("人员".encode(), "CJK"), ("化".encode(), "CJK"), (b"\xe4\xba", None),  # half a character
    (b" 2026", None), ("xیz".encode(), "ARABIC"), ("Ünal".encode(), None),
])
def test_token_script(piece: bytes, script: str | None) -> None:
    assert token_script(piece) == script


PIECES = [b"{", b" security", "人员".encode(), " पुलिस".encode(), b"\xe4", "کے".encode(), b" 12"]


def test_banned_tokens_are_those_of_scripts_not_allowed() -> None:
    table = TokenScripts.build(PIECES)
    english = table.banned(scripts_in(["Police said 12 people were killed."]))
    assert english is not None
    assert english.tolist() == [False, False, True, True, False, True, False]
    urdu = table.banned(scripts_in(["پولیس کے مطابق 12 افراد ہلاک"]))
    assert urdu is not None
    assert urdu.tolist() == [False, False, True, True, False, False, False]
    assert table.banned(frozenset({"LATIN", "CJK", "DEVANAGARI", "ARABIC"})) is None


def test_the_table_is_kept_beside_the_model_and_rebuilt_when_the_model_changes(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"weights")
    asked: list[int] = []

    def piece(token: int) -> bytes:
        asked.append(token)
        return PIECES[token]

    first = TokenScripts.for_model(model, len(PIECES), piece)
    assert (tmp_path / "model.gguf.scripts.npz").is_file()
    assert len(asked) == len(PIECES)
    again = TokenScripts.for_model(model, len(PIECES), piece)
    assert len(asked) == len(PIECES)  # read back, not built again
    assert np.array_equal(again.codes, first.codes) and again.names == first.names
    model.write_bytes(b"other weights")
    TokenScripts.for_model(model, len(PIECES), piece)
    assert len(asked) == 2 * len(PIECES)


def test_an_unwritable_folder_only_costs_the_build(tmp_path: Path) -> None:
    model = tmp_path / "model.gguf"
    model.write_bytes(b"weights")
    (tmp_path / "model.gguf.scripts.npz").mkdir()  # a folder where the file would go: saving fails
    table = TokenScripts.for_model(model, len(PIECES), lambda token: PIECES[token])
    assert table.banned(frozenset({"LATIN"})) is not None
