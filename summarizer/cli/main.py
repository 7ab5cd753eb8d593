"""`summarizer` command group. Each command lives in its own module, imported only when it runs."""

from __future__ import annotations

import importlib

import click

from summarizer.cli.common import exit_process, finish_stdout, run_guarded
from summarizer.errors import SummarizerError

# command -> its module under summarizer.cli (one line per command; the module's `register` adds it)
COMMANDS = {"summarize": "summarize_cmd", "schema": "summarize_cmd", "batch": "batch_cmd", "eval": "eval_cmd",
            "consolidate": "consolidate_cmd", "model": "model_cmd", "render": "model_cmd"}


class LazyGroup(click.Group):
    """A command's module is imported when that command runs (or when the help lists every command): starting
    `summarizer summarize` does not import the eval, batch, review or consolidation code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"summarizer.cli.{COMMANDS[cmd_name]}").register(self)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


def main() -> None:
    exit_process(finish_stdout(run_guarded(cli)))


__all__ = ["SummarizerError", "cli", "main"]
