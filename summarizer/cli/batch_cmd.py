"""`summarizer batch IN_DIR --out OUT_DIR`: summarize a folder, resumable."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import click

from summarizer.batch.runner import DEFAULT_GLOBS, BatchOptions, run_batch
from summarizer.cli.common import backend_options
from summarizer.errors import ConfigError

EXIT_FAILURES = 1
EXIT_INTERRUPTED = 130
FAKE_DELAY_ENV = "SUMMARIZER_FAKE_DELAY"


def register(group: click.Group) -> None:
    group.add_command(batch)


def _build_backend(spec: str, model: str | None, base_url: str | None) -> Any:
    from summarizer.backends import FakeBackend, get_backend

    delay = os.environ.get(FAKE_DELAY_ENV)
    if spec == "fake" and delay:
        # Demos and the kill test need a slow fake; `get_backend` has no option for it (yet).
        try:
            return FakeBackend(delay=float(delay))
        except ValueError as exc:
            raise ConfigError(f"{FAKE_DELAY_ENV} must be a number of seconds, not {delay!r}") from exc
    return get_backend(spec, model=model, base_url=base_url)


def _consolidator() -> Callable[[Path], list[Path]]:
    try:
        from summarizer.consolidate.run import consolidate_dir
    except ImportError as exc:
        raise ConfigError(f"--consolidate is not available in this installation ({exc})") from exc
    function: Callable[[Path], list[Path]] = consolidate_dir
    return function


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """First Ctrl-C (or SIGTERM) asks the batch to stop cleanly; a second one quits at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("stopping: recording finished articles (Ctrl-C again to quit at once)", err=True)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@click.command("batch")
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: one JSON per article, summaries.jsonl, manifest.json/.sqlite.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help=f"Which files are articles (repeatable; default: {' '.join(DEFAULT_GLOBS)}). A pattern with '/' "
                   "matches the path under IN_DIR. HTML pages ('*.html') are reduced to their text.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Articles summarized at once (remote backends; the embedded model runs one at a time).")
@click.option("--retry-failed", is_flag=True, help="Try again the articles that failed in earlier runs.")
@click.option("--follow-links", is_flag=True,
              help="Also summarize files reached through symbolic links that lead out of IN_DIR (left out and "
                   "listed otherwise).")
@click.option("--allow-failures", is_flag=True, help="Exit 0 even when some articles failed.")
@click.option("--consolidate", is_flag=True, help="Afterwards, consolidate the summaries of the same event.")
@click.option("--html", "html", is_flag=True,
              help="Also write review pages: OUT_DIR/<path>.html per article, events/<event_id>.html per "
                   "consolidated event, and OUT_DIR/index.html listing every article and failure.")
@click.option("--csv", "csv", is_flag=True,
              help="Also write OUT_DIR/articles.csv and OUT_DIR/events.csv (ACLED-style rows).")
@click.option("--progress", "progress_mode", type=click.Choice(["auto", "bar", "log"]), default="auto",
              show_default=True, help="Progress bar, plain log lines, or the bar only on a terminal.")
@backend_options
def batch(in_dir: Path, out_dir: Path, globs: tuple[str, ...], workers: int, retry_failed: bool,
          follow_links: bool, allow_failures: bool, consolidate: bool, html: bool, csv: bool, progress_mode: str,
          backend: str, model: str | None, base_url: str | None, no_cache: bool) -> int:
    """Summarize every article under IN_DIR into OUT_DIR; run it again to resume.

    \b
    Each article becomes OUT_DIR/<path>.json; OUT_DIR/summaries.jsonl holds one line per summarized article
    and OUT_DIR/manifest.json records every article's status, error, tokens and timing. Articles done by an
    earlier run are skipped unless they changed; failed ones are retried with --retry-failed. Ctrl-C stops
    cleanly; the next run picks up where it stopped. Exit status: 0 all ok, 1 some failed, 130 interrupted.

    \b
    Examples:
      summarizer batch articles/ --out results/
      summarizer batch site/ --out results/ --glob '*.html'
      summarizer batch articles/ --out results/ --html --csv     # then open results/index.html
      summarizer batch articles/ --out results/ --backend openai --model qwen2.5-7b --workers 16
    """
    from summarizer.batch.progress import ConsoleProgress
    from summarizer.files.cache import ResultCache
    from summarizer.pipeline import Summarizer

    consolidate_dir = _consolidator() if consolidate else None
    engine = _build_backend(backend, model, base_url)
    summarizer = Summarizer(engine, cache=None if no_cache else ResultCache())
    options = BatchOptions(globs=globs or DEFAULT_GLOBS, workers=workers, concurrent=engine.info.concurrent,
                           retry_failed=retry_failed, follow_links=follow_links)
    progress = ConsoleProgress(live=None if progress_mode == "auto" else progress_mode == "bar")
    stop = threading.Event()
    with _stop_on_signals(stop):
        report = run_batch(summarizer, in_dir, out_dir, options, progress=progress, stop=stop)
    if report.interrupted:
        return EXIT_INTERRUPTED
    if consolidate_dir is not None:
        for path in consolidate_dir(out_dir):
            click.echo(f"consolidated: {path}", err=True)
    if html or csv:
        from summarizer.render.review import write_site

        for path in write_site(in_dir, out_dir, html=html, csv=csv):
            if path.suffix == ".csv" or path.name == "index.html":
                click.echo(f"wrote: {path}", err=True)
    if report.failed and not allow_failures:
        click.echo(f"error: {report.failed} article(s) failed (reasons in {out_dir / 'manifest.json'}); "
                   "fix them and use --retry-failed, or pass --allow-failures", err=True)
        return EXIT_FAILURES
    return 0
