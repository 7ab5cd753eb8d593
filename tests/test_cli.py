"""The `summarizer` command line: exit codes, one-line errors, output formats, help texts.

Most cases run in-process through `run_guarded` (what the console script calls); a few run the installed
console script in a subprocess to check the real exit status, standard input and the absence of tracebacks.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import click
import pytest
from cli_helpers import ARTICLE, clean_environment, one_error_line, run, script, write_article

from summarizer.backends import openai_compat
from summarizer.cli.common import run_guarded
from summarizer.cli.main import COMMANDS, cli
from summarizer.contract.event import EventSummary
from summarizer.errors import InputError


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    return write_article(tmp_path)


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- input errors: exit 3, one line -------------------------------------------------------------------------------


def test_missing_file_exits_3_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(["summarize", str(missing), "--backend", "fake"], capsys)
    assert code == 3 and out == ""
    one_error_line(err)
    assert str(missing) in err


@pytest.mark.parametrize("kind", ["directory", "empty", "binary"])
def test_unusable_inputs_exit_3(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / kind
    if kind == "directory":
        path.mkdir()
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + bytes(200))
    code, out, err = run(["summarize", str(path), "--backend", "fake"], capsys)
    assert code == 3 and out == ""
    one_error_line(err)


def test_missing_file_real_exit_status(tmp_path: Path) -> None:
    proc = script(["summarize", str(tmp_path / "nope.txt"), "--backend", "fake"])
    assert proc.returncode == 3
    one_error_line(proc.stderr)
    assert proc.stdout == ""


# -- configuration errors: exit 6 ---------------------------------------------------------------------------------


def test_unknown_backend_exits_6(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["summarize", str(article), "--backend", "nosuch"], capsys)
    assert code == 6
    one_error_line(err)
    assert "nosuch" in err


def test_openai_without_key_exits_6(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["summarize", str(article), "--backend", "openai", "--model", "m"], capsys)
    assert code == 6
    one_error_line(err)
    assert "OPENAI_API_KEY" in err


# -- backend errors: exit 4 ---------------------------------------------------------------------------------------


def test_dead_server_exits_4_in_process(article: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "x")
    monkeypatch.setattr(openai_compat._Wait, "__call__", lambda self, state: 0.0)  # no backoff sleeps
    url = f"http://127.0.0.1:{unused_port()}/v1"
    code, out, err = run(["summarize", str(article), "--backend", "openai", "--model", "m", "--base-url", url,
                          "--no-cache"], capsys)
    assert code == 4 and out == ""
    one_error_line(err)
    assert "cannot reach" in err and url in err


def test_dead_server_real_exit_status_and_time(article: Path) -> None:
    """The real retry schedule (5 attempts, 1+2+4+8 s backoff) bounds how long a dead server takes to report."""
    url = f"http://127.0.0.1:{unused_port()}/v1"
    started = time.monotonic()
    proc = script(["summarize", str(article), "--backend", "openai", "--model", "m", "--base-url", url],
                  env={"OPENAI_API_KEY": "x"})
    elapsed = time.monotonic() - started
    assert proc.returncode == 4
    one_error_line(proc.stderr)
    assert elapsed < 25, f"a dead server took {elapsed:.1f}s to report"


# -- --debug ------------------------------------------------------------------------------------------------------


def test_debug_lets_the_exception_through(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run_guarded(cli, ["summarize", str(tmp_path / "nope.txt"), "--debug"])


def test_debug_shows_a_traceback(tmp_path: Path) -> None:
    proc = script(["summarize", str(tmp_path / "nope.txt"), "--backend", "fake", "--debug"])
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "InputError" in proc.stderr


# -- success with the fake backend --------------------------------------------------------------------------------


def test_json_output_is_an_event_summary(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["summarize", str(article), "--backend", "fake"], capsys)
    assert code == 0, err
    summary = EventSummary.model_validate_json(out)
    assert summary.article.chars == len(ARTICLE)
    assert summary.provenance.backend.startswith("fake")
    assert [c.raw_text for c in summary.casualties] == ["Three"]


def test_markdown_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["summarize", str(article), "--backend", "fake", "--format", "md"], capsys)
    assert code == 0, err
    assert out.startswith("# ")
    with pytest.raises(ValueError):
        json.loads(out)


def test_output_file(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "summary.json"
    target.parent.mkdir()
    code, out, err = run(["summarize", str(article), "--backend", "fake", "-o", str(target)], capsys)
    assert code == 0, err
    assert out == ""
    assert str(target) in err
    EventSummary.model_validate_json(target.read_text(encoding="utf-8"))


def test_stdin_input() -> None:
    proc = script(["summarize", "-", "--backend", "fake"], stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    summary = EventSummary.model_validate_json(proc.stdout)
    assert summary.article.chars == len(ARTICLE)


def test_empty_stdin_exits_3() -> None:
    proc = script(["summarize", "-", "--backend", "fake"], stdin="")
    assert proc.returncode == 3
    one_error_line(proc.stderr)
    assert "<stdin>" in proc.stderr


# -- schema and help ----------------------------------------------------------------------------------------------


def test_schema_command_prints_the_event_summary_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema"], capsys)
    assert code == 0
    assert json.loads(out) == EventSummary.model_json_schema()


def test_top_level_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "Example" in out
    for name in COMMANDS:
        assert name in out


def test_every_listed_command_exists() -> None:
    for name in COMMANDS:
        assert cli.get_command(click.Context(cli), name) is not None, name  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_examples(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert f"summarizer {command}" in out
    assert "Example" in out


def test_unknown_option_is_a_usage_error(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["summarize", str(article), "--frobnicate"], capsys)
    assert code == 2
    assert "Traceback" not in err and "frobnicate" in err
