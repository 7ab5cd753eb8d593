"""The embedded llama.cpp backend.

Unit tests (no model): the response-format rewrite and what `create` sends to llama-cpp-python.
`@pytest.mark.model` tests load the real model: the grammar really constrains the output, and seed article 001
comes out with its main facts (run with `pytest -m model`; about two minutes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import pytest
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from summarizer.backends import get_backend
from summarizer.backends.base import make_completion
from summarizer.backends.llama import LlamaBackend, rewrite_response_format
from summarizer.contract.event import EventSummary, Evidence
from summarizer.errors import BackendError, ModelNotAvailableError
from summarizer.llm.client import call_model
from summarizer.pipeline import Summarizer
from summarizer.text.grounding import is_grounded
from summarizer.text.names import fold

SEED_001 = Path(__file__).resolve().parent.parent / "eval" / "articles" / "001_bf4bf788d45fc931.txt"


class Verse(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: Annotated[str, StringConstraints(max_length=30)]
    rhymes: bool


# -- unit: the format rewrite -------------------------------------------------------------------------------------


def test_rewrite_json_schema_to_json_object_with_schema() -> None:
    schema = Verse.model_json_schema()
    rewritten = rewrite_response_format({"type": "json_schema", "json_schema": {"name": "Verse", "schema": schema}})
    assert rewritten == {"type": "json_object", "schema": schema}


def test_rewrite_json_schema_without_schema() -> None:
    assert rewrite_response_format({"type": "json_schema", "json_schema": {}}) == {"type": "json_object"}
    assert rewrite_response_format({"type": "json_schema"}) == {"type": "json_object"}


@pytest.mark.parametrize("fmt", [None, {}, {"type": "json_object"}, {"type": "text"},
                                 {"type": "json_object", "schema": {"type": "object"}}])
def test_rewrite_leaves_other_formats_alone(fmt: dict[str, Any] | None) -> None:
    assert rewrite_response_format(fmt) == fmt


# -- unit: create() with a stand-in for the loaded model ----------------------------------------------------------


class StandIn:
    """Records what the backend passes to llama-cpp-python; can fail like it does."""

    def __init__(self, content: str = '{"title": "Sea", "rhymes": true}', error: Exception | None = None,
                 errors_before_success: int = 0) -> None:
        self.content = content
        self.error = error
        self.errors_left = errors_before_success
        self.calls: list[dict[str, Any]] = []

    def create_chat_completion_openai_v1(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if self.error is not None and self.errors_left:
            self.errors_left -= 1
            raise self.error
        return make_completion(self.content, model="stand-in", prompt_tokens=5, completion_tokens=5)


def backend_with(stand_in: StandIn) -> LlamaBackend:
    backend = LlamaBackend(Path("/nonexistent/model.gguf"))
    backend._loaded = stand_in  # skip loading: `_llama` returns the stand-in
    return backend


def test_create_rewrites_the_format_and_sets_sampling() -> None:
    stand_in = StandIn()
    backend = backend_with(stand_in)
    schema = Verse.model_json_schema()
    backend.create(messages=[{"role": "user", "content": "hi"}], model="ignored", timeout=5, n=1, max_tokens=9,
                   response_format={"type": "json_schema", "json_schema": {"schema": schema}})
    (sent,) = stand_in.calls
    assert sent["response_format"] == {"type": "json_object", "schema": schema}
    assert sent["temperature"] == 0.0 and sent["seed"] == 0 and sent["max_tokens"] == 9
    assert not {"model", "timeout", "n"} & set(sent)
    assert backend.info.concurrent is False


def test_instructor_requests_reach_llama_with_a_schema() -> None:
    stand_in = StandIn()
    backend = backend_with(stand_in)
    answer, record, raw = call_model(backend, "verse", [{"role": "user", "content": "PASS: verse"}], Verse,
                                     max_tokens=20)
    assert answer.model_dump() == {"title": "Sea", "rhymes": True} and json.loads(raw)["title"] == "Sea"
    assert record.name == "verse" and record.prompt_tokens == 5 and record.retries == 0
    fmt = stand_in.calls[0]["response_format"]
    assert fmt["type"] == "json_object"
    assert set(fmt["schema"]["properties"]) == {"title", "rhymes"}


def test_context_overflow_is_a_backend_error() -> None:
    backend = backend_with(StandIn(error=ValueError("Requested tokens (9000) exceed context window of 8192"),
                                   errors_before_success=1))
    with pytest.raises(BackendError, match="context window"):
        backend.create(messages=[{"role": "user", "content": "hi"}])


def test_other_runtime_errors_are_backend_errors() -> None:
    backend = backend_with(StandIn(error=RuntimeError("llama_decode returned -3"), errors_before_success=1))
    with pytest.raises(BackendError, match="llama_decode"):
        backend.create(messages=[{"role": "user", "content": "hi"}])



class VocabStandIn(StandIn):
    """A stand-in with a five-token vocabulary: what the script guard reads."""

    PIECES = (b"{", b" police", "人员".encode(), "کے".encode(), b" 12")

    def n_vocab(self) -> int:
        return len(self.PIECES)

    def detokenize(self, tokens: list[int], special: bool = False) -> bytes:
        return b"".join(self.PIECES[t] for t in tokens)


def test_each_request_bans_the_tokens_of_scripts_its_messages_do_not_use(tmp_path: Path) -> None:
    stand_in = VocabStandIn()
    backend = backend_with(stand_in)
    backend._model_file = tmp_path / "model.gguf"
    backend._model_file.write_bytes(b"weights")
    backend.create(messages=[{"role": "system", "content": "Answer in JSON."},
                             {"role": "user", "content": "Police said 12 were killed."}])
    assert stand_in.banned_tokens.tolist() == [False, False, True, True, False]  # type: ignore[attr-defined]
    backend.create(messages=[{"role": "user", "content": "پولیس کے مطابق 12 افراد ہلاک"}])
    assert stand_in.banned_tokens.tolist() == [False, False, True, False, False]  # type: ignore[attr-defined]
    assert (tmp_path / "model.gguf.scripts.npz").is_file()


def test_a_background_load_that_fails_fails_at_first_use_in_the_callers_thread() -> None:
    backend = LlamaBackend(Path("/nonexistent/model.gguf"))
    backend.warm_up()
    backend.warm_up()  # a second call starts nothing more
    with pytest.raises(ModelNotAvailableError, match="model file not found"):
        backend.count_tokens("hi")


def test_a_background_load_hands_its_model_to_the_first_request() -> None:
    stand_in = StandIn()
    backend = LlamaBackend(Path("/nonexistent/model.gguf"))
    started: list[str] = []
    backend._load = lambda: started.append("loaded") or stand_in  # type: ignore[method-assign]
    backend.warm_up()
    backend.create(messages=[{"role": "user", "content": "hi"}])
    backend.warm_up()  # already loaded: nothing starts
    assert started == ["loaded"] and len(stand_in.calls) == 1

# -- the real model -----------------------------------------------------------------------------------------------

POEM = [{"role": "user", "content": "Write a short poem about the sea. Do not use JSON."}]


@pytest.mark.model
def test_the_grammar_makes_the_output_json() -> None:
    backend = get_backend("local")
    fmt = {"type": "json_schema", "json_schema": {"name": "Verse", "schema": Verse.model_json_schema()}}
    constrained = backend.create(messages=POEM, response_format=fmt, max_tokens=60)
    text = constrained.choices[0].message.content or ""
    Verse.model_validate(json.loads(text))

    free = backend.create(messages=POEM, max_tokens=60)
    free_text = free.choices[0].message.content or ""
    with pytest.raises((ValueError, ValidationError)):  # json.JSONDecodeError is a ValueError
        Verse.model_validate(json.loads(free_text))


@pytest.fixture(scope="module")
def seed_summary() -> tuple[str, EventSummary]:
    text = SEED_001.read_text(encoding="utf-8")
    return text, Summarizer(get_backend("local"), cache=None).summarize(text)


def _has(summary: EventSummary, *, value: int, outcome: str, groups: tuple[str, ...],
         qualifier: str | None = None) -> bool:
    return any(c.value == value and c.outcome == outcome and c.group in groups
               and (qualifier is None or c.qualifier == qualifier) for c in summary.casualties)


def _is_bla(name: str) -> bool:
    return "BLA" in name or "baloch liberation army" in fold(name)


@pytest.mark.model
def test_seed_001_casualties(seed_summary: tuple[str, EventSummary]) -> None:
    _, s = seed_summary
    table = [(c.raw_text, c.group, c.outcome) for c in s.casualties]
    assert _has(s, value=67, outcome="killed", groups=("militants",), qualifier="at_least"), table
    assert _has(s, value=10, outcome="killed", groups=("security_forces", "police")), table
    assert _has(s, value=11, outcome="killed", groups=("civilians",)), table
    assert _has(s, value=24, outcome="injured", groups=("police",)), table


@pytest.mark.model
def test_seed_001_perpetrator_claim(seed_summary: tuple[str, EventSummary]) -> None:
    _, s = seed_summary
    claimed = [c for c in s.casualties if c.value == 84]
    assert claimed, [c.raw_text for c in s.casualties]
    assert any(c.status == "claimed" and (c.source_kind == "perpetrator" or _is_bla(c.reported_by or ""))
               for c in claimed), claimed


@pytest.mark.model
def test_seed_001_where(seed_summary: tuple[str, EventSummary]) -> None:
    _, s = seed_summary
    assert s.where.country == "Pakistan" and s.where.region == "Balochistan"
    names = {fold(x) for p in s.where.places for x in [p.name, p.normalized, *p.spellings]}
    assert {"quetta", "gwadar"} <= names, names


@pytest.mark.model
def test_seed_001_actors_and_claim(seed_summary: tuple[str, EventSummary]) -> None:
    _, s = seed_summary
    bla = [a for a in s.actors if _is_bla(a.name) or any(_is_bla(x) for x in a.aliases)]
    assert bla and any({"perpetrator", "claimant"} & set(a.roles) for a in bla), s.actors
    assert any(st.kind == "claim_of_responsibility" and _is_bla(st.actor) for st in s.statements), s.statements


@pytest.mark.model
def test_seed_001_everything_is_grounded(seed_summary: tuple[str, EventSummary]) -> None:
    text, s = seed_summary

    def walk(node: Any) -> list[Evidence]:
        if isinstance(node, Evidence):
            return [node]
        if isinstance(node, BaseModel):
            return [e for name in type(node).model_fields for e in walk(getattr(node, name))]
        if isinstance(node, list):
            return [e for item in node for e in walk(item)]
        return []

    evidence = walk(s)
    assert len(evidence) >= len(s.casualties) + len(s.where.places) + len(s.statements) + len(s.actors)
    assert all(is_grounded(text, e) for e in evidence), [e for e in evidence if not is_grounded(text, e)]


@pytest.mark.model
def test_the_system_message_is_restored_from_disk_by_a_new_load_and_answers_the_same() -> None:
    """A second load of the model (a new process, as one `summarize` command after another) restores the
    system message's state that the first saved, instead of evaluating it, and gives the same answer."""
    from summarizer.llm import prompts

    messages = [{"role": "system", "content": prompts.render("system")},
                {"role": "user", "content": 'PASS: verse\nName a poem about the sea and say whether it rhymes.\n'
                                            'Answer: {"title": ..., "rhymes": ...}'}]
    runs = []
    for _ in range(2):
        backend = LlamaBackend()
        _, record, raw = call_model(backend, "verse", messages, Verse, max_tokens=30)
        runs.append((raw, dict(backend._llama.prefix_events), record.prompt_tokens))
        call_model(backend, "verse", messages, Verse, max_tokens=30)  # a later pass keeps it in the KV cache
        runs.append((raw, dict(backend._llama.prefix_events), record.prompt_tokens))
        del backend
    assert [events for _, events, _ in runs] == [{"evaluated": 1}, {"evaluated": 1, "kept": 1},
                                                 {"loaded": 1}, {"loaded": 1, "kept": 1}]
    assert runs[0][0] == runs[2][0]
