"""What a batch run shows: log lines when not on a terminal, a live bar on one, and the final table."""

from __future__ import annotations

import io
from pathlib import Path

from batch_helpers import StubSummarizer, article_text, make_folder
from rich.console import Console

from summarizer.batch.progress import ConsoleProgress, format_duration
from summarizer.batch.runner import BatchOptions, run_batch


def consoles(terminal: bool) -> tuple[Console, io.StringIO, Console, io.StringIO]:
    err_buf, out_buf = io.StringIO(), io.StringIO()
    err = Console(file=err_buf, force_terminal=terminal, width=200, color_system=None)
    out = Console(file=out_buf, force_terminal=False, width=120, color_system=None)
    return err, err_buf, out, out_buf


def test_log_lines_and_final_table_when_not_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_folder(src, 3)
    (src / "broken.txt").write_bytes(b"")
    err, err_buf, out, out_buf = consoles(terminal=False)
    progress = ConsoleProgress(err=err, out=out, log_every_s=0.0)
    assert not progress.live
    run_batch(StubSummarizer(), src, tmp_path / "out", progress=progress)
    log = err_buf.getvalue()
    assert "4 article(s): 4 to summarize, 0 already done" in log
    assert "[4/4]" in log and "FAILED broken.txt" in log and "ok     a000.txt" in log
    assert "ETA" in log and "/min" in log
    table = out_buf.getvalue()
    for row in ("ok", "failed", "skipped (already done)", "total tokens", "wall time", "articles per minute"):
        assert row in table
    assert "360" in table  # 3 articles x 120 tokens
    assert "broken.txt" in table and "empty" in table

    err, err_buf, out, out_buf = consoles(terminal=False)
    run_batch(StubSummarizer(), src, tmp_path / "out", progress=ConsoleProgress(err=err, out=out))
    assert "0 to summarize, 3 already done, 1 failed earlier" in err_buf.getvalue()
    assert "1 from earlier runs" in out_buf.getvalue()


def test_live_bar_on_a_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_folder(src, 3)
    (src / "model.txt").write_text(article_text(5) + StubSummarizer.FAIL_MARK, encoding="utf-8")
    err, err_buf, out, out_buf = consoles(terminal=True)
    progress = ConsoleProgress(err=err, out=out)
    assert progress.live
    run_batch(StubSummarizer(), src, tmp_path / "out", BatchOptions(workers=2), progress=progress)
    screen = err_buf.getvalue()
    assert "4/4" in screen and "failed model.txt" in screen
    assert "ok 3  failed 1" in screen and "/min" in screen and "ETA" in screen
    assert "batch finished" in out_buf.getvalue()


def test_interrupted_run_says_how_to_finish(tmp_path: Path) -> None:
    import threading

    src = tmp_path / "in"
    make_folder(src, 2)
    stop = threading.Event()
    stop.set()
    err, _, out, out_buf = consoles(terminal=False)
    report = run_batch(StubSummarizer(), src, tmp_path / "out", progress=ConsoleProgress(err=err, out=out),
                       stop=stop)
    assert report.interrupted and report.not_done == 2
    text = out_buf.getvalue()
    assert "batch interrupted" in text and "2 article(s) not done" in text and "run the same command again" in text


def test_format_duration() -> None:
    assert format_duration(2.25) == "2.2 s" or format_duration(2.25) == "2.3 s"
    assert format_duration(125) == "2m05s"
    assert format_duration(3 * 3600 + 7 * 60) == "3h07m"
