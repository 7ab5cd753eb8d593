"""Consolidation: several outlets' summaries of one event grouped and merged into one record.

The public API is in `run` (`consolidate`, `consolidate_folder`); grouping, figure sets, windows, name indexes and
the Markdown report each have their module."""
