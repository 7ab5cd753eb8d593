"""A small OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks.

    with FakeOpenAIServer(delay=0.5, faults=every(5, SERVER_ERROR)) as server:
        backend = get_backend("openai", base_url=server.base_url, api_key="x", model="m")

It answers `POST /v1/chat/completions` (plain content, or a tool call when the request has `tools`) and `GET
/v1/models`. Each answer is `summarizer.backends.base.emptiest_answer` of the request's schema unless a `responder`
is given; the pass is read from the last `PASS: <name>` line the pipeline puts in its messages (an article's own
`PASS:` lines come before it). `faults` decides, per request number (0-based, in arrival order), whether to answer
with an HTTP 500, a 429 with Retry-After, a garbage body, nothing at all (SILENT: the connection stays open, no byte
is sent), or a trickle (TRICKLE: headers, then one byte of body every `interval` seconds, never complete). Silent
and trickling answers last at most `hold` seconds and end as soon as the client hangs up or the server stops. The
server counts requests and the most it had in flight at once, so tests can check concurrency. """

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

FaultKind = Literal["status", "rate_limit", "garbage", "silent", "trickle"]


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    status: int = 500
    retry_after: float = 0.05
    interval: float = 0.2
    """trickle: seconds between two bytes."""
    hold: float = 30.0
    """silent, trickle: the most seconds the server keeps the request going."""


SERVER_ERROR = Fault("status", 500)
RATE_LIMITED = Fault("rate_limit", 429, retry_after=0.05)
GARBAGE = Fault("garbage", 200)
SILENT = Fault("silent", 200)
TRICKLE = Fault("trickle", 200)

FaultPlan = Sequence[Fault | None] | Callable[[int], Fault | None]
Responder = Callable[[str, dict[str, Any]], str]


def every(n: int, fault: Fault, *, offset: int = 0) -> Callable[[int], Fault | None]:
    """A fault on requests offset, offset+n, offset+2n, ..."""
    return lambda index: fault if index >= offset and (index - offset) % n == 0 else None


def pass_name(messages: list[dict[str, Any]]) -> str:
    """The pass of a request, read like the fake backend reads it (the last marker; see `pass_of`)."""
    from summarizer.backends.fake import pass_of

    return pass_of(messages)


def _default_responder(name: str, body: dict[str, Any]) -> str:
    from summarizer.backends.base import emptiest_answer, request_schema

    return emptiest_answer(request_schema(body))


class FakeOpenAIServer:
    def __init__(self, *, delay: float = 0.0, faults: FaultPlan | None = None, responder: Responder | None = None,
                 model: str = "fake-model", fault_delay: float = 0.0) -> None:
        self.delay = delay
        self.fault_delay = fault_delay
        self.faults = faults
        self.responder = responder or _default_responder
        self.model = model
        self.requests = 0
        self.faults_sent = 0
        self.completed = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.bodies: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("server not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.request_queue_size = 128
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="fake-openai", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # silent and trickling answers end now
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- behaviour -------------------------------------------------------------------------------------------

    def _next(self, body: dict[str, Any]) -> tuple[int, Fault | None]:
        with self._lock:
            index = self.requests
            self.requests += 1
            self.bodies.append(body)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        fault: Fault | None
        if self.faults is None:
            fault = None
        elif callable(self.faults):
            fault = self.faults(index)
        else:
            fault = self.faults[index] if index < len(self.faults) else None
        return index, fault

    def _done(self, *, faulted: bool) -> None:
        with self._lock:
            self.in_flight -= 1
            if faulted:
                self.faults_sent += 1
            else:
                self.completed += 1

    def completion(self, body: dict[str, Any]) -> dict[str, Any]:
        messages = list(body.get("messages", []))
        content = self.responder(pass_name(messages), body)
        prompt_tokens = sum(max(1, len(str(m.get("content", ""))) // 4) for m in messages)
        message: dict[str, Any] = {"role": "assistant", "content": content}
        finish = "stop"
        tools = body.get("tools") or []
        if tools:
            name = tools[0].get("function", {}).get("name", "tool")
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_0", "type": "function", "function": {"name": name, "arguments": content}}]}
            finish = "tool_calls"
        return {
            "id": f"chatcmpl-fake-{self.requests}", "object": "chat.completion", "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": max(1, len(content) // 4),
                      "total_tokens": prompt_tokens + max(1, len(content) // 4)},
        }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms delayed-ACK stalls

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def _send(self, status: int, payload: bytes, headers: dict[str, str] | None = None,
              content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            body = {"object": "list", "data": [{"id": self.fake.model, "object": "model", "owned_by": "fake"}]}
            self._send(200, json.dumps(body).encode())
        else:
            self._send(404, b'{"error": {"message": "not found"}}')

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send(404, b'{"error": {"message": "not found"}}')
            return
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            self._send(400, b'{"error": {"message": "request body is not JSON"}}')
            return
        _, fault = self.fake._next(body)
        if fault is None:
            time.sleep(self.fake.delay)
            payload = json.dumps(self.fake.completion(body)).encode()
            # counted before the write: a client that has read the answer may look at the counters at once
            self.fake._done(faulted=False)
            self._send(200, payload)
            return
        try:
            time.sleep(self.fake.fault_delay)
            self._fault(fault)
        finally:
            self.fake._done(faulted=True)

    def _client_gone(self, wait: float) -> bool:
        """Wait up to `wait` seconds; True when the client closed its end of the connection."""
        readable, _, _ = select.select([self.connection], [], [], wait)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _hold(self, fault: Fault, step: Callable[[], None] | None) -> None:
        ends = time.monotonic() + fault.hold
        while time.monotonic() < ends and not self.fake.stopping.is_set():
            if self._client_gone(fault.interval):
                return
            if step is not None:
                try:
                    step()
                except OSError:
                    return
        self.close_connection = True

    def _trickle_start(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()

    def _trickle_byte(self) -> None:
        self.wfile.write(b" ")
        self.wfile.flush()

    def _fault(self, fault: Fault) -> None:
        if fault.kind == "silent":
            self._hold(fault, None)
            return
        if fault.kind == "trickle":
            self._trickle_start()
            self._hold(fault, self._trickle_byte)
            return
        if fault.kind == "rate_limit":
            self._send(fault.status, b'{"error": {"message": "rate limited", "type": "rate_limit"}}',
                       {"Retry-After": f"{fault.retry_after:g}"})
        elif fault.kind == "garbage":
            self._send(fault.status, b"<html>upstream proxy error{{{", content_type="application/json")
        else:
            self._send(fault.status, b'{"error": {"message": "internal server error"}}')


def main() -> None:
    """Serve until interrupted: `python tests/fake_openai_server.py --delay 0.5` (prints the base URL)."""
    import argparse

    parser = argparse.ArgumentParser(description="A fake OpenAI-compatible server for demos and benchmarks.")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--fail-every", type=int, default=0, help="answer every Nth request with an HTTP 500")
    args = parser.parse_args()
    faults = every(args.fail_every, SERVER_ERROR, offset=args.fail_every - 1) if args.fail_every else None
    server = FakeOpenAIServer(delay=args.delay, faults=faults).start()
    print(server.base_url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
