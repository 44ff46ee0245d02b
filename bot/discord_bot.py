"""`python -m bot run`: the Discord client, a thin adapter from Discord to `bot.commands`: connecting
(one gateway connection, or shards), syncing the command tree, the health server and its metrics,
and running until a signal or a lost connection.

The commands themselves (the slash commands, the message menus, the confirmation of /persona remove)
are `bot.discord_commands`, built from the declared command set; they are synced only when their
definitions changed (`bot.sync_state`); with `guild_ids` set, a global command set left from before
is cleared. Every message goes out through `bot.discord_io.send` (clipped, nobody pinged, masked links
defused, no link embeds, the next way tried when one fails); persona messages are posted by
`bot.presence`, which also answers messages that mention the bot (`@Bot persona prompt`, or a reply to
a persona message), which arrive without any privileged intent.

`[discord] api_base_url` / `gateway_url` point discord.py at another server (a gateway proxy, a
Discord-compatible server, the tests' stand-in): discord.py builds every REST URL from
`discord.http.Route.BASE` (webhooks and interaction callbacks included) and opens the gateway at
`DiscordWebSocket.DEFAULT_GATEWAY`; both are class attributes, set here before the client connects.
With `api_base_url` changed and no `gateway_url`, the gateway URL is asked of that API (`GET /gateway/bot`).

`[discord] shard_count` (and `shard_ids`) run the gateway as discord.py's `AutoShardedClient` over those
shards (`ShardedPersonaBot`), so a large bot runs as several processes, each answering the interactions
Discord routes to its shards; `sync_commands = false` leaves the command sync to one of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import signal
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import discord
import yarl
from discord import app_commands
from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.avatars import AvatarCache, avatar_routes
from bot.commands import Commands
from bot.config import Config, DiscordSettings
from bot.discord_commands import install_commands
from bot.discord_confirm import RemoveButton, RemoveConfirmation
from bot.discord_consent import install_consent
from bot.discord_io import SEND_ERRORS, send
from bot.health import HealthServer
from bot.logs import install_redaction
from bot.presence import PersonaButton, PersonaPoster
from bot.replies import Reply
from bot.sync_state import SyncRecord, definitions_hash
from bot.wiring import open_commands

log = logging.getLogger(__name__)

DISCORD_API = "https://discord.com/api/v10"
DISCORD_GATEWAY = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
SHUTDOWN_GRACE_S = 10.0  # how long running commands get to send their last reply at shutdown


def point_discord_at(api_base_url: str, gateway_url: str | None) -> None:
    """Make discord.py talk to `api_base_url` (REST) and `gateway_url` (websocket) in this process."""
    discord.http.Route.BASE = api_base_url.rstrip("/")
    gateway = yarl.URL(gateway_url) if gateway_url else DISCORD_GATEWAY
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = gateway


class PersonaTree(app_commands.CommandTree):
    """The command tree; it tracks the commands running, and once shutdown starts it refuses new
    ones with an ephemeral note."""

    accepting = True

    def __init__(self, client: discord.Client) -> None:
        super().__init__(client)
        self.running: set[asyncio.Task] = set()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if self.accepting:
            task = asyncio.current_task()  # discord.py runs each interaction in a task of its own
            if task is not None:
                self.running.add(task)
                task.add_done_callback(self.running.discard)
            return True
        if interaction.type in (discord.InteractionType.application_command,
                                discord.InteractionType.component, discord.InteractionType.modal_submit):
            await send(interaction, Reply("The bot is shutting down.", ephemeral=True), "response")
        return False


class PersonaBot(discord.Client):
    """The bot on one gateway connection (no sharding); `ShardedPersonaBot` is the same over shards."""

    def __init__(self, cfg: Config, commands: Commands, sync_record: SyncRecord) -> None:
        # No one is ever pinged by what the bot sends. Intents: guilds (channels, roles for admin checks),
        # webhooks (a moderator deleting the persona webhook), guild and DM messages (`@Bot persona ...`);
        # nothing privileged: without message_content, Discord still sends the content of messages that
        # mention the bot, of DMs with it and of its own, which is all the bot reads.
        super().__init__(intents=discord.Intents(guilds=True, webhooks=True, guild_messages=True,
                                                 dm_messages=True),
                         allowed_mentions=discord.AllowedMentions.none(), **self.shard_options(cfg.discord))
        self.cfg = cfg
        self.commands = commands
        self.sync_record = sync_record
        self.tree = PersonaTree(self)
        self.poster = PersonaPoster(self, commands, cfg)  # the buttons find it as interaction.client.poster
        self.removals = RemoveConfirmation(commands)  # found by the Delete buttons, as .poster is
        self.synced: list[int | None] = []  # the scopes this start synced (None: global)
        install_commands(self.tree, commands, self.poster)

    @staticmethod
    def shard_options(d: DiscordSettings) -> dict[str, object]:
        """The client's sharding arguments: none for the plain client."""
        return {}

    async def setup_hook(self) -> None:
        d = self.cfg.discord
        if d.gateway_url is None and d.api_base_url.rstrip("/") != DISCORD_API:
            _shards, url, _limits = await self.http.get_bot_gateway()
            # Read by the plain client's connect and by AutoShardedClient.launch_shards alike.
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)
        # Another / Continue / Delete on every persona message ever posted, matched by custom id.
        self.add_dynamic_items(PersonaButton, RemoveButton)  # and the confirmation of /persona remove
        # Accept / Decline under every consent request still pending, and the sweep of expired ones.
        self.consent_sweeper = install_consent(self, self.commands)
        await self.learn_owners()
        if d.sync_commands:
            await self.sync_commands()
        else:
            log.info("not syncing commands: another process does ([discord] sync_commands = false)")

    async def on_message(self, message: discord.Message) -> None:
        if not self.tree.accepting:
            return  # shutting down: a mention now would start work nobody waits for
        task = asyncio.current_task()  # discord.py runs each event in a task: shutdown waits for it too
        if task is not None:
            self.tree.running.add(task)
            task.add_done_callback(self.tree.running.discard)
        await self.poster.on_message(message)

    async def on_webhooks_update(self, channel: discord.abc.GuildChannel) -> None:
        self.poster.relay.forget(channel.id)  # ours may be the one deleted: look again on the next post

    async def learn_owners(self) -> None:
        """The application's owner, or its team's members, are bot owners (as discord.py's is_owner)."""
        try:
            app = await self.application_info()
        except SEND_ERRORS as exc:  # not fatal: `admin_user_ids` still name the owners
            log.warning("could not read the application's owner: %s", exc)
            return
        owners = {m.id for m in app.team.members} if app.team else {app.owner.id}
        self.commands.owner_ids |= owners
        log.info("bot owners: %s", ", ".join(str(i) for i in sorted(self.commands.owner_ids)))

    async def sync_commands(self) -> None:
        """Sync to each of `guild_ids` (else globally), skipping scopes whose definitions are unchanged;
        then clear the scopes a previous configuration used (global commands when guild_ids are set
        now, guilds no longer listed): left there, they would keep answering and show twice."""
        assert self.application_id is not None
        configured = list(self.cfg.discord.guild_ids)
        scopes = [discord.Object(g) for g in configured] or [None]
        for guild in scopes:
            if guild is not None:
                self.tree.copy_global_to(guild=guild)
            payload = [cmd.to_dict(self.tree) for cmd in self.tree.get_commands(guild=guild)]
            digest = definitions_hash(payload)
            gid = guild.id if guild is not None else None
            if self.sync_record.is_synced(self.application_id, gid, digest):
                log.info("commands unchanged for %s: not syncing", gid or "global")
                continue
            await self.tree.sync(guild=guild)
            self.sync_record.mark_synced(self.application_id, gid, digest)
            self.synced.append(gid)
            log.info("synced %d commands to %s", len(payload), gid or "global")
        recorded = self.sync_record.scopes(self.application_id)
        stale = [None] if configured else []
        stale += [g for g in recorded if g is not None and g not in configured]
        for gid in stale:
            await self.clear_commands(gid)

    async def clear_commands(self, guild_id: int | None) -> None:
        """Remove every command of one scope (once: the empty set is recorded like any other)."""
        assert self.application_id is not None
        digest = definitions_hash([])
        if self.sync_record.is_synced(self.application_id, guild_id, digest):
            return
        try:
            if guild_id is None:
                await self.http.bulk_upsert_global_commands(self.application_id, [])
            else:
                await self.http.bulk_upsert_guild_commands(self.application_id, guild_id, [])
        except (discord.Forbidden, discord.NotFound) as exc:  # the bot left that server: nothing to clear
            log.warning("could not clear the commands of guild %s: %s", guild_id, exc)
        self.sync_record.mark_synced(self.application_id, guild_id, digest)
        self.synced.append(guild_id)
        log.info("cleared stale commands from %s", guild_id or "global")

    def shard_states(self) -> dict[int, tuple[bool, float]]:
        """Each shard this process runs (the plain client: shard 0 of 1): whether its websocket is open,
        and its heartbeat latency in seconds (nan before it connects, inf before its first ACK)."""
        ws = self.ws
        return {0: (ws is not None and ws.open, ws.latency if ws is not None else math.nan)}

    def gateway_connected(self) -> bool:
        """Ready, and every shard of this process connected (/healthz)."""
        states = self.shard_states().values()
        return self.is_ready() and not self.is_closed() and bool(states) and all(up for up, _ in states)


