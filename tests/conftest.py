"""Shared test setup: every test gets its own result cache, so no test reads another's (or the user's) results.

The embedded model stays where it is (SUMMARIZER_MODEL_DIR is left alone): `@pytest.mark.model` tests use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path_factory.mktemp("summarizer-cache")
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
    return cache


@pytest.fixture(autouse=True)
def _default_deadlines() -> Iterator[None]:
    """`--timeout` and `--article-timeout` set process-wide limits (summarizer.backends.deadline): none leaks into
    the next test."""
    from summarizer.backends import deadline

    deadline.configure(None)
    yield
    deadline.configure(None)
