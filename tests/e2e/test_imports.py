"""scripts/check_imports.py: it finds import circles, lazy ones included, and passes a package without."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers.paths import ROOT

SCRIPT = ROOT / "scripts" / "check_imports.py"


def make_package(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def check(root: Path, *packages: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), "--root", str(root), *packages],
                          capture_output=True, text=True, timeout=60)


def test_a_circle_through_a_lazy_submodule_import_is_found(tmp_path):
    make_package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/a.py": "import os\nfrom pkg.b import helper\n",
        # A lazy import, written as `from package import submodule`: the way circles hide.
        "pkg/b.py": "def helper():\n    from pkg import a\n    return a\n",
        "pkg/c.py": "from . import b\n",  # imports into the circle, is no part of it
    })
    result = check(tmp_path, "pkg")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "pkg.a -> pkg.b -> pkg.a"
    assert "    pkg.b imports pkg.a at pkg/b.py:2 (in a function)" in lines
    assert "pkg.c" not in result.stdout


def test_every_circle_of_a_tangle_is_named(tmp_path):
    make_package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/sub/__init__.py": "",
        "pkg/a.py": "import pkg.sub.b\n",
        "pkg/sub/b.py": "from ..c import thing\n",
        "pkg/c.py": "thing = 1\n\ndef later():\n    import pkg.a\n    from pkg.sub import b\n",
    })
    result = check(tmp_path, "pkg")
    assert result.returncode == 1
    circles = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert circles == ["pkg.a -> pkg.sub.b -> pkg.c -> pkg.a", "pkg.c -> pkg.sub.b -> pkg.c"]


def test_a_package_without_circles_passes(tmp_path):
    make_package(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/low.py": "import json\n",
        "pkg/high.py": "from pkg.low import json\n\ndef run():\n    from pkg import low\n    return low\n",
        # Only for type checkers: never runs, so it closes no circle.
        "pkg/types.py": ("from typing import TYPE_CHECKING\nimport pkg.high\n"
                         "if TYPE_CHECKING:\n    from pkg import low\n"),
        "other/__init__.py": "",
        "other/x.py": "import pkg.types\n",
    })
    result = check(tmp_path, "pkg", "other")
    assert result.returncode == 0, result.stdout
    assert result.stdout.count("\n") == 1
    assert "no circle" in result.stdout and "6 modules" in result.stdout


def test_a_type_checking_import_is_no_circle_but_a_real_one_is(tmp_path):
    files = {
        "pkg/__init__.py": "",
        "pkg/a.py": "import pkg.b\n",
        "pkg/b.py": "import typing\nif typing.TYPE_CHECKING:\n    import pkg.a\n",
    }
    make_package(tmp_path, files)
    assert check(tmp_path, "pkg").returncode == 0
    make_package(tmp_path, {"pkg/b.py": files["pkg/b.py"] + "else:\n    import pkg.a\n"})
    result = check(tmp_path, "pkg")
    assert result.returncode == 1 and result.stdout.startswith("pkg.a -> pkg.b -> pkg.a\n")
