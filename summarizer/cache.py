"""Content-addressed cache of finished summaries.

The key covers everything that changes the answer: the article text, the prompt and schema hashes, the model id
and the sampling settings (see `pipeline.Summarizer.fingerprint`). An unchanged article is never sent again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from .atomic import write_text_atomic
from .paths import cache_dir
from .schema import EventSummary


def cache_key(text: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()


class ResultCache:
    def __init__(self, root: str | Path | None = None) -> None:
        self.root = Path(root) if root is not None else cache_dir() / "results"

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> EventSummary | None:
        path = self._path(key)
        try:
            return EventSummary.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValidationError, ValueError):
            return None  # missing or unreadable entries are a miss; the fresh result overwrites them

    def put(self, key: str, summary: EventSummary) -> None:
        write_text_atomic(self._path(key), summary.model_dump_json(indent=1))
