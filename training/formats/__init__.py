"""Readers of the exports that are not X archives, one module per format, each returning an
`training.ingest.Source` (`training.ingest.read_source` detects the format and calls the right one)."""
