"""Content-addressed cache of finished summaries.

The key covers everything that changes the answer: the article text, the prompt and schema hashes, the model id
and the sampling settings (see `pipeline.Summarizer.fingerprint`). An unchanged article is never sent again.

The cache only saves time, so it never costs a result: an entry that cannot be read is a miss, and an entry that
cannot be written (read-only disk, the cache path is a file, disk full) is skipped with one SummarizerWarning per
cache, after which the summary is returned as usual.
"""

from __future__ import annotations

import hashlib
import threading
import warnings
from pathlib import Path

from pydantic import ValidationError

from summarizer.contract.event import EventSummary
from summarizer.errors import StorageError, SummarizerWarning
from summarizer.files.atomic import write_text_atomic
from summarizer.files.paths import cache_dir


def cache_key(text: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()


class ResultCache:
    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else cache_dir() / "results"
        self.write_error: str | None = None
        """Why the last write failed (None while writes succeed)."""
        self._warned = False
        self._lock = threading.Lock()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> EventSummary | None:
        path = self._path(key)
        try:
            return EventSummary.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None  # missing or unreadable entries are a miss; the fresh result overwrites them

    def put(self, key: str, summary: EventSummary) -> bool:
        """Store a summary; False (and one warning per cache) when it cannot be written."""
        try:
            write_text_atomic(self._path(key), summary.model_dump_json(indent=1))
        except StorageError as exc:
            with self._lock:
                self.write_error = str(exc)
                first, self._warned = not self._warned, True
            if first:
                warnings.warn(f"result cache not written, results are kept but will be computed again next time "
                              f"({exc}; set SUMMARIZER_CACHE_DIR or pass --no-cache)", SummarizerWarning,
                              stacklevel=2)
            return False
        return True
