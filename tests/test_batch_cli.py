"""`summarizer batch` end to end with the fake backend: exit codes, Ctrl-C, and kill -9 in the middle."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import click
import pytest
from batch_helpers import article_text, make_folder

from summarizer.batch.manifest import JSON_NAME, SQLITE_NAME, load_manifest_json
from summarizer.batch.runner import JSONL_NAME
from summarizer.cli.batch_cmd import batch
from summarizer.cli.common import exit_process, run_guarded

# `summarizer batch` in its own process, through the same error plumbing and exit as the entry point (`run_guarded`,
# `exit_process`). It runs the batch command object directly so that an unrelated command failing to import cannot
# break these tests; `test_batch_is_registered_in_the_cli` checks the registration.
ENTRY = ("import sys; from summarizer.cli.common import exit_process, run_guarded; "
         "from summarizer.cli.batch_cmd import batch; sys.argv[1:2] = []; exit_process(run_guarded(batch))")


def start(args: list[str], env_extra: dict[str, str]) -> subprocess.Popen[str]:
    env = {**os.environ, **env_extra}
    return subprocess.Popen([sys.executable, "-c", ENTRY, "batch", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def ok_rows(out: Path) -> int:
    """Articles the running batch has committed as ok (read through SQLite, as another process would)."""
    if not (out / SQLITE_NAME).exists():
        return 0
    try:
        with sqlite3.connect(f"file:{out / SQLITE_NAME}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM articles WHERE status IN ('ok', 'skipped')").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def wait_for(predicate: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("timed out")


def check_complete(src: Path, out: Path, rels: list[str]) -> None:
    """Every article has exactly one output, one jsonl line, and an ok (or skipped) manifest row."""
    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json") if p.name != JSON_NAME)
    assert outputs == [f"{rel}.json" for rel in rels]
    assert not [p for p in out.rglob("*.tmp")], "temporary files left behind"
    lines = [json.loads(line) for line in (out / JSONL_NAME).read_text(encoding="utf-8").splitlines()]
    assert Counter(line["path"] for line in lines) == Counter(rels)
    for line in lines:
        assert line["summary"]["article"]["chars"] == len((src / line["path"]).read_text(encoding="utf-8"))
    manifest = load_manifest_json(out / JSON_NAME)
    assert sorted(a.path for a in manifest.articles) == rels
    assert all(a.status in ("ok", "skipped") for a in manifest.articles)
    with sqlite3.connect(out / SQLITE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_kill_9_part_way_then_rerun_completes_every_article_once(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 16)
    env = {"SUMMARIZER_FAKE_DELAY": "0.05", "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    args = [str(src), "--out", str(out), "--backend", "fake", "--workers", "2", "--progress", "log"]
    killed_at = []
    for target in (2, 7, 11):  # kill -9 three times, at different points of the job
        proc = start(args, env)
        try:
            wait_for(lambda t=target, p=proc: ok_rows(out) >= t or p.poll() is not None)
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        killed_at.append(ok_rows(out))
    assert killed_at == sorted(killed_at) and killed_at[-1] < 16

    proc = start(args, {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")})
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert "did not finish; resuming" in stderr
    check_complete(src, out, rels)
    manifest = load_manifest_json(out / JSON_NAME)
    # The killed runs could not record their end; the next run (holding the folder's lock) marks them interrupted.
    assert [r.state for r in manifest.runs] == ["interrupted"] * 3 + ["completed"]
    final = manifest.runs[-1]
    assert final.skipped == killed_at[-1] and final.ok == 16 - killed_at[-1]
    # Work a killed run finished but did not record comes back from the cache, not from the model.
    assert sum(a.cached for a in manifest.articles) <= 2 * 3

    # And a further run has nothing to do.
    proc = start(args, {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")})
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0 and "0 to summarize, 16 already done" in stderr
    check_complete(src, out, rels)


def test_ctrl_c_stops_cleanly_with_130_and_the_rerun_finishes(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 20)
    env = {"SUMMARIZER_FAKE_DELAY": "0.05", "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    args = [str(src), "--out", str(out), "--backend", "fake", "--progress", "log"]
    proc = start(args, env)
    try:
        wait_for(lambda: ok_rows(out) >= 3 or proc.poll() is not None)
    finally:
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "stopping" in stderr and "batch interrupted" in stdout and "run the same command again" in stdout
    manifest = load_manifest_json(out / JSON_NAME)
    assert manifest.runs[-1].state == "interrupted"
    done = [a.path for a in manifest.articles if a.status == "ok"]
    assert 3 <= len(done) < 20
    assert [json.loads(x)["path"] for x in (out / JSONL_NAME).read_text().splitlines()] == sorted(done)

    proc = start(args, {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")})
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    check_complete(src, out, rels)
    assert load_manifest_json(out / JSON_NAME).runs[-1].skipped == len(done)


def test_a_process_with_abandoned_threads_ends_at_once_with_its_code(monkeypatch: pytest.MonkeyPatch) -> None:
    # An interrupted batch leaves its model threads (daemons) mid-call; Python's shutdown halting one inside native
    # code has aborted the process with SIGABRT instead of 130. exit_process ends it at once then, and only then.
    ended: list[tuple[str, int]] = []

    def fake_exit(code: int) -> None:
        ended.append(("os._exit", code))
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", fake_exit)
    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    try:
        monkeypatch.setattr(threading, "enumerate", lambda: [threading.main_thread()])
        with pytest.raises(SystemExit):
            exit_process(130)
        assert ended == []  # no thread left: the ordinary exit
        monkeypatch.setattr(threading, "enumerate", lambda: [threading.main_thread(), thread])
        with pytest.raises(SystemExit):
            exit_process(130)
    finally:
        release.set()
        thread.join()
    assert ended == [("os._exit", 130)]


def test_exit_status_reports_failures_unless_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 3)
    (src / "empty.txt").write_bytes(b"")
    args = [str(src), "--out", str(out), "--backend", "fake", "--progress", "log"]
    assert run_guarded(batch, args) == 1
    err = capsys.readouterr().err
    assert "1 article(s) failed" in err and "--allow-failures" in err
    assert run_guarded(batch, [*args, "--allow-failures"]) == 0
    (src / "empty.txt").write_text(article_text(9), encoding="utf-8")  # fixed: changed files are redone
    assert run_guarded(batch, args) == 0
    assert {a.status for a in load_manifest_json(out / JSON_NAME).articles} == {"ok", "skipped"}


def test_second_run_uses_the_cache_and_no_cache_bypasses_it(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    make_folder(src, 3)
    assert run_guarded(batch, [str(src), "--out", str(tmp_path / "o1"), "--backend", "fake"]) == 0
    capsys.readouterr()
    # A fresh output folder over the same articles: every summary comes from the cache.
    assert run_guarded(batch, [str(src), "--out", str(tmp_path / "o2"), "--backend", "fake"]) == 0
    assert "3 from cache" in capsys.readouterr().out
    assert run_guarded(batch, [str(src), "--out", str(tmp_path / "o3"), "--backend", "fake", "--no-cache"]) == 0
    assert "from cache" not in capsys.readouterr().out


def test_consolidate_hook_is_called(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    import summarizer.consolidate.run as consolidate

    seen: list[Path] = []

    def fake_consolidate_dir(out_dir: Path) -> list[Path]:
        seen.append(Path(out_dir))
        return [Path(out_dir) / "events.json"]

    monkeypatch.setattr(consolidate, "consolidate_dir", fake_consolidate_dir)
    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 2)
    assert run_guarded(batch, [str(src), "--out", str(out), "--backend", "fake", "--consolidate"]) == 0
    assert seen == [out]
    assert "consolidated:" in capsys.readouterr().err


def test_batch_is_registered_in_the_cli() -> None:
    from summarizer.cli.main import cli

    assert cli.get_command(click.Context(cli), "batch") is not None
