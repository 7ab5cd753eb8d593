"""The eval: runner, corpus manifest and splits, reports, per-field scoring and the consolidation scorer."""
