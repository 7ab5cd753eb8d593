"""One model call through instructor: validation errors go back to the model, usage and retries are recorded."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import instructor
from instructor.core.exceptions import InstructorRetryException, ResponseParsingError
from pydantic import BaseModel, ValidationError
from tenacity import Retrying, retry_if_exception, stop_after_attempt

from summarizer.backends import deadline
from summarizer.backends.base import Backend
from summarizer.contract.event import PassRecord
from summarizer.errors import BackendError, DeadlineExceeded, InputError, ModelOutputError, SummarizerError
from summarizer.llm import prompts
from summarizer.llm.passes import (
    MAX_CHOSEN,
    MAX_PROBLEMS_TOLD,
    UNGROUNDED,
    Check,
    Choices,
    PassModel,
    fields_form,
    grounded_by,
)

T = TypeVar("T", bound=BaseModel)
P = TypeVar("P", bound=PassModel)
Fault = tuple[str, str]  # (the field at fault, what is wrong with it)

VALIDATION_RETRIES = 1  # re-asks after an answer that breaks its form (invalid JSON or schema)
GROUNDING_REASKS = 1  # re-asks after an answer that names what the article does not hold
logging.getLogger("instructor").setLevel(logging.CRITICAL)  # failures surface as our exceptions instead


def call_model(backend: Backend, name: str, messages: list[dict[str, Any]], response_model: type[T], *,
               max_tokens: int, check: Check | None = None) -> tuple[T, PassRecord, str]:
    """Ask the backend for `response_model`; returns (answer, usage record, raw answer text).

    `check` (answer -> what it states that the article does not support) runs as the form's validator: instructor
    re-asks once with those problems; an answer that still fails it is returned all the same (the caller drops what
    is not supported), while an answer that breaks the form after its retry is a ModelOutputError.
    The whole call (transport retries and validation re-asks included) runs under the per-call deadline."""
    with deadline.within(deadline.limits().call_s, "per-call"):
        try:
            deadline.check(f"{backend.info.name}: {name} pass")
            return _call_model(backend, name, messages, response_model, max_tokens=max_tokens, check=check)
        except DeadlineExceeded as exc:
            if f"{name} pass" in str(exc):
                raise
            raise DeadlineExceeded(f"{name} pass: {exc}") from exc


def mend(backend: Backend, name: str, messages: list[dict[str, Any]], answer: P, raw: str, faults: list[Fault],
         record: PassRecord, *, max_tokens: int, choices: Choices = ()) -> P:
    """`answer` with the fields at fault asked again, once: the model sees its answer and the problems and fills a
    form of those fields only, so the fields it got right are neither paid for again nor changed. A field with
    `choices` (phrases code found in the article) may hold only those, and the prompt lists them. What the second
    answer still gets wrong is returned all the same (the caller drops what is not supported); a second answer that
    breaks its form leaves the first as it was. `record` (the first answer's) counts both calls."""
    fields = tuple(f for f in type(answer).model_fields if any(f == field for field, _ in faults))
    choices = tuple((f, values) for f, values in choices if f in fields and values)
    problems = list(dict.fromkeys(problem for _, problem in faults))[:MAX_PROBLEMS_TOLD]
    followup = [*messages, {"role": "assistant", "content": raw},
                {"role": "user", "content": prompts.render("reask", problems=problems, fields=fields,
                                                           choices=choices, most=MAX_CHOSEN)}]
    record.retries += 1
    record.asked_again += problems
    form = fields_form(type(answer), fields, choices)
    try:
        fix, second, _ = call_model(backend, name, followup, form, max_tokens=max_tokens)
    except ModelOutputError:
        return answer
    record.prompt_tokens += second.prompt_tokens
    record.completion_tokens += second.completion_tokens
    record.latency_s = round(record.latency_s + second.latency_s, 3)
    record.retries += second.retries
    record.asked_again += second.asked_again
    return answer.model_copy(update=fix.model_dump())


def prepare(backend: Backend) -> None:
    """Load now what the first call would load: instructor resolves its handlers for the backend's mode lazily, and
    for the OpenAI-style modes that imports the openai package (about a second). `summarizer summarize` calls this
    while the embedded model loads in its own thread, so the second costs no wall time."""
    from instructor.v2.core.providers import Provider
    from instructor.v2.core.registry import mode_registry

    mode_registry.get_handlers(Provider.OPENAI, instructor.Mode(backend.info.mode))


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


def _failure(exc: BaseException) -> str | None:
    """What a failed attempt got wrong: 'grounding' (only its check failed), 'form' (invalid JSON or schema), or
    None (not the answer: a transport or backend error, never retried here)."""
    if isinstance(exc, ValidationError):
        return "grounding" if all(e["type"] == UNGROUNDED for e in exc.errors()) else "form"
    if isinstance(exc, json.JSONDecodeError | ResponseParsingError):
        return "form"
    return None


def _retrying(grounding_reasks: int) -> Retrying:
    """instructor's retry policy for one call: one retry for a broken form, `grounding_reasks` for a failed check."""
    left = {"form": VALIDATION_RETRIES, "grounding": grounding_reasks}

    def again(exc: BaseException) -> bool:
        kind = _failure(exc)
        if kind is None or left[kind] <= 0:
            return False
        left[kind] -= 1
        return True

    return Retrying(retry=retry_if_exception(again), stop=stop_after_attempt(1 + sum(left.values())), reraise=True)


def _kept_answer(exc: InstructorRetryException, response_model: type[T], record: PassRecord, started: float
                 ) -> tuple[T, PassRecord, str] | None:
    """The last answer when only its grounding check failed: well-formed, so kept for the caller's drop step (its
    record counts every attempt's tokens, and one retry fewer than failed attempts)."""
    attempts = getattr(exc, "failed_attempts", None) or []
    if not attempts or _failure(attempts[-1].exception) != "grounding":
        return None
    content = _content(attempts[-1].completion)
    record.retries = len(attempts) - 1
    return response_model.model_validate_json(content), _usage(record, exc, started), content


def _call_model(backend: Backend, name: str, messages: list[dict[str, Any]], response_model: type[T], *,
                max_tokens: int, check: Check | None) -> tuple[T, PassRecord, str]:
    mode = instructor.Mode(backend.info.mode)
    client = instructor.Instructor(client=None, create=instructor.patch(create=backend.create, mode=mode), mode=mode)
    record = PassRecord(name=name)

    def on_parse_error(*_: Any, **__: Any) -> None:
        record.retries += 1

    client.on("parse:error", on_parse_error)
    told = 0

    def checked(answer: Any) -> list[str]:
        """`check`, recording the problems of each answer that is asked for again (not those of the last one, which
        is kept as it is for the caller to drop what it does not support)."""
        nonlocal told
        problems = check(answer) if check is not None else []
        if problems and told < GROUNDING_REASKS:
            told += 1
            record.asked_again += list(dict.fromkeys(problems))[:MAX_PROBLEMS_TOLD]
        return problems

    started = time.perf_counter()
    try:
        with grounded_by(checked if check is not None else None):
            answer, completion = client.create_with_completion(
                messages=[dict(m) for m in messages],  # type: ignore[misc]
                response_model=response_model,
                max_retries=_retrying(GROUNDING_REASKS if check is not None else 0), max_tokens=max_tokens,
            )
    except InstructorRetryException as exc:
        inner = _find_summarizer_error(exc)
        if inner is not None:
            raise inner from exc
        kept = _kept_answer(exc, response_model, record, started)
        if kept is not None:
            return kept
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
    return answer, _usage(record, completion, started), _content(completion)


def _usage(record: PassRecord, carrier: Any, started: float) -> PassRecord:
    """Latency, and tokens from `carrier`'s usage (a completion's, or a failed call's total over its attempts)."""
    record.latency_s = round(time.perf_counter() - started, 3)
    usage = getattr(carrier, "usage", None) or getattr(carrier, "total_usage", None)
    if usage is not None:
        record.prompt_tokens = int(usage.prompt_tokens or 0)
        record.completion_tokens = int(usage.completion_tokens or 0)
    return record


def _content(completion: Any) -> str:
    choices = getattr(completion, "choices", None) or []
    return (choices[0].message.content or "") if choices else ""


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
