"""Eval reports: a terminal table (rich), and in the run folder summary.json, report.md and junit.xml.

All three files are stable: no timestamps or timings, sorted keys, 4 decimals, so two runs that score the same
write the same bytes.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from summarizer.evaluation.corpus import SPLITS
from summarizer.evaluation.runner import EvalRun
from summarizer.evaluation.scoring import Mismatch
from summarizer.files.atomic import write_text_atomic

ARTICLE_COLUMNS = ("event_type", "when", "casualties", "casualties.sources", "places", "actors", "statements",
                   "consequences", "incidents")
JUNIT_GROUPS = ("schema", "event", "casualties", "places", "actors", "statements", "consequences", "incidents",
                "grounding", "numbers")
_MAX_LISTED = 12  # mismatches listed per article in report.md (junit lists all)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:.3f}"


SPLIT_ROWS = ("casualties.f1", "casualties.recall", "casualties.precision", "casualties.sources.f1", "places.f1",
              "actors.f1", "statements.f1", "consequences.f1", "incidents.f1", "event_type.f1", "when.f1",
              "casualties.outcome_mixups", "invented_numbers", "non_en.casualties.recall", "overall.micro_f1")
_SPLIT_PREFIXES = tuple(f"{split}." for split in SPLITS)


def split_table(run: EvalRun) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """(column names, rows) of the main metrics per split; empty when the corpus has no manifest."""
    present = [split for split in SPLITS if any(k.startswith(f"{split}.") for k in run.metrics)]
    if not present:
        return [], []
    columns = ["all", *present]
    rows = []
    for name in SPLIT_ROWS:
        values = [run.metrics.get(name) if column == "all" else run.metrics.get(f"{column}.{name}")
                  for column in columns]
        if any(v is not None for v in values):
            rows.append((name, [_fmt(v) for v in values]))
    return columns, rows


def _split_counts(run: EvalRun) -> str:
    counts = {split: sum(1 for s in run.stems if run.splits.get(s) == split) for split in SPLITS}
    return ", ".join(f"{split} {n}" for split, n in counts.items() if n)


def _field_rows(run: EvalRun) -> tuple[list[str], list[str], list[str]]:
    """Names of P/R/F1 fields, of shares, and of lower-is-better counts, in report order (all articles)."""
    m = {k: v for k, v in run.metrics.items() if not k.startswith(_SPLIT_PREFIXES)}
    f1_fields = sorted({k[: -len(".f1")] for k in m if k.endswith(".f1") and not k.startswith("overall.")})
    shares = sorted(k for k in m if f"{k}.macro" in m)
    counts = sorted(k for k in m if k in run.lower_is_better)
    return f1_fields, shares, counts


def _gate_line(run: EvalRun) -> str:
    failures = run.gate.failures
    return "PASSED" if run.passed else f"FAILED ({len(failures)} check{'s' if len(failures) != 1 else ''})"


# --- terminal -----------------------------------------------------------------------------------------------

def print_tables(run: EvalRun, console: Console) -> None:
    f1_fields, shares, counts = _field_rows(run)
    m = run.metrics
    columns, rows = split_table(run)
    if rows:
        table = Table(title=f"Scores per split ({_split_counts(run)} articles; held-out is never tuned on)")
        table.add_column("metric")
        for column in columns:
            table.add_column(column, justify="right")
        for name, cells in rows:
            table.add_row(name, *cells)
        console.print(table)
    fields = Table(title="Scores per field (micro over articles; macro = mean of per-article scores)")
    for name, justify in (("field", "left"), ("P", "right"), ("R", "right"), ("F1", "right"), ("macro", "right")):
        fields.add_column(name, justify=justify)  # type: ignore[arg-type]
    for name in f1_fields:
        fields.add_row(name, _fmt(m[f"{name}.precision"]), _fmt(m[f"{name}.recall"]), _fmt(m[f"{name}.f1"]),
                       _fmt(m.get(f"{name}.macro_f1")))
    for name in shares:
        fields.add_row(f"{name} (share)", "", "", _fmt(m[name]), _fmt(m[f"{name}.macro"]))
    for name in counts:
        fields.add_row(f"{name} (count, lower is better)", "", "", _fmt(m[name]), "")
    for name in sorted(k for k in m if k.startswith("consolidation.")):
        fields.add_row(name, "", "", _fmt(m[name]), "")
    if "overall.micro_f1" in m:
        fields.add_row("[bold]overall[/bold]", "", "", _fmt(m["overall.micro_f1"]), _fmt(m["overall.macro_f1"]))
    console.print(fields)

    articles = Table(title="F1 per article")
    articles.add_column("article")
    articles.add_column("valid")
    for name in ARTICLE_COLUMNS:
        articles.add_column(name.replace("casualties.", "cas.").replace("consequences", "conseq."), justify="right")
    articles.add_column("grounding", justify="right")
    articles.add_column("invented", justify="right")
    for stem, values in run.per_article.items():
        articles.add_row(stem, "yes" if values.get("schema_valid") == 1.0 else "[red]NO[/red]",
                         *(_fmt(values.get(f"{n}.f1")) for n in ARTICLE_COLUMNS),
                         _fmt(values.get("grounding")), _fmt(values.get("invented_numbers")))
    console.print(articles)
    for check in run.gate.failures:
        console.print(f"[red]gate: {check.metric}: {check.reason}[/red]")
    for note in run.notes + run.gate.notes:
        console.print(f"note: {note}")
    console.print(f"gate {_gate_line(run)}")


# --- summary.json -------------------------------------------------------------------------------------------

def summary_data(run: EvalRun) -> dict[str, Any]:
    def rounded(values: dict[str, float]) -> dict[str, float]:
        return {k: round(v, 4) for k, v in sorted(values.items())}

    articles = {}
    for score in run.scores:
        articles[score.stem] = {
            "split": run.splits.get(score.stem),
            "schema_valid": score.schema_valid,
            "error": score.error,
            "metrics": rounded(run.per_article[score.stem]),
            "counts": {k: v.model_dump() for k, v in sorted(score.counts.items())},
            "mismatches": [x.render() for x in score.mismatches],
        }
    return {
        "articles": articles,
        "metrics": rounded(run.metrics),
        "lower_is_better": sorted(run.lower_is_better & set(run.metrics)),
        "gate": {"passed": run.passed, "checks": [c.model_dump() for c in run.gate.checks],
                 "notes": run.gate.notes},
        "notes": run.notes,
        "consolidation": run.consolidation_details,
    }


# --- report.md ----------------------------------------------------------------------------------------------

def render_markdown(run: EvalRun) -> str:
    m = run.metrics
    f1_fields, shares, counts = _field_rows(run)
    out = [f"# Eval report: gate {_gate_line(run)}", ""]
    out.append(f"{len(run.scores)} articles scored; schema-valid rate {_fmt(m.get('schema_valid'))}; "
               f"overall micro F1 {_fmt(m.get('overall.micro_f1'))}, macro F1 {_fmt(m.get('overall.macro_f1'))}.")
    out.append("")
    if run.gate.failures:
        out += ["## Gate failures", ""] + [f"- `{c.metric}`: {c.reason}" for c in run.gate.failures] + [""]
    notes = run.gate.notes + run.notes
    if notes:
        out += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]

    columns, rows = split_table(run)
    if rows:
        out += [f"## Per split ({_split_counts(run)} articles; held-out is never tuned on)", "",
                "| metric | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
        out += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
        out.append("")
    out += ["## Fields (all articles)", "", "| field | P | R | F1 | macro F1 |", "|---|---:|---:|---:|---:|"]
    for name in f1_fields:
        out.append(f"| {name} | {_fmt(m[f'{name}.precision'])} | {_fmt(m[f'{name}.recall'])} | "
                   f"{_fmt(m[f'{name}.f1'])} | {_fmt(m.get(f'{name}.macro_f1'))} |")
    out += ["", "| share or count | value | macro |", "|---|---:|---:|"]
    for name in shares:
        out.append(f"| {name} | {_fmt(m[name])} | {_fmt(m[f'{name}.macro'])} |")
    for name in counts:
        out.append(f"| {name} (lower is better) | {_fmt(m[name])} | |")
    for name in sorted(k for k in m if k.startswith("consolidation.")):
        out.append(f"| {name} | {_fmt(m[name])} | |")
    out.append("")

    checks = run.gate.checks
    if checks:
        out += ["## Gate checks", "", "| metric | value | check | limit | result |", "|---|---:|---|---:|---|"]
        for c in checks:
            out.append(f"| {c.metric} | {_fmt(c.value)} | {c.kind} | {_fmt(c.limit)} | "
                       f"{'ok' if c.passed else '**FAIL**'} |")
        out.append("")

    out += ["## Articles", "",
            "| article | split | valid | " + " | ".join(ARTICLE_COLUMNS) + " | grounding | invented |",
            "|---|---|---|" + "---:|" * (len(ARTICLE_COLUMNS) + 2)]
    for stem, values in run.per_article.items():
        cells = [_fmt(values.get(f"{n}.f1")) for n in ARTICLE_COLUMNS]
        valid = "yes" if values.get("schema_valid") == 1.0 else "**no**"
        out.append(f"| {stem} | {run.splits.get(stem, '-')} | {valid} | {' | '.join(cells)} "
                   f"| {_fmt(values.get('grounding'))} | {_fmt(values.get('invented_numbers'))} |")
    out.append("")
    for score in run.scores:
        if not score.mismatches:
            continue
        out += [f"### {score.stem}: {len(score.mismatches)} mismatches", ""]
        out += [f"- {_md_escape(x.render())}" for x in score.mismatches[:_MAX_LISTED]]
        if len(score.mismatches) > _MAX_LISTED:
            out.append(f"- ... {len(score.mismatches) - _MAX_LISTED} more in junit.xml / summary.json")
        out.append("")
    if run.consolidation_details:
        out += ["## Consolidation", ""] + [f"- {_md_escape(d)}" for d in run.consolidation_details] + [""]
    return "\n".join(out).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# --- junit.xml ----------------------------------------------------------------------------------------------

def _group(mismatch: Mismatch) -> str:
    return mismatch.field.split(".", 1)[0]


def render_junit(run: EvalRun) -> str:
    """One test case per article and field group; a failure lists gold and predicted values."""
    suite = ET.Element("testsuite", name="summarizer-eval")
    cases = 0
    failures = 0

    def case(classname: str, name: str, problems: list[str], message: str) -> None:
        nonlocal cases, failures
        element = ET.SubElement(suite, "testcase", classname=classname, name=name)
        cases += 1
        if problems:
            failures += 1
            failure = ET.SubElement(element, "failure", message=message)
            failure.text = "\n".join(problems)

    for score in run.scores:
        by_group: dict[str, list[Mismatch]] = defaultdict(list)
        for mismatch in score.mismatches:
            by_group[_group(mismatch)].append(mismatch)
        for group in JUNIT_GROUPS:
            if group == "schema":
                problems = [score.error or "prediction failed"] if not score.schema_valid else []
                case(f"eval.{score.stem}", group, problems, "no valid prediction")
                continue
            found = by_group.pop(group, [])
            case(f"eval.{score.stem}", group, [x.render() for x in found], f"{len(found)} mismatch(es)")
        for group, found in sorted(by_group.items()):
            case(f"eval.{score.stem}", group, [x.render() for x in found], f"{len(found)} mismatch(es)")
    for check in run.gate.checks:
        name = f"{check.kind} {check.metric}"
        case("eval.gate", name, [] if check.passed else [check.reason], check.reason)
    suite.set("tests", str(cases))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    ET.indent(suite)
    return ET.tostring(suite, encoding="unicode", xml_declaration=True) + "\n"


def write_run(run: EvalRun, run_dir: Path) -> None:
    write_text_atomic(run_dir / "summary.json", json.dumps(summary_data(run), indent=2, sort_keys=True) + "\n")
    write_text_atomic(run_dir / "report.md", render_markdown(run))
    write_text_atomic(run_dir / "junit.xml", render_junit(run))
