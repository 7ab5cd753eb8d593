"""`summarizer` command group. Each command lives in its own module and is registered here."""

from __future__ import annotations

import sys

import click

from summarizer.cli.common import finish_stdout, run_guarded
from summarizer.errors import SummarizerError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="summarizer")
def cli() -> None:
    """Structured, source-grounded summaries of news about violent and disruptive events.

    \b
    Examples:
      summarizer summarize article.txt
      summarizer summarize article.txt --format md
      summarizer batch articles/ --out results/
      summarizer eval
      summarizer schema
    """


def _register() -> None:
    from summarizer.cli import summarize_cmd

    summarize_cmd.register(cli)
    from summarizer.cli import batch_cmd

    batch_cmd.register(cli)
    from summarizer.cli import eval_cmd

    eval_cmd.register(cli)
    from summarizer.cli import consolidate_cmd

    consolidate_cmd.register(cli)
    from summarizer.cli import model_cmd

    model_cmd.register(cli)
    # further commands register themselves here (one import + one call per command module)


_register()


def main() -> None:
    sys.exit(finish_stdout(run_guarded(cli)))


__all__ = ["SummarizerError", "cli", "main"]
