"""Grammar-constrained sampling in llama.cpp's "sample, then check" order, for llama-cpp-python 0.3.36.

Why: llama-cpp-python puts the grammar sampler *inside* its sampler chain (penalties -> grammar -> top-k/.../dist or
greedy), so at every step the grammar is matched against all ~151k vocabulary entries. That makes a
grammar-constrained token cost about 1.4x an unconstrained one with Qwen2.5's vocabulary.

What: llama.cpp's own `common_sampler_sample` (common/sampling.cpp) keeps the grammar out of the chain and

1. runs the chain *without* the grammar on the full vocabulary and takes the chosen token;
2. applies the grammar to a one-element candidate array holding only that token; if its logit stays finite the
   token is grammar-valid and is used;
3. only if it was rejected, rebuilds the candidates and applies the grammar to the full vocabulary *first*, then
   the chain again (so a valid token is always found when the grammar allows any: no crash when none of the
   top candidates fit; should the grammar allow no token at all, a RuntimeError is raised where accepting the
   token would abort the process in C++);
4. accepts the token into the grammar and into the chain (penalty history, RNG state).

With greedy decoding (temperature 0) the result is identical to grammar-first: if the unconstrained argmax is
grammar-valid it is also the argmax over the valid tokens (ties resolve to the lowest index in both orders), and
the repeat/frequency/presence penalties commute with the grammar's -inf masking. With temperature > 0 the
distribution differs slightly from grammar-first (top-p/min-p see the unconstrained distribution, a rejection
draws a second random number), exactly as in llama.cpp; the output is still grammar-valid.

How to use: construct `SampleThenCheckLlama` instead of `llama_cpp.Llama` (same arguments). Everything above
`Llama._init_sampler` (generate, create_completion, create_chat_completion[_openai_v1] with response_format,
temperature, top_p, repeat_penalty, seed, ...) is unchanged. For an already-built `Llama`, `install(llama)` does
the same. A `llama.banned_tokens` mask (numpy bool per token), set before a call, keeps those tokens out of that
call's grammar-constrained sampling. Setting `llama.sample_then_check = False` restores llama-cpp-python's own
grammar-first sampling (used by the tests and the benchmark to compare the two on one loaded model).

llama-cpp-python internals relied on (check them on a version bump; `tests/test_llama_sampler.py` catches a
change in behaviour):

* `Llama._init_sampler(**sampling kwargs, grammar=...)` builds the chain and is what `Llama.generate` (and
  `Llama.sample` when `Llama._sampler is None`) calls; `Llama.sample` then only calls `self._sampler.sample(
  self._ctx, idx)` on the returned object, so any object with that method works.
* The chain `_init_sampler` builds is [logits_processor] -> penalties -> grammar -> greedy | top-k, typical, top-p,
  min-p, temp, dist | mirostat. Greedy identity needs the grammar to sit only behind the penalties; calls with a
  logits_processor or mirostat are left to the stock sampler.
* `Llama._model.vocab`, `Llama._n_vocab`, `LlamaContext.ctx`, `LlamaSampler.sampler` (the chain pointer),
  `LlamaSampler.accept` / `close`,
  `LlamaGrammar._grammar` / `LlamaGrammar._root` (the GBNF text and root rule, as in `LlamaSampler.add_grammar`).
* C API via `llama_cpp.llama_cpp`: `llama_get_logits_ith`, `llama_sampler_apply`, `llama_sampler_accept`,
  `llama_sampler_reset`, `llama_sampler_free`, `llama_sampler_init_grammar`, `llama_token_data`,
  `llama_token_data_array`.
"""

from __future__ import annotations

import ctypes
import math
import weakref
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from llama_cpp import Llama
from llama_cpp import llama_cpp as C
from llama_cpp._internals import LlamaContext, LlamaSampler
from llama_cpp.llama_grammar import LlamaGrammar

from summarizer.backends.json_draft import MAX_DRAFT_TOKENS, SchemaDraft
from summarizer.backends.prefix_state import PrefixStore, prefix_end, prime

__all__ = ["SampleThenCheckLlama", "SampleThenCheckSampler", "SchemaDrafter", "install"]

# The C struct llama_token_data {int32 id; float logit; float p;}, laid out as numpy sees it.
_TOKEN_DATA = np.dtype([("id", np.intc), ("logit", np.single), ("p", np.single)], align=True)
assert _TOKEN_DATA.itemsize == ctypes.sizeof(C.llama_token_data)


