"""summarizer: structured, source-grounded summaries of news about violent and disruptive events."""

from __future__ import annotations

from summarizer.backends import Backend, get_backend
from summarizer.contract.event import EventSummary
from summarizer.errors import (
    ArticleTooLongError,
    BackendError,
    ConfigError,
    InputError,
    ModelNotAvailableError,
    ModelOutputError,
    SummarizerError,
)
from summarizer.files.cache import ResultCache
from summarizer.pipeline import Summarizer


def summarize(text: str, *, backend: str | Backend = "local", cache: bool = True) -> EventSummary:
    """Summarize one article's text into a validated, grounded EventSummary. Raises SummarizerError."""
    chosen = get_backend(backend) if isinstance(backend, str) else backend
    return Summarizer(chosen, cache=ResultCache() if cache else None).summarize(text)


__all__ = [
    "ArticleTooLongError",
    "Backend",
    "BackendError",
    "ConfigError",
    "EventSummary",
    "InputError",
    "ModelNotAvailableError",
    "ModelOutputError",
    "ResultCache",
    "Summarizer",
    "SummarizerError",
    "get_backend",
    "summarize",
]
