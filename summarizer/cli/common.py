"""Shared CLI plumbing: error handling, exit codes, backend options.

Every failure ends as one `error:` line on stderr and a documented exit code (README, "Errors"), never a
traceback: our exceptions carry their code, operating-system errors are exit 8 (StorageError), and a multi-line
message is joined into one line. Library warnings (SummarizerWarning) print as one `warning:` line.
"""

from __future__ import annotations

import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from typing import Any, NoReturn, TextIO, TypeVar

import click

from summarizer.backends import deadline
from summarizer.errors import ConfigError, StorageError, SummarizerError, SummarizerWarning
from summarizer.files.atomic import storage_error

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0


def one_line(message: object) -> str:
    """A message on one line: the lines of a multi-line message (a validation error, say) joined with '; '."""
    return "; ".join(line.strip() for line in str(message).splitlines() if line.strip())


def _os_error(exc: OSError) -> StorageError:
    if exc.filename is None:  # a stream without a name: most likely standard output
        return storage_error("standard output or a file", exc, "cannot write")
    return storage_error(exc.filename, exc, "cannot read or write")


@contextmanager
def _warnings_as_lines() -> Iterator[None]:
    """SummarizerWarning -> one `warning:` line on stderr; other warnings as Python shows them."""
    with warnings.catch_warnings():
        original = warnings.showwarning
        warnings.simplefilter("always", SummarizerWarning)

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                 file: TextIO | None = None, line: str | None = None) -> None:
            if issubclass(category, SummarizerWarning):
                click.echo(f"warning: {one_line(message)}", err=True)
            else:
                original(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        yield


def write_stdout(text: str) -> None:
    """Write a result to standard output, flushed: a full disk or a closed stdout is a StorageError (exit 8)."""
    stream = sys.stdout
    if stream is None:
        raise StorageError("cannot write standard output: it is closed; use -o FILE")
    try:
        stream.write(text)
        stream.flush()
    except OSError as exc:
        raise storage_error("standard output", exc) from exc


def finish_stdout(code: int) -> int:
    """Flush standard output before exiting; a failure is one error line (exit 8), not Python's 'Exception ignored'
    message at shutdown."""
    stream = sys.stdout
    if stream is None:
        return code
    try:
        stream.flush()
    except OSError as exc:
        with suppress(OSError, ValueError):  # later flushes (at interpreter exit) go nowhere instead of failing
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)
        if code == EXIT_OK:
            error = storage_error("standard output", exc)
            click.echo(f"error: {error}", err=True)
            return error.exit_code
    return code


def exit_process(code: int) -> NoReturn:
    """End the process with `code`. A batch stopped mid-call abandons its model threads (daemons); Python's shutdown
    would halt them wherever they stand, and halting one inside a native library's frame can abort the process
    ('FATAL: exception not rethrown', SIGABRT) after every output was written. With such a thread alive the process
    ends at once instead, its standard streams flushed first."""
    if any(t.daemon and t.is_alive() for t in threading.enumerate()):
        for stream in (sys.stdout, sys.stderr):
            with suppress(Exception):
                if stream is not None:
                    stream.flush()
        os._exit(code)
    sys.exit(code)


def run_guarded(command: click.Command, args: list[str] | None = None) -> int:
    """Run a click command; map our exceptions to one stderr line and a distinct exit code."""
    argv = list(sys.argv[1:] if args is None else args)
    debug = "--debug" in argv
    if debug:
        argv.remove("--debug")
        os.environ["SUMMARIZER_DEBUG"] = "1"
    try:
        with _warnings_as_lines():
            result = command.main(args=argv, prog_name="summarizer", standalone_mode=False)
        return int(result) if isinstance(result, int) else EXIT_OK
    except SummarizerError as exc:
        if debug:
            raise
        click.echo(f"error: {one_line(exc)}", err=True)
        return exc.exit_code
    except OSError as exc:  # an operating-system error no layer below turned into ours
        if debug:
            raise
        error = _os_error(exc)
        click.echo(f"error: {one_line(error)}", err=True)
        return error.exit_code
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


def _set_limit(field: str) -> Callable[[click.Context, click.Parameter, str | None], None]:
    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        try:
            seconds = deadline.parse_seconds(value, param.opts[0] if param.opts else str(param.name))
        except ConfigError as exc:
            raise click.BadParameter(str(exc), ctx, param) from None
        deadline.configure(replace(deadline.limits(), **{field: seconds}))
    return callback


def backend_options(func: F) -> F:
    """--backend / --model / --base-url / --no-cache / --timeout / --article-timeout, shared by every command that
    calls a model. The deadlines are process settings (`deadline.configure`), not command arguments."""
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
        click.option("--timeout", "timeout", metavar="SECONDS", envvar=deadline.CALL_ENV,
                      default=f"{deadline.DEFAULT_CALL_S:g}", show_default=True, expose_value=False,
                      callback=_set_limit("call_s"),
                      help="Wall-clock limit for one model call (one pass, its retries included), whatever the "
                           f"server does; 0 for none. Env: {deadline.CALL_ENV}."),
        click.option("--article-timeout", "article_timeout", metavar="SECONDS", envvar=deadline.ARTICLE_ENV,
                     default=f"{deadline.DEFAULT_ARTICLE_S:g}", show_default=True, expose_value=False,
                     callback=_set_limit("article_s"),
                     help="Wall-clock limit for all the model calls of one article; 0 for none. "
                          f"Env: {deadline.ARTICLE_ENV}."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