class SampleThenCheckSampler:
    """Stands in for `llama_cpp._internals.LlamaSampler` in `Llama.sample`: chain first, grammar on the result.

    Owns `chain` (a grammar-less chain built by llama-cpp-python) and a separate llama.cpp grammar sampler.
    `banned` (per token, True for a token that may not be sampled: `backends.scripts`) is checked beside the
    grammar: a banned sampled token is rejected like a grammar-invalid one, and the fallback masks every banned
    token before the grammar. Counters `n_sampled` / `n_rejected` tell how often the full-vocabulary fallback ran.
    """

    def __init__(self, chain: LlamaSampler, grammar: LlamaGrammar, vocab: Any, n_vocab: int,
                 banned: npt.NDArray[np.bool_] | None = None) -> None:
        grammar_ptr = C.llama_sampler_init_grammar(vocab, grammar._grammar.encode("utf-8"),
                                                   grammar._root.encode("utf-8"))
        if not grammar_ptr:
            raise ValueError("llama.cpp could not parse the grammar")
        self.chain = chain
        self.grammar = grammar_ptr
        self._finalizer = weakref.finalize(self, C.llama_sampler_free, grammar_ptr)
        self.n_vocab = n_vocab
        self.banned = banned if banned is not None and banned.shape == (n_vocab,) and banned.any() else None
        self.n_sampled = 0
        self.n_rejected = 0
        self._buf: npt.NDArray[np.void] = np.zeros(n_vocab, dtype=_TOKEN_DATA)
        self._ids = np.arange(n_vocab, dtype=np.intc)
        self._buf_ptr = self._buf.ctypes.data_as(C.llama_token_data_p)
        self._cur = C.llama_token_data_array()
        self._one = C.llama_token_data()
        self._one_arr = C.llama_token_data_array(data=ctypes.pointer(self._one), size=1, selected=-1, sorted=False)

    def _set_logits(self, ctx: LlamaContext, idx: int) -> None:
        """Full-vocabulary candidates from the logits of output `idx` (what llama_sampler_sample builds)."""
        logits_ptr = C.llama_get_logits_ith(ctx.ctx, idx)
        if not logits_ptr:
            raise RuntimeError(f"llama.cpp has no logits for output {idx}")
        buf = self._buf
        buf["id"] = self._ids
        buf["logit"] = np.ctypeslib.as_array(logits_ptr, shape=(self.n_vocab,))
        buf["p"] = 0.0
        cur = self._cur
        cur.data = self._buf_ptr  # type: ignore[assignment]  # the stub says Array, the field is a pointer
        cur.size = self.n_vocab
        cur.selected = -1
        cur.sorted = False

    def _selected(self) -> int:
        cur = self._cur
        if not 0 <= cur.selected < cur.size:
            raise RuntimeError("llama.cpp sampler chain selected no token")
        return int(cur.data[cur.selected].id)

    def _is_valid(self, token: int) -> bool:
        self._one.id = token  # type: ignore[assignment]  # ctypes converts the int
        self._one.logit = 1.0
        self._one.p = 0.0
        self._one_arr.size = 1
        self._one_arr.selected = -1
        self._one_arr.sorted = False
        C.llama_sampler_apply(self.grammar, ctypes.byref(self._one_arr))
        return not math.isinf(self._one.logit)

    def sample(self, ctx: LlamaContext, idx: int = -1) -> int:
        """Sample and accept a token from output `idx`, like `llama_sampler_sample` with the grammar in the chain."""
        self._set_logits(ctx, idx)
        C.llama_sampler_apply(self.chain.sampler, ctypes.byref(self._cur))
        token = self._selected()
        self.n_sampled += 1
        if (self.banned is not None and self.banned[token]) or not self._is_valid(token):
            self.n_rejected += 1
            self._set_logits(ctx, idx)
            if self.banned is not None:
                self._buf["logit"][self.banned] = -math.inf
            C.llama_sampler_apply(self.grammar, ctypes.byref(self._cur))
            C.llama_sampler_apply(self.chain.sampler, ctypes.byref(self._cur))
            token = self._selected()
            if not self._is_valid(token):  # the grammar allows no token at all: accepting would abort in C++
                raise RuntimeError("the grammar allows no next token")
        self.accept(token)
        return token

    def accept(self, token: int) -> None:
        C.llama_sampler_accept(self.grammar, token)
        self.chain.accept(token)

    def reset(self) -> None:
        C.llama_sampler_reset(self.grammar)
        C.llama_sampler_reset(self.chain.sampler)

    def close(self) -> None:
        self._finalizer()
        close_chain: Any = self.chain.close  # untyped in llama-cpp-python
        close_chain()


def _init_sampler(llama: Llama, base: Any, **kwargs: Any) -> LlamaSampler | SampleThenCheckSampler:
    """`base` is llama-cpp-python's own `_init_sampler`, bound to `llama`; `kwargs` are its keyword arguments
    (llama-cpp-python calls it with keywords only)."""
    grammar: LlamaGrammar | None = kwargs.pop("grammar", None)
    # Python logits processors and mirostat (whose apply updates its state) keep llama-cpp-python's order.
    if (grammar is None or not getattr(llama, "sample_then_check", True)
            or kwargs.get("logits_processor") is not None or kwargs.get("mirostat_mode", 0) != 0):
        sampler: LlamaSampler = base(grammar=grammar, **kwargs)
        return sampler
    chain: LlamaSampler = base(grammar=None, **kwargs)
    return SampleThenCheckSampler(chain, grammar, llama._model.vocab, llama._n_vocab,
                                  banned=getattr(llama, "banned_tokens", None))


