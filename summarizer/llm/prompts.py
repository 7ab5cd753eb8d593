"""Prompt templates: Jinja2 files under `prompts/`, rendered sandboxed with StrictUndefined.

Article text only ever enters as a variable, never as template source, so braces in an article are inert.

The article is fenced by a marker the article cannot forge (`article_fence`): derived from the article's own text
(so the prompt prefix stays byte-identical across the passes of one article and the embedded model reuses its KV
cache) and guaranteed absent from it. A line "END OF ARTICLE" or "PASS: ..." inside an article stays article text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from summarizer.errors import ConfigError
from summarizer.files.paths import prompts_dir

FENCE_HEX = 12


class _HasText(Protocol):
    @property
    def text(self) -> str: ...


def article_fence(parts: Iterable[_HasText | str]) -> str:
    """A marker for the article's boundaries that does not occur in the article.

    Deterministic: the same article always gets the same fence (identical prompt prefix on every pass). Unforgeable:
    it is a slice of the SHA-256 of the text itself, and a text cannot contain a hash of itself except by chance
    (one in 16**12); should a slice occur anyway, the next one that does not is taken.
    """
    body = "\n".join(part if isinstance(part, str) else part.text for part in parts)
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    counter = 0
    while True:
        for start in range(0, len(digest) - FENCE_HEX + 1, 4):
            fence = digest[start:start + FENCE_HEX]
            if fence not in body:
                return fence
        counter += 1
        digest = hashlib.sha256(f"{counter}\0{body}".encode()).hexdigest()


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    directory = prompts_dir()
    if not directory.is_dir():
        raise ConfigError(f"prompt templates not found at {directory}: the installation is incomplete")
    # auto_reload off: a template edited while a batch runs must not change its prompts mid-run (their hash, in
    # every cache key and provenance, is taken once per process)
    environment = SandboxedEnvironment(loader=FileSystemLoader(str(directory)), undefined=StrictUndefined,
                                       autoescape=False, keep_trailing_newline=True, auto_reload=False)
    environment.globals["article_fence"] = article_fence
    return environment


def render(name: str, **variables: Any) -> str:
    try:
        return _environment().get_template(f"{name}.j2").render(**variables)
    except TemplateError as exc:
        raise ConfigError(f"prompt template {name}.j2: {exc}") from exc


# The templates an article's summary is made with (their hash is in its provenance and its cache key); the others
# serve later steps (consolidation's `same_event`), so editing them never re-summarizes an article.
SUMMARY_TEMPLATES = frozenset({"article", "counts", "figures", "overview", "reask", "statement", "system"})
OTHER_TEMPLATES = frozenset({"same_event"})


@lru_cache(maxsize=1)
def prompts_hash() -> str:
    """Hash of the summary templates' names and texts: part of the provenance and of every cache key."""
    digest = hashlib.sha256()
    for path in sorted(prompts_dir().glob("*.j2")):
        if path.stem not in SUMMARY_TEMPLATES:
            continue
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
