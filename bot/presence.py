"""How a persona shows up in Discord: under its own name and picture through a channel webhook, or as
an embed card from the bot where no webhook can be had.

- `choose_where` decides the style before anything is deferred (so the reply never ends up in the
  wrong visibility): a webhook only in a server that installed the bot, in a channel that has webhooks
  (a thread posts through its parent's), where the bot may manage webhooks and the user may post.
- `WebhookRelay` keeps one bot-owned webhook per channel (PluralKit's pattern): found again after a
  restart by listing the channel's webhooks, created when there is none, recreated once when a
  moderator deleted it (10015); at Discord's 15 per channel (30007) the embed takes over.
- `webhook_username` makes the persona's name (with the AI marker) one Discord accepts.
- `card_embeds` is the same card as an embed, the picture attached (`attachment://`), no hosting.
- `PersonaPoster` generates, posts and records for an `Origin`: an interaction (`InteractionOrigin`:
  deferred, private notes) or a message mentioning the bot (`MessageOrigin`: replies to it, nobody
  pinged); `choose_where_for_message` makes the same decision as `choose_where` from the guild cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import discord

from bot.avatars import avatar_url
from bot.commands import TWEET_SEPARATOR, Caller, Card, Commands, ImitateRequest, Reply
from bot.discord_io import SEND_ERRORS, THREAD_TYPES, caller_of, defer, may_post, picture_name, send
from bot.errors import InvalidRequest
from bot.message_log import PersonaMessage
from bot.output import clip, escape_markdown, outbound, quote_user

log = logging.getLogger(__name__)

WEBHOOK_NAME = "Persona Relay"  # the one webhook per channel the bot posts through
MAX_USERNAME = 80  # Discord's limit on a webhook message's username
EMBED_TEXT_LIMIT = 4096  # an embed's description
HAIR_SPACE = "\u200a"  # breaks a word Discord refuses in names ("clyde", "discord") without hiding it
PAD = "\u17b5"  # an invisible character Discord keeps: a one-character name needs a second one
NO_PINGS = discord.AllowedMentions.none()
UNKNOWN_WEBHOOK = 10015
MAX_WEBHOOKS = 30007
_REFUSED_WORDS = re.compile(r"(c)(lyde)|(d)(iscord)", re.IGNORECASE)
# Characters that render as nothing or reorder text: zero-width, bidi controls, other format chars.
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}
# Channels whose webhooks post there (text, announcement, voice and stage chat, forum and media).
_WEBHOOK_CHANNELS = {discord.ChannelType.text, discord.ChannelType.news, discord.ChannelType.voice,
                     discord.ChannelType.stage_voice, discord.ChannelType.forum, discord.ChannelType.media}
_THREADS = THREAD_TYPES

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
    threaded = getattr(channel, "type", None) in _THREADS
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
    if kind in _THREADS:
        thread_id = channel_id
        webhook_channel = parent_id or 0
    if (kind not in _WEBHOOK_CHANNELS and kind not in _THREADS) or not webhook_channel:
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


def card_embeds(card: Card, picture_name: str | None) -> list[discord.Embed]:
    """The card as embeds, one per tweet: the first with the persona's name, handle and picture
    (`attachment://picture_name`, the file sent with the message), the last with the AI label."""
    embeds = []
    for i, text in enumerate(card.texts):
        embed = discord.Embed(description=outbound(text, EMBED_TEXT_LIMIT))
        if i == 0:
            icon = f"attachment://{picture_name}" if picture_name else None
            embed.set_author(name=clip(f"{card.name} {card.handle}", 256), icon_url=icon)
        if i == len(card.texts) - 1:
            embed.set_footer(text=f"{card.label} · an imitation, not {card.handle}")
        embeds.append(embed)
    return embeds


# --- posting as the persona, and the follow-ups on its messages ------------------------------------

def jump_url(guild_id: int | None, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id or '@me'}/{channel_id}/{message_id}"


def reply_line(url: str) -> str:
    """The first line of a persona message that answers another: webhooks cannot make native replies."""
    return f"-# ↪ {url}\n"


def message_text(message: discord.Message) -> str:
    """What a message says, for a persona to answer: its content (without a persona reply's first
    line), else its embeds' text (a card)."""
    lines = [line for line in message.content.splitlines() if not line.startswith("-# ↪")]
    text = "\n".join(lines).strip()
    return text or "\n".join(e.description or "" for e in message.embeds).strip()


