"""Comparing runs: kept reference runs in the loss panel, and races of a design's variants."""
