"""Where things live: the user cache directory and the packaged prompts and schemas."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path:
    """User cache: $SUMMARIZER_CACHE_DIR, else $XDG_CACHE_HOME/summarizer, else ~/.cache/summarizer."""
    explicit = os.environ.get("SUMMARIZER_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "summarizer"


def model_dir() -> Path:
    """Assembled model files: $SUMMARIZER_MODEL_DIR, else a folder of the user cache (shared across caches)."""
    explicit = os.environ.get("SUMMARIZER_MODEL_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "summarizer" / "models"


def _data_dir(name: str) -> Path:
    # A wheel carries the folder inside the package (see pyproject's force-include); a checkout has it at the root.
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name


def prompts_dir() -> Path:
    return _data_dir("prompts")


def schemas_dir() -> Path:
    return _data_dir("schemas")
