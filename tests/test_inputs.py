"""read_article: every way an input file can be unusable is one InputError that names the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.files.inputs import read_article

PROSE = (
    "Storms flooded three villages in the river valley on Monday, local officials said, "
    "and roads into the district stayed closed for a second day.\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def rejects(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as info:
        read_article(path, **kwargs)
    message = str(info.value)
    assert str(path) in message, f"error does not name the file: {message}"
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert "no such file" in rejects(tmp_path / "absent.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    assert "directory" in rejects(folder)


def test_empty_file(tmp_path: Path) -> None:
    assert "empty" in rejects(write(tmp_path, "empty.txt", b""))


def test_whitespace_only(tmp_path: Path) -> None:
    assert "no text" in rejects(write(tmp_path, "blank.txt", b"  \n\t\r\n   \n"))


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert "binary" in rejects(write(tmp_path, "picture.txt", png))


def test_cp1252_text_is_decoded(tmp_path: Path) -> None:
    data = ("Protesters gathered outside the caf\xe9 and the town hall; " + PROSE).encode("cp1252")
    assert b"\xe9" in data
    text = read_article(write(tmp_path, "latin.txt", data))
    assert "café and the town hall" in text


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    data = ("Résumé of events: " + PROSE).encode("utf-16")
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = read_article(write(tmp_path, "wide.txt", data))
    assert text.startswith("Résumé of events: Storms flooded")


def test_utf8_with_bom_loses_the_bom(tmp_path: Path) -> None:
    text = read_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PROSE.encode()))
    assert text == PROSE


def test_bytes_neither_utf8_nor_cp1252(tmp_path: Path) -> None:
    # 0x81 and 0x9d are undefined in Windows-1252, and a lone 0x81 is not UTF-8 either
    data = PROSE.encode() + b"broken \x81 and \x9d bytes\n"
    message = rejects(write(tmp_path, "mixed.txt", data))
    assert "UTF-8" in message and "Windows-1252" in message


def test_oversized_file(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", PROSE.encode() * 10)
    assert "limit" in rejects(path, max_bytes=100)
    assert read_article(path, max_bytes=10_000).startswith("Storms flooded")


def test_html_page_is_reduced_to_text(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Ignored head</title>"
        "<style>body { color: red; }</style></head><body>"
        "<nav>Home | World</nav>"
        "<script>var tracker = 'do not keep me';</script>"
        "<h1>Floods close valley roads</h1>"
        "<p>Storms flooded three villages on Monday &amp; officials said roads stayed closed.</p>"
        "<p>Rescue teams reached the district by&nbsp;boat.</p>"
        "</body></html>"
    )
    text = read_article(write(tmp_path, "page.html", page.encode()))
    assert "Floods close valley roads" in text
    assert "Storms flooded three villages on Monday & officials said roads stayed closed." in text
    assert "reached the district by boat." in text
    for leaked in ("tracker", "color: red", "<p>", "Home | World", "Ignored head"):
        assert leaked not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "Floods close valley roads"


def test_html_detected_by_content_even_with_txt_name(tmp_path: Path) -> None:
    page = "<html><body><script>x = 1;</script><p>" + PROSE + "</p></body></html>"
    text = read_article(write(tmp_path, "saved.txt", page.encode()))
    assert "x = 1" not in text and "Storms flooded three villages" in text


def test_crlf_line_endings_are_normalised(tmp_path: Path) -> None:
    text = read_article(write(tmp_path, "dos.txt", PROSE.replace("\n", "\r\n").encode() * 2))
    assert "\r" not in text and text.count("\n") == 2
