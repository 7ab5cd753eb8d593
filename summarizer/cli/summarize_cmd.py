"""`summarizer summarize` and `summarizer schema`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from summarizer.backends import get_backend
from summarizer.cli.common import backend_options, write_stdout
from summarizer.files.atomic import write_text_atomic
from summarizer.files.inputs import read_article
from summarizer.files.schema_files import exported_schemas


@click.command("summarize")
@click.argument("article", type=str)
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html", "csv"]), default="json", show_default=True,
              help="json: the full event summary; md: a readable report; html: a self-contained review page with "
                   "the evidence highlighted in the article; csv: one ACLED-style row.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of standard output.")
@click.option("--summary-language", type=click.Choice(["en", "article"]), default="en", show_default=True,
              help="en: headline and summary in English; article: in the article's language (quotes, names and "
                   "evidence always stay as written).")
@backend_options
def summarize_command(article: str, fmt: str, output: Path | None, summary_language: str, backend: str,
                      model: str | None, base_url: str | None, no_cache: bool) -> None:
    """Summarize one ARTICLE file ('-' reads standard input) into a grounded event summary.

    \b
    Examples:
      summarizer summarize article.txt
      summarizer summarize article.txt --format md -o summary.md
      summarizer summarize article.txt --format html -o review.html
      cat article.txt | summarizer summarize -
      OPENAI_BASE_URL=http://127.0.0.1:8000/v1 OPENAI_API_KEY=x \\
        summarizer summarize article.txt --backend openai --model my-model
    """
    text = read_article(article)
    engine = get_backend(backend, model=model, base_url=base_url)
    engine.warm_up()  # the embedded model loads while the pipeline's modules are imported (about a second each)
    from summarizer.cli.formats import render_as
    from summarizer.files.cache import ResultCache
    from summarizer.llm.client import prepare
    from summarizer.pipeline import Summarizer

    prepare(engine)  # while the model loads
    summarizer = Summarizer(engine, cache=None if no_cache else ResultCache(), summary_language=summary_language)
    summary = summarizer.summarize(text, name=article)
    for warning in summary.provenance.warnings:
        click.echo(f"warning: {article}: {warning}", err=True)
    rendered = render_as(summary, fmt, text=text, name=article)
    if output is not None:
        write_text_atomic(output, rendered)
        click.echo(f"wrote {output}", err=True)
    else:
        write_stdout(rendered)


@click.command("schema")
@click.option("--name", type=click.Choice(sorted(exported_schemas())), default="event_summary", show_default=True,
              help="Which published schema to print.")
def schema_command(name: str) -> None:
    """Print the JSON Schema of the event summary (the published contract).

    \b
    Examples:
      summarizer schema > event_summary.schema.json
      summarizer schema --name consolidated_event
    """
    click.echo(json.dumps(exported_schemas()[name], indent=2))


def register(group: click.Group) -> None:
    group.add_command(summarize_command)
    group.add_command(schema_command)
