"""Readers of the exports, one module per format, each returning a `training.records.Source`
(`training.ingest.read_source` detects the format and calls the right one)."""
