"""Which writing systems a request may be answered in: a token whose letters belong to a script the request never
uses is not sampled (the embedded model, asked about an English article, wrote "security人员" and "neutral化").

A script is named by the first word of a letter's Unicode name ("LATIN", "CJK", "ARABIC", "DEVANAGARI", ...). Latin
is always allowed (the answer's JSON, the English descriptions); a script is allowed when the request's messages hold
a letter of it (an Urdu article lets the answer copy Urdu names). Tokens without letters (digits, punctuation, spaces,
the byte pieces of a character the vocabulary has no token for) are always allowed.

The per-token script table takes about a second to build from a 151k vocabulary, so it is kept beside the model
(`<model>.scripts.npz`, keyed by the model file's size and modification time) and read back in milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

ALWAYS = "LATIN"
_FORMAT = 1  # bump when the table's meaning changes: an older file is built again


@lru_cache(maxsize=4096)
def script_of(ch: str) -> str | None:
    """The script of a letter ('人' -> 'CJK', 'é' -> 'LATIN', 'ک' -> 'ARABIC'); None for anything not a letter."""
    if not ch.isalpha():
        return None
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None


def scripts_in(texts: Iterable[str]) -> frozenset[str]:
    """Every script whose letters occur in `texts`, and Latin."""
    found = {ALWAYS}
    for text in texts:
        found.update(s for ch in set(text) if (s := script_of(ch)) is not None)
    return frozenset(found)


def token_script(piece: bytes) -> str | None:
    """The first script other than Latin among a token's letters (a piece that is not whole UTF-8 keeps the letters
    it holds whole); None when it has none."""
    for ch in piece.decode("utf-8", "ignore"):
        script = script_of(ch)
        if script is not None and script != ALWAYS:
            return script
    return None


class TokenScripts:
    """The script of every token of one vocabulary, and the mask of tokens a set of allowed scripts bans."""

    def __init__(self, codes: npt.NDArray[np.int16], names: list[str]) -> None:
        self.codes = codes  # per token: 0 (no letter outside Latin) or 1 + the index of its script in `names`
        self.names = names

    @classmethod
    def build(cls, pieces: Iterable[bytes]) -> TokenScripts:
        names: list[str] = []
        index: dict[str, int] = {}
        codes: list[int] = []
        for piece in pieces:
            script = token_script(piece)
            if script is None:
                codes.append(0)
                continue
            if script not in index:
                index[script] = len(names)
                names.append(script)
            codes.append(1 + index[script])
        return cls(np.asarray(codes, dtype=np.int16), names)

    @classmethod
    def for_model(cls, model_file: Path, n_vocab: int, piece: Callable[[int], bytes]) -> TokenScripts:
        """The table of the model at `model_file` (`piece(token)`: its bytes), read from beside the model when a
        table of this file and format is there, else built and written there (a folder that cannot be written to
        only costs the second again next time)."""
        stat = model_file.stat()
        stamp = f"{_FORMAT}:{stat.st_size}:{stat.st_mtime_ns}:{n_vocab}"
        saved = model_file.with_name(model_file.name + ".scripts.npz")
        try:
            with np.load(saved) as data:
                if str(data["stamp"]) == stamp:
                    return cls(data["codes"], json.loads(str(data["names"])))
        except (OSError, KeyError, ValueError):
            pass
        table = cls.build(piece(token) for token in range(n_vocab))
        with contextlib.suppress(OSError):
            np.savez(saved, stamp=np.array(stamp), codes=table.codes, names=np.array(json.dumps(table.names)))
        return table

    def banned(self, allowed: frozenset[str]) -> npt.NDArray[np.bool_] | None:
        """Per token: True when it holds a letter of a script not in `allowed`; None when no token is banned."""
        refused = [1 + i for i, name in enumerate(self.names) if name not in allowed]
        if not refused:
            return None
        return np.isin(self.codes, np.asarray(refused, dtype=np.int16))
