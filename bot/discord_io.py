"""The bot's own messages on Discord, in and out: who is asking (`caller_of` for an interaction,
`caller_of_message` for a message that mentions the bot), acknowledging (`defer`), and the bot's
answers: `send` for an interaction, `reply_to_message` for a message. (Posts under a persona's own
name go through `bot.webhooks`.)

`send` passes the text through `bot.output.outbound` (clipped, nobody pinged, masked links defused,
no link embeds), sets `allowed_mentions` none on every call (webhooks do not inherit the client's),
and when Discord refuses or the network fails, tries the next way that still reaches the user: a new
follow-up, then the channel. Only progress edits may be dropped. `reply_to_message` is a native reply
that pings nobody, not even the author.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Sequence
from pathlib import Path

import aiohttp
import discord

from bot.commands import Caller
from bot.output import DISCORD_LIMIT, outbound
from bot.replies import Reply
from bot.webhooks import NO_PINGS, may_post

log = logging.getLogger(__name__)

# What a failed send raises: Discord's refusals (4xx, 5xx after discord.py's retries), the network.
SEND_ERRORS = (discord.HTTPException, aiohttp.ClientError, TimeoutError, OSError)
PICTURE_NAME = "avatar{suffix}"  # the attachment's name, for `attachment://` in an embed
MORE_LINE_LIMIT = 300  # each of a reply's `more` lines


def caller_of(interaction: discord.Interaction) -> Caller:
    """The caller, with the server only where the bot is installed in it: in a DM or a user-installed
    context `permissions` describe the user's rights there, which give no authority over the bot."""
    user = interaction.user
    guild_id = interaction.guild_id if interaction.is_guild_integration() else None
    roles = tuple(role.id for role in getattr(user, "roles", ())) if guild_id is not None else ()
    administrator = guild_id is not None and interaction.permissions.administrator
    return Caller(user_id=user.id, guild_id=guild_id, administrator=administrator, role_ids=roles,
                  may_post=may_post(interaction))


def caller_of_message(message: discord.Message) -> Caller:
    """The author of a message, as `caller_of` makes one of an interaction: a message in a server
    reaches the bot only where the bot is a member, so that server's permissions count."""
    author = message.author
    guild_id = message.guild.id if message.guild is not None else None
    member = author if isinstance(author, discord.Member) and guild_id is not None else None
    return Caller(user_id=author.id, guild_id=guild_id,
                  administrator=bool(member and member.guild_permissions.administrator),
                  role_ids=tuple(role.id for role in member.roles) if member else ())


def picture_name(path: Path) -> str:
    return PICTURE_NAME.format(suffix=path.suffix.lower())


async def send(interaction: discord.Interaction, reply: Reply, via: str, *,
               embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None,
               keep_original: bool = False) -> discord.Message | None:
    """Send `reply` for `interaction`; every message of the bot goes out here. The message once
    delivered (None for an immediate response, whose message discord.py does not hand back, and
    when nothing got through).

    `via`: "response" answers an interaction not yet acknowledged; "followup" is the result after a
    defer (an ephemeral one replaces the public "thinking…" with a message only the user sees);
    "edit" puts the result into the deferred message; "progress" is an edit that may be dropped;
    "channel" posts in the channel (the interaction token has expired). When a way fails (Discord
    refuses, the network breaks), the next one is tried: a new follow-up, then the channel (not for a
    reply meant for one person only: `reply.public_fallback` False). `embeds` and `view` go with the
    text; `reply.picture` is attached (`attachment://avatar.png`; left out if it cannot be read).
    `keep_original`: an ephemeral follow-up that must not replace the answer already in the original
    response (by default an ephemeral result removes the public "thinking…" first).
    """
    text = with_mentions(reply)
    ways = [via] if via in ("progress", "channel") else list(dict.fromkeys([via, "followup", "channel"]))
    if not reply.public_fallback:
        ways = [way for way in ways if way != "channel"]
    picture = await asyncio.to_thread(_read_picture, reply.picture) if reply.picture else None
    for way in ways:
        try:
            return await _send_one(interaction, reply, text, way, embeds, view, picture, keep_original)
        except SEND_ERRORS as exc:
            log.warning("could not send the %s of /%s %s: %s", way, command_name(interaction),
                        "(dropped)" if way == "progress" else "(trying the next way)", exc)
    if via != "progress":
        log.error("no way left to answer /%s; its reply was: %r", command_name(interaction), text)
    return None


