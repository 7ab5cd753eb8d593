"""`summarizer eval`: score the summarizer against the hand-labelled gold files and gate on the scores."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from summarizer.cli.common import backend_options
from summarizer.consolidate.grouping import Confirmer
from summarizer.contract.event import EventSummary
from summarizer.evaluation.reports import print_tables, write_run
from summarizer.evaluation.runner import EXIT_GATE_FAILED, SummarizeFn, bless, evaluate
from summarizer.evaluation.scoring import load_baseline, load_thresholds


def register(group: click.Group) -> None:
    group.add_command(eval_command)


def _model_fns(backend: str, model: str | None, base_url: str | None, no_cache: bool
               ) -> tuple[SummarizeFn, Confirmer]:
    """The summarizer and consolidation's judge of borderline pairs, both on the chosen backend."""
    from summarizer.backends import get_backend
    from summarizer.consolidate.confirm import model_confirmer
    from summarizer.files.cache import ResultCache
    from summarizer.pipeline import Summarizer

    engine = get_backend(backend, model=model, base_url=base_url)
    summarizer = Summarizer(engine, cache=None if no_cache else ResultCache())

    def summarize(text: str, name: str) -> tuple[EventSummary, bool]:
        return summarizer.summarize_cached(text, name=name)

    return summarize, model_confirmer(engine)


@click.command("eval")
@click.option("--articles", "articles_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("eval/articles"), show_default=True, help="Eval articles (one file per article).")
@click.option("--gold", "gold_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("eval/gold"), show_default=True, help="Gold files, <article stem>.json.")
@click.option("--predictions", "predictions_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Score saved outputs (<stem>.json) from this folder instead of calling a model.")
@click.option("--run-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("eval/runs/latest"),
              show_default=True, help="Where predictions/, summary.json, report.md and junit.xml are written.")
@click.option("--thresholds", "thresholds_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("eval/thresholds.toml"), show_default=True, help="Floors and tolerances.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("eval/baseline.json"), show_default=True, help="Committed scores to compare with.")
@click.option("--split", "only_splits", multiple=True, type=click.Choice(["seed", "dev", "heldout"]),
              help="Run and score only these splits of eval/corpus.json (repeatable). While improving the "
                   "extraction use --split seed --split dev: the held-out split is never looked at for tuning.")
@click.option("--bless", "do_bless", is_flag=True,
              help="Write this run's scores into the baseline file (the only way it changes) and exit 0.")
@backend_options
@click.pass_context
def eval_command(ctx: click.Context, articles_dir: Path, gold_dir: Path, predictions_dir: Path | None, run_dir: Path,
                 thresholds_path: Path, baseline_path: Path, only_splits: tuple[str, ...], do_bless: bool,
                 backend: str, model: str | None,
                 base_url: str | None, no_cache: bool) -> None:
    """Score summaries of the eval articles against gold; exit 1 when the gate fails.

    \b
    Exit codes: 0 gate passed (or --bless), 1 gate failed, 3+ error (see `summarizer --help`).
    Examples:
      summarizer eval                               # run the embedded model, score, gate
      summarizer eval --predictions eval/runs/latest/predictions
      summarizer eval --split seed --split dev      # while tuning: never run the held-out split
      summarizer eval --bless                       # accept the current scores as the new baseline
    """
    thresholds = load_thresholds(thresholds_path)
    baseline = load_baseline(baseline_path)
    # saved predictions are scored without a model: borderline pairs are then left apart
    summarize, confirm = (None, None) if predictions_dir is not None else _model_fns(backend, model, base_url,
                                                                                      no_cache)
    run = evaluate(gold_dir, articles_dir, thresholds=thresholds, baseline=baseline,
                   predictions_dir=predictions_dir, summarize=summarize, run_dir=run_dir,
                   progress=lambda line: click.echo(line, err=True), only_splits=only_splits, confirm=confirm)
    write_run(run, run_dir)
    print_tables(run, Console(width=140))
    click.echo(f"report: {run_dir / 'report.md'}", err=True)
    if do_bless:
        bless(run, baseline_path)
        click.echo(f"baseline written: {baseline_path}", err=True)
        return
    if not run.passed:
        ctx.exit(EXIT_GATE_FAILED)
