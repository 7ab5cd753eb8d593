"""Any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp's server, LM Studio).

Transport errors are retried here with tenacity (timeouts, connection errors, 429 honouring Retry-After,
5xx), with exponential backoff and a bound; validation re-asks are instructor's job, one level up.

The deadlines in force (`backends.deadline`: per call and per article) bound everything: every connect, send and
receive (`http_deadline`), each attempt's timeout, the waits between attempts, and whether to try again. A call
that runs past one fails with DeadlineExceeded naming it.
"""

from __future__ import annotations

import os
from typing import Any

import instructor
import openai
from openai.types.chat import ChatCompletion
from tenacity import RetryCallState, Retrying, retry_if_exception

from summarizer.backends import deadline
from summarizer.backends.base import BackendInfo, Sampling
from summarizer.backends.http_deadline import deadline_http_client
from summarizer.errors import BackendError, ConfigError, DeadlineExceeded

MODES = {"json_schema": instructor.Mode.JSON_SCHEMA.value, "json": instructor.Mode.JSON.value,
         "tools": instructor.Mode.TOOLS.value}
MAX_RETRY_AFTER_S = 60.0


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, openai.APITimeoutError | openai.APIConnectionError | openai.RateLimitError):
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code >= 500


def _retry_after(exc: BaseException | None) -> float | None:
    if isinstance(exc, openai.APIStatusError):
        value = exc.response.headers.get("retry-after")
        if value:
            try:
                return min(max(float(value), 0.0), MAX_RETRY_AFTER_S)
            except ValueError:
                return None
    return None


class _Wait:
    """Exponential backoff with a cap; a server's Retry-After wins when it gives one."""

    def __init__(self, base: float, cap: float) -> None:
        self.base = base
        self.cap = cap

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc)
        wait = hinted if hinted is not None else float(min(self.cap, self.base * 2 ** (state.attempt_number - 1)))
        left = deadline.remaining()
        return wait if left is None else max(0.0, min(wait, left))  # never sleep past a deadline


def _describe(exc: BaseException, base_url: str) -> str:
    if isinstance(exc, openai.APITimeoutError):
        return f"model server at {base_url} timed out"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach model server at {base_url} (is it running?)"
    if isinstance(exc, openai.AuthenticationError):
        return f"model server at {base_url} rejected the API key (set OPENAI_API_KEY)"
    if isinstance(exc, openai.NotFoundError):
        return f"model server at {base_url} answered 404 (wrong model name or base URL?)"
    if isinstance(exc, openai.APIStatusError):
        return f"model server at {base_url} answered HTTP {exc.status_code}"
    return f"model server at {base_url} sent an unusable response ({type(exc).__name__}: {exc})"


class OpenAIBackend:
    def __init__(self, model: str | None = None, *, base_url: str | None = None, api_key: str | None = None,
                 timeout: float = 120.0, max_attempts: int = 5, backoff_s: float = 1.0, backoff_cap_s: float = 30.0,
                 mode: str | None = None, sampling: Sampling | None = None) -> None:
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key:
            raise ConfigError("the openai backend needs an API key: set OPENAI_API_KEY (any value for local servers)")
        model_name = model or os.environ.get("SUMMARIZER_MODEL") or os.environ.get("OPENAI_MODEL")
        if not model_name:
            raise ConfigError("the openai backend needs a model name: pass --model NAME or set SUMMARIZER_MODEL")
        mode_name = (mode or os.environ.get("SUMMARIZER_OPENAI_MODE") or "json_schema").lower()
        if mode_name not in MODES:
            raise ConfigError(f"unknown mode {mode_name!r}; choose one of {', '.join(MODES)}")
        self.sampling = sampling or Sampling()
        self.info = BackendInfo(name=f"openai/{model_name}", model=model_name, mode=MODES[mode_name],
                                concurrent=True, context_tokens=None, sampling=self.sampling)
        self._timeout = timeout
        self._client = openai.OpenAI(base_url=self.base_url, api_key=key, timeout=timeout, max_retries=0,
                                     http_client=deadline_http_client())
        self._max_attempts = max_attempts
        self._wait = _Wait(backoff_s, backoff_cap_s)
        self.transport_retries = 0

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)

    def warm_up(self) -> None:
        """Nothing to load: the server holds the model."""

    def _count_retry(self, state: RetryCallState) -> None:
        self.transport_retries += 1

    def create(self, **kwargs: Any) -> ChatCompletion:
        kwargs["model"] = self.info.model
        kwargs.setdefault("temperature", self.sampling.temperature)
        kwargs.setdefault("seed", self.sampling.seed)
        def stop(state: RetryCallState) -> bool:
            if deadline.expired() is not None:
                return True
            exc = state.outcome.exception() if state.outcome else None
            refused = isinstance(exc, openai.APIConnectionError) and not isinstance(exc, openai.APITimeoutError)
            # a refused connection is a server that is down, not busy: one more try, then say so
            return state.attempt_number >= (min(2, self._max_attempts) if refused else self._max_attempts)

        retrying = Retrying(stop=stop, wait=self._wait,
                            retry=retry_if_exception(_retryable), reraise=True, before_sleep=self._count_retry)
        server = f"model server at {self.base_url}"
        try:
            for attempt in retrying:
                with attempt:
                    deadline.check(server)
                    kwargs["timeout"] = deadline.clamp(self._timeout)  # this attempt, within the deadlines
                    response = self._client.chat.completions.create(**kwargs)
        except DeadlineExceeded:
            raise
        except openai.OpenAIError as exc:
            hit = deadline.expired()
            if hit is not None:
                raise deadline.exceeded(server, hit) from exc
            raise BackendError(_describe(exc, self.base_url)) from exc
        except ValueError as exc:  # malformed JSON body
            raise BackendError(_describe(exc, self.base_url)) from exc
        if not isinstance(response, ChatCompletion) or not response.choices:
            raise BackendError(f"model server at {self.base_url} sent a response without choices")
        return response