BUTTONS = {"another": ("Another", "🔁"), "continue": ("Continue", "↩️"), "delete": ("Delete", "🗑️")}


class PersonaButton(discord.ui.DynamicItem[discord.ui.Button],
                    template=r"persona:(?P<action>another|continue|delete)"):
    """Another, Continue and Delete on every persona message. Dynamic items are matched by their
    custom id, so they work on every message ever posted, after any restart, at no memory per message."""

    def __init__(self, action: str) -> None:
        label, emoji = BUTTONS[action]
        style = discord.ButtonStyle.danger if action == "delete" else discord.ButtonStyle.secondary
        super().__init__(discord.ui.Button(label=label, emoji=emoji, style=style,
                                           custom_id=f"persona:{action}"))
        self.action = action

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> PersonaButton:
        return cls(match["action"])

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await accepting(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:
        poster: PersonaPoster = interaction.client.poster  # type: ignore[attr-defined]
        await poster.on_button(self.action, interaction)


async def accepting(interaction: discord.Interaction) -> bool:
    """Components and modals do not pass the command tree, so they ask it: new work is refused once
    shutdown starts, and running work is tracked so shutdown waits for its answer."""
    tree = getattr(interaction.client, "tree", None)
    return True if tree is None else await tree.interaction_check(interaction)


def persona_buttons() -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action in BUTTONS:
        view.add_item(PersonaButton(action))
    return view


class Origin:
    """What a persona post answers, as the posting code needs it: an interaction (/imitate, the
    buttons, Reply as persona…) or a message that mentions the bot. Generating, posting through the
    webhook and recording are shared (`PersonaPoster.run`); only the bot's own lines differ."""

    user_id: int
    guild_id: int | None

    def where(self, reply_style: str) -> Where:
        raise NotImplementedError

    async def acknowledge(self, where: Where) -> None:
        """Told that the work started (an interaction must hear within 3 seconds)."""

    async def refuse(self, reply: Reply) -> None:
        """A refusal or a failure, before or after `acknowledge`."""
        raise NotImplementedError

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, fell_back: str | None,
                   hint: str | None) -> discord.Message | None:
        """Post the card as the bot (an embed): the style chosen, or the webhook failed (`fell_back`: why)."""
        raise NotImplementedError

    async def posted(self, card: Card, message: discord.Message) -> None:
        """The webhook post went out."""


class InteractionOrigin(Origin):
    def __init__(self, interaction: discord.Interaction) -> None:
        self.interaction = interaction
        self.user_id = interaction.user.id
        self.guild_id = interaction.guild_id
        self.deferred: bool | None = None  # None: not acknowledged yet

    def where(self, reply_style: str) -> Where:
        return choose_where(self.interaction, reply_style)

    async def acknowledge(self, where: Where) -> None:
        # A webhook post is public by itself: the interaction only gets a private "posted" line.
        self.deferred = await defer(self.interaction, ephemeral=where.style == "webhook")

    async def refuse(self, reply: Reply) -> None:
        way = "response" if self.deferred is None else "followup" if self.deferred else "channel"
        await send(self.interaction, reply, way)

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, fell_back: str | None,
                   hint: str | None) -> discord.Message | None:
        it = self.interaction
        if fell_back is not None:  # the private "thinking…" becomes the warning; the card follows
            if self.deferred:
                await send(it, Reply(f"⚠️ Could not post under the persona's name: {fell_back}. "
                                     "Posting it as a card instead.", ephemeral=True), "edit")
            return await send(it, Reply(first, picture=card.picture), "followup", embeds=embeds,
                              view=persona_buttons())
        message = await send(it, Reply(first, picture=card.picture), "edit" if self.deferred else "channel",
                             embeds=embeds, view=persona_buttons())
        if hint and message is not None:
            await send(it, Reply(f"ℹ️ Posted as a card, not under the persona's name: {hint}.",
                                 ephemeral=True, public_fallback=False), "followup", keep_original=True)
        return message

    async def posted(self, card: Card, message: discord.Message) -> None:
        if self.deferred:
            text = f"Posted as **{escape_markdown(card.name)}**: {message.jump_url}"
            await send(self.interaction, Reply(text, ephemeral=True, public_fallback=False), "edit")


