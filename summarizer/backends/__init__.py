"""Backends by name, from a registry: `local` (embedded), `openai` (any compatible server), `fake[:recording.json]`.

A backend module is imported only when its backend is built, so importing this package (for the deadlines, say)
loads neither instructor nor llama-cpp-python. A new backend is one `register_backend` call, not a new branch.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer.backends.base import Backend, BackendInfo, Sampling
    from summarizer.backends.fake import FakeBackend


@dataclass(frozen=True)
class BackendOptions:
    """What the CLI and the API can say about any backend; each factory takes what applies to it."""

    arg: str = ""  # after the colon: 'fake:recording.json', 'local:/path/model.gguf'
    model: str | None = None
    base_url: str | None = None
    api_key: str | None = None
    timeout: float = 120.0


Factory = Callable[[BackendOptions], "Backend"]
_REGISTRY: dict[str, Factory] = {}
_LOCAL_CACHE: dict[str, Backend] = {}


def register_backend(name: str, factory: Factory) -> None:
    _REGISTRY[name] = factory


def get_backend(spec: str = "local", *, model: str | None = None, base_url: str | None = None,
                api_key: str | None = None, timeout: float = 120.0) -> Backend:
    """Build a backend from its name ('local', 'openai', 'openai/MODEL', 'fake:recording.json')."""
    head, _, arg = spec.partition(":")
    kind, _, named_model = head.partition("/")
    factory = _REGISTRY.get(kind.lower())
    if factory is None:
        raise ConfigError(f"unknown backend {spec!r}: use {', '.join(sorted(_REGISTRY))} (fake takes :RECORDING.json)")
    return factory(BackendOptions(arg=arg, model=model or named_model or None, base_url=base_url, api_key=api_key,
                                  timeout=timeout))


def _local(options: BackendOptions) -> Backend:
    """The embedded model, loaded once per process and reused."""
    from summarizer.backends.llama import LlamaBackend

    key = options.model or options.arg or "default"
    if key not in _LOCAL_CACHE:
        _LOCAL_CACHE[key] = LlamaBackend(options.model or options.arg or None)
    return _LOCAL_CACHE[key]


def _openai(options: BackendOptions) -> Backend:
    from summarizer.backends.openai_compat import OpenAIBackend

    return OpenAIBackend(options.model, base_url=options.base_url, api_key=options.api_key, timeout=options.timeout)


def _fake(options: BackendOptions) -> Backend:
    from summarizer.backends.fake import FakeBackend

    return FakeBackend.from_file(options.arg) if options.arg else FakeBackend()


register_backend("local", _local)
register_backend("openai", _openai)
register_backend("fake", _fake)

_LAZY = {"Backend": "summarizer.backends.base", "BackendInfo": "summarizer.backends.base",
         "Sampling": "summarizer.backends.base", "FakeBackend": "summarizer.backends.fake"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'summarizer.backends' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


__all__ = ["Backend", "BackendInfo", "BackendOptions", "FakeBackend", "Sampling", "get_backend",
           "register_backend"]
