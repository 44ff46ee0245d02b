"""Posting under a persona's own name and picture: where a post may go through a webhook, the
webhooks themselves, and the names they post under.

- `choose_where` (an interaction) and `choose_where_for_message` (a message that mentions the bot, from
  the guild cache) decide webhook or embed before anything is deferred, so the reply never ends up in
  the wrong visibility: a webhook only in a server that installed the bot, in a channel that has
  webhooks (a thread posts through its parent's), where the bot may manage webhooks and the user may
  post (`may_post`).
- `WebhookRelay` keeps one bot-owned webhook per channel (PluralKit's pattern): found again after a
  restart by listing the channel's webhooks, created when there is none, recreated once when a
  moderator deleted it (10015); at Discord's 15 per channel (30007) it raises `NoWebhook` and the
  embed takes over.
- `webhook_username` makes the persona's name (with the AI marker) one Discord accepts.
- `NO_PINGS`, the allowed mentions of every message the bot sends, through a webhook or not (webhooks
  do not inherit the client's).
"""

from __future__ import annotations

import asyncio
import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import discord

from bot.output import outbound

log = logging.getLogger(__name__)

WEBHOOK_NAME = "Persona Relay"  # the one webhook per channel the bot posts through
MAX_USERNAME = 80  # Discord's limit on a webhook message's username
HAIR_SPACE = "\u200a"  # breaks a word Discord refuses in names ("clyde", "discord") without hiding it
PAD = "\u17b5"  # an invisible character Discord keeps: a one-character name needs a second one
NO_PINGS = discord.AllowedMentions.none()
UNKNOWN_WEBHOOK = 10015
MAX_WEBHOOKS = 30007
_REFUSED_WORDS = re.compile(r"(c)(lyde)|(d)(iscord)", re.IGNORECASE)
# Characters that render as nothing or reorder text: zero-width, bidi controls, other format chars.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
# Threads have no webhooks of their own: a post in one goes through its parent channel's.
THREAD_TYPES = frozenset({discord.ChannelType.public_thread, discord.ChannelType.private_thread,
                          discord.ChannelType.news_thread})
# Channels whose webhooks post there (text, announcement, voice and stage chat, forum and media).
_WEBHOOK_CHANNELS = {discord.ChannelType.text, discord.ChannelType.news, discord.ChannelType.voice,
                     discord.ChannelType.stage_voice, discord.ChannelType.forum, discord.ChannelType.media}

Style = Literal["webhook", "embed"]


