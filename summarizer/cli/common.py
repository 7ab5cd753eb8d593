"""Shared CLI plumbing: error handling, exit codes, backend options."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import SummarizerError

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_USAGE = 2


def debug_enabled() -> bool:
    return os.environ.get("SUMMARIZER_DEBUG", "") not in ("", "0") or "--debug" in sys.argv


def run_guarded(command: click.Command, args: list[str] | None = None) -> int:
    """Run a click command; map our exceptions to one stderr line and a distinct exit code."""
    argv = list(sys.argv[1:] if args is None else args)
    debug = "--debug" in argv
    if debug:
        argv.remove("--debug")
        os.environ["SUMMARIZER_DEBUG"] = "1"
    try:
        result = command.main(args=argv, prog_name="summarizer", standalone_mode=False)
        return int(result) if isinstance(result, int) else EXIT_OK
    except SummarizerError as exc:
        if debug:
            raise
        click.echo(f"error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)


def backend_options(func: F) -> F:
    """--backend / --model / --base-url / --no-cache, shared by every command that calls a model."""
    options = [
        click.option("--backend", "backend", default="local", show_default=True, envvar="SUMMARIZER_BACKEND",
                     help="local (embedded llama.cpp model), openai (any OpenAI-compatible server), "
                          "or fake:RECORDING.json (replay)."),
        click.option("--model", "model", default=None, envvar="SUMMARIZER_MODEL",
                     help="Model name for the openai backend (e.g. gpt-4o-mini, or what your server serves); "
                          "a GGUF path for local."),
        click.option("--base-url", "base_url", default=None, envvar="OPENAI_BASE_URL",
                     help="OpenAI-compatible endpoint (default: $OPENAI_BASE_URL or api.openai.com)."),
        click.option("--no-cache", "no_cache", is_flag=True, help="Do not read or write the result cache."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
