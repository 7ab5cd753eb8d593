"""The one small interface every backend implements.

A backend turns OpenAI-style chat messages into an OpenAI `ChatCompletion`. Validation, re-asks and the
response model are instructor's job (see `llm/client.py`), so every backend goes through the same checks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # instructor and openai take about a second to import: the CLI loads the model meanwhile
    from openai.types.chat import ChatCompletion

# instructor.Mode values (BackendInfo.mode); `llm.client` turns them into the enum
JSON_SCHEMA_MODE = "json_schema_mode"


def request_schema(request: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON Schema a chat request asks the answer to follow: its response format's, or its one tool's."""
    response_format = request.get("response_format") or {}
    schema = response_format.get("json_schema", {}).get("schema") or response_format.get("schema")
    if not schema and request.get("tools"):
        schema = request["tools"][0].get("function", {}).get("parameters")
    return schema if isinstance(schema, dict) else None


def emptiest_answer(schema: dict[str, Any] | None) -> str:
    """The emptiest JSON a form's schema accepts: "none" (or "other") for enums that have it, "" or [] or 0.

    What the fake backend and the test servers answer when nothing is queued, for any pass.
    """
    if not schema:
        return "{}"
    defs = schema.get("$defs") or {}

    def fill(spec: dict[str, Any]) -> Any:
        if "$ref" in spec:
            return fill(defs.get(spec["$ref"].rsplit("/", 1)[-1], {}))
        if "anyOf" in spec:
            return fill(spec["anyOf"][0])
        if "enum" in spec:
            return next((v for v in ("none", "other") if v in spec["enum"]), spec["enum"][0])
        kind = spec.get("type", "string")
        if kind == "object":
            return {name: fill(sub) for name, sub in (spec.get("properties") or {}).items()}
        return {"string": "", "array": [], "integer": 0, "number": 0, "boolean": False, "null": None}.get(kind, "")

    return json.dumps(fill(schema))


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
    mode: str
    """instructor.Mode value: how the answer's schema is sent (JSON_SCHEMA_MODE for grammar-constrained JSON)."""
    concurrent: bool
    """True when several requests may run at once (remote servers); False for the in-process model."""
    context_tokens: int | None = None
    sampling: Sampling = field(default_factory=Sampling)

    def fingerprint(self) -> str:
        blob = json.dumps({"name": self.name, "model": self.model, "mode": self.mode,
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

    def warm_up(self) -> None:
        """Start what the first request would wait for (loading an embedded model) without waiting for it."""
        ...


def make_completion(content: str, *, model: str, prompt_tokens: int, completion_tokens: int,
                    finish_reason: str = "stop") -> ChatCompletion:
    """Build an OpenAI ChatCompletion object around generated text."""
    from openai.types.chat import ChatCompletion

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
