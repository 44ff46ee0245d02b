"""What follows a persona message, in the command layer: its record (who asked, the prompt, where),
and the commands that start from it: Another, Continue, Reply as persona, Who asked?, Delete.

`FollowUps` is a part of `bot.commands.Commands` (its base class), kept apart so each module holds one
kind of work; it uses what `Commands` provides (the message record, the checks, `prepare_imitate`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from bot.errors import InvalidRequest, PermissionDenied
from bot.generation import MAX_CONTEXT_CHARS
from bot.output import unescape_links
from bot.replies import TWEET_SEPARATOR, Reply, who_asked_reply

if TYPE_CHECKING:
    from bot.commands import Caller, CommandSettings, ImitateRequest
    from bot.message_log import MessageLog, PersonaMessage
    from bot.personas import PersonaRegistry

log = logging.getLogger(__name__)


class FollowUps:
    """Another, Continue, Reply as persona, Who asked? and Delete, and the record they read."""

    if TYPE_CHECKING:  # provided by Commands
        settings: CommandSettings
        messages: MessageLog
        registry: PersonaRegistry
        opted_out_ids: set[int]

        def prepare_imitate(self, caller: Caller, persona: str, prompt: str | None = None,
                            count: int | None = None, temperature: float | None = None,
                            seed: int | None = None, *, context: str = "", reply_to: int | None = None,
                            another_of: int | None = None,
                            context_author: int | None = None) -> ImitateRequest: ...
        def is_admin(self, caller: Caller) -> bool: ...
        def count(self, command: str, outcome: str) -> None: ...

    async def record_of(self, message_id: int, guild_id: int | None,
                        channel_id: int | None) -> PersonaMessage:
        """The record of a persona message seen in `guild_id` / `channel_id` (a thread's own id);
        InvalidRequest when there is none (too old, or not ours), or when the record says the message
        is somewhere else (answered exactly as no record: it says nothing of other places)."""
        record = await self.find_record(message_id, guild_id, channel_id)
        if record is None:
            days = self.settings.message_record_days
            raise InvalidRequest(f"I have no record of that message: it is not a persona's, or older than "
                                 f"{days:g} days.")
        return record

    async def find_record(self, message_id: int, guild_id: int | None,
                          channel_id: int | None) -> PersonaMessage | None:
        """The record of `message_id` if it is one of a message in that guild and channel, else None."""
        record = await asyncio.to_thread(self.messages.get, message_id)
        if record is None or record.guild_id != guild_id or record.channel_id != channel_id:
            return None
        return record

    def prepare_another(self, caller: Caller, record: PersonaMessage) -> ImitateRequest:
        """Another tweet from the same persona and prompt (for a reply: answering the same message)."""
        return self.prepare_imitate(caller, record.persona, record.prompt, record.count, record.temperature,
                                    context=record.context, reply_to=record.reply_to,
                                    another_of=record.message_id, context_author=record.context_author_id)

    def prepare_continue(self, caller: Caller, record: PersonaMessage) -> ImitateRequest:
        """The persona answers its own tweet (the last one of the message), with that tweet as context."""
        last = unescape_links(record.text.split(TWEET_SEPARATOR)[-1])  # the words, not their escapes
        # The persona's own tweet is the context; refused too when that tweet answered a member who
        # has since opted out (the thread is theirs).
        return self.prepare_imitate(caller, record.persona, context=last, reply_to=record.message_id,
                                    context_author=record.context_author_id)

    def prepare_reply(self, caller: Caller, persona: str, text: str, message_id: int,
                      author_id: int | None = None) -> ImitateRequest:
        """A persona answers a message (the message context menu, a reply that mentions the bot): its
        text is the context; `author_id`, who wrote it (a member who opted out is never answered)."""
        if not text.strip():
            raise InvalidRequest("That message has no text to answer.")
        return self.prepare_imitate(caller, persona, context=unescape_links(text)[:MAX_CONTEXT_CHARS],
                                    reply_to=message_id, context_author=author_id)

    def who_asked(self, record: PersonaMessage, original: PersonaMessage | None = None,
                  original_link: str = "") -> Reply:
        """Who made the persona say it, with which prompt and when (ephemeral). For an Another: who
        pressed it, on which message (`original_link`), and, while its record lasts (`original`), who
        asked for that one."""
        self.count("who asked", "ok")
        return who_asked_reply(record, original, original_link)

    def check_delete(self, caller: Caller, record: PersonaMessage) -> None:
        """Only whoever asked for a persona message, or an admin, may delete it; raises PermissionDenied."""
        if caller.user_id != record.invoker_id and not self.is_admin(caller):
            raise PermissionDenied("Only whoever asked for this message, or an admin, can delete it.")

    async def remember(self, record: PersonaMessage) -> None:
        """Record a persona message as posted (who asked, the prompt and text, where)."""
        try:
            await asyncio.to_thread(self.messages.add, record)
            # Forgotten while it was posted: a forget deletes the rows it finds, so one added after it
            # must go here (the registry no longer has the persona by the time a forget deletes rows).
            # Likewise a post answering a member who opted out meanwhile: their words are not kept.
            if self.registry.get(record.persona) is None or record.context_author_id in self.opted_out_ids:
                await asyncio.to_thread(self.messages.delete, record.message_id)
        except Exception:  # the post is out; losing its record only disables its buttons
            log.exception("could not record persona message %s", record.message_id)

    async def forget(self, message_id: int) -> None:
        await asyncio.to_thread(self.messages.delete, message_id)