class SampleThenCheckLlama(Llama):
    """`llama_cpp.Llama` whose grammar-constrained sampling checks the sampled token instead of masking the
    vocabulary first. Same constructor; `sample_then_check = False` gives the stock behaviour.

    It also takes a `SchemaDrafter` as `draft_model` after construction (llama-cpp-python's own constructor would
    turn on logits for every token, prompt included, which costs prompt time and memory): only a drafted batch
    asks llama.cpp for the logits of each of its tokens, which the sampler reads straight from the context."""

    sample_then_check: bool = True
    _draft_batch: bool = False  # set by the drafter: the next eval is a sampled token and its draft
    # The system message of the call under way, set by the backend: the prompt's tokens up to its end are evaluated
    # alone (or restored) before the rest (`prefix_state.prime`); `prefix_events` counts how each prime went.
    prefix_text: str | None = None
    prefix_store: PrefixStore | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.prefix_events: dict[str, int] = {}
        self._prefix_tokens: tuple[str, list[int]] = ("", [])

    def generate(self, tokens: Sequence[int], *args: Any, **kwargs: Any) -> Any:
        text = self.prefix_text
        if text:
            if self._prefix_tokens[0] != text:
                self._prefix_tokens = (text, self.tokenize(text.encode("utf-8"), add_bos=False, special=False))
            end = prefix_end(tokens, self._prefix_tokens[1])
            if 0 < end < len(tokens):
                how = prime(self, tokens[:end], self.prefix_store)
                self.prefix_events[how] = self.prefix_events.get(how, 0) + 1
        return super().generate(tokens, *args, **kwargs)

    def _init_sampler(self, **kwargs: Any) -> LlamaSampler | SampleThenCheckSampler:  # type: ignore[override]
        return _init_sampler(self, super()._init_sampler, **kwargs)

    def eval(self, tokens: Sequence[int]) -> None:
        drafted, self._draft_batch = self._draft_batch, False
        if not drafted or len(tokens) < 2 or len(tokens) > self.n_batch:
            super().eval(tokens)
            return
        self._ctx.kv_cache_seq_rm(-1, self.n_tokens, -1)
        n_past = self.n_tokens
        self._batch.set_batch(batch=tokens, n_past=n_past, logits_all=True)
        self._ctx.decode(self._batch)
        self.input_ids[n_past:n_past + len(tokens)] = tokens
        self.n_tokens += len(tokens)
        self._requires_eval = False


class SchemaDrafter:
    """llama-cpp-python's draft model for one grammar-constrained call: after each sampled token, the text the
    answer's JSON schema fixes next (`json_draft.SchemaDraft`), as tokens. `generate` evaluates the sampled token and
    the draft in one batch, samples at every position and keeps the draft up to the first token the model (through
    the sampler and grammar) would not have chosen: the answer is the one sampled without drafts, up to the rounding
    of batched products. `drafted` / `batches` count what was drafted."""

    def __init__(self, llama: SampleThenCheckLlama, draft: SchemaDraft, max_tokens: int = MAX_DRAFT_TOKENS) -> None:
        self.llama = llama
        self.draft = draft
        self.max_tokens = max_tokens
        self.start: int | None = None  # where the answer begins in input_ids (the first call is its first token)
        self.drafted = 0
        self.batches = 0

    def __call__(self, input_ids: npt.NDArray[np.intc], /, **kwargs: Any) -> npt.NDArray[np.intc]:
        if self.start is None:
            self.start = len(input_ids) - 1
        written = self.llama.detokenize([int(t) for t in input_ids[self.start:]], special=False)
        text = self.draft.continuation(written.decode("utf-8", errors="replace"))
        tokens = self.llama.tokenize(text.encode("utf-8"), add_bos=False, special=False) if text else []
        tokens = tokens[:self.max_tokens]
        if tokens:
            self.llama._draft_batch = True
            self.drafted += len(tokens)
            self.batches += 1
        return np.array(tokens, dtype=np.intc)


def install(llama: Llama) -> Llama:
    """Give an existing `Llama` the sample-then-check order (idempotent); returns it."""
    if isinstance(llama, SampleThenCheckLlama) or getattr(llama, "_sample_then_check_installed", False):
        return llama
    base = llama._init_sampler

    def init_sampler(**kwargs: Any) -> LlamaSampler | SampleThenCheckSampler:
        return _init_sampler(llama, base, **kwargs)

    llama._init_sampler = init_sampler  # type: ignore[method-assign,assignment]
    llama.sample_then_check = True  # type: ignore[attr-defined]
    llama._sample_then_check_installed = True  # type: ignore[attr-defined]
    return llama
