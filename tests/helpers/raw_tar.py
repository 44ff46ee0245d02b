"""Tars written block by block, for what tarfile cannot write: hostile pax headers, sparse members,
chains of extension headers."""

import json

OUTBOX = json.dumps({"type": "OrderedCollection", "orderedItems": [
    {"type": "Create", "object": {"type": "Note", "content": f"<p>post number {i} of a few words</p>",
                                  "to": ["https://www.w3.org/ns/activitystreams#Public"]}}
    for i in range(3)]}).encode()


def header(name: bytes, kind: bytes, size: int) -> bytes:
    """One raw ustar header block with a correct checksum (tarfile.TarInfo cannot write a bad pax)."""
    block = bytearray(512)
    block[0 : len(name)] = name
    block[100:108], block[108:116], block[116:124] = b"0000644\0", b"0000000\0", b"0000000\0"
    block[124:136] = b"%011o\0" % size if size < 8**11 else b"\x80" + size.to_bytes(11, "big")
    block[136:148] = b"00000000000\0"
    block[148:156] = b" " * 8
    block[156:157] = kind
    block[257:265] = b"ustar\x0000"
    block[148:156] = b"%06o\0 " % sum(block)
    return bytes(block)


def member(name: bytes, kind: bytes, body: bytes) -> bytes:
    return header(name, kind, len(body)) + body + b"\0" * (-len(body) % 512)


def archive(*extensions: bytes) -> bytes:
    """A plain tar: the given extension headers (raw members), then outbox.json, then the end."""
    return b"".join(extensions) + member(b"outbox.json", b"0", OUTBOX) + b"\0" * 1024


def pax(*records: bytes) -> bytes:
    return member(b"././@PaxHeader", b"x", b"".join(records))


def record(keyword: bytes, value: bytes) -> bytes:
    rest = b" " + keyword + b"=" + value + b"\n"
    length = len(rest) + 1
    while len(str(length).encode() + rest) != length:
        length += 1
    return str(length).encode() + rest
