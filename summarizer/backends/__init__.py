"""Backends by name: `local` (embedded), `openai` (any compatible server), `fake[:recording.json]`."""

from __future__ import annotations

from summarizer.backends.base import Backend, BackendInfo, Sampling
from summarizer.backends.fake import FakeBackend
from summarizer.errors import ConfigError

_LOCAL_CACHE: dict[str, Backend] = {}


def get_backend(spec: str = "local", *, model: str | None = None, base_url: str | None = None,
                api_key: str | None = None, timeout: float = 120.0) -> Backend:
    """Build a backend from its name. The embedded model is loaded once per process and reused."""
    kind, _, arg = spec.partition(":")
    kind = kind.split("/", 1)[0].lower()
    if kind == "local":
        key = model or arg or "default"
        if key not in _LOCAL_CACHE:
            from summarizer.backends.llama import LlamaBackend

            _LOCAL_CACHE[key] = LlamaBackend(model or arg or None)
        return _LOCAL_CACHE[key]
    if kind == "openai":
        from summarizer.backends.openai_compat import OpenAIBackend

        model_name = model or (spec.split("/", 1)[1] if "/" in spec else None)
        return OpenAIBackend(model_name, base_url=base_url, api_key=api_key, timeout=timeout)
    if kind == "fake":
        return FakeBackend.from_file(arg) if arg else FakeBackend()
    raise ConfigError(f"unknown backend {spec!r}: use local, openai or fake[:RECORDING.json]")


__all__ = ["Backend", "BackendInfo", "FakeBackend", "Sampling", "get_backend"]
