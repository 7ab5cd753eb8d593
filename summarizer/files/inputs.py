"""Reading and checking article text before any model sees it."""

from __future__ import annotations

import errno
import hashlib
import html
import os
import re
import stat
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from summarizer.errors import InputError

MAX_FILE_BYTES = 2_000_000


def article_id(text: str) -> str:
    """Stable id of an article: 16 hex digits of the SHA-256 of its (normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the bytes look like UTF-16 text with no byte-order mark, else None.

    Latin-script UTF-16 has a NUL in every other byte: the high bytes of ASCII letters.
    """
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 8 or len(data) % 2:
        return None
    even_nuls = sample[0:2 * pairs:2].count(0)
    odd_nuls = sample[1:2 * pairs:2].count(0)
    if odd_nuls >= 0.6 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.6 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or recognised without one), else
    Windows-1252 if clean."""
    if not data:
        raise InputError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: looks like UTF-16 but does not decode ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(f"{name}: binary file (NUL bytes), not article text")
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: looks like {utf16.upper()} without a byte-order mark but does not decode "
                             f"({exc.reason}); re-encode it as UTF-8") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 (bad byte at offset {utf8_error.start}) and not Windows-1252; "
            "re-encode it as UTF-8"
        ) from exc
    return text


def check_text(text: str, name: str) -> str:
    """Normalise line endings and Unicode form; reject empty or control-character soup."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError(f"{name}: file has no text (empty or whitespace only)")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t")
    if controls > max(8, len(text) // 100):
        raise InputError(f"{name}: binary or corrupt text ({controls} control characters)")
    letters = sum(1 for ch in text if ch.isalpha())
    if letters < 20:
        raise InputError(f"{name}: too little text to summarize ({letters} letters)")
    return text


class _TextExtractor(HTMLParser):
    _SKIP: ClassVar[set[str]] = {"script", "style", "noscript", "head", "nav", "footer", "svg"}
    _BLOCK: ClassVar[set[str]] = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Reduce an HTML page to its readable text, one block per paragraph."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# What may come before the first element of a saved page: an XML declaration, comments ("<!-- saved from url=...
# -->"), processing instructions, whitespace.
_PROLOGUE = re.compile(r"\A(?:\s+|<\?[^>]*\?>|<!--.*?-->)*", re.DOTALL)
_FIRST_ELEMENT = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|link|script|style|div|p|article|section|"
                            r"header|main|span|table|h[1-6])[\s>/]", re.IGNORECASE)
_PAGE_ELEMENT = re.compile(r"<(html|body)[\s>]|</(html|body|script)>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """An HTML page, judged by its content: its first element (after any XML declaration and comments) is an HTML
    element, or it has the <html>/<body> elements or a closing </script> anywhere. Plain prose that mentions a tag
    in passing is not taken for a page."""
    start = _PROLOGUE.match(text)
    rest = text[start.end() if start else 0:]
    return bool(_FIRST_ELEMENT.match(rest)) or bool(_PAGE_ELEMENT.search(text))


def _read_stdin(max_bytes: int) -> bytes:
    stream = sys.stdin
    if stream is None:  # the process was started with standard input closed (`<&-`)
        raise InputError("<stdin>: standard input is closed; pass a file, or pipe the article in")
    try:
        return stream.buffer.read(max_bytes + 1)
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"<stdin>: cannot read standard input ({reason})") from exc


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file. Opened without blocking and checked on the open descriptor, so a FIFO, a
    device or a socket is refused instead of read forever, and nothing can be swapped in between."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError as exc:
        if path.is_symlink():
            raise InputError(f"{name}: a symbolic link to a file that does not exist") from exc
        raise InputError(f"{name}: no such file") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{name}: symbolic link loop (too many levels of symbolic links)") from exc
        if exc.errno == errno.ENXIO:  # a socket
            raise InputError(f"{name}: not a regular file (a socket); articles must be regular files") from exc
        raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name}: is a directory (use 'summarizer batch' for folders)")
        if not stat.S_ISREG(info.st_mode):
            kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if (
                stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)) else "not a file"
            raise InputError(f"{name}: not a regular file ({kind}); articles must be regular files "
                             "(use '-' to read standard input)")
        if info.st_size > max_bytes:
            raise InputError(f"{name}: file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    finally:
        os.close(fd)


def read_article(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read one article file ('-' for standard input) and return checked text. Raises InputError."""
    name = str(path)
    if name == "-":
        data = _read_stdin(max_bytes)
        name = "<stdin>"
    else:
        data = _read_file(Path(path), name, max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the {max_bytes:,}-byte limit")
    text = decode_bytes(data, name)
    if name.lower().endswith((".html", ".htm")) or looks_like_html(text):
        text = html_to_text(text)
    return check_text(text, name)
