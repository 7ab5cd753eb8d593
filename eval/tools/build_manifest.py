"""Write eval/corpus.json from the articles' source sidecars: outlet, address, language, event, split.

The split follows the fixed rule in `summarizer.corpus` (seeds, then held-out by a hash of the event slug); run
this after adding articles. `tests/test_corpus.py` fails when the committed manifest is stale.

    .venv/bin/python eval/tools/build_manifest.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarizer.atomic import write_text_atomic  # noqa: E402
from summarizer.corpus import build_manifest  # noqa: E402

SEEDS = ["000_8276d19f951f170e", "001_bf4bf788d45fc931", "002_53896b8d5ad1985e", "003_287487861e65ff1d",
         "004_102fecf8c0baadc2"]


def main() -> int:
    manifest = build_manifest(ROOT / "eval" / "articles", SEEDS)
    write_text_atomic(ROOT / "eval" / "corpus.json", manifest.model_dump_json(indent=2) + "\n")
    counts: dict[str, int] = {}
    for entry in manifest.articles:
        counts[entry.split] = counts.get(entry.split, 0) + 1
    print(f"eval/corpus.json: {len(manifest.articles)} articles, {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
