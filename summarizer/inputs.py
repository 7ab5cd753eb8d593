"""Reading and checking article text before any model sees it."""

from __future__ import annotations

import hashlib
import html
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from .errors import InputError

MAX_FILE_BYTES = 2_000_000
_ENCODINGS = ("utf-8-sig", "utf-16", "cp1252")


def article_id(text: str) -> str:
    """Stable id of an article: 16 hex digits of the SHA-256 of its (normalised) text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode_bytes(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 if clean."""
    if not data:
        raise InputError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: looks like UTF-16 but does not decode ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not article text")
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


def read_article(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read one article file ('-' for standard input) and return checked text. Raises InputError."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{name}: no such file")
        if p.is_dir():
            raise InputError(f"{name}: is a directory (use 'summarizer batch' for folders)")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(f"{name}: file is {size:,} bytes, over the {max_bytes:,}-byte limit")
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the {max_bytes:,}-byte limit")
    text = decode_bytes(data, name)
    if name.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text = html_to_text(text)
    return check_text(text, name)
