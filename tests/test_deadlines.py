"""Issue 13, item 2: wall-clock deadlines on model calls (`--timeout`, per call) and articles (`--article-timeout`).

Fault servers run on 127.0.0.1 only. Every case is bounded: the deadlines are a second or two and each test asserts
it ended well before the fault would have (a silent or trickling answer is held for 30 s).
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from cli_helpers import ARTICLE, SCRIPT, one_error_line, write_article
from fake_openai_server import SILENT, TRICKLE, FakeOpenAIServer, Fault, every

from summarizer.backends import FakeBackend, deadline
from summarizer.backends.openai_compat import OpenAIBackend
from summarizer.batch.runner import BatchOptions, run_batch
from summarizer.cli.common import run_guarded
from summarizer.cli.main import cli
from summarizer.errors import DeadlineExceeded
from summarizer.pipeline import Summarizer

MESSAGES = [{"role": "user", "content": "An article...\nPASS: overview"}]


@pytest.fixture(autouse=True)
def _openai_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "x")
    for name in ("OPENAI_BASE_URL", "SUMMARIZER_BACKEND", "SUMMARIZER_MODEL", deadline.CALL_ENV,
                 deadline.ARTICLE_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUMMARIZER_DEBUG", "0")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return write_article(tmp_path)


def summarize(server: FakeOpenAIServer, article: Path, *options: str,
              capsys: pytest.CaptureFixture[str]) -> tuple[int, str, float]:
    started = time.monotonic()
    code = run_guarded(cli, ["summarize", str(article), "--backend", "openai", "--model", "m", "--base-url",
                             server.base_url, "--no-cache", *options])
    elapsed = time.monotonic() - started
    return code, capsys.readouterr().err, elapsed


def test_a_trickling_server_is_cut_off_at_the_call_deadline(article: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    # One byte every 0.2 s: a per-read socket timeout never fires; only a wall-clock deadline ends it.
    with FakeOpenAIServer(faults=every(1, TRICKLE)) as server:
        code, err, elapsed = summarize(server, article, "--timeout", "1.5", capsys=capsys)
    assert code == 4
    line = one_error_line(err)
    assert "1.5 s per-call deadline" in line and "--timeout" in line and "overview pass" in line, line
    assert 1.4 <= elapsed < 6, elapsed


def test_a_silent_server_is_cut_off_at_the_call_deadline_retries_included(article: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with FakeOpenAIServer(faults=every(1, SILENT)) as server:
        code, err, elapsed = summarize(server, article, "--timeout", "1", capsys=capsys)
    assert code == 4
    assert "1 s per-call deadline" in one_error_line(err)
    assert elapsed < 5, elapsed


def test_the_article_deadline_bounds_all_passes_together(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with FakeOpenAIServer(delay=3.0) as server:  # each answer takes 3 s; the article may take 1 s in all
        code, err, elapsed = summarize(server, article, "--timeout", "20", "--article-timeout", "1", capsys=capsys)
    assert code == 4
    line = one_error_line(err)
    assert "1 s per-article deadline" in line and "--article-timeout" in line, line
    assert elapsed < 4, elapsed


def test_the_deadline_comes_from_the_environment_too(article: Path) -> None:
    with FakeOpenAIServer(faults=every(1, TRICKLE)) as server:
        env = {**os.environ, deadline.CALL_ENV: "1", "OPENAI_API_KEY": "x"}
        started = time.monotonic()
        proc = subprocess.run([str(SCRIPT), "summarize", str(article), "--backend", "openai", "--model", "m",
                               "--base-url", server.base_url, "--no-cache"], capture_output=True, text=True,
                              env=env, timeout=60, check=False)
        elapsed = time.monotonic() - started
    assert proc.returncode == 4, proc.stderr
    assert "1 s per-call deadline" in one_error_line(proc.stderr)
    assert elapsed < 15, elapsed


def test_a_bad_timeout_is_a_usage_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run_guarded(cli, ["summarize", str(article), "--backend", "fake", "--timeout", "soon"])
    assert code == 2
    assert "number of seconds" in capsys.readouterr().err


def test_retry_after_longer_than_the_deadline_is_not_waited_for() -> None:
    with FakeOpenAIServer(faults=every(1, Fault("rate_limit", 429, retry_after=30))) as server:
        backend = OpenAIBackend("m", base_url=server.base_url, api_key="x", timeout=5.0, backoff_s=0.01)
        started = time.monotonic()
        with pytest.raises(DeadlineExceeded, match="1 s per-call"), deadline.within(1.0, "per-call"):
            backend.create(messages=MESSAGES, max_tokens=5)
        assert time.monotonic() - started < 3


def test_a_batch_worker_is_never_stuck_longer_than_the_deadline(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for i in range(3):
        (src / f"a{i}.txt").write_text(ARTICLE.replace("two trucks", f"{i + 2} trucks"), encoding="utf-8")
    with FakeOpenAIServer(faults=every(1, TRICKLE)) as server:
        backend = OpenAIBackend("m", base_url=server.base_url, api_key="x", timeout=5.0, backoff_s=0.01)
        deadline.configure(deadline.Limits(call_s=1.0, article_s=10.0))
        started = time.monotonic()
        report = run_batch(Summarizer(backend), src, out, BatchOptions(workers=3))
        elapsed = time.monotonic() - started
    assert report.failed == 3 and report.ok == 0
    assert all("1 s per-call deadline" in reason for _, reason in report.failures), report.failures
    assert elapsed < 6, elapsed


def test_the_fake_backend_delay_honours_the_deadline() -> None:
    slow = FakeBackend(delay=10.0)
    deadline.configure(deadline.Limits(call_s=0.5, article_s=None))
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded, match=r"0\.5 s per-call"):
        Summarizer(slow).summarize(ARTICLE)
    assert time.monotonic() - started < 3
