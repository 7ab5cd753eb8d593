"""An httpx client whose every network operation is bounded by the deadlines in force (`summarizer.backends.deadline`).

httpx's timeouts are per operation: a read timeout restarts with every byte, so a server that trickles one byte
every few seconds is never timed out. Here each connect, TLS handshake, send and receive gets at most the time the
deadline has left, and none starts once it has passed, so a request ends by the deadline whatever the server does.
The bound sits in httpcore's network layer (a wrapping `NetworkBackend`), under the connection pool of the client's
transport and of any proxy transport it mounts.
"""

from __future__ import annotations

import ssl
import typing
import warnings
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
import openai

from summarizer.backends import deadline
from summarizer.errors import SummarizerWarning

_SocketOption = Any


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    left = deadline.remaining()
    if left is None:
        return timeout
    if left <= 0:
        raise expired("deadline passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.start_tls(ssl_context, server_hostname,
                                                    _bounded(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[_SocketOption] | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.connect_tcp(host, port, _bounded(timeout, httpcore.ConnectTimeout),
                                                      local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[_SocketOption] | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.connect_unix_socket(path, _bounded(timeout, httpcore.ConnectTimeout),
                                                              socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _bound_pool(transport: object) -> bool:
    pool = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if inner is None:
        return False
    if not isinstance(inner, DeadlineBackend):
        pool._network_backend = DeadlineBackend(inner)  # type: ignore[union-attr]
    return True


def deadline_http_client() -> httpx.Client:
    """openai's default httpx client (its limits, redirects, proxies from the environment), deadline-bounded."""
    client = openai.DefaultHttpxClient()
    transports = [client._transport, *(t for t in client._mounts.values() if t is not None)]
    if not all(_bound_pool(t) for t in transports):  # httpx changed its internals (the tests catch it)
        warnings.warn("this httpx version hides its connection pool: a model server that trickles its answer is "
                      "only cut off between retries, not at the deadline", SummarizerWarning, stacklevel=2)
    return client
