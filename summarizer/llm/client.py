"""One model call through instructor: validation errors go back to the model, usage and retries are recorded."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import instructor
from instructor.core.exceptions import InstructorRetryException
from pydantic import BaseModel

from summarizer.backends import deadline
from summarizer.backends.base import Backend
from summarizer.contract.event import PassRecord
from summarizer.errors import BackendError, DeadlineExceeded, InputError, ModelOutputError, SummarizerError

T = TypeVar("T", bound=BaseModel)

VALIDATION_RETRIES = 1  # re-asks after a first answer that fails validation
logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures surface as our exceptions instead


def call_model(backend: Backend, name: str, messages: list[dict[str, Any]], response_model: type[T], *,
               max_tokens: int) -> tuple[T, PassRecord, str]:
    """Ask the backend for `response_model`; returns (answer, usage record, raw answer text).

    The whole call (transport retries and validation re-asks included) runs under the per-call deadline."""
    with deadline.within(deadline.limits().call_s, "per-call"):
        try:
            deadline.check(f"{backend.info.name}: {name} pass")
            return _call_model(backend, name, messages, response_model, max_tokens=max_tokens)
        except DeadlineExceeded as exc:
            if f"{name} pass" in str(exc):
                raise
            raise DeadlineExceeded(f"{name} pass: {exc}") from exc


@contextmanager
def article_scope(name: str | None) -> Iterator[None]:
    """Everything done for one article: under the per-article deadline, and input errors name the article."""
    with deadline.within(deadline.limits().article_s, "per-article"):
        try:
            yield
        except InputError as exc:
            if name and not str(exc).startswith(name):
                exc.args = (f"{name}: {exc}", *exc.args[1:])
            raise


def _call_model(backend: Backend, name: str, messages: list[dict[str, Any]], response_model: type[T], *,
                max_tokens: int) -> tuple[T, PassRecord, str]:
    mode = instructor.Mode(backend.info.mode)
    client = instructor.Instructor(client=None, create=instructor.patch(create=backend.create, mode=mode), mode=mode)
    record = PassRecord(name=name)

    def on_parse_error(*_: Any, **__: Any) -> None:
        record.retries += 1

    client.on("parse:error", on_parse_error)
    started = time.perf_counter()
    try:
        answer, completion = client.create_with_completion(
            messages=[dict(m) for m in messages],  # type: ignore[misc]
            response_model=response_model,
            max_retries=VALIDATION_RETRIES, max_tokens=max_tokens,
        )
    except InstructorRetryException as exc:
        inner = _find_summarizer_error(exc)
        if inner is not None:
            raise inner from exc
        raise ModelOutputError(
            f"model output for the {name} pass was still invalid after {exc.n_attempts} attempts: "
            f"{_first_line(str(getattr(exc, 'last_exception', None) or exc))}"
        ) from exc
    except SummarizerError:
        raise
    except Exception as exc:  # instructor wraps provider errors in its own types
        inner = _find_summarizer_error(exc)
        if inner is not None:
            raise inner from exc
        raise BackendError(f"{backend.info.name}: {name} pass failed: {_first_line(str(exc))}") from exc
    record.latency_s = round(time.perf_counter() - started, 3)
    usage = getattr(completion, "usage", None)
    if usage is not None:
        record.prompt_tokens = int(usage.prompt_tokens or 0)
        record.completion_tokens = int(usage.completion_tokens or 0)
    choices = getattr(completion, "choices", None) or []
    raw = (choices[0].message.content or "") if choices else ""
    return answer, record, raw


def _find_summarizer_error(exc: BaseException) -> SummarizerError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, SummarizerError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _first_line(text: str) -> str:
    for line in text.strip().splitlines():
        line = line.strip()
        if line and not line.startswith("<"):
            return line[:300]
    return text.strip()[:300]