class ShardedPersonaBot(PersonaBot, discord.AutoShardedClient):
    """The bot over `[discord] shard_ids` of `shard_count` shards (all of them when shard_ids is unset):
    discord.py's AutoShardedClient, one websocket per shard. Discord sends each guild's events, and
    its interactions, only on the guild's shard, `(guild_id >> 22) % shard_count`, and DMs on shard 0;
    so several such processes over disjoint shards answer every interaction exactly once."""

    @staticmethod
    def shard_options(d: DiscordSettings) -> dict[str, object]:
        return {"shard_count": d.shard_count, "shard_ids": d.shard_ids}

    @property
    def own_shards(self) -> list[int]:
        """The shards this process runs: `shard_ids`, else all `shard_count` of them."""
        return list(self.shard_ids) if self.shard_ids is not None else list(range(self.shard_count or 0))

    async def setup_hook(self) -> None:
        log.info("gateway shards %s of %s in this process", ", ".join(map(str, self.own_shards)),
                 self.shard_count)
        await super().setup_hook()

    def shard_states(self) -> dict[int, tuple[bool, float]]:
        # Shards not launched yet (discord.py starts them one after another) count as closed.
        shards = self.shards
        return {i: (not shards[i].is_closed(), shards[i].latency) if i in shards else (False, math.nan)
                for i in self.own_shards}


