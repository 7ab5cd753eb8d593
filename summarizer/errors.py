"""Exceptions. One root, a few branches; each carries the exit code the CLI uses.

    SummarizerError                  (exit 1)
    ├── InputError                   (exit 3)  missing, empty, binary, undecodable file
    │   └── ArticleTooLongError      (exit 3)  longer than the model's context
    ├── BackendError                 (exit 4)  server down, timeouts, HTTP errors after retries
    │   ├── ModelNotAvailableError   (exit 4)  embedded model or llama-cpp-python missing
    │   └── DeadlineExceeded         (exit 4)  a call or an article ran past --timeout / --article-timeout
    ├── ModelOutputError             (exit 5)  output still invalid after the re-asks
    ├── ConfigError                  (exit 6)  bad option or environment
    └── StorageError                 (exit 8)  the operating system refused a read or write (permission, disk
                                               full, a file where a folder should be, read-only file system)

SummarizerWarning is what the library warns with (never prints): e.g. a result cache that cannot be written.
"""

from __future__ import annotations


class SummarizerError(Exception):
    exit_code = 1


class InputError(SummarizerError):
    exit_code = 3


class ArticleTooLongError(InputError):
    def __init__(self, message: str, *, tokens: int, limit: int) -> None:
        super().__init__(message)
        self.tokens = tokens
        self.limit = limit


class BackendError(SummarizerError):
    exit_code = 4


class ModelNotAvailableError(BackendError):
    pass


class DeadlineExceeded(BackendError):
    pass


class ModelOutputError(SummarizerError):
    exit_code = 5


class ConfigError(SummarizerError):
    exit_code = 6


class StorageError(SummarizerError):
    exit_code = 8


class SummarizerWarning(UserWarning):
    """Something went wrong that costs nothing but speed or convenience (the CLI prints it as one `warning:` line)."""
