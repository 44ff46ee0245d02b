"""Fixtures of the training tests only."""

from pathlib import Path

import pytest
from helpers.paths import SHARED_DATA


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real tweet exports expected at {SHARED_DATA} (the project's ../shared/data)")
    return SHARED_DATA
