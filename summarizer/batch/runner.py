"""Summarize a folder of articles: resumable, concurrent, and nothing lost or done twice.

    discover + hash (main thread) -> plan: skip what is up to date, queue the rest
    reader thread   : read and check the next articles (read_article) while the model works
    model workers   : N threads for a concurrent backend, exactly 1 for the embedded model
    writer (caller) : atomic output files, one manifest row per article, progress callbacks

Every finished article is committed on its own (output file first, then its manifest row), so a process
killed at any point loses at most the articles in flight; the next run finds them missing and does them (the
result cache makes a re-done article free). `summaries.jsonl` is never appended to: it is rebuilt atomically from
the per-article outputs at the end of every run, so it cannot hold duplicates or half lines.

This module knows nothing about terminals: progress goes to a `ProgressListener`.
"""

from __future__ import annotations

import contextlib
import fcntl
import fnmatch
import hashlib
import json
import os
import queue
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from summarizer.batch.manifest import JSON_NAME, SQLITE_NAME, ArticleRecord, Manifest, Status, now_iso
from summarizer.contract.event import EventSummary
from summarizer.errors import ConfigError, InputError, StorageError, SummarizerError
from summarizer.files.atomic import storage_error, write_lines_atomic, write_text_atomic
from summarizer.files.inputs import MAX_FILE_BYTES, read_article

DEFAULT_GLOBS: tuple[str, ...] = ("*.txt", "*.md")
JSONL_NAME = "summaries.jsonl"
_POLL_S = 0.1


class ArticleSummarizer(Protocol):
    """What the batch needs from `pipeline.Summarizer`."""

    @property
    def fingerprint(self) -> str: ...

    def summarize_cached(self, text: str, *, name: str | None = None) -> tuple[EventSummary, bool]: ...


@dataclass(frozen=True)
class BatchOptions:
    globs: tuple[str, ...] = DEFAULT_GLOBS
    """Patterns for file names ('*.txt'), or for paths relative to the input folder when they hold a '/'."""
    workers: int = 1
    """Articles in flight at once; only honoured when the backend is concurrent."""
    concurrent: bool = True
    """The backend accepts several requests at once (remote servers); False for the embedded model."""
    retry_failed: bool = False
    """Try again articles that failed in an earlier run (unchanged ones are otherwise left failed)."""
    follow_links: bool = False
    """Also summarize files reached through symbolic links that lead out of the input folder."""


@dataclass(frozen=True)
class ArticleResult:
    """What happened to one article in this run."""

    path: str
    status: Status
    error: str | None = None
    cached: bool = False
    earlier: bool = False
    """The status comes from an earlier run (skipped, or failed and not retried)."""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    retries: int = 0

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class BatchReport(BaseModel):
    """The outcome of one `run_batch` call."""

    model_config = ConfigDict(extra="forbid")

    out_dir: str
    total: int = Field(description="Articles found under the input folder.")
    ok: int = Field(description="Summarized by this run (model or cache).")
    cached: int = Field(description="Of `ok`, how many came from the result cache.")
    failed: int = Field(description="Failed in this run, plus earlier failures not retried.")
    failed_earlier: int = Field(description="Of `failed`, earlier failures not retried (see --retry-failed).")
    skipped: int = Field(description="Done by an earlier run and unchanged.")
    not_done: int = Field(description="Left for the next run because the run was interrupted.")
    prompt_tokens: int = Field(description="Tokens sent to the model by this run (cache hits cost none).")
    completion_tokens: int
    model_s: float = Field(description="Sum of the model time of the articles summarized by this run.")
    wall_s: float
    interrupted: bool
    failures: list[tuple[str, str]] = Field(description="(path, reason) of every failed article.")
    outside_links: list[str] = Field(default_factory=list, description="Symbolic links under the input folder that "
                                     "lead out of it, left out (see --follow-links).")

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def processed(self) -> int:
        return self.ok + self.failed - self.failed_earlier

    @property
    def articles_per_minute(self) -> float:
        return 60.0 * self.processed / self.wall_s if self.wall_s > 0 else 0.0


