"""A persona's profile picture: checking that bytes are a real image, and replacing the picture of a
persona folder.

A picture comes from an untrusted export (training takes the archive's own) or from an admin (the bot's
command calls `set_avatar`). It is accepted by its content, never by a name: Pillow identifies it among
PNG, JPEG, GIF and WebP only (no other decoder ever sees the bytes), verifies it and decodes it, after
its size in bytes and pixels is checked, so a decompression bomb is refused before it is decoded.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from PIL import Image

from training.atomic import lock_folder, replace_file
from training.card import model_card
from training.checkpoint import CARD_FILE, PERSONA_FILE, AvatarInfo, PersonaMeta, read_persona

MAX_AVATAR_BYTES = 8_000_000  # profile pictures are far smaller: this bounds memory and disk
MAX_AVATAR_SIDE = 4096  # pixels, either side: also what keeps a small file from decoding to gigabytes
NOT_AN_IMAGE = "not an image (PNG, JPEG, GIF or WebP)"
# The only decoders Pillow may try on the bytes.
_DECODERS = ["PNG", "JPEG", "GIF", "WEBP"]
# Pillow's format name -> (file extension, content type). MPO is how Pillow names a JPEG carrying a
# second picture (many phone cameras write one): it is a JPEG to every viewer.
_FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg"), "MPO": ("jpg", "image/jpeg"),
            "GIF": ("gif", "image/gif"), "WEBP": ("webp", "image/webp")}


@dataclass(frozen=True)
class ImageFacts:
    ext: str  # "png", "jpg", "gif" or "webp"
    content_type: str
    width: int
    height: int


def check_image(data: bytes) -> ImageFacts:
    """What the image `data` is, by its content. Raises ValueError with a one-line message a user can
    read when it is no PNG, JPEG, GIF or WebP image, is broken or truncated, holds more than
    `MAX_AVATAR_BYTES` or is more than `MAX_AVATAR_SIDE` pixels a side. No Pillow exception escapes."""
    if len(data) > MAX_AVATAR_BYTES:
        raise ValueError(f"the picture is {_megabytes(len(data))}, at most {_megabytes(MAX_AVATAR_BYTES)}")
    if not data:
        raise ValueError(NOT_AN_IMAGE)
    too_large = f"the picture is {{}} pixels, at most {MAX_AVATAR_SIDE} a side"
    try:
        with Image.open(io.BytesIO(data), formats=_DECODERS) as image:
            kind, (width, height) = image.format, image.size  # from the header: nothing decoded yet
    except Image.DecompressionBombError:  # Pillow's own guard, at over ~179 million pixels
        raise ValueError(too_large.format(f"over {MAX_AVATAR_SIDE}x{MAX_AVATAR_SIDE}")) from None
    except Exception:  # Pillow raises many types for bad input (OSError, SyntaxError, struct.error...)
        raise ValueError(NOT_AN_IMAGE) from None
    if kind not in _FORMATS or width < 1 or height < 1:
        raise ValueError(NOT_AN_IMAGE)
    if max(width, height) > MAX_AVATAR_SIDE:
        raise ValueError(too_large.format(f"{width}x{height}"))
    try:
        with Image.open(io.BytesIO(data), formats=_DECODERS) as image:
            image.verify()  # checksums where the format has them (PNG's chunk CRCs)
        # verify() does not decode, and for JPEG and GIF checks next to nothing: decoding the (first)
        # frame is what finds a truncated or corrupt picture. At most 4096x4096: 64 MB decoded.
        with Image.open(io.BytesIO(data), formats=_DECODERS) as image:
            image.load()
    except Exception:
        raise ValueError(NOT_AN_IMAGE) from None
    ext, content_type = _FORMATS[kind]
    return ImageFacts(ext, content_type, width, height)


def _megabytes(size: int) -> str:
    shown = f"{size / 1e6:.1f} MB"
    # Just over the limit rounds to the limit: then the exact count says why it is refused.
    return f"{size:,} bytes" if size > MAX_AVATAR_BYTES and shown == f"{MAX_AVATAR_BYTES / 1e6:.1f} MB" \
        else shown


def avatar_info(data: bytes, source: Literal["archive", "admin"], url: str | None = None) -> AvatarInfo:
    """persona.json's record of the picture `data` (checked with `check_image`: ValueError when it is
    none), named `avatar-<sha256[:12]>.<ext>` after its content."""
    facts = check_image(data)
    digest = hashlib.sha256(data).hexdigest()
    return AvatarInfo(file=f"avatar-{digest[:12]}.{facts.ext}", sha256=digest,
                      content_type=facts.content_type, bytes=len(data), width=facts.width,
                      height=facts.height, source=source, url=url)


def set_avatar(folder: Path, data: bytes, source: Literal["archive", "admin"] = "admin") -> PersonaMeta:
    """Make `data` the picture of the persona in `folder` and return its new persona.json.

    The image is checked first (ValueError, nothing changed), and the folder must hold a persona
    (FileNotFoundError or ValueError from `read_persona`, nothing changed). Then, each step atomic:
    the new file, persona.json naming it, the model card showing it, and only then the previous
    picture's file is deleted; so a kill at any moment leaves persona.json naming a complete file.
    Every step works in the folder as it was opened: a training that swaps in a new folder of that
    persona meanwhile is never mixed with the old persona.json (the picture goes with the old folder).
    The folder's lock (`lock_folder`) is held throughout: a kill leaves at most an unnamed picture and
    temporary files, which `sweep_persona_folder` removes at the next start."""
    info = avatar_info(data, source)
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        # Held until the folder is closed (or this process killed): the start-up sweep leaves a folder
        # mid-swap alone, and two swaps of one persona take turns. Callers run this off the event loop.
        lock_folder(folder_fd)
        meta = read_persona(folder, dir_fd=folder_fd)
        previous = meta.avatar.file if meta.avatar is not None else None
        meta = meta.model_copy(update={"avatar": info})
        replace_file(Path(info.file), data, dir_fd=folder_fd)
        replace_file(Path(PERSONA_FILE), meta.model_dump_json(indent=2).encode("utf-8"), dir_fd=folder_fd)
        with contextlib.suppress(OSError):  # the picture is replaced by now: the card only shows it
            card = model_card(meta, folder.parent).encode("utf-8")
            replace_file(Path(CARD_FILE), card, dir_fd=folder_fd)
        if previous is not None and previous != info.file:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(previous, dir_fd=folder_fd)
    finally:
        os.close(folder_fd)
    return meta
