"""Reading the Prometheus metrics a generation backend keeps."""


def sample(pool: object, name: str, labels: dict | None = None) -> float:
    """A metric of a generation backend (embedded or remote: both keep a `PoolMetrics`), 0 when unset."""
    return pool.metrics.registry.get_sample_value(name, labels or {}) or 0.0
