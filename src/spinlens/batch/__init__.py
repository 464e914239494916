"""Batch analysis of whole crawls: the `spinlens batch` command, its local engine and its Ray engine."""
