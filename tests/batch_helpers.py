"""Shared pieces of the batch tests: synthetic articles and a summarizer stand-in that counts its calls."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

from summarizer.contract.event import ArticleMeta, EventSummary, Provenance, When, Where
from summarizer.errors import ModelOutputError
from summarizer.files.inputs import article_id


def article_text(i: int) -> str:
    return (f"Report {i}. Officials in a fictional town said a storm damaged {i + 3} houses on Monday.\n"
            f"Residents were moved to shelters while crews cleared roads. Update number {i}.\n")


def make_folder(root: Path, n: int, *, sub_every: int = 3) -> list[str]:
    """n articles, some in subfolders; returns their paths relative to root."""
    rels = []
    for i in range(n):
        rel = f"sub{i % sub_every}/a{i:03d}.txt" if i % 2 else f"a{i:03d}.txt"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(article_text(i), encoding="utf-8")
        rels.append(rel)
    return sorted(rels)


def summary_for(text: str, *, headline: str = "Storm damage") -> EventSummary:
    return EventSummary(
        article=ArticleMeta(id=article_id(text), chars=len(text)), headline=headline, summary="A storm.",
        event_type="disaster", when=When(), where=Where(),
        provenance=Provenance(backend="stub", model="stub", prompt_hash="p", schema_hash="s",
                              prompt_tokens=100, completion_tokens=20, latency_s=0.01, retries=1))


class StubSummarizer:
    """Implements `batch.ArticleSummarizer`; fails on texts containing FAIL_MARK, records concurrency."""

    FAIL_MARK = "PLEASE-FAIL"

    def __init__(self, *, delay: float = 0.0, fingerprint: str = "fp1", fail: bool = True) -> None:
        self.delay = delay
        self._fingerprint = fingerprint
        self.fail = fail
        self.calls: Counter[str] = Counter()
        self.names: list[str] = []
        self.texts: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    @property
    def fingerprint(self) -> str:
        return self._fingerprint

    def summarize_cached(self, text: str, *, name: str | None = None) -> tuple[EventSummary, bool]:
        with self._lock:
            self.calls[text] += 1
            self.names.append(name or "")
            self.texts.append(text)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            time.sleep(self.delay)
            if self.fail and self.FAIL_MARK in text:
                raise ModelOutputError("model output for the figures pass was still invalid after 2 attempts")
            return summary_for(text), False
        finally:
            with self._lock:
                self.in_flight -= 1
