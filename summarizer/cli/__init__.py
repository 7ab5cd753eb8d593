"""The command-line edge: turns exceptions into one clear line and an exit code."""
