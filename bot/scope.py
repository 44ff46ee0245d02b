"""Where a persona may speak, and who may take it back: the rules of `persona.json`'s `owner`,
`subject` and `servers` (training's checkpoint contract), applied by the command layer wherever a
persona is named, listed or used.

A persona of one server is unknown anywhere else: every surface asks `usable_here`, and one that is
not usable answers as a persona that does not exist, so nothing tells a stranger its name. Personas
with no `servers` (the operator's, from the command line, and every folder written before scopes)
are usable everywhere. In DMs and user-installed contexts (no server of the bot's) only those, and the
caller's own (whom it imitates or who made it). The console is the operator's: it sees everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.commands import Caller
    from training.checkpoint import PersonaMeta


def usable_here(meta: PersonaMeta, caller: Caller) -> bool:
    """May `caller` see and use this persona where they are?"""
    if caller.local or meta.servers is None:
        return True
    if caller.guild_id is None:  # a DM or a user-installed context: the caller's own only
        return caller.user_id in (meta.owner, meta.subject)
    return caller.guild_id in meta.servers


def is_own(meta: PersonaMeta, caller: Caller) -> bool:
    """Whom it imitates, or who made it: they may see its usage and have it forgotten."""
    return caller.user_id in (meta.subject, meta.owner)


def place_key(caller: Caller) -> tuple[object, ...]:
    """What decides which personas a caller sees: the same key, the same list."""
    if caller.local:
        return ("all",)
    if caller.guild_id is None:
        return ("dm", caller.user_id)
    return ("server", caller.guild_id)
