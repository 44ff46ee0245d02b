"""What the stand-in records and holds: uploads, REST calls, chosen failures, gateway connections,
interactions, and the options every interaction helper takes."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypedDict

from aiohttp import web

from helpers.standin.constants import CHANNEL_ID, shard_of


@dataclass
class Upload:
    """One file of a multipart body (`files[n]`)."""
    index: int
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class Call:
    method: str
    path: str
    body: Any
    query: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when it arrived
    status: int = 200  # what the stand-in answered
    uploads: list[Upload] = field(default_factory=list)  # multipart files, in order
    answer: Any = None  # the JSON the stand-in answered, if any

    @property
    def files(self) -> dict[str, bytes]:
        """The multipart files sent, by file name."""
        return {u.filename: u.content for u in self.uploads}


@dataclass
class Failure:
    method: str
    path_part: str  # fails calls whose path contains this
    status: int
    times: int  # how many more calls to fail
    code: int | None = None  # the JSON error code to answer, else FAILURES's

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and self.path_part in path


@dataclass
class Connection:
    """One gateway connection: the shard its IDENTIFY named (without one, Discord's shard 0 of 1)."""
    ws: web.WebSocketResponse = field(repr=False)
    shard: tuple[int, int] = (0, 1)
    identified: bool = False
    intents: int | None = None
    events: list[tuple[str, int | None]] = field(default_factory=list)  # (event, its guild) dispatched
    seq: Iterator[int] = field(default_factory=lambda: itertools.count(1), repr=False)

    def holds(self, guild_id: int | None) -> bool:
        """Whether Discord sends this connection the events of `guild_id` (None: DMs, shard 0's)."""
        shard_id, count = self.shard
        return shard_id == (0 if guild_id is None else shard_of(guild_id, count))

    @property
    def open(self) -> bool:
        return self.identified and not self.ws.closed


@dataclass
class Interaction:
    id: str
    token: str
    sent_at: float = field(default_factory=time.monotonic)
    type: int = 2  # 2 command, 3 component, 4 autocomplete, 5 modal submit
    channel_id: int = CHANNEL_ID
    message_id: str | None = None  # the message a component (or the component that opened a modal) is on
    payload: dict[str, Any] = field(default_factory=dict, repr=False)  # the INTERACTION_CREATE data
    shard: int | None = None  # the shard of the gateway connection it was dispatched on

    def matches(self, call: Call) -> bool:
        return self.token in call.path


class Context(TypedDict, total=False):
    """Who interacts, and where: the options every interaction helper takes (see `interact`)."""
    user_id: int
    permissions: int
    roles: list[int] | None
    guild_id: int
    where: str
    token: str | None
    channel_id: int | None
    app_permissions: int | None
