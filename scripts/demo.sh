#!/usr/bin/env bash
# The main job on the embedded model: summarize the five seed articles, print each as Markdown, write the JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
OUT="${1:-results/seeds}"
.venv/bin/summarizer batch eval/articles --out "$OUT" --allow-failures --glob '00[0-4]_*.txt'  # the five seeds
for json in "$OUT"/*.json; do
  case "$(basename "$json")" in manifest.json) continue ;; esac
  .venv/bin/summarizer render "$json"
done
echo "JSON written to $OUT/" >&2
