"""The real bot and the Discord stand-in started together for the persona-presence tests: personas
post through channel webhooks under their own name and picture."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from PIL import Image

from bot.config import load_config
from bot.discord_bot import running_bot
from helpers.checkpoints import make_checkpoint
from helpers.discord_bot import standin_config
from helpers.net import free_port
from helpers.standin import (
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    VIEW_CHANNEL,
    DiscordStandIn,
)
from training.avatar import set_avatar

PERSONA = {"name": "persona", "type": 3, "value": "marlowe_bakes"}
# What a member of a server may do in its channels, as the @everyone role usually allows.
MEMBER = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | READ_MESSAGE_HISTORY


def picture(color: str, size: int = 48) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), color).save(out, "PNG")
    return out.getvalue()


PICTURE = picture("orange")


class Harness:
    def __init__(self, standin: DiscordStandIn, folder: Path, cfg_path: Path, public: str) -> None:
        self.standin, self.folder, self.cfg_path, self.public = standin, folder, cfg_path, public
        self.models = folder / "models"
        self.bot = None
        self._stack: contextlib.AsyncExitStack | None = None
        self._users = iter(range(900000000000001000, 900000000000009000))

    def user(self) -> int:
        """A new user each time: /imitate's cooldown is per user."""
        return next(self._users)

    async def start(self) -> None:
        self._stack = contextlib.AsyncExitStack()
        self.bot = await self._stack.enter_async_context(running_bot(load_config(self.cfg_path), "test-token",
                                                                     self.cfg_path))
        await self.standin.wait_until(lambda: self.bot.client.is_ready())

    async def stop(self) -> None:
        assert self._stack is not None
        await self._stack.aclose()

    async def close(self) -> None:
        await self.stop()
        await self.standin.close()

    async def imitate(self, prompt: str | None = None, persona: str = "marlowe_bakes", **context):
        options = [{**PERSONA, "value": persona}]
        if prompt is not None:
            options.append({"name": "prompt", "type": 3, "value": prompt})
        context.setdefault("user_id", self.user())
        context.setdefault("permissions", MEMBER)
        return await self.standin.interact("imitate", options, **context)

    async def click(self, message: dict, custom_id: str, **context):
        return await self.standin.click(message, custom_id, **{"permissions": MEMBER, **context})

    async def choose(self, message: dict, custom_id: str, values: list[str], **context):
        return await self.standin.choose(message, custom_id, values, **{"permissions": MEMBER, **context})

    async def context_menu(self, name: str, message: dict, **context):
        return await self.standin.context_menu(name, message, **{"permissions": MEMBER, **context})


async def opened(folder: Path, personas: dict[str, str]) -> Harness:
    """A stand-in and the bot, started on `marlowe_bakes` (with its picture) and `personas` (name →
    display name), `[web] public_base_url` naming the bot's own server; `close()` ends both."""
    set_avatar(make_checkpoint(folder / "models", "marlowe_bakes", "Marlowe Quill"), PICTURE, "archive")
    for seed, (name, shown) in enumerate(personas.items(), 1):
        make_checkpoint(folder / "models", name, shown, seed=seed)
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    await standin.start()
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    cfg_path = standin_config(folder, standin, gateway=True, health_port=port, cooldown_s=30)
    cfg_path.write_text(cfg_path.read_text() + f'\n[web]\npublic_base_url = "{public}"\n')
    harness = Harness(standin, folder, cfg_path, public)
    await harness.start()
    return harness


async def record_of(env: Harness, message_id: str | int):
    """The bot's record of a persona message: written just after the post, so waited for."""
    messages = env.bot.commands.messages
    await env.standin.wait_until(lambda: messages.get(int(message_id)) is not None, 10)
    return messages.get(int(message_id))
