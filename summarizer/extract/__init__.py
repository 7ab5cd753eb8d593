"""Readers: figures, attribution, statements, places, actors, consequences and rollups, each from sentences
and lexicons. No model calls (the pipeline asks the model where a reader is not sure)."""
