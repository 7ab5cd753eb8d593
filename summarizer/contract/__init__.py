"""The published contract: the pydantic models of an event summary, a consolidated event and a gold file.

Nothing here imports the rest of the package; everything else builds on it."""
