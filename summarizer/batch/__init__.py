"""Batch jobs over folders: the resumable runner, its manifest and progress display."""