def persona_bot(cfg: Config, commands: Commands, sync_record: SyncRecord) -> PersonaBot:
    """The client `[discord]` asks for: sharded when `shard_count` is set, else one plain connection."""
    cls = ShardedPersonaBot if cfg.discord.shard_count is not None else PersonaBot
    return cls(cfg, commands, sync_record)


class ShardMetrics(Collector):
    """Per-shard gateway gauges, read from the client at each scrape: which shard is down or lagging
    (/healthz only says whether all of them are up)."""

    def __init__(self, client: PersonaBot) -> None:
        self.client = client

    def describe(self) -> list[GaugeMetricFamily]:  # registering then does not call collect
        return self.families()

    def collect(self) -> list[GaugeMetricFamily]:
        return self.families(self.client.shard_states())

    @staticmethod
    def families(states: dict[int, tuple[bool, float]] | None = None) -> list[GaugeMetricFamily]:
        up = GaugeMetricFamily("persona_bot_shard_open", "1 while the shard's gateway websocket is open",
                               labels=["shard"])
        latency = GaugeMetricFamily("persona_bot_shard_latency_seconds",
                                    "The shard's gateway heartbeat latency (heartbeat to ACK)",
                                    labels=["shard"])
        for shard, (is_open, seconds) in (states or {}).items():
            up.add_metric([str(shard)], float(is_open))
            latency.add_metric([str(shard)], seconds)
        return [up, latency]


# --- running the bot -------------------------------------------------------------------------------------