class MessageOrigin(Origin):
    """A message that mentions the bot: no interaction to acknowledge and nothing private to say, so
    refusals and cards are replies to it (nobody pinged, not even its author)."""

    def __init__(self, message: discord.Message) -> None:
        self.message = message
        self.user_id = message.author.id
        self.guild_id = message.guild.id if message.guild is not None else None

    def where(self, reply_style: str) -> Where:
        return choose_where_for_message(self.message, reply_style)

    async def refuse(self, reply: Reply) -> None:
        await reply_to_message(self.message, reply.text)

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, fell_back: str | None,
                   hint: str | None) -> discord.Message | None:
        # No `first` line: a native reply already shows the message answered.
        return await reply_to_message(self.message, "", embeds=embeds, view=persona_buttons(),
                                      picture=card.picture)


def caller_of_message(message: discord.Message) -> Caller:
    """The author of a message, as `caller_of` makes one of an interaction: a message in a server
    reaches the bot only where the bot is a member, so that server's permissions count."""
    author = message.author
    guild_id = message.guild.id if message.guild is not None else None
    member = author if isinstance(author, discord.Member) and guild_id is not None else None
    return Caller(user_id=author.id, guild_id=guild_id,
                  administrator=bool(member and member.guild_permissions.administrator),
                  role_ids=tuple(role.id for role in member.roles) if member else ())


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
    if picture is not None:
        try:
            data = await asyncio.to_thread(picture.read_bytes)
            extra["files"] = [discord.File(io.BytesIO(data), filename=picture_name(picture))]
        except OSError as exc:
            log.warning("could not read the picture %s: %s; sending without it", picture, exc)
    try:
        return await message.channel.send(
            outbound(text) if text else None, reference=message.to_reference(fail_if_not_exists=False),
            mention_author=False, allowed_mentions=NO_PINGS, suppress_embeds=not embeds, **extra)
    except SEND_ERRORS as exc:
        log.warning("could not answer message %s in channel %s: %s", message.id, message.channel.id, exc)
        return None


