"""The fixed start of every prompt, evaluated once: in a process it stays in the KV cache, between processes its
state is kept on disk.

Every pass of every article starts with the same system message (`prompts/system.j2`). `prime` makes sure the
model's KV cache holds exactly that prefix, evaluated on its own, before llama-cpp-python's `generate` reuses it
and evaluates the rest of the prompt:

* already there (a later pass, a later article in a batch): nothing to do;
* a state file for it in the user cache (`<cache>/prefix/`): loaded in milliseconds instead of evaluated (about
  1 s for today's system message on two cores: one `summarize` command saves it);
* otherwise: evaluated from position 0 and saved for the next process.

The prefix is always evaluated alone, from an empty cache, in the same batches: its KV values, and so every answer,
are the same whether it was just evaluated, reused or loaded. A state file holds what one build computed on one
CPU variant, so its name is a hash of the model file, the llama-cpp-python version, the CPU variant, the context
size and batch size, and the prefix's tokens; a file that does not load (truncated, another build) is evaluated
again and overwritten. SUMMARIZER_PREFIX_STATE=0 keeps nothing on disk (the prefix is still evaluated alone).

Tried and not kept (2026-12-05, `eval/runs/s77`): every pass's instructions moved into the system message, so that
about 800 more tokens would be evaluated once per machine rather than once per article. Far from the question, the
small model followed them worse (`eval/runs/s76`, 100 articles -> s77, 106): dev event type 0.969 -> 0.855, dev
casualty sources 0.915 -> 0.810, and 7 of 106 figures answers ran past their token cap.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Primed = Literal["kept", "loaded", "evaluated"]
KEEP_STATES = 8  # state files kept in the folder (the least recently used go first)
SEARCH_TOKENS = 64  # how far into the prompt the system text may start (the chat template's own tokens)


def disk_enabled() -> bool:
    return os.environ.get("SUMMARIZER_PREFIX_STATE", "1").strip().lower() not in {"0", "false", "no", "off"}


@dataclass
class PrefixStore:
    """State files of prompt prefixes for one loaded model (`identity`: model file, build, CPU variant, sizes)."""

    directory: Path
    identity: str

    def path(self, tokens: Sequence[int]) -> Path:
        digest = hashlib.sha256(self.identity.encode())
        digest.update(b"\0" + b"".join(int(t).to_bytes(4, "little") for t in tokens))
        return self.directory / f"{digest.hexdigest()[:24]}.state"

    def load(self, llama: Any, tokens: Sequence[int]) -> bool:
        path = self.path(tokens)
        if not path.is_file():
            return False
        from llama_cpp import llama_cpp as C

        capacity = len(tokens) + 1
        out = (C.llama_token * capacity)()
        count = ctypes.c_size_t(0)
        if not C.llama_state_load_file(llama._ctx.ctx, str(path).encode(), out, capacity, ctypes.byref(count)) \
                or list(out[:count.value]) != list(tokens):
            return False
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by `_prune`
        return True

    def save(self, llama: Any, tokens: Sequence[int]) -> None:
        """Write the context's state (the prefix just evaluated) atomically; a full disk only costs the next
        process the evaluation."""
        from llama_cpp import llama_cpp as C

        path = self.path(tokens)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=self.directory, suffix=".partial")
            os.close(handle)
            array = (C.llama_token * len(tokens))(*tokens)
            if C.llama_state_save_file(llama._ctx.ctx, tmp.encode(), array, len(tokens)):
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        states = sorted(self.directory.glob("*.state"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in states[KEEP_STATES:]:
            with contextlib.suppress(OSError):
                old.unlink()


def prefix_end(tokens: Sequence[int], text_tokens: Sequence[int]) -> int:
    """Where the system text ends in the prompt's tokens: the end of its first whole occurrence within the first
    SEARCH_TOKENS positions (its first token may have merged with the template's, so it is also sought without it);
    0 if it is not there."""
    for needle in (list(text_tokens), list(text_tokens[1:])):
        if not needle:
            continue
        for start in range(min(SEARCH_TOKENS, len(tokens) - len(needle)) + 1):
            if list(tokens[start:start + len(needle)]) == needle:
                return start + len(needle)
    return 0


def prime(llama: Any, prefix: Sequence[int], store: PrefixStore | None) -> Primed:
    """Make the KV cache hold `prefix`, evaluated alone from position 0 (see the module's doc)."""
    n = len(prefix)
    if llama.n_tokens >= n and list(llama.input_ids[:n]) == list(prefix):
        result: Primed = "kept"
    else:
        llama.n_tokens = 0
        if store is not None and store.load(llama, prefix):
            llama._ctx.kv_cache_seq_rm(-1, n, -1)
            llama.input_ids[:n] = prefix
            llama.n_tokens = n
            result = "loaded"
        else:
            llama.eval(list(prefix))  # from position 0: eval first drops the cache from n_tokens on
            if store is not None:
                store.save(llama, prefix)
            result = "evaluated"
    return result
