"""A Discord stand-in on loopback for end-to-end tests of the real discord.py client.

An aiohttp server playing both halves of Discord that the bot uses:
- the gateway (`/gateway`, plain JSON text frames; discord.py asks for `compress=zlib-stream` but
  only decompresses binary frames, so text frames need none): HELLO, heartbeat ACKs (each heartbeat's
  arrival time is recorded), IDENTIFY → READY + GUILD_CREATE (the text channel CHANNEL_ID, its public
  thread THREAD_ID, the forum FORUM_ID with its post FORUM_POST_ID, the bot's member and managed role;
  and the servers `add_guild` adds),
  then the INTERACTION_CREATE dispatches a test injects: slash commands and autocomplete (`interact`),
  button presses (`click`), select menus (`choose`), modal submits (`submit_modal`) and message context
  menus (`context_menu`); users' messages (`say`: MESSAGE_CREATE, content only where the bot is mentioned
  unless the MESSAGE_CONTENT intent is asked for); and WEBHOOKS_UPDATE / THREAD_CREATE / MESSAGE_CREATE
  when the IDENTIFY's intents ask for them. Sharded as Discord shards: each connection is the shard its
  IDENTIFY names (`shard: [id, n]`; none: shard 0 of 1), its READY and GUILD_CREATEs carry only the
  guilds of that shard (`shard_of`), and every event of a guild goes only to a connection holding the
  guild's shard (the newest, if several), events without a guild (DMs) to shard 0 (`connections`
  records what each was sent; an interaction records its shard);
- the REST routes under `/api/v10`: `/users/@me`, `/oauth2/applications/@me`, `/gateway/bot` (with
  `shards`, the recommended shard count), the
  command sync PUTs, interaction callbacks (message, defer, deferred update, update message,
  autocomplete, modal) and their webhook follow-ups, fetches, edits and deletes; `GET channels/{id}`;
  channel messages (post, fetch, edit, delete); channel webhooks (list, create, fetch, edit, delete)
  and their execution (`wait`, `thread_id`, `thread_name` in a forum, multipart files) with fetch, edit
  and delete of their messages; and `/files/...` serving attachments.
Every message created (channel messages, interaction responses and follow-ups, webhook posts) is kept
in `messages` as Discord returns it, edits applied, deletes removed, so a test can click its buttons.
Every REST call is recorded (`calls`, multipart files in `call.files`) so tests can assert what the bot
sent. Discord's refusals are played where the bot meets them: a message over 2,000 characters or with
embeds or components past Discord's limits (400, code 50035), a webhook name or username containing
"clyde" or "discord" or over 80 characters (50035), the 16th webhook of a channel (30007), webhooks on a
thread (50024), a forum post without thread_id/thread_name (220001), a deleted webhook (404, 10015), an
unknown message (10008), a missing permission of the bot in a channel (`bot_permissions`: 403, 50013),
an interaction acknowledged twice (40060). A test can also make chosen calls fail with 400, 403, 404,
429 (retry after a moment) or 500, with a code of its choice (`fail`). discord.py parses a body as JSON
only when the Content-Type is exactly `application/json`, so that is what `_json` sets.

The package, by what it plays (each part a mixin of `DiscordStandIn`, which holds the state):
- server.py: `DiscordStandIn` itself: its state, the aiohttp server, waiting for the bot, `fail`;
- gateway.py: the websocket gateway, shards, and users' messages (`say`);
- interactions.py: INTERACTION_CREATEs a test injects, their callbacks and follow-ups;
- webhooks.py: channel webhooks and the messages posted through them;
- rest.py: the REST routes, recorded calls, chosen failures, channels, DMs, permissions;
- messages.py: messages built, stored, edited and checked as Discord does;
- constants.py (ids, permission bits, flags, intents, limits), records.py (Call, Interaction...),
  payloads.py (payload pieces, Discord's form errors, the JSON answers).
Tests import from the package: `from helpers.standin import GUILD_ID, DiscordStandIn`.
"""

from helpers.standin.constants import (
    ADMIN_ROLE_ID,
    ADMINISTRATOR,
    APP_ID,
    BOT_ID,
    BOT_ROLE_ID,
    CHANNEL_ID,
    DEFAULT_APP_PERMISSIONS,
    DM_APP_PERMISSIONS,
    EPHEMERAL,
    FOREIGN_USER_ID,
    FORUM_ID,
    FORUM_POST_ID,
    GUILD_ID,
    GUILD_MESSAGES_INTENT,
    MANAGE_WEBHOOKS,
    MESSAGE_CONTENT_INTENT,
    OTHER_GUILD_ID,
    OWNER_ID,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    THREAD_ID,
    VIEW_CHANNEL,
    shard_of,
    user_payload,
)
from helpers.standin.records import Call, Connection, Interaction, Upload
from helpers.standin.server import DiscordStandIn

__all__ = [
    "ADMINISTRATOR",
    "ADMIN_ROLE_ID",
    "APP_ID",
    "BOT_ID",
    "BOT_ROLE_ID",
    "CHANNEL_ID",
    "DEFAULT_APP_PERMISSIONS",
    "DM_APP_PERMISSIONS",
    "EPHEMERAL",
    "FOREIGN_USER_ID",
    "FORUM_ID",
    "FORUM_POST_ID",
    "GUILD_ID",
    "GUILD_MESSAGES_INTENT",
    "MANAGE_WEBHOOKS",
    "MESSAGE_CONTENT_INTENT",
    "OTHER_GUILD_ID",
    "OWNER_ID",
    "READ_MESSAGE_HISTORY",
    "SEND_MESSAGES",
    "SEND_MESSAGES_IN_THREADS",
    "THREAD_ID",
    "VIEW_CHANNEL",
    "Call",
    "Connection",
    "DiscordStandIn",
    "Interaction",
    "Upload",
    "shard_of",
    "user_payload",
]
