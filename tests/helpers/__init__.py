"""What tests of several folders share, imported by name: `from helpers.config import write_config`.

pytest finds this package through `[tool.pytest.ini_options] pythonpath = ["tests"]`; a script run from
tests/ (the benchmarks) has tests/ on its path already. Fixtures are in the conftest.py files instead.
"""