@dataclass
class RunningBot:
    client: PersonaBot
    commands: Commands
    health: HealthServer
    metrics: CollectorRegistry
    connection: asyncio.Task[None]


@contextlib.asynccontextmanager
async def running_bot(cfg: Config, token: str, config_path: Path | None = None) -> AsyncIterator[RunningBot]:
    """The whole bot, started: pool, training queue, health server, and the client connecting.

    On exit, in order: new commands refused, queued trainings cancelled and the running child
    terminated, queued generations failed and the running batch finished (pool.close), client closed.
    """
    install_redaction()  # interaction tokens never reach the log, at any verbosity
    point_discord_at(cfg.discord.api_base_url, cfg.discord.gateway_url)
    metrics = CollectorRegistry()
    async with open_commands(cfg, config_path, metrics) as commands:
        client = persona_bot(cfg, commands, SyncRecord(cfg.paths.state_dir))
        metrics.register(ShardMetrics(client))

        def checks() -> dict[str, bool]:
            return {"gateway": client.gateway_connected(), "pool": commands.pool.ready}

        d = cfg.discord
        commands.avatar_cache = AvatarCache()  # a forget drops its pictures from it
        health = HealthServer(d.health_host, d.health_port, metrics, checks,
                              routes=avatar_routes(commands.registry, commands.avatar_cache))
        try:
            await health.start()
        except OSError as exc:
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            raise StartupError(f"the health server cannot listen on {d.health_host}:{d.health_port}: "
                               f"{reason}") from exc
        connection = asyncio.create_task(client.start(token), name="discord-client")
        try:
            yield RunningBot(client, commands, health, metrics, connection)
        finally:
            client.tree.accepting = False
            try:
                sweeper = getattr(client, "consent_sweeper", None)  # set once the client started
                if sweeper is not None:
                    await sweeper.close()
                await commands.jobs.close()
                await commands.pool.close()
                if client.tree.running:  # let them tell their users (PoolClosed, training stopped)
                    await asyncio.wait(client.tree.running, timeout=SHUTDOWN_GRACE_S)
            finally:
                await client.close()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await connection
                await health.close()


async def serve(cfg: Config, token: str, config_path: Path | None = None) -> None:
    """Run until SIGINT/SIGTERM or until the connection ends for good (a refused token, say)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with running_bot(cfg, token, config_path) as bot:
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({stopping, bot.connection}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if bot.connection.done() and not bot.connection.cancelled() and bot.connection.exception():
            raise bot.connection.exception()  # type: ignore[misc]
        log.info("shutting down")


class StartupError(Exception):
    """The bot cannot start for a reason outside it (a port taken, say); the message is one line."""


def run_bot(cfg: Config, config_path: Path | None = None) -> int:
    """`python -m bot run`: 0 after a clean shutdown; 2 for a missing or refused token, 1 when the bot
    cannot start (health port taken, Discord unreachable). Each failure is one line, never the token."""
    token = os.environ.get("DISCORD_TOKEN", "").strip()
    if not token:
        return fail("set the bot token in the DISCORD_TOKEN environment variable", 2)
    try:
        asyncio.run(serve(cfg, token, config_path))
    except discord.LoginFailure:
        return fail("Discord refused the token in DISCORD_TOKEN", 2)
    except discord.PrivilegedIntentsRequired as exc:
        return fail(str(exc), 2)
    except StartupError as exc:
        return fail(str(exc), 1)
    except (aiohttp.ClientError, TimeoutError) as exc:
        return fail(f"cannot reach Discord at {cfg.discord.api_base_url}: {exc or type(exc).__name__}", 1)
    except discord.HTTPException as exc:
        return fail(f"Discord answered the login with an error: {exc.status} {exc.text or ''}".strip(), 1)
    except OSError as exc:  # a file or folder the bot needs (state_dir, models_dir) is not usable
        return fail(str(exc), 1)
    return 0


def fail(message: str, code: int) -> int:
    """Print `message` as one `error:` line (whitespace and newlines collapsed); return `code`."""
    print(f"error: {' '.join(message.split())[:500]}", file=sys.stderr)
    return code
