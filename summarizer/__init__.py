"""summarizer: structured, source-grounded summaries of news about violent and disruptive events.

The public names are imported on first use (PEP 562), so `import summarizer.cli` or `summarizer --help` does not
load the model client, instructor and the pipeline before they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from summarizer.errors import (
    ArticleTooLongError,
    BackendError,
    ConfigError,
    InputError,
    ModelNotAvailableError,
    ModelOutputError,
    SummarizerError,
)

if TYPE_CHECKING:
    from summarizer.backends import Backend, get_backend
    from summarizer.contract.event import EventSummary
    from summarizer.files.cache import ResultCache
    from summarizer.pipeline import Summarizer

_LAZY = {"Backend": "summarizer.backends", "get_backend": "summarizer.backends",
         "EventSummary": "summarizer.contract.event", "ResultCache": "summarizer.files.cache",
         "Summarizer": "summarizer.pipeline"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def summarize(text: str, *, backend: str | Backend = "local", cache: bool = True) -> EventSummary:
    """Summarize one article's text into a validated, grounded EventSummary. Raises SummarizerError."""
    from summarizer.backends import get_backend
    from summarizer.files.cache import ResultCache
    from summarizer.pipeline import Summarizer

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