def with_mentions(reply: Reply) -> str:
    """The reply's text through `outbound`, the users it names put back as mentions (after outbound,
    which would defuse them; `send` pings nobody anyway): `mention` first, each `more` line's after."""
    more = "".join(f"\n<@{user}> {outbound(line, MORE_LINE_LIMIT)}" for user, line in reply.more)
    first = f"<@{reply.mention}> " if reply.mention else ""
    return first + outbound(reply.text, DISCORD_LIMIT - len(first) - len(more)) + more


def _read_picture(path: Path) -> tuple[str, bytes] | None:
    """The picture's attachment name and bytes, read once (a File is spent by each attempt, and a
    picture replaced meanwhile must not cost the message); None when it cannot be read."""
    try:
        return picture_name(path), path.read_bytes()
    except OSError as exc:
        log.warning("could not read the picture %s: %s; sending without it", path, exc)
        return None


async def _send_one(interaction: discord.Interaction, reply: Reply, text: str, way: str,
                    embeds: Sequence[discord.Embed], view: discord.ui.View | None,
                    picture: tuple[str, bytes] | None, keep_original: bool) -> discord.Message | None:
    # Built anew for each way: a File is spent by one send. Embeds show only without suppress_embeds;
    # links in the text never unfurl either way (outbound put them in <>).
    extra: dict = {"allowed_mentions": NO_PINGS}
    if embeds:
        extra["embeds"] = list(embeds)
    if view is not None:
        extra["view"] = view
    if picture is not None:
        file = discord.File(io.BytesIO(picture[1]), filename=picture[0])
        extra["attachments" if way in ("edit", "progress") else "files"] = [file]
    if way == "response" and not interaction.response.is_done():
        await interaction.response.send_message(text, ephemeral=reply.ephemeral, suppress_embeds=not embeds,
                                                **extra)
        return None
    if way in ("edit", "progress"):
        return await interaction.edit_original_response(content=text, **extra)
    if way in ("response", "followup"):
        if reply.ephemeral and interaction.response.is_done() and not keep_original:
            with contextlib.suppress(*SEND_ERRORS):  # the public "thinking…" goes; the error is private
                await interaction.delete_original_response()
        return await interaction.followup.send(text, ephemeral=reply.ephemeral, suppress_embeds=not embeds,
                                               wait=True, **extra)
    # The channel: for everyone to see, so it says whom it answers (a mention that pings nobody).
    channel = interaction.client.get_partial_messageable(interaction.channel_id or 0)
    mention = f"<@{interaction.user.id}> "
    return await channel.send(mention + outbound(reply.text, DISCORD_LIMIT - len(mention)),
                              suppress_embeds=not embeds, **extra)


async def reply_to_message(message: discord.Message, text: str, *, embeds: list[discord.Embed] | None = None,
                           view: discord.ui.View | None = None, picture: Path | None = None,
                           ) -> discord.Message | None:
    """The bot's reply to a user's message: through `outbound`, nobody pinged (`mention_author` off),
    still posted when the message was deleted meanwhile; None (logged) when Discord refuses."""
    extra: dict = {}
    if embeds:
        extra["embeds"] = embeds
    if view is not None:
        extra["view"] = view
    read = await asyncio.to_thread(_read_picture, picture) if picture is not None else None
    if read is not None:
        extra["files"] = [discord.File(io.BytesIO(read[1]), filename=read[0])]
    try:
        return await message.channel.send(
            outbound(text) if text else None, reference=message.to_reference(fail_if_not_exists=False),
            mention_author=False, allowed_mentions=NO_PINGS, suppress_embeds=not embeds, **extra)
    except SEND_ERRORS as exc:
        log.warning("could not answer message %s in channel %s: %s", message.id, message.channel.id, exc)
        return None


async def defer(interaction: discord.Interaction, ephemeral: bool = False) -> bool:
    """Acknowledge within Discord's 3 seconds; False (logged) when Discord could not be told, and the
    result then goes to the channel."""
    try:
        await interaction.response.defer(thinking=True, ephemeral=ephemeral)
        return True
    except SEND_ERRORS as exc:
        log.warning("could not defer /%s: %s", command_name(interaction), exc)
        return False


def command_name(interaction: discord.Interaction) -> str:
    command = interaction.command
    if command is not None:
        return command.qualified_name
    custom_id = (interaction.data or {}).get("custom_id") if isinstance(interaction.data, dict) else None
    return str(custom_id or "?")