class ProgressListener(Protocol):
    def on_start(self, *, total: int, todo: int, skipped: int, failed_earlier: int) -> None: ...

    def on_note(self, message: str) -> None: ...

    def on_article(self, result: ArticleResult) -> None: ...

    def on_finish(self, report: BatchReport) -> None: ...


class NullProgress:
    def on_start(self, *, total: int, todo: int, skipped: int, failed_earlier: int) -> None:
        pass

    def on_note(self, message: str) -> None:
        pass

    def on_article(self, result: ArticleResult) -> None:
        pass

    def on_finish(self, report: BatchReport) -> None:
        pass


# -- discovery and planning ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    rel: str
    """Path relative to the input folder, POSIX separators."""
    path: Path
    content_hash: str

    @property
    def output(self) -> str:
        return f"{self.rel}.json"


def _matches(rel: str, globs: tuple[str, ...]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for pattern in globs:
        pattern = pattern.removeprefix("**/")
        if fnmatch.fnmatchcase(rel if "/" in pattern else name, pattern):
            return True
    return False


def _is_output_folder(path: Path) -> bool:
    """A folder `summarizer batch` writes to: its files are our outputs, never articles."""
    return (path / SQLITE_NAME).exists() or (path / LOCK_NAME).exists()


def _leaves(path: Path, root: Path) -> bool:
    """A symbolic link whose target is outside `root` (or does not resolve)."""
    try:
        return not path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return True


@dataclass
class Discovery:
    found: list[Path] = field(default_factory=list)
    outside_links: list[Path] = field(default_factory=list)
    """Symbolic links that lead out of the input folder, left out unless `follow_links`."""


def discover_articles(in_dir: Path, globs: tuple[str, ...] = DEFAULT_GLOBS, *, exclude: Path | None = None,
                      follow_links: bool = False) -> Discovery:
    """Article files under `in_dir`, recursively, sorted. Left out: hidden files; `exclude` (the output folder) and
    any other folder a batch writes to (its summaries are not articles); links to files outside `in_dir` unless
    `follow_links` (folders reached through links are never entered)."""
    root = in_dir.resolve()
    skip = exclude.resolve() if exclude is not None else None
    result = Discovery()
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and (here / d) != skip
                             and not _is_output_folder(here / d))
        for filename in filenames:
            if filename.startswith("."):
                continue
            path = here / filename
            if not (_matches(path.relative_to(root).as_posix(), globs) and path.is_file()):
                continue
            if not follow_links and path.is_symlink() and _leaves(path, root):
                result.outside_links.append(path)
                continue
            result.found.append(path)
    result.found.sort(key=lambda p: p.relative_to(root).as_posix())
    result.outside_links.sort(key=lambda p: p.relative_to(root).as_posix())
    return result


def discover(in_dir: Path, globs: tuple[str, ...] = DEFAULT_GLOBS, *, exclude: Path | None = None,
             follow_links: bool = False) -> list[Path]:
    """The article files `discover_articles` finds."""
    return discover_articles(in_dir, globs, exclude=exclude, follow_links=follow_links).found


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes. Oversized or unreadable files get a marker; reading them fails later."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"oversize:{size}:{path.stat().st_mtime_ns}"
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return f"unreadable:{exc.errno}"


@dataclass
class BatchPlan:
    articles: list[Article]
    todo: list[Article] = field(default_factory=list)
    skipped: list[Article] = field(default_factory=list)
    failed_earlier: list[ArticleRecord] = field(default_factory=list)
    changed: int = 0
    missing: list[str] = field(default_factory=list)
    """Manifest rows whose article is no longer in the input folder."""


OUTPUT_LOST = "output missing or unreadable"
"""How a failure starts when an article's output was lost after it was summarized: a plain re-run redoes it."""


