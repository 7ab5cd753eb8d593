"""Text from an article or a model made inert for Markdown and HTML viewers (every report and page uses it).

A prompt-injected article cannot put live markup into a report: raw HTML such as <script>, links or images of its
own, headings, lists, tables or emphasis. Only the structure the renderers write is Markdown.
"""

from __future__ import annotations

import re

# Inline markup: code spans, emphasis, links and images ("[", "]"), table cells; `<`, `>` become entities (raw
# HTML, autolinks). A leading "#", "-", "+", "=" or "1." would start a heading, a list or a rule.
_MARKUP = re.compile(r"([\\`*_\[\]|])")
_LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")


def escape_inline(text: object) -> str:
    """Text from the article or the model, made inert for Markdown and HTML viewers, on one line."""
    value = " ".join(str(text if text is not None else "").split())  # no line breaks: no headings, lists, fences
    value = _MARKUP.sub(r"\\\1", value.replace("<", "&lt;").replace(">", "&gt;"))
    match = _LINE_START.match(value)
    if match is None:
        return value
    if match.group(1)[0].isdigit():
        end = match.end()
        return f"{value[:end]}\\{value[end:]}"
    return "\\" + value
