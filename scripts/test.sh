#!/usr/bin/env bash
# Set up, run the whole test suite (including the tests that run the real embedded model), then the eval gate.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install_chromium.sh   # Debian's chromium for the browser tests (apt-get, only when missing)
.venv/bin/ruff check summarizer tests bench
.venv/bin/mypy summarizer
.venv/bin/python -m pytest -q
status=0
.venv/bin/summarizer eval --run-dir eval/runs/ci || status=$?
if [ -f eval/runs/ci/report.md ]; then cat eval/runs/ci/report.md; fi
exit "$status"
