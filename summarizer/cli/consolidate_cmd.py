"""`summarizer consolidate RESULTS_DIR|FILES... [--out DIR]`: one record per event from several outlets' summaries."""

from __future__ import annotations

from pathlib import Path

import click

from summarizer.cli.common import backend_options
from summarizer.consolidate.run import consolidate_paths
from summarizer.render.review.site import write_event_exports


def register(group: click.Group) -> None:
    group.add_command(consolidate)


@click.command("consolidate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: the input folder, or the first file's folder). Writes "
                   "events/<event_id>.json and .md, and consolidation.json (groups, skipped files, every pair "
                   "decision).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["csv", "html"]),
              help="Also write events.csv (one ACLED-style row per event) or events/<event_id>.html (a review page "
                   "whose values link to the article pages written by 'batch --html'). Repeatable.")
@click.option("--judge/--no-judge", default=True, show_default=True,
              help="Let the model (--backend) settle the pairs code finds borderline, one short constrained "
                   "question each, its answer recorded in the pair's decision; --no-judge leaves them apart.")
@backend_options
def consolidate(inputs: tuple[Path, ...], out_dir: Path | None, formats: tuple[str, ...], judge: bool, backend: str,
                model: str | None, base_url: str | None, no_cache: bool) -> None:
    """Group summaries that describe the same event and write one consolidated record per event.

    INPUTS is the output folder of `summarizer batch` (searched recursively for summary JSON files) or a list of
    summary files. Grouping and merging are done by code, and the model settles the pairs code finds borderline;
    every grouping decision records why.

    \b
    Examples:
      summarizer consolidate results/
      summarizer consolidate a.json b.json c.json --out merged/
      summarizer consolidate results/ --format csv --format html
    """
    target = out_dir or (inputs[0] if inputs[0].is_dir() else inputs[0].parent)
    confirm = None
    if judge:
        from summarizer.backends import get_backend
        from summarizer.consolidate.confirm import model_confirmer

        confirm = model_confirmer(get_backend(backend, model=model, base_url=base_url))
    paths, index = consolidate_paths(list(inputs), target, confirm)
    for skipped in index.skipped:
        click.echo(f"skipped: {skipped.path}: {skipped.reason}", err=True)
    for event_id in index.events:
        members = index.members[event_id]
        click.echo(f"{event_id}: {len(members)} article(s): {', '.join(members)}", err=True)
    if formats:
        paths += write_event_exports(paths, target, list(inputs), csv="csv" in formats, html="html" in formats)
    for path in paths:
        click.echo(str(path))
