"""Exit 0 when this interpreter may run the bot; else print one line saying why and exit 1.

Run by scripts/install.sh with each candidate interpreter, before anything is installed, so it uses
the standard library only. Attachments to /persona add are archives from strangers, and tarfile's
pax-header parsing before CPython 3.11.10 / 3.12.6 is quadratic (CVE-2024-6232): a 1.6 KB tar held a
core for minutes. The check is by behaviour, not by version number, because distributions backport
the fix (Debian 12's 3.11.2-6+deb12u4 and later carry it): a fixed tarfile refuses a pax record whose
length field has more than 20 digits, a vulnerable one reads it.
"""

import io
import sys
import tarfile


def tarfile_is_fixed() -> bool:
    record = b"%025d x=y\n" % 30  # a well-formed record but for its 25-digit length field
    pax = tarfile.TarInfo("././@PaxHeader")
    pax.type, pax.size = tarfile.XHDTYPE, len(record)
    data = pax.tobuf(tarfile.USTAR_FORMAT) + record.ljust(512, b"\0")
    data += tarfile.TarInfo("x").tobuf(tarfile.USTAR_FORMAT) + b"\0" * 1024
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tf:
            tf.getmembers()
    except tarfile.ReadError:
        return True
    return False


def main() -> int:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):  # noqa: UP036 (this runs before anything checks the version)
        print(f"Python {version} is too old: the bot needs 3.11 or newer")
        return 1
    if not tarfile_is_fixed():
        print(f"Python {version} has the quadratic tarfile pax-header parsing of CVE-2024-6232: "
              "use 3.11.10+, 3.12.6+, 3.13+ or a distribution build carrying the fix")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
