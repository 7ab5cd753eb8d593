"""Wall-clock deadlines for model calls: one per call (`--timeout`) and one per article (`--article-timeout`).

A deadline is total elapsed time, whatever the server does: a server that never answers, one that accepts the
connection and says nothing, and one that trickles a byte every few seconds are all cut off when it expires. Each
backend honours the tightest deadline in force (`remaining()`): the OpenAI-compatible backend bounds every
connect, send and receive by it and stops retrying; the embedded model stops generating; the fake backend stops
waiting. `llm.call_model` opens the per-call deadline around one pass (its transport retries and validation re-asks
included); `llm.article_scope` opens the per-article deadline around all the passes of one article. When one
expires the call fails with `DeadlineExceeded` (a BackendError, exit 4) naming which deadline and its length.

Deadlines are per thread (a context variable): the workers of a batch each have their own.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from summarizer.errors import ConfigError, DeadlineExceeded

CALL_ENV = "SUMMARIZER_TIMEOUT"
ARTICLE_ENV = "SUMMARIZER_ARTICLE_TIMEOUT"
DEFAULT_CALL_S = 600.0
DEFAULT_ARTICLE_S = 1800.0


@dataclass(frozen=True)
class Limits:
    """Seconds allowed for one model call and for one article (None: no limit)."""

    call_s: float | None = DEFAULT_CALL_S
    article_s: float | None = DEFAULT_ARTICLE_S


def parse_seconds(value: str | float | None, source: str) -> float | None:
    """A positive number of seconds; 0, 'none' or 'off' means no limit."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in ("none", "off", "0", ""):
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigError(f"{source} must be a number of seconds (or 0 for no limit), not {value!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise ConfigError(f"{source} must be a positive number of seconds (or 0 for no limit), not {value!r}")
    return seconds or None


def limits_from_env() -> Limits:
    call = os.environ.get(CALL_ENV)
    article = os.environ.get(ARTICLE_ENV)
    return Limits(call_s=DEFAULT_CALL_S if call is None else parse_seconds(call, CALL_ENV),
                  article_s=DEFAULT_ARTICLE_S if article is None else parse_seconds(article, ARTICLE_ENV))


_lock = threading.Lock()
_configured: Limits | None = None


def configure(limits: Limits | None) -> None:
    """Set the limits for this process (the CLI does, from its options); None goes back to the environment."""
    global _configured
    with _lock:
        _configured = limits


def limits() -> Limits:
    """The limits in force: what `configure` set, else $SUMMARIZER_TIMEOUT / $SUMMARIZER_ARTICLE_TIMEOUT, else the
    defaults (600 s per call, 1800 s per article: generous, so a busy CPU running the embedded model is not cut
    off; set them tighter for a remote server)."""
    with _lock:
        configured = _configured
    return configured if configured is not None else limits_from_env()


@dataclass(frozen=True)
class Deadline:
    expires: float
    """time.monotonic() at which it expires."""
    seconds: float
    kind: str
    """'per-call' or 'per-article'."""

    @property
    def option(self) -> str:
        return "--timeout / " + CALL_ENV if self.kind == "per-call" else "--article-timeout / " + ARTICLE_ENV

    def remaining(self) -> float:
        return self.expires - time.monotonic()

    def describe(self) -> str:
        return f"the {self.seconds:g} s {self.kind} deadline ({self.option})"


_active: ContextVar[tuple[Deadline, ...]] = ContextVar("summarizer_deadlines", default=())


@contextmanager
def within(seconds: float | None, kind: str) -> Iterator[Deadline | None]:
    """Run the block under a deadline of `seconds` (None: none). Nested deadlines all hold; the earliest wins."""
    if seconds is None:
        yield None
        return
    deadline = Deadline(time.monotonic() + seconds, seconds, kind)
    token = _active.set((*_active.get(), deadline))
    try:
        yield deadline
    finally:
        _active.reset(token)


def current() -> Deadline | None:
    """The deadline that expires first, of those in force in this thread."""
    active = _active.get()
    return min(active, key=lambda d: d.expires) if active else None


def remaining() -> float | None:
    """Seconds left before the first deadline in force (may be <= 0), or None when there is none."""
    deadline = current()
    return None if deadline is None else deadline.remaining()


def expired() -> Deadline | None:
    deadline = current()
    return deadline if deadline is not None and deadline.remaining() <= 0 else None


def clamp(seconds: float | None) -> float | None:
    """`seconds` shortened to what the deadlines leave (at least a millisecond, so a timeout fires)."""
    left = remaining()
    if left is None:
        return seconds
    left = max(left, 0.001)
    return left if seconds is None else min(seconds, left)


def exceeded(doing: str, deadline: Deadline | None = None) -> DeadlineExceeded:
    """The error for `doing` (e.g. 'model server at http://...: overview pass') running past a deadline."""
    hit = deadline or current()
    what = hit.describe() if hit is not None else "its deadline"
    return DeadlineExceeded(f"{doing}: no complete answer within {what}")


def check(doing: str) -> None:
    """Raise DeadlineExceeded when a deadline in force has already passed."""
    hit = expired()
    if hit is not None:
        raise exceeded(doing, hit)
