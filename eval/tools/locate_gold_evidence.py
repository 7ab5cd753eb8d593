"""Fill in the computed parts of hand-written gold files: evidence offsets, article id and length.

A labeller writes `eval/gold/<stem>.json` by reading `eval/articles/<stem>.txt`. Every `evidence` may be written
as a bare quote string (or an object whose offsets are stale); this tool locates each quote verbatim in the text
exactly as `summarizer.files.inputs.read_article` returns it, writes `{quote, start, end, match: "exact"}`, sets
`article.id` and `article.chars`, validates the result against `GoldSummary` and rewrites the file.

A quote that occurs more than once is located at its first occurrence, unless the file already points at a later
occurrence. A quote that is not in the article is an error: fix the label, never loosen the match.

    .venv/bin/python eval/tools/locate_gold_evidence.py            # every gold file
    .venv/bin/python eval/tools/locate_gold_evidence.py 001_bf4bf788d45fc931
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer.contract.gold import GoldSummary  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.files.atomic import write_text_atomic  # noqa: E402
from summarizer.files.inputs import article_id, read_article  # noqa: E402

ARTICLES = ROOT / "eval" / "articles"
GOLD = ROOT / "eval" / "gold"


class LabelError(Exception):
    """A gold label that cannot be grounded in its article."""


def _locate(text: str, evidence: Any, where: str) -> dict[str, Any]:
    if isinstance(evidence, str):
        quote, hint = evidence, None
    elif isinstance(evidence, dict) and isinstance(evidence.get("quote"), str):
        quote, hint = evidence["quote"], evidence.get("start")
    else:
        raise LabelError(f"{where}: evidence must be a quote string or an object with a quote")
    if not quote.strip():
        raise LabelError(f"{where}: empty evidence quote")
    # Keep an offset that already points at a later occurrence; otherwise take the first one.
    start = hint if isinstance(hint, int) and text[hint : hint + len(quote)] == quote else text.find(quote)
    if start < 0:
        raise LabelError(f"{where}: quote not found verbatim in the article: {quote!r}")
    return {"quote": quote, "start": start, "end": start + len(quote), "match": "exact"}


def _walk(node: Any, text: str, where: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "evidence" and value is not None:
                node[key] = _locate(text, value, f"{where}.{key}")
            else:
                _walk(value, text, f"{where}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            _walk(item, text, f"{where}[{index}]")


def fill(stem: str) -> GoldSummary:
    """Ground one gold file in its article and return the validated model (the file is rewritten)."""
    gold_path = GOLD / f"{stem}.json"
    text = read_article(ARTICLES / f"{stem}.txt")
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    _walk(raw, text, stem)
    raw.setdefault("article", {})
    raw["article"]["id"] = article_id(text)
    raw["article"]["chars"] = len(text)
    gold = GoldSummary.model_validate(raw)
    write_text_atomic(gold_path, gold.model_dump_json(indent=2) + "\n")
    return gold


def main(argv: list[str]) -> int:
    stems = argv or sorted(p.stem for p in GOLD.glob("*.json"))
    failed = False
    for stem in stems:
        try:
            gold = fill(stem)
        except (LabelError, SummarizerError, ValueError, OSError) as exc:
            print(f"{stem}: {exc}", file=sys.stderr)
            failed = True
            continue
        print(
            f"{stem}: {len(gold.casualties)} casualties, {len(gold.where.places)} places, {len(gold.actors)} actors, "
            f"{len(gold.statements)} statements, {len(gold.consequences)} consequences, "
            f"{len(gold.incidents)} incidents"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
