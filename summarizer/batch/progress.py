"""Showing a batch run: a live progress bar on a terminal, plain log lines otherwise, and the final table."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from summarizer.batch.manifest import JSON_NAME
from summarizer.batch.runner import JSONL_NAME, ArticleResult, BatchReport

MAX_FAILURES_SHOWN = 20


def format_duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class _Rate:
    """Articles per minute and time left, over the articles this run actually works on."""

    def __init__(self) -> None:
        self.todo = 0
        self.done = 0
        self.started = time.monotonic()

    def per_minute(self) -> float:
        elapsed = time.monotonic() - self.started
        return 60.0 * self.done / elapsed if elapsed > 0 and self.done else 0.0

    def eta(self) -> str:
        rate = self.per_minute()
        if not rate:
            return "?"
        return format_duration(60.0 * (self.todo - self.done) / rate)


class ConsoleProgress:
    """A `ProgressListener` for the CLI. `live=None` picks a bar when stderr is a terminal, log lines otherwise."""

    def __init__(self, *, err: Console | None = None, out: Console | None = None, live: bool | None = None,
                 log_every_s: float = 30.0) -> None:
        self.err = err or Console(stderr=True)
        self.out = out or Console()
        self.live = self.err.is_terminal if live is None else live
        self.log_every_s = log_every_s
        self.rate = _Rate()
        self.ok = 0
        self.failed = 0
        self.cached = 0
        self._last_log = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    # -- ProgressListener ------------------------------------------------------------------------------------

    def on_start(self, *, total: int, todo: int, skipped: int, failed_earlier: int) -> None:
        self.rate = _Rate()
        self.rate.todo = todo
        self._log(f"{total} article(s): {todo} to summarize, {skipped} already done, "
                  f"{failed_earlier} failed earlier")
        if self.live and todo:
            self._bar = Progress(SpinnerColumn(), MofNCompleteColumn(), BarColumn(bar_width=24),
                                 TextColumn("{task.fields[stats]}"), TimeElapsedColumn(), console=self.err,
                                 transient=False)
            self._task = self._bar.add_task("batch", total=todo, stats=self._short_stats())
            self._bar.start()

    def on_note(self, message: str) -> None:
        self._log(message)

    def on_article(self, result: ArticleResult) -> None:
        self.rate.done += 1
        if result.status == "ok":
            self.ok += 1
            self.cached += result.cached
        else:
            self.failed += 1
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=1, stats=self._short_stats())
            if result.status == "failed":
                self._bar.console.log(f"[red]failed[/] {escape(result.path)}: {escape(result.error or '')}")
            return
        width = len(str(self.rate.todo))
        head = f"[{self.rate.done:>{width}}/{self.rate.todo}]"
        if result.status == "ok":
            how = "cache" if result.cached else f"{result.latency_s:.1f} s, {result.tokens} tokens"
            self._log(f"{head} ok     {result.path} ({how})")
        else:
            self._log(f"{head} FAILED {result.path}: {result.error}")
        now = time.monotonic()
        if now - self._last_log >= self.log_every_s and self.rate.done < self.rate.todo:
            self._last_log = now
            self._log(f"progress: {self._stats()}")

    def on_finish(self, report: BatchReport) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        self.out.print(report_table(report))
        failures = report.failures[:MAX_FAILURES_SHOWN]
        for path, reason in failures:
            self.out.print(f"  [red]failed[/] {escape(path)}: {escape(reason)}", soft_wrap=True)
        if len(report.failures) > len(failures):
            self.out.print(f"  ... and {len(report.failures) - len(failures)} more: see {JSON_NAME}")
        out = Path(report.out_dir)
        self.out.print(f"outputs: {escape(str(out))}/  summaries: {escape(str(out / JSONL_NAME))}  "
                       f"manifest: {escape(str(out / JSON_NAME))}", soft_wrap=True)
        if report.interrupted:
            self.out.print(f"[yellow]interrupted[/]: {report.not_done} article(s) not done; "
                           "run the same command again to finish")

    # -- helpers ---------------------------------------------------------------------------------------------

    def _stats(self) -> str:
        return (f"{self.rate.done}/{self.rate.todo} done, ok {self.ok} (cached {self.cached}), failed {self.failed}, "
                f"{self.rate.per_minute():.1f}/min, ETA {self.rate.eta()}")

    def _short_stats(self) -> str:
        cached = f" ({self.cached} cached)" if self.cached else ""
        return (f"ok {self.ok}{cached}  failed {self.failed}  {self.rate.per_minute():.1f}/min  "
                f"ETA {self.rate.eta()}")

    def _log(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.log(escape(message))
        else:
            self.err.print(escape(message), soft_wrap=True, highlight=False)


def report_table(report: BatchReport) -> Table:
    title = "batch interrupted" if report.interrupted else "batch finished"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("ok", f"{report.ok}" + (f" ({report.cached} from cache)" if report.cached else ""))
    failed = f"{report.failed}" + (f" ({report.failed_earlier} from earlier runs)" if report.failed_earlier else "")
    table.add_row("failed", f"[red]{failed}[/]" if report.failed else failed)
    table.add_row("skipped (already done)", str(report.skipped))
    if report.outside_links:
        table.add_row("left out (links outside the input folder)", str(len(report.outside_links)))
    if report.not_done:
        table.add_row("not done", str(report.not_done))
    table.add_row("total tokens", f"{report.tokens:,}")
    table.add_row("model time", format_duration(report.model_s))
    table.add_row("wall time", format_duration(report.wall_s))
    table.add_row("articles per minute", f"{report.articles_per_minute:.1f}")
    return table
