"""Sample-then-check grammar sampling (`summarizer.backends.llama_sampler`) on the real model.

* Greedy output is token-for-token the same as llama-cpp-python's own grammar-first sampling.
* A prompt that pulls away from JSON (a poem) still yields schema-valid JSON, and it does so through the
  full-vocabulary fallback (the model's first choices are rejected by the grammar), greedy and sampled.

One model instance serves both orders: `sample_then_check = False` is stock llama-cpp-python.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

pytest.importorskip("llama_cpp")

from summarizer.backends.llama import load_cpu_backends
from summarizer.backends.llama_sampler import (
    SampleThenCheckLlama,
    SampleThenCheckSampler,
    install,
)

MAX_TOKENS = 80
ARTICLE = (
    "A storm struck the coastal town of Norwick on Monday, killing three people and injuring twelve. Two "
    "fishermen are missing. Mayor Ellen Park declared a state of emergency; police arrested four men for looting."
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Incident(Strict):
    place: str = Field(max_length=40)
    event_type: Literal["protest", "attack", "accident", "natural_disaster", "crime", "other"]
    killed: int
    injured: int
    missing: int
    officials: list[str] = Field(max_length=3)


class Verse(Strict):
    title: str = Field(max_length=30)
    rhymes: bool


INCIDENT = [{"role": "system", "content": "You extract facts from news articles and answer in JSON."},
            {"role": "user", "content": f"Article:\n{ARTICLE}\n\nGive place, type, killed, injured, missing and the "
                                        "officials named."}]
POEM = [{"role": "user", "content": "Write a short poem about the sea. Do not use JSON."}]
PROJECT_DEFAULT = {"temperature": 0.0, "top_p": 1.0, "repeat_penalty": 1.05, "seed": 0}  # backends.base.Sampling()


def _model_path() -> Path:
    """The verified embedded model (`ensure_model`; its module moved in the package restructuring)."""
    for name in ("summarizer.files.model_store", "summarizer.model_store"):
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        return Path(module.ensure_model())
    pytest.fail("summarizer's model_store (ensure_model) not found")


@pytest.fixture(scope="module")
def llm() -> Iterator[SampleThenCheckLlama]:
    load_cpu_backends(importlib.import_module("llama_cpp"))  # a CPU-variant build needs them before a model
    model = SampleThenCheckLlama(model_path=str(_model_path()), n_ctx=1024, n_threads=2, n_threads_batch=2,
                                 n_batch=512, verbose=False, seed=0)
    yield model
    model.close()


def _generate(llm: SampleThenCheckLlama, *, sample_then_check: bool, messages: list[dict[str, str]],
              schema: type[BaseModel], **sampling: Any) -> tuple[str, list[int]]:
    """The completion text and the sampled token ids (from a fresh context: no KV-cache reuse between runs)."""
    llm.sample_then_check = sample_then_check
    tokens: list[int] = []
    inner = SampleThenCheckLlama.sample

    def recording_sample(**kwargs: Any) -> int:
        token = int(inner(llm, **kwargs))
        tokens.append(token)
        return token

    llm.sample = recording_sample  # type: ignore[method-assign,assignment]
    try:
        llm.reset()  # type: ignore[no-untyped-call]
        out = llm.create_chat_completion_openai_v1(
            messages=messages, max_tokens=MAX_TOKENS,
            response_format={"type": "json_object", "schema": schema.model_json_schema()}, **sampling)
    finally:
        del llm.sample
    assert isinstance(llm._sampler, SampleThenCheckSampler) == sample_then_check
    return out.choices[0].message.content or "", tokens


@pytest.mark.model
@pytest.mark.parametrize("repeat_penalty", [1.0, 1.05])
def test_greedy_is_identical_to_grammar_first(llm: SampleThenCheckLlama, repeat_penalty: float) -> None:
    sampling = {**PROJECT_DEFAULT, "repeat_penalty": repeat_penalty}
    stock_text, stock_tokens = _generate(llm, sample_then_check=False, messages=INCIDENT, schema=Incident, **sampling)
    text, tokens = _generate(llm, sample_then_check=True, messages=INCIDENT, schema=Incident, **sampling)
    assert tokens == stock_tokens, (stock_text, text)
    assert text == stock_text
    Incident.model_validate(json.loads(text))


@pytest.mark.model
def test_poem_greedy_is_identical_and_valid(llm: SampleThenCheckLlama) -> None:
    stock_text, stock_tokens = _generate(llm, sample_then_check=False, messages=POEM, schema=Verse,
                                         **PROJECT_DEFAULT)
    text, tokens = _generate(llm, sample_then_check=True, messages=POEM, schema=Verse, **PROJECT_DEFAULT)
    assert tokens == stock_tokens, (stock_text, text)
    Verse.model_validate(json.loads(text))
    sampler = llm._sampler
    assert isinstance(sampler, SampleThenCheckSampler)
    assert sampler.n_rejected > 0, "the poem prompt should exercise the full-vocabulary fallback"


@pytest.mark.model
@pytest.mark.parametrize("seed", [1, 2])
def test_poem_sampled_is_still_valid_json(llm: SampleThenCheckLlama, seed: int) -> None:
    text, _ = _generate(llm, sample_then_check=True, messages=POEM, schema=Verse,
                        temperature=0.9, top_p=0.95, repeat_penalty=1.05, seed=seed)
    Verse.model_validate(json.loads(text))
    sampler = llm._sampler
    assert isinstance(sampler, SampleThenCheckSampler)
    assert sampler.n_rejected > 0


@pytest.mark.model
def test_no_grammar_and_install_keep_stock_behaviour(llm: SampleThenCheckLlama) -> None:
    llm.sample_then_check = True
    llm.reset()  # type: ignore[no-untyped-call]
    llm.create_chat_completion_openai_v1(messages=POEM, max_tokens=4, temperature=0.0)
    assert not isinstance(llm._sampler, SampleThenCheckSampler)  # no grammar: llama-cpp-python's own chain
    assert install(llm) is llm


class Phrase(Strict):
    text: str = Field(max_length=40)


CHINESE = [{"role": "user", "content": "Write the phrase 'security personnel' in Chinese characters."}]


@pytest.mark.model
def test_banned_tokens_are_never_sampled(llm: SampleThenCheckLlama) -> None:
    """A request whose messages hold no Chinese gets no Chinese back when the tokens of scripts it does not use are
    banned (`backends.scripts`); the same request without the ban does write Chinese, so the ban is what holds."""
    from summarizer.backends.scripts import TokenScripts, scripts_in

    def has_cjk(text: str) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in text)

    free, _ = _generate(llm, sample_then_check=True, messages=CHINESE, schema=Phrase, **PROJECT_DEFAULT)
    assert has_cjk(json.loads(free)["text"]), free
    table = TokenScripts.build(llm.detokenize([t], special=False) for t in range(llm.n_vocab()))
    llm.banned_tokens = table.banned(scripts_in(m["content"] for m in CHINESE))  # type: ignore[attr-defined]
    try:
        text, tokens = _generate(llm, sample_then_check=True, messages=CHINESE, schema=Phrase, **PROJECT_DEFAULT)
    finally:
        del llm.banned_tokens  # type: ignore[attr-defined]
    Phrase.model_validate(json.loads(text))
    assert not has_cjk(text), text
    banned = table.banned(frozenset({"LATIN"}))
    assert banned is not None and not any(banned[t] for t in tokens)


@pytest.mark.model
def test_schema_drafts_cut_the_steps_and_keep_the_answer(llm: SampleThenCheckLlama) -> None:
    """With the structure drafter (`json_draft` through `SchemaDrafter`) the keys, quotes and enum endings go in
    batches: fewer model steps than tokens, and the same greedy answer as one token per step (up to the rounding of
    batched products, which this short answer does not meet)."""
    from summarizer.backends.json_draft import SchemaDraft
    from summarizer.backends.llama_sampler import SchemaDrafter

    plain, plain_tokens = _generate(llm, sample_then_check=True, messages=INCIDENT, schema=Incident,
                                    **PROJECT_DEFAULT)
    steps: list[int] = []
    inner = SampleThenCheckLlama.eval

    def counting_eval(tokens: Any) -> None:
        steps.append(len(tokens))
        inner(llm, tokens)

    drafter = SchemaDrafter(llm, SchemaDraft(Incident.model_json_schema()))
    llm.draft_model = drafter  # type: ignore[assignment]
    llm.eval = counting_eval  # type: ignore[method-assign,assignment]
    try:
        drafted, tokens = _generate(llm, sample_then_check=True, messages=INCIDENT, schema=Incident,
                                    **PROJECT_DEFAULT)
    finally:
        llm.draft_model = None
        del llm.eval
    Incident.model_validate(json.loads(drafted))
    assert drafted == plain
    assert drafter.drafted > 0 and drafter.batches > 0
    generation_steps = len(steps) - 1  # the first eval is the prompt
    assert generation_steps < len(tokens), (generation_steps, len(tokens))
    assert len(tokens) == len(plain_tokens)