def webhook_username(name: str, marker: str = "") -> str:
    """`name` + `marker` as a webhook username Discord accepts: no invisible or control characters,
    one line, "clyde"/"discord" broken by a hair space, no triple backtick, not `everyone`/`here`,
    2-80 characters (the marker is kept whole when the name must be cut)."""
    def clean(text: str) -> str:
        text = " ".join(text.split())  # line breaks and tabs become spaces first
        text = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)
        return " ".join(text.replace("```", "`\u02cb`").split())

    def unrefused(text: str) -> str:
        return _REFUSED_WORDS.sub(lambda m: (m.group(1) or m.group(3)) + HAIR_SPACE
                                  + (m.group(2) or m.group(4)), text)

    spaced = marker[:1].isspace()  # " (AI)" keeps its space after the name
    name, marker = unrefused(clean(name)), unrefused(clean(marker))[: MAX_USERNAME // 2]
    marker = " " + marker if marker and spaced else marker
    # The name is cut, never the marker: it is what says this is not the person.
    name = name[: MAX_USERNAME - len(marker)].rstrip() or "Persona"
    if name.lower() in ("everyone", "here") and not marker:
        name = name[0] + HAIR_SPACE + name[1:]
    username = name + marker
    return username + PAD if len(username) < 2 else username


@dataclass(frozen=True)
class Where:
    """Where and how a persona message goes: `style`, the channel the user is in (`channel_id`, a
    thread's own id in a thread), the channel holding the webhook (`webhook_channel_id`: the thread's
    parent) and the thread; `hint` says why not a webhook, for reply_style "webhook"."""

    style: Style
    channel_id: int
    webhook_channel_id: int | None = None
    thread_id: int | None = None
    hint: str | None = None


def may_post(interaction: discord.Interaction) -> bool:
    """Whether the user may send messages where the interaction happened: Discord's resolved
    permissions of the member in that channel (`send_messages_in_threads` in a thread). Outside a
    server (a DM, a group DM) there are none to resolve, and they can write there."""
    if interaction.guild_id is None:
        return True
    perms = interaction.permissions
    threaded = getattr(interaction.channel, "type", None) in THREAD_TYPES
    return perms.send_messages_in_threads if threaded else perms.send_messages


def choose_where(interaction: discord.Interaction, reply_style: str) -> Where:
    """Webhook or embed for a reply to `interaction`, from what the interaction itself says (no REST
    call: this runs before the 3-second acknowledgement)."""
    channel_id = interaction.channel_id or 0
    if reply_style == "embed" or not interaction.is_guild_integration() or interaction.guild_id is None:
        return Where("embed", channel_id)  # DMs and user-installed contexts have no webhooks
    channel = interaction.channel
    return _decide(channel_id, getattr(channel, "type", None), getattr(channel, "parent_id", None),
                   interaction.app_permissions.manage_webhooks, may_post(interaction))


def choose_where_for_message(message: discord.Message, reply_style: str) -> Where:
    """Webhook or embed for a reply to a message that mentions the bot, from the cached guild: the
    bot's permissions in the channel (`permissions_for(guild.me)`) and the author's to post there."""
    channel = message.channel
    guild = message.guild
    if reply_style == "embed" or guild is None or guild.me is None:
        return Where("embed", channel.id)  # DMs have no webhooks
    threaded = getattr(channel, "type", None) in THREAD_TYPES
    permissions_for = getattr(channel, "permissions_for", None)
    if permissions_for is None:  # a channel discord.py does not know: no way to check, so no webhook
        return Where("embed", channel.id, hint="this kind of channel has no webhooks")
    author = message.author
    if isinstance(author, discord.Member):
        theirs = permissions_for(author)
        may_post = theirs.send_messages_in_threads if threaded else theirs.send_messages
    else:
        may_post = False  # not a member as far as the cache knows: assume the least
    return _decide(channel.id, getattr(channel, "type", None), getattr(channel, "parent_id", None),
                   permissions_for(guild.me).manage_webhooks, may_post)


def _decide(channel_id: int, kind: discord.ChannelType | None, parent_id: int | None,
            bot_manages_webhooks: bool, user_may_post: bool) -> Where:
    """The one rule for both ways in: a channel with webhooks (a thread posts through its parent's),
    the bot allowed to manage them, the user allowed to post there."""
    thread_id = None
    webhook_channel = channel_id
    if kind in THREAD_TYPES:
        thread_id = channel_id
        webhook_channel = parent_id or 0
    if (kind not in _WEBHOOK_CHANNELS and kind not in THREAD_TYPES) or not webhook_channel:
        return Where("embed", channel_id, hint="this kind of channel has no webhooks")
    if not bot_manages_webhooks:
        return Where("embed", channel_id, hint="the bot lacks the Manage Webhooks permission in this channel")
    if not user_may_post:  # a webhook would post where the user may not (as PluralKit checks)
        return Where("embed", channel_id, hint="you may not send messages in this channel")
    return Where("webhook", channel_id, webhook_channel, thread_id)


class NoWebhook(Exception):
    """No webhook can be had in this channel (its limit reached, the permission gone); the message says
    why, for an admin, in one line."""


class WebhookRelay:
    """One bot-owned webhook per channel, cached; concurrent posts to a new channel create it once."""

    def __init__(self, client: discord.Client, name: str = WEBHOOK_NAME) -> None:
        self.client = client
        self.name = name
        self._hooks: dict[int, discord.Webhook] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    def forget(self, channel_id: int) -> None:
        """Drop a cached webhook (deleted, or the channel's webhooks changed): found again on next use."""
        self._hooks.pop(channel_id, None)

    async def webhook(self, channel_id: int, create: bool = True) -> discord.Webhook:
        """The bot's webhook in `channel_id`: cached, else one the bot made before (after a restart),
        else (with `create`) a new one. Raises NoWebhook when there is none to be had."""
        hook = self._hooks.get(channel_id)
        if hook is not None:
            return hook
        async with self._locks.setdefault(channel_id, asyncio.Lock()):
            hook = self._hooks.get(channel_id)
            if hook is None:
                hook = await self._find_or_create(channel_id, create)
                self._hooks[channel_id] = hook
            return hook

    async def _find_or_create(self, channel_id: int, create: bool) -> discord.Webhook:
        me = self.client.user
        try:
            channel = self.client.get_channel(channel_id) or await self.client.fetch_channel(channel_id)
            if not hasattr(channel, "webhooks"):
                raise NoWebhook("this kind of channel has no webhooks")
            hooks = await channel.webhooks()  # type: ignore[union-attr]
            mine = [h for h in hooks if h.token and h.user is not None and h.user.id == getattr(me, "id", 0)]
            mine.sort(key=lambda h: h.name != self.name)  # ours by name first, then any the bot made
            if mine:
                return mine[0]
            if not create:
                raise NoWebhook("the bot has no webhook in this channel")
            hook = await channel.create_webhook(name=self.name, reason="posting as personas")  # type: ignore[union-attr]
            log.info("created webhook %s in channel %s", hook.id, channel_id)
            return hook
        except discord.Forbidden as exc:
            raise NoWebhook("the bot lacks the Manage Webhooks permission in this channel") from exc
        except discord.HTTPException as exc:
            if exc.code == MAX_WEBHOOKS:
                raise NoWebhook("this channel has the 15 webhooks Discord allows: an admin can delete one "
                                "so that personas post under their own names") from exc
            raise

    async def post(self, where: Where, content: str, username: str, fallback_username: str,
                   avatar_url: str | None, view: discord.ui.View | None) -> discord.WebhookMessage:
        """Post as the persona; a webhook deleted meanwhile is recreated once, a name Discord refuses is
        replaced once by `fallback_username`. Raises NoWebhook or discord's errors."""
        assert where.webhook_channel_id is not None
        thread = discord.Object(where.thread_id) if where.thread_id else discord.utils.MISSING
        recreated = renamed = False
        while True:
            hook = await self.webhook(where.webhook_channel_id)
            try:
                return await hook.send(
                    outbound(content), username=username, avatar_url=avatar_url or discord.utils.MISSING,
                    allowed_mentions=NO_PINGS, view=view or discord.utils.MISSING, thread=thread,
                    wait=True, suppress_embeds=True)
            except discord.NotFound as exc:
                if exc.code != UNKNOWN_WEBHOOK or recreated:
                    raise
                log.warning("webhook %s in channel %s is gone: recreating it", hook.id,
                            where.webhook_channel_id)
                self.forget(where.webhook_channel_id)
                recreated = True
            except discord.HTTPException as exc:
                if exc.status != 400 or "username" not in (exc.text or "") or renamed:
                    raise
                log.warning("Discord refused the username %r: posting as %r", username, fallback_username)
                username, renamed = fallback_username, True

    async def delete(self, webhook_channel_id: int, message_id: int, thread_id: int | None) -> None:
        """Delete a message this relay posted in `webhook_channel_id` (a thread's parent)."""
        hook = await self.webhook(webhook_channel_id, create=False)
        thread = discord.Object(thread_id) if thread_id else discord.utils.MISSING
        await hook.delete_message(message_id, thread=thread)