class PersonaPoster:
    """Posts persona messages (webhook or embed, recorded) and answers what follows them: the buttons,
    "Reply as persona…", "Who asked?", and messages that mention the bot."""

    def __init__(self, client: discord.Client, commands: Commands) -> None:
        self.client = client
        self.commands = commands
        self.cfg = commands.cfg
        self.relay = WebhookRelay(client)

    async def imitate(self, interaction: discord.Interaction, prepare: Callable[[], ImitateRequest],
                      command: str) -> None:
        """/imitate, Another, Continue and Reply as persona."""
        await self.run(InteractionOrigin(interaction), prepare, command)

    async def run(self, origin: Origin, prepare: Callable[[], ImitateRequest], command: str) -> None:
        """Check (answering a refusal at once), choose the style, acknowledge, generate and post."""
        commands = self.commands
        try:
            req = prepare()
        except Exception as exc:  # refused (BotError) or a bug: answered either way, never left hanging
            await origin.refuse(commands.error_reply(command, exc))
            return
        where = origin.where(self.cfg.discord.reply_style)
        await origin.acknowledge(where)
        try:
            reply = await commands.imitate(req)
        except Exception as exc:
            await origin.refuse(commands.error_reply(command, exc))
            return
        await self.post(origin, req, reply, where)

    async def post(self, origin: Origin, req: ImitateRequest, reply: Reply, where: Where) -> None:
        card = reply.card
        assert card is not None
        d = self.cfg.discord
        answered = req.reply_to
        first = reply_line(jump_url(origin.guild_id, where.channel_id, answered)) if answered else ""
        text = TWEET_SEPARATOR.join(card.texts)
        message: discord.Message | None = None
        style: Style = where.style
        if where.style == "webhook":
            entry = self.commands.registry.get(card.persona)
            url = avatar_url(self.cfg.web.public_base_url, entry) if entry is not None else None
            try:
                message = await self.relay.post(
                    where, first + text, webhook_username(card.display_name, d.ai_marker),
                    webhook_username(card.handle, d.ai_marker), url, persona_buttons())
            except (NoWebhook, *SEND_ERRORS) as exc:
                reason = str(exc) if isinstance(exc, NoWebhook) else "Discord refused the webhook post"
                log.warning("could not post as %s in channel %s: %s", card.persona, where.channel_id, exc)
                style = "embed"
                message = await origin.card(first, card, self._embeds(card), fell_back=reason, hint=None)
            else:
                await origin.posted(card, message)
        else:
            hint = where.hint if d.reply_style == "webhook" else None
            message = await origin.card(first, card, self._embeds(card), fell_back=None, hint=hint)
        if message is None:
            return
        await self.commands.remember(PersonaMessage(
            message_id=message.id, persona=card.persona, invoker_id=origin.user_id,
            channel_id=where.channel_id, prompt=req.prompt, text=text, created_at=time.time(), style=style,
            guild_id=origin.guild_id, webhook_id=message.webhook_id if style == "webhook" else None,
            thread_id=where.thread_id if style == "webhook" else None, reply_to=req.reply_to,
            count=req.count, temperature=req.temperature, context=req.context, another_of=req.another_of,
            copy_rejections=card.copy_rejections))

    def _embeds(self, card: Card) -> list[discord.Embed]:
        return card_embeds(card, picture_name(card.picture) if card.picture else None)

    # --- messages that mention the bot ----------------------------------------------------------------

    async def on_message(self, message: discord.Message) -> None:
        """`@Bot persona [prompt]` answers as /imitate does; a reply to a persona message that mentions
        the bot (or pings it, replying to its card) makes that persona answer the reply."""
        me = self.client.user
        author = message.author
        if me is None or author.bot or message.webhook_id is not None or author.id == me.id:
            return  # never bots or webhooks (personas answering personas would never end)
        # Only a direct user mention counts: @everyone, @here and roles put nobody in `mentions`.
        if not any(user.id == me.id for user in message.mentions):
            return
        token = re.compile(rf"<@!?{me.id}>")
        direct = token.search(message.content) is not None
        text = " ".join(token.sub(" ", message.content).split())
        ref = message.reference
        record = None
        if ref is not None and ref.message_id is not None:
            try:
                guild_id = message.guild.id if message.guild is not None else None
                record = await self.commands.find_record(ref.message_id, guild_id, message.channel.id)
            except Exception:  # a broken record is no reason to stay silent: answer as a mention
                log.exception("could not read the record of message %s", ref.message_id)
        if record is None and not direct:
            return  # a reply to some other message of the bot, that did not name it
        caller = caller_of_message(message)
        commands = self.commands
        origin = MessageOrigin(message)
        if record is not None:
            # The persona answers what was said to it; a bare mention continues its own message.
            if text:
                await self.run(origin, lambda: commands.prepare_reply(
                    caller, record.persona, text, message.id), "reply as persona")
            else:
                await self.run(origin, lambda: commands.prepare_continue(caller, record), "continue")
            return
        if not text:
            await origin.refuse(Reply(f"Mention me with a persona and how its tweet starts: "
                                      f"`@{escape_markdown(me.name)} persona [prompt]`.", ephemeral=True))
            return
        persona, _, prompt = text.partition(" ")
        await self.run(origin, lambda: commands.prepare_imitate(caller, persona, prompt or None), "imitate")

    # --- the buttons -------------------------------------------------------------------------------

    async def on_button(self, action: str, interaction: discord.Interaction) -> None:
        commands = self.commands
        message = interaction.message
        assert message is not None
        try:
            # Discord sends the message the button is on; its record must say it is here too.
            record = await commands.record_of(message.id, interaction.guild_id, interaction.channel_id)
        except Exception as exc:
            await send(interaction, commands.error_reply(action, exc), "response")
            return
        caller = caller_of(interaction)
        if action == "another":
            await self.imitate(interaction, lambda: commands.prepare_another(caller, record), "another")
        elif action == "continue":
            await self.imitate(interaction, lambda: commands.prepare_continue(caller, record), "continue")
        else:
            await self.delete(interaction, caller, record, message)

    async def delete(self, interaction: discord.Interaction, caller, record: PersonaMessage,
                     message: discord.Message) -> None:
        commands = self.commands
        try:
            commands.check_delete(caller, record)
        except Exception as exc:
            await send(interaction, commands.error_reply("delete", exc), "response")
            return
        deferred = await defer(interaction, ephemeral=True)  # deleting may take REST calls of its own
        way = "edit" if deferred else "followup"
        try:
            await self._delete_message(interaction, record, message)
        except SEND_ERRORS as exc:
            log.warning("could not delete persona message %s: %s", record.message_id, exc)
            await send(interaction, Reply("⚠️ Discord did not let me delete it.", ephemeral=True,
                                          public_fallback=False), way)
            return
        await commands.forget(record.message_id)
        commands.count("delete", "ok")
        await send(interaction, Reply("🗑️ Deleted.", ephemeral=True, public_fallback=False), way)

    async def _delete_message(self, interaction: discord.Interaction, record: PersonaMessage,
                              message: discord.Message) -> None:
        """Through the webhook that posted it (which needs no Manage Messages), else as the bot."""
        channel = interaction.channel
        parent = getattr(channel, "parent_id", None) if getattr(channel, "type", None) in _THREADS else None
        hook_channel = parent or record.channel_id
        if record.style == "webhook":
            try:
                hook = await self.relay.webhook(hook_channel, create=False)
                if hook.id == record.webhook_id:
                    await self.relay.delete(hook_channel, record.message_id, record.thread_id)
                    return
            except (NoWebhook, discord.NotFound):
                pass  # the webhook is gone: the message may still be deleted by the bot
        with contextlib.suppress(discord.NotFound):  # already gone: nothing left to delete
            await message.delete()

    # --- the message context menus ---------------------------------------------------------------

    async def who_asked(self, interaction: discord.Interaction, message: discord.Message) -> None:
        commands = self.commands
        here = (interaction.guild_id, interaction.channel_id)
        try:
            record = await commands.record_of(message.id, *here)
            original = link = None
            if record.another_of is not None:  # Another is pressed on a message in the same channel
                original = await commands.find_record(record.another_of, *here)
                link = jump_url(record.guild_id, record.channel_id, record.another_of)
            reply = commands.who_asked(record, original, link or "")
        except Exception as exc:
            reply = commands.error_reply("who asked", exc)
        await send(interaction, reply, "response")

    async def reply_as(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Offer the personas (a menu, with a search for more than fit); the one chosen answers."""
        text = message_text(message)
        try:
            self.commands.check_may_post(caller_of(interaction))  # checked again when one is chosen
            if not text:
                raise InvalidRequest("That message has no text to answer.")
        except Exception as exc:
            await send(interaction, self.commands.error_reply("reply as persona", exc), "response")
            return
        picker = PersonaPicker(self, message.id, text, self.commands.autocomplete(""))
        await send(interaction, Reply(picker.prompt(), ephemeral=True), "response", view=picker)


class PersonaPicker(discord.ui.View):
    """The ephemeral menu of "Reply as persona…": up to 25 personas (Discord's limit on a select),
    and a search by name that fills the menu with the best matches."""

    def __init__(self, poster: PersonaPoster, message_id: int, text: str, names: list[str],
                 searched: str | None = None) -> None:
        super().__init__(timeout=600)
        self.poster, self.message_id, self.text, self.searched = poster, message_id, text, searched
        if names:
            select = discord.ui.Select(placeholder="Choose a persona", options=[
                discord.SelectOption(label=name, value=name) for name in names[:25]])
            select.callback = self._chosen  # type: ignore[method-assign]
            self.add_item(select)
            self.select = select
        search = discord.ui.Button(label="Search by name…", emoji="🔎", style=discord.ButtonStyle.secondary)
        search.callback = self._search  # type: ignore[method-assign]
        self.add_item(search)

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await accepting(interaction)

    def prompt(self) -> str:
        if self.searched is not None and not self.children[:-1]:
            return f"No persona matches {quote_user(self.searched, 40)}: search again."
        return "Which persona answers this message?"

    async def _chosen(self, interaction: discord.Interaction) -> None:
        persona = self.select.values[0]
        commands = self.poster.commands
        caller = caller_of(interaction)
        await self.poster.imitate(
            interaction, lambda: commands.prepare_reply(caller, persona, self.text, self.message_id),
            "reply as persona")

    async def _search(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(PersonaSearch(self))


class PersonaSearch(discord.ui.Modal, title="Reply as persona"):
    name: discord.ui.TextInput = discord.ui.TextInput(label="Persona name (part of it is enough)",
                                                      max_length=100)

    def __init__(self, picker: PersonaPicker) -> None:
        super().__init__(timeout=600)
        self.picker = picker

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await accepting(interaction)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        typed = self.name.value.strip()
        p = self.picker
        names = p.poster.commands.autocomplete(typed)
        picker = PersonaPicker(p.poster, p.message_id, p.text, names, searched=typed)
        try:
            await interaction.response.edit_message(content=picker.prompt(), view=picker)
        except SEND_ERRORS as exc:
            log.warning("could not show the personas matching a search: %s", exc)
