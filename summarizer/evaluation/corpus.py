"""The eval corpus manifest: where each article came from and which split it belongs to.

Splits: `seed` (the five seed reports of one event), `dev` (looked at while improving the extraction) and
`heldout` (never looked at while tuning; scored and reported as it comes). The held-out rule is fixed and does not
look at scores: an event is held out when the first 8 hex digits of SHA-256 of its slug, as an integer, modulo 100
are below 40. All reports of one event share a split, so no outlet of a held-out event is tuned on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.errors import ConfigError

Split = Literal["seed", "dev", "heldout"]
SPLITS: tuple[Split, ...] = ("seed", "dev", "heldout")
HELDOUT_RULE = "int(sha256(event slug).hexdigest()[:8], 16) % 100 < 40"
SEED_EVENT = "2026-01-31-balochistan-coordinated-attacks"


def heldout(event: str) -> bool:
    return int(hashlib.sha256(event.encode("utf-8")).hexdigest()[:8], 16) % 100 < 40


class Source(BaseModel):
    """One article's sidecar (`<stem>.source.json`), as the labeller recorded it."""

    model_config = ConfigDict(extra="forbid")
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD as stated by the page or its address.")
    language: str
    event: str
    event_kind: str
    country: str | None = None
    notes: str | None = None


class Entry(Source):
    stem: str
    split: Split


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    heldout_rule: str = HELDOUT_RULE
    articles: list[Entry]

    def split_of(self) -> dict[str, Split]:
        return {e.stem: e.split for e in self.articles}


def read_source(path: Path) -> Source:
    try:
        return Source.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError, ValueError) as exc:
        raise ConfigError(f"{path}: invalid source sidecar: {exc}") from exc


def build_manifest(articles_dir: Path, seed_stems: list[str]) -> Manifest:
    """The manifest from the sidecars; articles without a sidecar must be seeds."""
    entries: list[Entry] = []
    for article in sorted(articles_dir.glob("*.txt")):
        stem = article.stem
        sidecar = articles_dir / f"{stem}.source.json"
        if not sidecar.exists():
            if stem not in seed_stems:
                raise ConfigError(f"{article}: no source sidecar {sidecar.name}")
            entries.append(Entry(stem=stem, split="seed", language="en", event=SEED_EVENT,
                                 event_kind="armed_attack", country="Pakistan"))
            continue
        source = read_source(sidecar)
        split: Split = "heldout" if heldout(source.event) else "dev"
        entries.append(Entry(stem=stem, split=split, **source.model_dump()))
    return Manifest(articles=entries)


def load_manifest(path: Path) -> Manifest | None:
    """The committed manifest, or None when there is none (every article then counts as `dev`)."""
    if not path.exists():
        return None
    try:
        return Manifest.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValidationError, ValueError) as exc:
        raise ConfigError(f"{path}: invalid corpus manifest: {exc}") from exc
