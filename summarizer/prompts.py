"""Prompt templates: Jinja2 files under `prompts/`, rendered sandboxed with StrictUndefined.

Article text only ever enters as a variable, never as template source, so braces in an article are inert.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from .errors import ConfigError
from .paths import prompts_dir


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    directory = prompts_dir()
    if not directory.is_dir():
        raise ConfigError(f"prompt templates not found at {directory}: the installation is incomplete")
    return SandboxedEnvironment(loader=FileSystemLoader(str(directory)), undefined=StrictUndefined,
                                autoescape=False, keep_trailing_newline=True)


def render(name: str, **variables: Any) -> str:
    try:
        return _environment().get_template(f"{name}.j2").render(**variables)
    except TemplateError as exc:
        raise ConfigError(f"prompt template {name}.j2: {exc}") from exc


@lru_cache(maxsize=1)
def prompts_hash() -> str:
    """Hash of every template's name and text: part of the provenance and of every cache key."""
    digest = hashlib.sha256()
    for path in sorted(prompts_dir().glob("*.j2")):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
