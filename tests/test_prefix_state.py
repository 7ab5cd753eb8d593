"""The system message's KV state: found in the prompt's tokens, evaluated alone, reused, saved and restored.

Unit tests use a stand-in for the loaded model (what `prime` touches: n_tokens, input_ids, eval, the context's
cache removal) and a store whose files are written by that stand-in; the `model` test runs the real model across
two loads: the second restores the state from disk and answers exactly as the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from summarizer.backends import prefix_state
from summarizer.backends.prefix_state import PrefixStore, prefix_end, prime

SYSTEM = [501, 502, 503, 504]


@pytest.mark.parametrize(("tokens", "text", "end"), [
    ([1, 2, *SYSTEM, 9, 10, 11], SYSTEM, 6),  # after the template's own tokens
    ([*SYSTEM, 9], SYSTEM, 4),  # at the very start
    ([1, 777, 502, 503, 504, 9], SYSTEM, 5),  # its first token merged with the template's newline
    ([1, 2, 9, 10], SYSTEM, 0),  # not there: nothing is primed
    ([1, 2, 501, 502, 9, 503, 504], SYSTEM, 0),  # interrupted
    ([*([0] * (prefix_state.SEARCH_TOKENS + 1)), *SYSTEM, 9], SYSTEM, 0),  # too far in to be the system message
    ([1, *SYSTEM, 5, *SYSTEM], SYSTEM, 5),  # its first occurrence
    ([1, 2, 3], [], 0),
])
def test_prefix_end(tokens: list[int], text: list[int], end: int) -> None:
    assert prefix_end(tokens, text) == end


class Ctx:
    def __init__(self, owner: StandIn) -> None:
        self.owner = owner
        self.ctx = object()

    def kv_cache_seq_rm(self, seq: int, start: int, end: int) -> None:
        self.owner.kv = self.owner.kv[:start]


class StandIn:
    """A loaded model as `prime` sees it: the evaluated tokens (input_ids up to n_tokens), the KV cache (`kv`: the
    positions it holds, each as (token, how it was computed)) and eval, which computes from n_tokens on."""

    def __init__(self, n_ctx: int = 64) -> None:
        self.input_ids = np.zeros(n_ctx, dtype=np.intc)
        self.n_tokens = 0
        self.kv: list[tuple[int, str]] = []
        self.evaluated: list[list[int]] = []
        self._ctx = Ctx(self)

    def eval(self, tokens: Sequence[int]) -> None:
        self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
        self.evaluated.append(list(tokens))
        self.kv += [(t, f"from {self.n_tokens}") for t in tokens]
        self.input_ids[self.n_tokens:self.n_tokens + len(tokens)] = tokens
        self.n_tokens += len(tokens)


class FileStore(PrefixStore):
    """Saves and loads the stand-in's KV as a file (the real one calls llama.cpp's state functions)."""

    def load(self, llama: Any, tokens: Sequence[int]) -> bool:
        path = self.path(tokens)
        if not path.is_file():
            return False
        saved = path.read_text().split(";")
        if saved[0] != ",".join(map(str, tokens)):
            return False
        llama.kv = [(int(t), how) for t, how in (item.split("=") for item in saved[1:])]
        return True

    def save(self, llama: Any, tokens: Sequence[int]) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path(tokens).write_text(";".join([",".join(map(str, tokens)), *(f"{t}={h}" for t, h in llama.kv)]))


def test_first_prime_evaluates_alone_and_saves(tmp_path: Path) -> None:
    store = FileStore(tmp_path, "model-a")
    llama = StandIn()
    assert prime(llama, [1, *SYSTEM], store) == "evaluated"
    assert llama.evaluated == [[1, *SYSTEM]] and llama.kv == [(t, "from 0") for t in [1, *SYSTEM]]
    assert store.path([1, *SYSTEM]).is_file()


def test_prime_keeps_what_the_cache_holds() -> None:
    llama = StandIn()
    prime(llama, [1, *SYSTEM], None)
    llama.eval([7, 8, 9])  # a pass of an article after it
    assert prime(llama, [1, *SYSTEM], None) == "kept"
    assert llama.evaluated == [[1, *SYSTEM], [7, 8, 9]] and llama.n_tokens == 8  # generate trims the rest itself


def test_prime_after_another_prefix_evaluates_from_the_start() -> None:
    llama = StandIn()
    prime(llama, [1, 2, 3, 4, 5, 6], None)  # another system message sharing the first tokens
    assert prime(llama, [1, 2, 3, 9], None) == "evaluated"
    assert llama.evaluated[-1] == [1, 2, 3, 9] and llama.kv == [(t, "from 0") for t in [1, 2, 3, 9]]


def test_a_new_process_loads_the_same_values(tmp_path: Path) -> None:
    first = StandIn()
    prime(first, [1, *SYSTEM], FileStore(tmp_path, "model-a"))
    second = StandIn()
    assert prime(second, [1, *SYSTEM], FileStore(tmp_path, "model-a")) == "loaded"
    assert second.evaluated == [] and second.kv == first.kv
    assert list(second.input_ids[:5]) == [1, *SYSTEM] and second.n_tokens == 5


def test_another_model_or_build_does_not_load_it(tmp_path: Path) -> None:
    prime(StandIn(), [1, *SYSTEM], FileStore(tmp_path, "model-a"))
    other = StandIn()
    assert prime(other, [1, *SYSTEM], FileStore(tmp_path, "model-a on another CPU variant")) == "evaluated"
    assert len(list(tmp_path.glob("*.state"))) == 2


def test_a_state_that_does_not_load_is_evaluated_again(tmp_path: Path) -> None:
    store = FileStore(tmp_path, "model-a")
    store.directory.mkdir(exist_ok=True)
    store.path([1, *SYSTEM]).write_text("truncated")
    llama = StandIn()
    assert prime(llama, [1, *SYSTEM], store) == "evaluated"
    assert prime(StandIn(), [1, *SYSTEM], store) == "loaded"  # overwritten with a good one


def test_only_the_latest_states_are_kept(tmp_path: Path) -> None:
    store = PrefixStore(tmp_path, "model-a")
    for k in range(prefix_state.KEEP_STATES + 3):
        (tmp_path / f"{k:02d}.state").write_text("x")
    store._prune()
    assert len(list(tmp_path.glob("*.state"))) == prefix_state.KEEP_STATES


def test_the_disk_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_PREFIX_STATE", "0")
    assert not prefix_state.disk_enabled()
    monkeypatch.setenv("SUMMARIZER_PREFIX_STATE", "1")
    assert prefix_state.disk_enabled()
