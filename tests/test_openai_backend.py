"""The OpenAI-compatible backend against a fake server on 127.0.0.1: bounded retries, Retry-After, bad bodies,
and a whole summary through HTTP."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from fake_openai_server import GARBAGE, SERVER_ERROR, FakeOpenAIServer, Fault, every

from summarizer.backends import get_backend
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.errors import BackendError, ConfigError
from summarizer.llm.passes import OverviewAnswer
from summarizer.pipeline import Summarizer
from summarizer.text.grounding import is_grounded

MESSAGES = [{"role": "user", "content": "An article...\nPASS: overview"}]
ARTICLE = (
    "Flooding closes highway in Portugal's inland province\n"
    "ALDEIA, Portugal, October 5, 2022 - Floodwater swept away a bus near the village of Ribeiraverde on Monday, "
    "and nine passengers were killed, the fire service said.\n"
    "More than 20 residents were injured, according to the regional hospital.\n"
)


def backend_for(server: FakeOpenAIServer, **kwargs: Any) -> OpenAIBackend:
    settings: dict[str, Any] = {"max_attempts": 3, "backoff_s": 0.01, "backoff_cap_s": 0.05, "timeout": 10.0}
    settings.update(kwargs)
    return OpenAIBackend("fake-model", base_url=server.base_url, api_key="x", **settings)


OVERVIEW_FORMAT = {"type": "json_schema", "json_schema": {"name": "overview",
                                                          "schema": OverviewAnswer.model_json_schema()}}


def content(backend: OpenAIBackend) -> str:
    return backend.create(messages=MESSAGES, max_tokens=50,
                          response_format=OVERVIEW_FORMAT).choices[0].message.content or ""


def test_a_server_error_is_retried() -> None:
    with FakeOpenAIServer(faults=[SERVER_ERROR]) as server:
        backend = backend_for(server)
        assert "headline" in json.loads(content(backend))
        assert backend.transport_retries >= 1
        assert server.requests == 2 and server.faults_sent == 1


def test_retry_after_is_honoured() -> None:
    with FakeOpenAIServer(faults=[Fault("rate_limit", 429, retry_after=0.6)]) as server:
        backend = backend_for(server)  # its own backoff would wait only 0.01 s
        started = time.monotonic()
        assert "headline" in json.loads(content(backend))
        elapsed = time.monotonic() - started
        assert 0.55 <= elapsed < 5, elapsed
        assert server.requests == 2 and backend.transport_retries == 1


def test_a_garbage_body_is_a_backend_error() -> None:
    with FakeOpenAIServer(faults=every(1, GARBAGE)) as server:
        backend = backend_for(server)
        with pytest.raises(BackendError, match="unusable response"):
            content(backend)
        assert 1 <= server.requests <= 3


def test_retries_are_bounded() -> None:
    with FakeOpenAIServer(faults=every(1, SERVER_ERROR)) as server:
        backend = backend_for(server, max_attempts=3)
        started = time.monotonic()
        with pytest.raises(BackendError, match="HTTP 500"):
            content(backend)
        assert server.requests == 3
        assert backend.transport_retries == 2
        assert time.monotonic() - started < 5


@pytest.mark.parametrize("status", [400, 401, 404])
def test_client_errors_are_not_retried(status: int) -> None:
    with FakeOpenAIServer(faults=every(1, Fault("status", status))) as server:
        backend = backend_for(server)
        with pytest.raises(BackendError):
            content(backend)
        assert server.requests == 1 and backend.transport_retries == 0


def test_backoff_grows_and_is_capped() -> None:
    from summarizer.backends.openai_compat import _Wait

    class State:
        def __init__(self, attempt: int) -> None:
            self.attempt_number = attempt
            self.outcome = None

    wait = _Wait(1.0, 5.0)
    assert [wait(State(n)) for n in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]  # type: ignore[arg-type]


def test_missing_settings_are_config_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "SUMMARIZER_MODEL", "OPENAI_MODEL", "SUMMARIZER_OPENAI_MODE"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        OpenAIBackend("m", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ConfigError, match="model"):
        OpenAIBackend(None, base_url="http://127.0.0.1:9/v1", api_key="x")
    with pytest.raises(ConfigError, match="mode"):
        OpenAIBackend("m", base_url="http://127.0.0.1:9/v1", api_key="x", mode="telepathy")


def responder(pass_name: str, body: dict[str, Any]) -> str:
    if pass_name == "overview":
        return json.dumps({"headline": "Bus swept away by floods", "summary": "Floodwater swept a bus away.",
                           "on_purpose": "no", "event_type": "disaster", "country": "Portugal", "region": "",
                           "places": ["Ribeiraverde"], "date_words": "on Monday"})
    from summarizer.backends.base import emptiest_answer, request_schema

    return emptiest_answer(request_schema(body))


@pytest.mark.parametrize("mode", ["json_schema", "tools", "json"])
def test_a_whole_summary_through_the_server(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_OPENAI_MODE", mode)
    with FakeOpenAIServer(responder=responder, faults=[SERVER_ERROR]) as server:
        backend = get_backend("openai", base_url=server.base_url, api_key="x", model="fake-model")
        summary = Summarizer(backend, cache=None).summarize(ARTICLE)
        assert server.requests >= 2 and server.completed >= 1
        first = server.bodies[1]
    assert summary.provenance.backend == "openai/fake-model"
    assert summary.event_type == "disaster" and summary.where.country == "Portugal"
    assert [p.name for p in summary.where.places] == ["Ribeiraverde"]
    assert {(c.value, c.group, c.outcome) for c in summary.casualties} >= {(9, "civilians", "killed"),
                                                                           (20, "civilians", "injured")}
    assert all(is_grounded(ARTICLE, c.evidence) for c in summary.casualties)
    assert first["model"] == "fake-model" and first["temperature"] == 0.0
    if mode == "json_schema":
        assert first["response_format"]["type"] == "json_schema"
    elif mode == "tools":
        assert first["tools"]
