"""A backend that replays recorded responses: tests and demos without a model.

Responses are queued per pass name (the pipeline names each call). When a pass has nothing queued, the fake
answers with the emptiest answer the request's schema accepts (`emptiest_answer`), so any article can run through the
whole pipeline. A callable may be given instead of strings to compute a response from the messages.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.backends import deadline
from summarizer.backends.base import JSON_SCHEMA_MODE, BackendInfo, emptiest_answer, make_completion, request_schema
from summarizer.errors import BackendError

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletion

Responder = Callable[[list[dict[str, Any]]], str]
Reply = str | Responder | BaseException


PASS_MARKER = "PASS: "


def pass_of(messages: list[dict[str, Any]]) -> str:
    """The pass a request is for: the LAST `PASS: <name>` of the latest prompt message that has one.

    The pass instructions follow the article in the prompt, so a `PASS:` line inside the article comes earlier and
    never wins; the model's own answers (assistant messages) are not read, whatever they contain.
    """
    for message in reversed(messages):
        if message.get("role") == "assistant":
            continue
        content = str(message.get("content") or "")
        if PASS_MARKER in content:
            words = content.rsplit(PASS_MARKER, 1)[1].split()
            return words[0] if words else "unknown"
    return "unknown"


class FakeBackend:
    def __init__(self, responses: Mapping[str, Iterable[Reply]] | None = None, *, delay: float = 0.0,
                 model: str = "fake-model", defaults: Callable[[str], str] | None = None) -> None:
        self.info = BackendInfo(name=f"fake/{model}", model=model, mode=JSON_SCHEMA_MODE,
                                concurrent=True, context_tokens=32768)
        self._queues: dict[str, deque[Reply]] = defaultdict(deque)
        for name, replies in (responses or {}).items():
            self._queues[name].extend(replies)
        self._delay = delay
        self._defaults = defaults
        self._lock = threading.Lock()
        self.calls: list[dict[str, Any]] = []

    @classmethod
    def from_file(cls, path: str | Path) -> FakeBackend:
        """Load a recording: JSON object {pass_name: [response text, ...]}."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise BackendError(f"fake backend: cannot load recording {path}: {exc}") from exc
        return cls({str(k): [str(r) for r in v] for k, v in data.items()})

    def count_tokens(self, text: str) -> int:
        return max(1, len(text) // 4)

    def warm_up(self) -> None:
        """Nothing to load."""

    def create(self, **kwargs: Any) -> ChatCompletion:
        messages = list(kwargs.get("messages", []))
        name = pass_of(messages)
        with self._lock:
            self.calls.append({"pass": name, **kwargs})
            queue = self._queues.get(name)
            reply: Reply | None = queue.popleft() if queue else None
        if self._delay:  # a slow model: waits like a server would, cut off by the deadlines in force
            left = deadline.remaining()
            time.sleep(self._delay if left is None else max(0.0, min(self._delay, left)))
            deadline.check(f"{self.info.name}: {name} pass")
        if isinstance(reply, BaseException):
            raise reply
        if reply is None:
            content = emptiest_answer(request_schema(kwargs)) if self._defaults is None else self._defaults(name)
        elif callable(reply):
            content = reply(messages)
        else:
            content = reply
        prompt_tokens = sum(self.count_tokens(str(m.get("content", ""))) for m in messages)
        return make_completion(content, model=self.info.model, prompt_tokens=prompt_tokens,
                               completion_tokens=self.count_tokens(content))
