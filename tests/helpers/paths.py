"""Where the repository and its data are, for tests at any depth under tests/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # tests/helpers/paths.py → the repository
SHARED_DATA = ROOT.parent / "shared" / "data"  # the real exports beside the repository (../shared/data)
