"""The one small interface every backend implements.

A backend turns OpenAI-style chat messages into an OpenAI `ChatCompletion`. Validation, re-asks and the
response model are instructor's job (see `llm.py`), so every backend goes through the same checks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Protocol

import instructor
from openai.types.chat import ChatCompletion


@dataclass(frozen=True)
class Sampling:
    temperature: float = 0.0
    top_p: float = 1.0
    repeat_penalty: float = 1.05
    seed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"temperature": self.temperature, "top_p": self.top_p, "repeat_penalty": self.repeat_penalty,
                "seed": self.seed}


@dataclass
class BackendInfo:
    name: str
    """Backend kind and model, e.g. 'local/qwen2.5-coder-1.5b' or 'openai/gpt-4o-mini'."""
    model: str
    mode: instructor.Mode
    concurrent: bool
    """True when several requests may run at once (remote servers); False for the in-process model."""
    context_tokens: int | None = None
    sampling: Sampling = field(default_factory=Sampling)

    def fingerprint(self) -> str:
        blob = json.dumps({"name": self.name, "model": self.model, "mode": self.mode.value,
                           "sampling": self.sampling.as_dict()}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


class Backend(Protocol):
    info: BackendInfo

    def create(self, **kwargs: Any) -> ChatCompletion:
        """OpenAI-compatible chat completion. `kwargs` holds messages, max_tokens, response_format/tools."""
        ...

    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes for this model (an estimate for remote models)."""
        ...


def make_completion(content: str, *, model: str, prompt_tokens: int, completion_tokens: int,
                    finish_reason: str = "stop") -> ChatCompletion:
    """Build an OpenAI ChatCompletion object around generated text."""
    return ChatCompletion.model_validate({
        "id": "chatcmpl-local",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    })
