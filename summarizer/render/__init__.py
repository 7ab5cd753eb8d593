"""Presenting summaries: Markdown, CSV export and the static review site (`review/`)."""
