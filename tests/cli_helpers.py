"""What the command-line tests share: a small article, a clean environment, and ways to run the CLI in-process
(`run`) or as the installed console script in a subprocess (`script`, real exit status)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli.common import run_guarded
from summarizer.cli.main import cli

SCRIPT = Path(sys.executable).parent / "summarizer"
ARTICLE = (
    "Dam protest turns violent in the north\n"
    "LAKESIDE, Examplestan, May 4, 2022 - Protesters set fire to two trucks near the Lakeside dam site on "
    "Wednesday, police said. Three officers were injured in the clashes.\n"
)
# Environment variables the CLI reads: removed so a developer's shell cannot change what a test sees.
ENV_KNOBS = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND", "SUMMARIZER_MODEL", "OPENAI_MODEL",
             "SUMMARIZER_DEBUG", "SUMMARIZER_OPENAI_MODE", "SUMMARIZER_TIMEOUT", "SUMMARIZER_ARTICLE_TIMEOUT")


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_KNOBS:
        monkeypatch.delenv(name, raising=False)
    # run_guarded sets SUMMARIZER_DEBUG for --debug; setting it here makes monkeypatch remove it afterwards
    monkeypatch.setenv("SUMMARIZER_DEBUG", "0")


def write_article(folder: Path, text: str = ARTICLE) -> Path:
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run_guarded(cli, args)
    out, err = capsys.readouterr()
    return code, out, err


def script(args: list[str], *, env: dict[str, str] | None = None, stdin: str | None = None,
           timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed console script in a subprocess (real exit status), bounded by `timeout`."""
    full_env = {k: v for k, v in os.environ.items() if k not in ENV_KNOBS}
    full_env.update(env or {})
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, text=True, env=full_env,
                          timeout=timeout, check=False)


def one_error_line(err: str) -> str:
    """The one `error:` line of stderr (no traceback, nothing else)."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error:") and "Traceback" not in err, err
    return lines[0]