def output_intact(path: Path, record: ArticleRecord) -> bool:
    """The output file is there, is JSON, and is the summary of this article (not truncated, not another one)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    meta = data.get("article") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or "headline" not in data:
        return False
    return record.article_id is None or meta.get("id") == record.article_id


def make_plan(articles: list[Article], records: dict[str, ArticleRecord], fingerprint: str, out_dir: Path,
              *, retry_failed: bool) -> BatchPlan:
    """What this run does. An article done earlier whose output is missing or damaged is done again; so is one
    whose output was found lost at the end of an earlier run (OUTPUT_LOST), without needing --retry-failed."""
    plan = BatchPlan(articles=articles)
    for article in articles:
        record = records.get(article.rel)
        current = (record is not None and record.content_hash == article.content_hash
                   and record.fingerprint == fingerprint)
        lost = record is not None and record.status == "failed" and (record.error or "").startswith(OUTPUT_LOST)
        if (record is not None and current and record.status != "failed"
                and output_intact(out_dir / article.output, record)):
            plan.skipped.append(article)
        elif record is not None and current and record.status == "failed" and not retry_failed and not lost:
            plan.failed_earlier.append(record)
        else:
            if record is not None and record.content_hash != article.content_hash:
                plan.changed += 1
            plan.todo.append(article)
    present = {a.rel for a in articles}
    plan.missing = [rel for rel in records if rel not in present]
    return plan


# -- the run ---------------------------------------------------------------------------------------------------


@dataclass
class _Job:
    article: Article
    text: str


@dataclass
class _Done:
    article: Article
    summary: EventSummary | None
    cached: bool = False
    error: str | None = None
    elapsed_s: float = 0.0


class _Abandoned(Exception):
    pass


def _reader(todo: list[Article], jobs: queue.Queue[_Job | None], done: queue.Queue[_Done], workers: int,
            abort: threading.Event) -> None:
    try:
        for article in todo:
            if abort.is_set():
                return
            try:
                text = read_article(article.path)
            except InputError as exc:
                done.put(_Done(article, None, error=str(exc)))
                continue
            _put(jobs, _Job(article, text), abort)
    except _Abandoned:
        return
    finally:
        for _ in range(workers):
            try:
                _put(jobs, None, abort)
            except _Abandoned:
                break


def _put(jobs: queue.Queue[_Job | None], item: _Job | None, abort: threading.Event) -> None:
    while True:
        if abort.is_set():
            raise _Abandoned
        try:
            jobs.put(item, timeout=_POLL_S)
            return
        except queue.Full:
            continue


def _worker(summarizer: ArticleSummarizer, jobs: queue.Queue[_Job | None], done: queue.Queue[_Done],
            abort: threading.Event) -> None:
    while True:
        try:
            job = jobs.get(timeout=_POLL_S)
        except queue.Empty:
            if abort.is_set():
                return
            continue
        if job is None or abort.is_set():
            return
        started = time.perf_counter()
        try:
            summary, cached = summarizer.summarize_cached(job.text, name=job.article.rel)
        except SummarizerError as exc:
            done.put(_Done(job.article, None, error=str(exc), elapsed_s=time.perf_counter() - started))
        except Exception as exc:  # a bug or an unwrapped library error: recorded, and the batch goes on
            done.put(_Done(job.article, None, error=f"unexpected {type(exc).__name__}: {exc}",
                           elapsed_s=time.perf_counter() - started))
        else:
            done.put(_Done(job.article, summary, cached=cached, elapsed_s=time.perf_counter() - started))


class _Run:
    """State of one run; the calling thread is the only writer of outputs and manifest rows."""

    def __init__(self, manifest: Manifest, out_dir: Path, fingerprint: str, progress: ProgressListener,
                 previous: dict[str, ArticleRecord]) -> None:
        self.manifest = manifest
        self.out_dir = out_dir
        self.fingerprint = fingerprint
        self.progress = progress
        self.previous = previous
        self.results: list[ArticleResult] = []

    def record(self, done: _Done) -> None:
        article = done.article
        earlier = self.previous.get(article.rel)
        attempts = (earlier.attempts if earlier is not None else 0) + 1
        summary = done.summary
        if summary is not None:
            try:
                write_output(self.out_dir / article.output, summary)
            except StorageError as exc:
                done = _Done(article, None, error=str(exc))
                summary = None
        if summary is not None:
            prov = summary.provenance
            result = ArticleResult(path=article.rel, status="ok", cached=done.cached,
                                   prompt_tokens=prov.prompt_tokens, completion_tokens=prov.completion_tokens,
                                   latency_s=prov.latency_s or done.elapsed_s, retries=prov.retries)
            article_id: str | None = summary.article.id
        else:
            result = ArticleResult(path=article.rel, status="failed", error=done.error or "unknown error")
            article_id = None
        self.manifest.put(ArticleRecord(
            path=article.rel, output=article.output, content_hash=article.content_hash, article_id=article_id,
            fingerprint=self.fingerprint, status=result.status, error=result.error, cached=result.cached,
            prompt_tokens=result.prompt_tokens, completion_tokens=result.completion_tokens,
            latency_s=round(result.latency_s, 3), retries=result.retries, attempts=attempts, updated_at=now_iso()))
        self.results.append(result)
        self.progress.on_article(result)


def write_output(path: Path, summary: EventSummary) -> None:
    write_text_atomic(path, summary.model_dump_json(indent=2) + "\n")


def _lines_atomic(path: Path, lines: Iterator[str]) -> None:
    """Stream lines into a temporary file, then rename: readers never see a partial file."""
    write_lines_atomic(path, lines)


def rebuild_jsonl(out_dir: Path, articles: list[Article], manifest: Manifest, fingerprint: str
                  ) -> list[tuple[str, str]]:
    """Write `summaries.jsonl`: one line per up-to-date ok article, in path order.

    Returns (path, reason) of the articles whose output turned out missing or damaged: they are marked failed
    with an OUTPUT_LOST reason, and the next plain run does them again."""
    records = manifest.records()
    lost: list[tuple[str, str]] = []

    def lines() -> Iterator[str]:
        for article in articles:
            record = records.get(article.rel)
            if (record is None or record.status == "failed" or record.content_hash != article.content_hash
                    or record.fingerprint != fingerprint):
                continue
            try:
                summary = json.loads((out_dir / article.output).read_text(encoding="utf-8"))
                if not isinstance(summary, dict) or "headline" not in summary:
                    raise ValueError("not an event summary")
            except (OSError, ValueError) as exc:
                # The output vanished or was damaged after the manifest said ok: say so, and redo it next run.
                reason = f"{OUTPUT_LOST}: {article.output} ({exc}); run again to redo it"
                manifest.put(record.model_copy(update={"status": "failed", "error": reason,
                                                       "updated_at": now_iso()}))
                lost.append((article.rel, reason))
                continue
            yield json.dumps({"path": article.rel, "summary": summary}, ensure_ascii=False,
                             separators=(",", ":")) + "\n"

    _lines_atomic(out_dir / JSONL_NAME, lines())
    return lost


LOCK_NAME = ".batch.lock"
_STALE_TMP = re.compile(r"^\..+\.(json|jsonl)\.[^.]+\.tmp$")


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """One batch per output folder at a time; the OS drops the lock when the holder dies, even by SIGKILL."""
    try:
        handle = (out_dir / LOCK_NAME).open("a+")
    except OSError as exc:
        raise storage_error(out_dir / LOCK_NAME, exc) from exc
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise ConfigError(f"another 'summarizer batch' is writing to {out_dir}; wait for it or use "
                              "another --out folder") from exc
        yield
    finally:
        handle.close()


def _sweep_temporaries(out_dir: Path) -> int:
    """Remove temporary files a killed run left behind (their content was never renamed into place)."""
    removed = 0
    for dirpath, _, filenames in os.walk(out_dir):
        for filename in filenames:
            if _STALE_TMP.match(filename):
                with contextlib.suppress(FileNotFoundError):
                    (Path(dirpath) / filename).unlink()
                    removed += 1
    return removed


def run_batch(summarizer: ArticleSummarizer, in_dir: str | Path, out_dir: str | Path,
              options: BatchOptions | None = None, *, progress: ProgressListener | None = None,
              stop: threading.Event | None = None) -> BatchReport:
    """Summarize every article under `in_dir` into `out_dir`. Setting `stop` ends the run cleanly (resumable).

    Raises InputError when `in_dir` is not a folder, ConfigError when `out_dir` is `in_dir` (the outputs would be
    read as articles by the next run), StorageError when `out_dir` cannot be created or written; per-article
    problems are recorded, never raised.
    A KeyboardInterrupt is handled like `stop` (manifest and outputs left consistent), then re-raised.
    """
    opts = options or BatchOptions()
    listener: ProgressListener = progress or NullProgress()
    source, target = Path(in_dir), Path(out_dir)
    if not source.is_dir():
        raise InputError(f"{source}: not a folder")
    if target.resolve() == source.resolve():
        raise ConfigError(f"--out {target} is the input folder: its summaries and manifest would be read as articles "
                          f"next time; use a separate folder (for example {target / 'summaries'})")
    started = time.perf_counter()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(target, exc, "cannot create the output folder") from exc
    stop_event = stop or threading.Event()
    with _exclusive(target), Manifest(target) as manifest:
        if _sweep_temporaries(target):
            listener.on_note("removed temporary files left by an interrupted run")
        fingerprint = summarizer.fingerprint
        records = manifest.records()
        # We hold the folder's lock, so a run still marked running died without saying so (SIGKILL, power cut).
        stale = manifest.close_stale_runs()
        if stale:
            listener.on_note(f"the previous run (started {stale[-1].started_at}, now marked interrupted) did not "
                             "finish; resuming")
        root = source.resolve()
        discovery = discover_articles(source, opts.globs, exclude=target, follow_links=opts.follow_links)
        articles = [Article(p.relative_to(root).as_posix(), p, content_hash(p)) for p in discovery.found]
        outside = [p.relative_to(root).as_posix() for p in discovery.outside_links]
        if outside:
            shown = ", ".join(outside[:5]) + (f" and {len(outside) - 5} more" if len(outside) > 5 else "")
            listener.on_note(f"{len(outside)} symbolic link(s) lead out of {source} and are left out: {shown} "
                             "(--follow-links includes them)")
        plan = make_plan(articles, records, fingerprint, target, retry_failed=opts.retry_failed)
        if not articles:
            listener.on_note(f"no files matching {' '.join(opts.globs)} under {source}")
        if plan.missing:
            listener.on_note(f"{len(plan.missing)} article(s) of earlier runs are no longer in {source}: dropped "
                             "from the manifest (their output files are kept)")
            manifest.forget(plan.missing)
        if plan.changed:
            listener.on_note(f"{plan.changed} article(s) changed since the last run: summarizing them again")
        if plan.failed_earlier:
            listener.on_note(f"{len(plan.failed_earlier)} article(s) failed in an earlier run and are not retried "
                             "(use --retry-failed)")
        manifest.mark_skipped([a.rel for a in plan.skipped])
        run_id = manifest.start_run(fingerprint)
        listener.on_start(total=len(articles), todo=len(plan.todo), skipped=len(plan.skipped),
                          failed_earlier=len(plan.failed_earlier))
        run = _Run(manifest, target, fingerprint, listener, records)
        interrupted = False
        reraise: KeyboardInterrupt | None = None
        try:
            _execute(summarizer, plan.todo, opts, run, stop_event, listener)
        except KeyboardInterrupt as exc:
            reraise = exc
        interrupted = stop_event.is_set() or reraise is not None
        # Outputs found damaged while writing the JSONL count as failed, not done (the next run redoes them).
        lost = dict(rebuild_jsonl(target, articles, manifest, fingerprint))
        results = run.results
        ok = [r for r in results if r.status == "ok" and r.path not in lost]
        failed = [r for r in results if r.status == "failed"]
        failed_rels = {r.path for r in failed} | {rec.path for rec in plan.failed_earlier}
        newly_lost = [(rel, reason) for rel, reason in lost.items() if rel not in failed_rels]
        report = BatchReport(
            out_dir=str(target), total=len(articles), ok=len(ok), cached=sum(r.cached for r in ok),
            failed=len(failed) + len(plan.failed_earlier) + len(newly_lost), failed_earlier=len(plan.failed_earlier),
            skipped=sum(1 for a in plan.skipped if a.rel not in lost), not_done=len(plan.todo) - len(results),
            prompt_tokens=sum(r.prompt_tokens for r in ok if not r.cached),
            completion_tokens=sum(r.completion_tokens for r in ok if not r.cached),
            model_s=round(sum(r.latency_s for r in ok if not r.cached), 3),
            wall_s=0.0, interrupted=interrupted,
            failures=[(r.path, r.error or "") for r in failed] + newly_lost
            + [(rec.path, rec.error or "") for rec in plan.failed_earlier],
            outside_links=outside)
        report.wall_s = round(time.perf_counter() - started, 3)
        manifest.finish_run(run_id, state="interrupted" if interrupted else "completed", ok=report.ok,
                            failed=report.failed, skipped=report.skipped, tokens=report.tokens, wall_s=report.wall_s)
        manifest.export_json()
    listener.on_finish(report)
    if reraise is not None:
        raise reraise
    return report


def _execute(summarizer: ArticleSummarizer, todo: list[Article], opts: BatchOptions, run: _Run,
             stop: threading.Event, listener: ProgressListener) -> None:
    if not todo or stop.is_set():  # stopped before starting: no thread starts, so no article finishes unasked
        return
    workers = max(1, opts.workers) if opts.concurrent else 1
    if opts.workers > 1 and not opts.concurrent:
        listener.on_note(f"the backend runs one article at a time: --workers {opts.workers} is used for reading "
                         "and writing around it, not for parallel model calls")
    # Identical files are summarized once; the copies share the result.
    leaders: dict[str, Article] = {}
    copies: dict[str, list[Article]] = {}
    for article in todo:
        if article.content_hash in leaders and not article.content_hash.startswith(("oversize:", "unreadable:")):
            copies.setdefault(article.content_hash, []).append(article)
        else:
            leaders[article.content_hash] = article
    abort = threading.Event()
    jobs: queue.Queue[_Job | None] = queue.Queue(maxsize=workers + 2)
    done: queue.Queue[_Done] = queue.Queue()
    threads = [threading.Thread(target=_reader, args=(list(leaders.values()), jobs, done, workers, abort),
                                name="batch-reader", daemon=True)]
    threads += [threading.Thread(target=_worker, args=(summarizer, jobs, done, abort), name=f"batch-model-{i}",
                                 daemon=True) for i in range(workers)]
    for thread in threads:
        thread.start()
    pending = len(leaders)
    try:
        while pending:
            if stop.is_set():
                break
            try:
                finished = done.get(timeout=_POLL_S)
            except queue.Empty:
                continue
            pending -= 1
            run.record(finished)
            for copy in copies.pop(finished.article.content_hash, []):
                run.record(_Done(copy, finished.summary, cached=True,
                                 error=f"same content as {finished.article.rel}: {finished.error}"))
    finally:
        abort.set()
        # Results that finished while we were stopping are kept; in-flight model calls are abandoned.
        while True:
            try:
                finished = done.get_nowait()
            except queue.Empty:
                break
            run.record(finished)
            for copy in copies.pop(finished.article.content_hash, []):
                run.record(_Done(copy, finished.summary, cached=True,
                                 error=f"same content as {finished.article.rel}: {finished.error}"))
        if pending == 0:  # the threads are past their last job; an interrupted run abandons them instead
            for thread in threads:
                thread.join(timeout=5.0)


__all__ = [
    "DEFAULT_GLOBS",
    "JSONL_NAME",
    "JSON_NAME",
    "OUTPUT_LOST",
    "SQLITE_NAME",
    "ArticleResult",
    "ArticleSummarizer",
    "BatchOptions",
    "BatchReport",
    "Discovery",
    "NullProgress",
    "ProgressListener",
    "discover",
    "discover_articles",
    "run_batch",
]
