"""What Discord is to the bot here: the ids of the application, its server and channels, permission
bits, message flags, gateway intents, channel types, the error answers and Discord's limits."""

from __future__ import annotations

from typing import Any

APP_ID = 710000000000000001
BOT_ID = APP_ID
GUILD_ID = 720000000000000001
OTHER_GUILD_ID = 720000000000000099  # a server the bot was invited to but is not configured for
OWNER_ID = 1  # the application's owner, as /oauth2/applications/@me says
CHANNEL_ID = 730000000000000001  # a text channel
THREAD_ID = 730000000000000002  # a public thread of CHANNEL_ID
FORUM_ID = 730000000000000003  # a forum channel
FORUM_POST_ID = 730000000000000004  # a post (thread) of FORUM_ID
ADMIN_ROLE_ID = 740000000000000001
BOT_ROLE_ID = 740000000000000002  # the bot's managed role, holding DEFAULT_APP_PERMISSIONS
DEFAULT_USER_ID = 900000000000000001  # who interacts, unless a test says
FOREIGN_USER_ID = 900000000000000777  # a moderator whose webhooks are not the bot's

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR = 1 << 3
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
MANAGE_WEBHOOKS = 1 << 29
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 53) - 1  # what Discord reports for an administrator: every permission
# What the bot has in the guild's channels unless `bot_permissions` says otherwise.
DEFAULT_APP_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | EMBED_LINKS
                           | ATTACH_FILES | READ_MESSAGE_HISTORY | MANAGE_WEBHOOKS)
# Discord's `app_permissions` where the bot is not in a server: a DM with the bot, and (as in (G)DMs
# with other users) a server where only the user installed the app.
DM_APP_PERMISSIONS = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE | USE_EXTERNAL_EMOJIS
USER_INSTALL_APP_PERMISSIONS = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE

# Message flags, and the gateway intents the stand-in honours.
SUPPRESS_EMBEDS = 1 << 2
EPHEMERAL = 1 << 6
LOADING = 1 << 7  # a deferred response's "thinking…" message
SUPPRESS_NOTIFICATIONS = 1 << 12
IS_COMPONENTS_V2 = 1 << 15
SENDABLE_FLAGS = SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS | IS_COMPONENTS_V2  # what a new message may set
GUILDS_INTENT = 1 << 0
WEBHOOKS_INTENT = 1 << 5
GUILD_MESSAGES_INTENT = 1 << 9
DIRECT_MESSAGES_INTENT = 1 << 12
MESSAGE_CONTENT_INTENT = 1 << 15  # privileged: without it, content only where the app is mentioned
# What @everyone may do in the guild's channels, as Discord's default role allows a member.
EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | READ_MESSAGE_HISTORY

TEXT, DM, FORUM, PUBLIC_THREAD = 0, 1, 15, 11
THREAD_TYPES = (10, 11, 12)
WEBHOOK_CHANNEL_TYPES = (0, 5, 15, 16)  # text, announcement, forum, media

BOT_USER: dict[str, Any] = {
    "id": str(BOT_ID), "username": "persona-bot", "discriminator": "0", "global_name": None, "avatar": None,
    "bot": True, "flags": 0, "mfa_enabled": False, "verified": True}


def user_payload(user_id: int) -> dict[str, Any]:
    """A user as Discord sends one in interactions: the same name for the same id."""
    return {"id": str(user_id), "username": f"user{user_id % 1000}", "discriminator": "0",
            "global_name": None, "avatar": None}


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a guild's events: Discord's `(guild_id >> 22) % num_shards`."""
    return (guild_id >> 22) % shard_count


# Discord's answers to the failures a test can ask for (`DiscordStandIn.fail`).
FAILURES = {
    400: {"message": "Invalid Form Body", "code": 50035},
    403: {"message": "Missing Permissions", "code": 50013},
    404: {"message": "Unknown Webhook", "code": 10015},
    429: {"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
    500: {"message": "500: Internal Server Error", "code": 0},
}
# Discord's messages for the JSON error codes the stand-in answers (or a test names in `fail`).
ERRORS = {
    10003: "Unknown Channel",
    10008: "Unknown Message",
    10015: "Unknown Webhook",
    10062: "Unknown interaction",
    30007: "Maximum number of webhooks reached (15)",
    40005: "Request entity too large",
    40060: "Interaction has already been acknowledged.",
    50005: "Cannot edit a message authored by another user",
    50006: "Cannot send an empty message",
    50008: "Cannot send messages in a non-text channel",
    50013: "Missing Permissions",
    50024: "Cannot execute action on this channel type",
    50027: "Invalid Webhook Token",
    50035: "Invalid Form Body",
    220001: "Webhooks posted to forum channels must have a thread_name or thread_id",
    220002: "Webhooks posted to forum channels cannot have both a thread_name and thread_id",
    220003: "Webhooks can only create threads in forum channels",
}
MESSAGE_LIMIT = 2000
WEBHOOK_LIMIT = 15  # per channel
NAME_LIMIT = 80  # a webhook's name, a webhook message's username
UPLOAD_LIMIT = 10 << 20  # a message's files together, in a server without boosts
CUSTOM_ID_LIMIT = 100
# Discord's embed limits: per field, and 6,000 characters over all of a message's embeds.
EMBED_LIMITS = {"title": 256, "description": 4096, "author.name": 256, "footer.text": 2048}
FIELD_LIMITS = {"name": 256, "value": 1024}
EMBED_TOTAL = 6000
