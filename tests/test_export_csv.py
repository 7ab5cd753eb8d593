"""ACLED-style CSV exports, read back with the csv module."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from consolidate_helpers import fig, one_event_reports, summary
from review_helpers import SEED_STEMS, seed, seeds

from summarizer.cli.common import run_guarded
from summarizer.cli.main import cli
from summarizer.consolidate.run import consolidate
from summarizer.contract.consolidated import ConsolidationGold
from summarizer.render.csv_export import COLUMNS, article_row, articles_csv, events_csv

GOLD_EVENT = Path(__file__).resolve().parent.parent / "eval" / "gold" / "consolidated" / "seed_event.json"


def _read(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def _killed_minimum(gold: ConsolidationGold) -> int:
    """From the hand-labelled seed event: per family, the lowest counted whole-event figure (claims excluded)."""
    lowest: dict[str, int] = {}
    for f in gold.events[0].figures:
        if f.outcome != "killed" or f.scope != "whole event":
            continue
        values = [r.value for r in f.reports if r.value is not None and not r.perpetrator_claim and not r.optional]
        if values:
            lowest[f.family] = min(values)
    specific = sum(v for k, v in lowest.items() if k != "people")
    return max(specific, lowest.get("people", 0))


def test_the_seed_event_row_reads_back_with_its_date_place_actors_and_conservative_fatalities() -> None:
    pairs = [(stem, s) for stem, s, _ in seeds()]
    events = consolidate(pairs)
    rows = _read(events_csv(events))
    assert len(rows) == len(events) == 1
    row = rows[0]
    gold = ConsolidationGold.model_validate_json(GOLD_EVENT.read_text(encoding="utf-8"))
    assert gold.events[0].name.startswith(row["event_date"])
    assert row["year"] == row["event_date"][:4] and row["time_precision"] == "1"
    assert (row["country"], row["admin1"], row["admin2"]) == ("Pakistan", "Balochistan", "")
    assert row["event_type"] == "Battles" and row["disorder_type"] == "Political violence"
    assert "Liberation Army" in row["actor1"] and row["inter1"] == "Rebel group"
    assert row["location"] in {p.name for p in events[0].where.places}
    assert "Reuters" in row["source"].split("; ")
    assert row["notes"] == events[0].summary
    assert int(row["fatalities"]) == _killed_minimum(gold)
    assert int(row["low"]) <= int(row["best"]) <= int(row["high"])
    assert int(row["fatalities"]) == int(row["low"])
    assert "84" in row["claimed_fatalities"] and row["disputed"] == "yes"
    assert row["articles"] == str(len(SEED_STEMS))
    assert row["event_id_cnty"] == events[0].event_id


def test_article_rows_one_per_seed_claims_never_counted() -> None:
    pairs = [(stem, s) for stem, s, _ in seeds()]
    rows = _read(articles_csv(pairs))
    assert [r["ref"] for r in rows] == SEED_STEMS
    reuters = rows[SEED_STEMS.index("001_bf4bf788d45fc931")]
    s, _ = seed("001_bf4bf788d45fc931")
    credible = [c for c in s.casualties if c.outcome == "killed" and c.status != "claimed"
                and c.source_kind != "perpetrator" and c.scope == "whole event" and c.low is not None]
    claimed = [c.value for c in s.casualties if c.status == "claimed" and c.value]
    assert claimed and str(claimed[0]) in reuters["claimed_fatalities"]
    assert int(reuters["fatalities"]) <= sum(c.low or 0 for c in credible)
    assert reuters["source"] == "Reuters" and reuters["event_date"] == "2026-01-31"


def test_vague_words_count_as_their_floor_and_claims_alone_give_no_fatalities() -> None:
    s = summary("a1", start=date(2031, 5, 10), casualties=[
        fig("c1", "militants", "killed", None, "vague", raw="dozens"),
        fig("c2", "soldiers", "killed", 50, by="the Front", kind="perpetrator", status="claimed"),
    ])
    s.casualties[0].low = 12
    from summarizer.extract.rollups import compute_rollups

    s = s.model_copy(update={"rollups": compute_rollups(list(s.casualties))})
    row = article_row(s)
    assert row["fatalities"] == "12"
    assert "50" in row["claimed_fatalities"]


def test_overlapping_groups_are_not_added_twice() -> None:
    reports = one_event_reports()
    row = _read(events_csv(consolidate(reports)))[0]
    event = consolidate(reports)[0]
    whole = [f for f in event.figures if f.outcome == "killed" and f.scope == "whole event"]
    security = [f for f in whole if f.family == "security_personnel"]
    assert len(security) == 1  # police, soldiers and security forces are one family
    assert int(row["fatalities"]) == sum(f.conservative or 0 for f in whole)


def test_cells_a_spreadsheet_would_run_are_quoted_as_text() -> None:
    s, _ = seed(SEED_STEMS[0])
    s = s.model_copy(update={"summary": "=HYPERLINK(\"http://x\")", "article": s.article.model_copy(
        update={"outlet": "@evil"})})
    row = _read(articles_csv([("ref", s)]))[0]
    assert row["notes"].startswith("'=") and row["source"] == "'@evil"


def test_render_consolidate_and_batch_write_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "summaries"
    folder.mkdir()
    for stem, s, _ in seeds():
        (folder / f"{stem}.txt.json").write_text(s.model_dump_json(), encoding="utf-8")
    assert run_guarded(cli, ["render", str(folder / f"{SEED_STEMS[1]}.txt.json"), "--format", "csv"]) == 0
    rows = _read(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["event_date"] == "2026-01-31"
    assert run_guarded(cli, ["consolidate", str(folder), "--out", str(tmp_path / "c"), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "c" / "events.csv") in out
    rows = _read((tmp_path / "c" / "events.csv").read_text(encoding="utf-8"))
    assert len(rows) == 1 and rows[0]["admin1"] == "Balochistan"
    src = tmp_path / "in"
    src.mkdir()
    for stem in SEED_STEMS[:2]:
        shutil.copy(Path(__file__).resolve().parent.parent / "eval" / "articles" / f"{stem}.txt", src)
    assert run_guarded(cli, ["batch", str(src), "--out", str(tmp_path / "b"), "--backend", "fake", "--csv",
                             "--progress", "log"]) == 0
    rows = _read((tmp_path / "b" / "articles.csv").read_text(encoding="utf-8"))
    assert [r["ref"] for r in rows] == SEED_STEMS[:2]
    assert not (tmp_path / "b" / "index.html").exists()  # --csv alone writes no pages
