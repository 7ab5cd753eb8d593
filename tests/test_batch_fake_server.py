"""Batch against an OpenAI-compatible server on 127.0.0.1 that answers slowly and sometimes fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import make_folder
from fake_openai_server import GARBAGE, RATE_LIMITED, SERVER_ERROR, FakeOpenAIServer, every
from pydantic import BaseModel

from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.batch.manifest import JSON_NAME, load_manifest_json
from summarizer.batch.runner import JSONL_NAME, BatchOptions, run_batch
from summarizer.errors import BackendError
from summarizer.llm.passes import OverviewAnswer, StatementAnswer


def backend_for(server: FakeOpenAIServer, **kwargs: float) -> OpenAIBackend:
    return OpenAIBackend("fake-model", base_url=server.base_url, api_key="x", timeout=10.0, backoff_s=0.01,
                         backoff_cap_s=0.05, **kwargs)  # type: ignore[arg-type]


FORMS: dict[str, type[BaseModel]] = {"statement": StatementAnswer, "overview": OverviewAnswer}


def chat(backend: OpenAIBackend, pass_name: str = "figures") -> str:
    """One request as the pipeline sends it: the pass named in the messages, its form's schema as the format."""
    form = FORMS.get(pass_name)
    response_format = ({"type": "json_schema", "json_schema": {"name": pass_name, "schema": form.model_json_schema()}}
                       if form else None)
    completion = backend.create(messages=[{"role": "user", "content": f"article...\nPASS: {pass_name}"}],
                                max_tokens=50, response_format=response_format)
    return completion.choices[0].message.content or ""


def test_server_answers_each_pass_and_recovers_from_transient_faults() -> None:
    with FakeOpenAIServer(faults=[SERVER_ERROR, RATE_LIMITED, None, SERVER_ERROR]) as server:
        backend = backend_for(server)
        assert json.loads(chat(backend, "statement")) == {"by": "", "about": ""}  # after a 500 and a 429
        assert server.requests == 3 and server.faults_sent == 2
        assert "headline" in json.loads(chat(backend, "overview"))  # after one more 500
        assert backend.transport_retries == 3 and server.completed == 2


def test_server_garbage_body_is_a_backend_error() -> None:
    with FakeOpenAIServer(faults=every(1, GARBAGE)) as server, pytest.raises(BackendError):
        chat(backend_for(server))


def test_server_tool_mode_answers_with_a_tool_call() -> None:
    with FakeOpenAIServer() as server:
        backend = backend_for(server)
        completion = backend.create(messages=[{"role": "user", "content": "PASS: statement"}], max_tokens=10,
                                    tools=[{"type": "function", "function": {
                                        "name": "StatementAnswer",
                                        "parameters": StatementAnswer.model_json_schema()}}])
        call = completion.choices[0].message.tool_calls[0]  # type: ignore[index]
        assert call.function.name == "StatementAnswer"  # type: ignore[union-attr]
        assert json.loads(call.function.arguments) == {"by": "", "about": ""}  # type: ignore[union-attr]


def test_batch_drives_workers_against_a_slow_flaky_server(tmp_path: Path) -> None:
    from summarizer.pipeline import Summarizer

    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 12)
    # Every 7th request fails with a 500 and every 11th is rate limited: the backend's retries absorb them.
    def faults(index: int) -> object:
        if index % 11 == 5:
            return RATE_LIMITED
        return SERVER_ERROR if index % 7 == 3 else None

    with FakeOpenAIServer(delay=0.15, faults=faults) as server:  # type: ignore[arg-type]
        backend = backend_for(server)
        summarizer = Summarizer(backend, cache=None)
        report = run_batch(summarizer, src, out, BatchOptions(workers=4, concurrent=True))
    assert report.ok == 12 and report.failed == 0, report.failures
    assert server.faults_sent > 0 and backend.transport_retries == server.faults_sent
    # Four requests were in flight at once: the workers ran concurrently. How much sooner that finishes is a
    # benchmark's figure, not a test's (a wall-time bound here failed CI on a busy machine).
    assert server.max_in_flight == 4
    assert [json.loads(line)["path"] for line in (out / JSONL_NAME).read_text().splitlines()] == rels
    assert {a.status for a in load_manifest_json(out / JSON_NAME).articles} == {"ok"}


def test_batch_records_articles_the_server_keeps_failing(tmp_path: Path) -> None:
    from summarizer.pipeline import Summarizer

    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 6)
    with FakeOpenAIServer(faults=every(1, GARBAGE, offset=0)) as server:
        report = run_batch(Summarizer(backend_for(server), cache=None), src, out, BatchOptions(workers=3))
    assert report.ok == 0 and report.failed == 6
    assert all("model server" in reason for _, reason in report.failures), report.failures
    assert (out / JSONL_NAME).read_text() == ""
