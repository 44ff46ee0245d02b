"""What a persona post answers, and how the bot's own lines about it get back there: an interaction
(`InteractionOrigin`: /imitate, the buttons, "Reply as persona…"; deferred, the notes private) or a
message that mentions the bot (`MessageOrigin`: native replies to it, nobody pinged). The posting
itself (generating, the webhook, the record) is `bot.presence.PersonaPoster`'s, the same for both.
"""

from __future__ import annotations

import discord

from bot.discord_io import defer, reply_to_message, send
from bot.output import escape_markdown
from bot.replies import Card, Reply
from bot.webhooks import Where, choose_where, choose_where_for_message


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

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, view: discord.ui.View,
                   fell_back: str | None, hint: str | None) -> discord.Message | None:
        """Post the card as the bot (an embed, with `view` under it): the style chosen, or the webhook
        failed (`fell_back`: why)."""
        raise NotImplementedError

    async def posted(self, card: Card, message: discord.Message) -> None:
        """The webhook post went out."""


class InteractionOrigin(Origin):
    """An interaction: deferred in the visibility the style needs; the notes about the post private."""

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

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, view: discord.ui.View,
                   fell_back: str | None, hint: str | None) -> discord.Message | None:
        it = self.interaction
        if fell_back is not None:  # the private "thinking…" becomes the warning; the card follows
            if self.deferred:
                await send(it, Reply(f"⚠️ Could not post under the persona's name: {fell_back}. "
                                     "Posting it as a card instead.", ephemeral=True), "edit")
            return await send(it, Reply(first, picture=card.picture), "followup", embeds=embeds,
                              view=view)
        message = await send(it, Reply(first, picture=card.picture), "edit" if self.deferred else "channel",
                             embeds=embeds, view=view)
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

    async def card(self, first: str, card: Card, embeds: list[discord.Embed], *, view: discord.ui.View,
                   fell_back: str | None, hint: str | None) -> discord.Message | None:
        # No `first` line: a native reply already shows the message answered.
        return await reply_to_message(self.message, "", embeds=embeds, view=view,
                                      picture=card.picture)
