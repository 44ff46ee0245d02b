"""The install script's interpreter check (scripts/check_python.py): tarfile's CVE-2024-6232."""

import re
import shutil
import subprocess
import sys
import tarfile

from helpers.paths import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_python


def test_this_interpreter_has_the_fixed_tarfile():
    assert check_python.tarfile_is_fixed()
    script = ROOT / "scripts" / "check_python.py"
    run = subprocess.run([sys.executable, script], capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout == ""


def test_a_tarfile_reading_over_long_pax_lengths_is_refused(monkeypatch):
    # The vulnerable parser reads a length field of any number of digits (and backtracks over them);
    # the fixed one allows at most 20. Widening the fixed pattern is that behaviour.
    monkeypatch.setattr(tarfile, "_header_length_prefix_re", re.compile(rb"([0-9]+) "))
    assert not check_python.tarfile_is_fixed()
    assert check_python.main() == 1


def test_install_refuses_a_named_interpreter_in_one_line(tmp_path):
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts")
    fake = tmp_path / "oldpython"
    fake.write_text("#!/bin/sh\necho 'Python 3.11.7 has the quadratic tarfile pax-header parsing'\nexit 1\n")
    fake.chmod(0o755)
    run = subprocess.run(["bash", "scripts/install.sh"], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHON": str(fake)})
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        f"install: PYTHON={fake} refused: Python 3.11.7 has the quadratic tarfile pax-header parsing"]
    assert not (tmp_path / ".venv").exists()
