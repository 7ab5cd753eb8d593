"""The batch manifest: what happened to every article of an output folder.

Stored as SQLite in WAL mode (`OUT_DIR/manifest.sqlite`): each finished article is one small committed
transaction, so a process killed at any instant leaves either the old row or the new one, never a torn file,
and recording article 5,000 costs the same as article 5 (a JSON manifest would be rewritten whole each time).
At the end of every run (finished or interrupted) the rows are exported to `OUT_DIR/manifest.json`, written
atomically, for people and tools that do not speak SQLite. The SQLite file is the source of truth.

Only the batch writer (one thread) touches the connection.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.errors import SummarizerError
from summarizer.files.atomic import write_text_atomic

MANIFEST_VERSION = 1
SQLITE_NAME = "manifest.sqlite"
JSON_NAME = "manifest.json"

Status = Literal["ok", "failed", "skipped"]
RunState = Literal["running", "completed", "interrupted"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,
    output TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    article_id TEXT,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'skipped')),
    error TEXT,
    cached INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    latency_s REAL NOT NULL DEFAULT 0,
    retries INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'interrupted')),
    fingerprint TEXT NOT NULL,
    ok INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    tokens INTEGER NOT NULL DEFAULT 0,
    wall_s REAL NOT NULL DEFAULT 0
);
"""

_ARTICLE_COLUMNS = ("path", "output", "content_hash", "article_id", "fingerprint", "status", "error", "cached",
                    "prompt_tokens", "completion_tokens", "latency_s", "retries", "attempts", "updated_at")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ManifestError(SummarizerError):
    """The manifest exists but cannot be opened (not ours, or from a newer version)."""


class ArticleRecord(BaseModel):
    """One article of the batch, as the manifest records it."""

    model_config = ConfigDict(extra="forbid")

    path: str = Field(description="Article path relative to the input folder (POSIX separators).")
    output: str = Field(description="Summary JSON path relative to the output folder.")
    content_hash: str = Field(description="SHA-256 of the file's bytes: a changed file is summarized again.")
    article_id: str | None = Field(default=None, description="EventSummary article id (hash of the checked text).")
    fingerprint: str = Field(description="Summarizer fingerprint (prompts, schema, model, sampling) used.")
    status: Status = Field(description="ok: summarized by the latest run (model or cache); skipped: summarized by "
                                       "an earlier run and unchanged since; failed: see error.")
    error: str | None = Field(default=None, description="Why the article failed.")
    cached: bool = Field(default=False, description="The summary came from the result cache, not the model.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = Field(default=0.0, description="Time spent in the model for this article, seconds.")
    retries: int = Field(default=0, description="Re-asks and transport retries the article needed.")
    attempts: int = Field(default=0, description="How many runs tried to summarize this article.")
    updated_at: str

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class RunRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: int
    started_at: str
    finished_at: str | None = None
    state: RunState
    fingerprint: str
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0
    wall_s: float = 0.0


class ManifestExport(BaseModel):
    """The content of `manifest.json`."""

    model_config = ConfigDict(extra="forbid")

    manifest_version: int = MANIFEST_VERSION
    runs: list[RunRecord]
    articles: list[ArticleRecord]


class Manifest:
    def __init__(self, out_dir: str | Path) -> None:
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.out_dir / SQLITE_NAME
        try:
            # isolation_level=None: autocommit, transactions are explicit (see `transaction` uses below).
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
            self._db.executescript(_SCHEMA)
            row = self._db.execute("SELECT value FROM meta WHERE key = 'manifest_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ManifestError(f"{self.path}: not a usable manifest ({exc}); move it away to start over") from exc
        if row is None:
            self._db.execute("INSERT INTO meta (key, value) VALUES ('manifest_version', ?)", (str(MANIFEST_VERSION),))
        elif int(row[0]) > MANIFEST_VERSION:
            raise ManifestError(f"{self.path}: written by a newer summarizer (manifest v{row[0]}); upgrade")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ------------------------------------------------------------------------------------------

    def records(self) -> dict[str, ArticleRecord]:
        rows = self._db.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles ORDER BY path").fetchall()
        return {row[0]: ArticleRecord(**dict(zip(_ARTICLE_COLUMNS, row, strict=True))) for row in rows}

    def put(self, record: ArticleRecord) -> None:
        """Insert or replace one article's row (one committed transaction)."""
        values = record.model_dump()
        placeholders = ", ".join("?" for _ in _ARTICLE_COLUMNS)
        self._db.execute(f"INSERT OR REPLACE INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({placeholders})",
                         [values[c] for c in _ARTICLE_COLUMNS])

    def mark_skipped(self, paths: list[str]) -> None:
        """Up-to-date articles of an earlier run: one transaction for all of them."""
        stamp = now_iso()
        self._db.execute("BEGIN")
        try:
            self._db.executemany("UPDATE articles SET status = 'skipped', updated_at = ? WHERE path = ?",
                                 [(stamp, p) for p in paths])
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def forget(self, paths: list[str]) -> None:
        """Drop rows of articles no longer in the input folder (their output files are left alone)."""
        self._db.execute("BEGIN")
        try:
            self._db.executemany("DELETE FROM articles WHERE path = ?", [(p,) for p in paths])
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- runs ----------------------------------------------------------------------------------------------

    def runs(self) -> list[RunRecord]:
        cols = list(RunRecord.model_fields)
        rows = self._db.execute(f"SELECT {', '.join(cols)} FROM runs ORDER BY id").fetchall()
        return [RunRecord(**dict(zip(cols, row, strict=True))) for row in rows]

    def start_run(self, fingerprint: str) -> int:
        cursor = self._db.execute("INSERT INTO runs (started_at, state, fingerprint) VALUES (?, 'running', ?)",
                                  (now_iso(), fingerprint))
        assert cursor.lastrowid is not None
        return int(cursor.lastrowid)

    def close_stale_runs(self) -> list[RunRecord]:
        """Mark 'interrupted' the runs still marked 'running'. Only call it while holding the output folder's
        lock: then no other process is running them, so their process died (SIGKILL, power loss) before it
        could say so. Returns the runs it closed."""
        stale = [r for r in self.runs() if r.state == "running"]
        if stale:
            self._db.execute("UPDATE runs SET state = 'interrupted' WHERE state = 'running'")
        return stale

    def finish_run(self, run_id: int, *, state: RunState, ok: int, failed: int, skipped: int, tokens: int,
                   wall_s: float) -> None:
        self._db.execute("UPDATE runs SET finished_at = ?, state = ?, ok = ?, failed = ?, skipped = ?, tokens = ?, "
                         "wall_s = ? WHERE id = ?", (now_iso(), state, ok, failed, skipped, tokens, wall_s, run_id))

    # -- export --------------------------------------------------------------------------------------------

    def export_json(self) -> Path:
        """Write `manifest.json` atomically from the database."""
        export = ManifestExport(runs=self.runs(), articles=list(self.records().values()))
        target = self.out_dir / JSON_NAME
        write_text_atomic(target, export.model_dump_json(indent=1) + "\n")
        return target


def load_manifest_json(path: str | Path) -> ManifestExport:
    return ManifestExport.model_validate_json(Path(path).read_text(encoding="utf-8"))
