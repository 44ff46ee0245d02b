"""Posting as a persona, and what follows its messages: `PersonaPoster` generates, posts and records
a card for an `Origin` (`bot.origins`), through the channel's webhook under the persona's own name
(`bot.webhooks`) or as an embed card from the bot where no webhook can be had (`card_embeds`: the
picture attached, `attachment://`, no hosting), and answers the Another / Continue / Delete buttons
(`PersonaButton`), "Who asked?", "Reply as persona…" (the pickers: `PersonaPicker`, `PersonaSearch`)
and messages that mention the bot.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import Callable

import discord

from bot.avatars import avatar_url
from bot.commands import Commands, ImitateRequest
from bot.config import Config
from bot.discord_io import SEND_ERRORS, caller_of, caller_of_message, defer, picture_name, send
from bot.errors import InvalidRequest
from bot.message_log import PersonaMessage
from bot.origins import InteractionOrigin, MessageOrigin, Origin
from bot.output import clip, escape_markdown, outbound, quote_user
from bot.replies import TWEET_SEPARATOR, Card, Reply
from bot.webhooks import THREAD_TYPES, NoWebhook, Style, WebhookRelay, Where, webhook_username

log = logging.getLogger(__name__)

EMBED_TEXT_LIMIT = 4096  # an embed's description


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


class PersonaPoster:
    """Posts persona messages (webhook or embed, recorded) and answers what follows them: the buttons,
    "Reply as persona…", "Who asked?", and messages that mention the bot."""

    def __init__(self, client: discord.Client, commands: Commands, cfg: Config) -> None:
        self.client = client
        self.commands = commands
        self.cfg = cfg
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
                message = await origin.card(first, card, self._embeds(card), view=persona_buttons(),
                                            fell_back=reason, hint=None)
            else:
                await origin.posted(card, message)
        else:
            hint = where.hint if d.reply_style == "webhook" else None
            message = await origin.card(first, card, self._embeds(card), view=persona_buttons(),
                                        fell_back=None, hint=hint)
        if message is None:
            return
        await self.commands.remember(PersonaMessage(
            message_id=message.id, persona=card.persona, invoker_id=origin.user_id,
            channel_id=where.channel_id, prompt=req.prompt, text=text, created_at=time.time(), style=style,
            guild_id=origin.guild_id, webhook_id=message.webhook_id if style == "webhook" else None,
            thread_id=where.thread_id if style == "webhook" else None, reply_to=req.reply_to,
            count=req.count, temperature=req.temperature, context=req.context, another_of=req.another_of,
            copy_rejections=card.copy_rejections, context_author_id=req.context_author))

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
                    caller, record.persona, text, message.id, author.id), "reply as persona")
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
        threaded = getattr(channel, "type", None) in THREAD_TYPES
        parent = getattr(channel, "parent_id", None) if threaded else None
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
            # checked again when one is chosen
            self.commands.check_context_author(message.author.id, caller_of(interaction))
        except Exception as exc:
            await send(interaction, self.commands.error_reply("reply as persona", exc), "response")
            return
        names = self.commands.autocomplete("", caller_of(interaction))
        picker = PersonaPicker(self, message.id, text, names, message.author.id)
        await send(interaction, Reply(picker.prompt(), ephemeral=True), "response", view=picker)


class PersonaPicker(discord.ui.View):
    """The ephemeral menu of "Reply as persona…": up to 25 personas (Discord's limit on a select),
    and a search by name that fills the menu with the best matches."""

    def __init__(self, poster: PersonaPoster, message_id: int, text: str, names: list[str],
                 author_id: int | None = None, searched: str | None = None) -> None:
        super().__init__(timeout=600)
        self.poster, self.message_id, self.text, self.searched = poster, message_id, text, searched
        self.author_id = author_id  # who wrote the message answered
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
            interaction, lambda: commands.prepare_reply(caller, persona, self.text, self.message_id,
                                                        self.author_id),
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
        names = p.poster.commands.autocomplete(typed, caller_of(interaction))
        picker = PersonaPicker(p.poster, p.message_id, p.text, names, p.author_id, searched=typed)
        try:
            await interaction.response.edit_message(content=picker.prompt(), view=picker)
        except SEND_ERRORS as exc:
            log.warning("could not show the personas matching a search: %s", exc)
