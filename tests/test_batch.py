"""The batch core (summarizer.batch.runner, summarizer.batch.manifest) with a summarizer stand-in: fast, no model."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from batch_helpers import StubSummarizer, article_text, make_folder

from summarizer.batch.manifest import JSON_NAME, SQLITE_NAME, Manifest, ManifestError, load_manifest_json
from summarizer.batch.runner import (
    JSONL_NAME,
    ArticleResult,
    BatchOptions,
    BatchReport,
    NullProgress,
    discover,
    run_batch,
)
from summarizer.errors import InputError


def jsonl_paths(out: Path) -> list[str]:
    return [json.loads(line)["path"] for line in (out / JSONL_NAME).read_text(encoding="utf-8").splitlines()]


def statuses(out: Path) -> dict[str, str]:
    return {a.path: a.status for a in load_manifest_json(out / JSON_NAME).articles}


class Recorder(NullProgress):
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.results: list[ArticleResult] = []
        self.started: dict[str, int] = {}
        self.report: BatchReport | None = None

    def on_start(self, *, total: int, todo: int, skipped: int, failed_earlier: int) -> None:
        self.started = {"total": total, "todo": todo, "skipped": skipped, "failed_earlier": failed_earlier}

    def on_note(self, message: str) -> None:
        self.notes.append(message)

    def on_article(self, result: ArticleResult) -> None:
        self.results.append(result)

    def on_finish(self, report: BatchReport) -> None:
        self.report = report


def test_outputs_jsonl_and_manifest(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 7)
    (src / "notes.md").write_text(article_text(99), encoding="utf-8")
    (src / "page.html").write_text("<html><body><p>ignored by default</p></body></html>", encoding="utf-8")
    (src / ".hidden.txt").write_text(article_text(98), encoding="utf-8")
    stub = StubSummarizer()
    recorder = Recorder()
    report = run_batch(stub, src, out, progress=recorder)

    expected = sorted([*rels, "notes.md"])
    assert report.ok == 8 and report.failed == 0 and report.skipped == 0 and not report.interrupted
    assert report.tokens == 8 * 120
    assert recorder.started == {"total": 8, "todo": 8, "skipped": 0, "failed_earlier": 0}
    assert recorder.report == report
    for rel in expected:
        data = json.loads((out / f"{rel}.json").read_text(encoding="utf-8"))
        assert data["article"]["chars"] == len((src / rel).read_text(encoding="utf-8"))
    assert jsonl_paths(out) == expected
    manifest = load_manifest_json(out / JSON_NAME)
    assert [a.path for a in manifest.articles] == expected
    assert all(a.status == "ok" and a.prompt_tokens == 100 and a.retries == 1 and a.attempts == 1
               for a in manifest.articles)
    assert manifest.runs[-1].state == "completed" and manifest.runs[-1].ok == 8
    assert sorted(stub.names) == expected  # the pipeline gets the relative path as the article's name


def test_rerun_skips_everything_and_keeps_jsonl(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 5)
    run_batch(StubSummarizer(), src, out)
    again = StubSummarizer()
    report = run_batch(again, src, out)
    assert sum(again.calls.values()) == 0
    assert (report.ok, report.skipped, report.failed) == (0, 5, 0)
    assert set(statuses(out).values()) == {"skipped"}
    assert jsonl_paths(out) == rels
    assert len(load_manifest_json(out / JSON_NAME).runs) == 2


def test_changed_file_and_new_fingerprint_are_redone(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 4)
    run_batch(StubSummarizer(), src, out)
    (src / rels[1]).write_text(article_text(50), encoding="utf-8")
    recorder = Recorder()
    stub = StubSummarizer()
    report = run_batch(stub, src, out, progress=recorder)
    assert list(stub.calls) == [article_text(50)]
    assert (report.ok, report.skipped) == (1, 3)
    assert any("changed" in note for note in recorder.notes)
    assert json.loads((out / f"{rels[1]}.json").read_text())["article"]["chars"] == len(article_text(50))

    newer = StubSummarizer(fingerprint="fp2")  # new prompts, schema or model: everything is redone
    report = run_batch(newer, src, out)
    assert report.ok == 4 and sum(newer.calls.values()) == 4


def test_bad_articles_fail_alone_and_retry_failed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 3)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "model.txt").write_text(article_text(7) + StubSummarizer.FAIL_MARK, encoding="utf-8")
    report = run_batch(StubSummarizer(), src, out)
    assert (report.ok, report.failed) == (3, 3)
    reasons = dict(report.failures)
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "invalid" in reasons["model.txt"]
    manifest = {a.path: a for a in load_manifest_json(out / JSON_NAME).articles}
    assert manifest["model.txt"].status == "failed" and manifest["model.txt"].error == reasons["model.txt"]
    assert not (out / "model.txt.json").exists()
    assert jsonl_paths(out) == rels

    # A plain re-run leaves the failures alone (and still reports them) ...
    stub = StubSummarizer()
    report = run_batch(stub, src, out)
    assert sum(stub.calls.values()) == 0 and report.failed == 3 and report.failed_earlier == 3
    # ... --retry-failed tries them again.
    fixed = StubSummarizer(fail=False)
    report = run_batch(fixed, src, out, BatchOptions(retry_failed=True))
    assert list(fixed.calls) == [article_text(7) + StubSummarizer.FAIL_MARK]
    assert report.ok == 1 and report.failed == 2 and report.skipped == 3
    assert statuses(out)["model.txt"] == "ok"
    assert {a.path: a.attempts for a in load_manifest_json(out / JSON_NAME).articles}["model.txt"] == 2


def test_glob_selects_html_and_reduces_it_to_text(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 2)
    (src / "web").mkdir()
    (src / "web" / "page.html").write_text(
        "<html><head><script>var x = 1;</script></head><body><p>" + article_text(3) + "</p></body></html>",
        encoding="utf-8")
    stub = StubSummarizer()
    report = run_batch(stub, src, out, BatchOptions(globs=("*.html",)))
    assert report.ok == 1
    (text,) = stub.texts
    assert "<p>" not in text and "var x" not in text and "storm damaged" in text
    assert (out / "web" / "page.html.json").is_file()


def test_discover_patterns_and_excluded_output(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    for rel in ("x.txt", "a/y.md", "a/b/z.txt", "a/b/z.html", "results/x.txt.json", "results/old.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("t", encoding="utf-8")
    rel = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, exclude=tmp_path / "results")]
    assert rel == ["a/b/z.txt", "a/y.md", "x.txt"]
    rel = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path, ("a/b/*",), exclude=tmp_path / "results")]
    assert rel == ["a/b/z.html", "a/b/z.txt"]


def test_output_inside_input_is_not_read_back(tmp_path: Path) -> None:
    rels = make_folder(tmp_path, 3)
    run_batch(StubSummarizer(), tmp_path, tmp_path / "results")
    stub = StubSummarizer()
    report = run_batch(stub, tmp_path, tmp_path / "results", BatchOptions(globs=("*",)))
    assert report.total == 3 and sum(stub.calls.values()) == 0
    assert jsonl_paths(tmp_path / "results") == rels


def test_workers_run_concurrently_only_when_the_backend_can(tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_folder(src, 8)
    parallel = StubSummarizer(delay=0.1)
    report = run_batch(parallel, src, tmp_path / "out1", BatchOptions(workers=4, concurrent=True))
    assert report.ok == 8 and parallel.max_in_flight == 4

    serial = StubSummarizer(delay=0.02)
    recorder = Recorder()
    report = run_batch(serial, src, tmp_path / "out2", BatchOptions(workers=4, concurrent=False), progress=recorder)
    assert report.ok == 8 and serial.max_in_flight == 1
    assert sum("one article at a time" in note for note in recorder.notes) == 1


def test_identical_files_are_summarized_once(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for name in ("one.txt", "two.txt", "three.txt"):
        (src / name).write_text(article_text(1), encoding="utf-8")
    stub = StubSummarizer()
    report = run_batch(stub, src, out, BatchOptions(workers=3))
    assert stub.calls[article_text(1)] == 1
    assert report.ok == 3 and report.cached == 2
    assert jsonl_paths(out) == ["one.txt", "three.txt", "two.txt"]


def test_stop_leaves_a_consistent_manifest_and_the_next_run_finishes(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 12)
    stop = threading.Event()

    class StopAfterThree(Recorder):
        def on_article(self, result: ArticleResult) -> None:
            super().on_article(result)
            if len(self.results) == 3:
                stop.set()

    first = StubSummarizer(delay=0.05)
    report = run_batch(first, src, out, BatchOptions(workers=2), progress=StopAfterThree(), stop=stop)
    assert report.interrupted and report.ok >= 3 and report.not_done > 0
    assert report.ok + report.not_done == 12
    manifest = load_manifest_json(out / JSON_NAME)
    assert manifest.runs[-1].state == "interrupted"
    done_first = {a.path for a in manifest.articles if a.status == "ok"}
    assert len(done_first) == report.ok and jsonl_paths(out) == sorted(done_first)

    second = StubSummarizer()
    report = run_batch(second, src, out)
    assert not report.interrupted and report.ok + report.skipped == 12 and report.skipped == len(done_first)
    # Nothing finished by the first run is summarized again.
    assert not done_first & set(second.names)
    assert jsonl_paths(out) == rels
    assert set(statuses(out)) == set(rels)


def test_keyboard_interrupt_is_recorded_then_reraised(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 6)

    class CtrlC(Recorder):
        def on_article(self, result: ArticleResult) -> None:
            super().on_article(result)
            if len(self.results) == 2:
                raise KeyboardInterrupt

    recorder = CtrlC()
    with pytest.raises(KeyboardInterrupt):
        run_batch(StubSummarizer(delay=0.02), src, out, progress=recorder)
    assert recorder.report is not None and recorder.report.interrupted
    manifest = load_manifest_json(out / JSON_NAME)
    assert manifest.runs[-1].state == "interrupted"
    assert len(jsonl_paths(out)) == sum(a.status == "ok" for a in manifest.articles) >= 2


def test_jsonl_is_rebuilt_not_appended(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 3)
    run_batch(StubSummarizer(), src, out)
    # What a kill in the middle of a naive append would leave: a duplicate and half a line.
    with (out / JSONL_NAME).open("a", encoding="utf-8") as handle:
        handle.write((out / JSONL_NAME).read_text(encoding="utf-8").splitlines()[0] + "\n{\"path\": \"a0")
    run_batch(StubSummarizer(), src, out)
    assert jsonl_paths(out) == rels


def test_deleted_output_is_redone_and_removed_article_dropped(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 4)
    run_batch(StubSummarizer(), src, out)
    (out / f"{rels[0]}.json").unlink()
    (src / rels[1]).unlink()
    recorder = Recorder()
    stub = StubSummarizer()
    report = run_batch(stub, src, out, progress=recorder)
    assert stub.names == [rels[0]] and report.total == 3
    assert rels[1] not in statuses(out) and jsonl_paths(out) == [rels[0], *rels[2:]]
    assert any("no longer" in note for note in recorder.notes)
    assert (out / f"{rels[1]}.json").exists()  # outputs are never deleted


def test_manifest_survives_reopen_and_rejects_foreign_files(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 2)
    run_batch(StubSummarizer(), src, out)
    with sqlite3.connect(out / SQLITE_NAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Manifest(out) as manifest:
        assert len(manifest.records()) == 2
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / SQLITE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(ManifestError, match="not a usable manifest"):
        run_batch(StubSummarizer(), src, bad)


def test_missing_input_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        run_batch(StubSummarizer(), tmp_path / "nope", tmp_path / "out")


def test_empty_folder_says_so(tmp_path: Path) -> None:
    recorder = Recorder()
    report = run_batch(StubSummarizer(), tmp_path, tmp_path / "out", progress=recorder)
    assert report.total == 0 and any("no files matching" in n for n in recorder.notes)
    assert (tmp_path / "out" / JSONL_NAME).read_text() == ""


def test_one_batch_per_output_folder(tmp_path: Path) -> None:
    import fcntl

    from summarizer.batch.runner import LOCK_NAME
    from summarizer.errors import ConfigError

    src, out = tmp_path / "in", tmp_path / "out"
    make_folder(src, 2)
    out.mkdir()
    with (out / LOCK_NAME).open("a+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch would hold it
        with pytest.raises(ConfigError, match="another 'summarizer batch'"):
            run_batch(StubSummarizer(), src, out)
    assert run_batch(StubSummarizer(), src, out).ok == 2  # released: the next run goes ahead


def test_temporary_files_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_folder(src, 2)
    (out / "sub1").mkdir(parents=True)
    leftovers = [out / "sub1" / ".a001.txt.json.k3j9x.tmp", out / ".summaries.jsonl.ab12.tmp",
                 out / ".manifest.json.zz.tmp"]
    for path in leftovers:
        path.write_text("{half", encoding="utf-8")
    mine = out / "notes.tmp"
    mine.write_text("not ours", encoding="utf-8")
    recorder = Recorder()
    run_batch(StubSummarizer(), src, out, progress=recorder)
    assert not any(p.exists() for p in leftovers) and mine.exists()
    assert any("temporary files" in note for note in recorder.notes)
    assert jsonl_paths(out) == rels
