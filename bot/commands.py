"""The command layer, written once for both front ends (Discord and the console): `Commands`, the
plain values it takes (`Caller`, `ImitateRequest`) and the settings it reads (`CommandSettings`);
`bot.wiring` opens what it works with (`open_commands`).

Plain values in (who is asking, the arguments), plain `Reply` objects out (`bot.replies`); nothing
here touches discord.py, and nothing reads the configuration beyond the `CommandSettings` it is given.
Slow commands come in two steps so a front end can answer bad input at once and defer only accepted
work: `prepare_*` (fast checks: permission, arguments, cooldown, persona exists; raises `BotError`)
and then the slow part (generation, download and training). `error_reply` turns an exception into the
short ephemeral message users see; the full error goes to the log only.

`Commands` is built of parts, one module each: this one (bookkeeping, who is an admin, /imitate,
/persona list and info, /help), `bot.follow_ups` (what follows a persona message: Another, Continue,
Reply as persona, Who asked?, Delete), `bot.persona_changes` (/persona add, me, avatar and remove, with
their requests and the uploaded file they take, `Archive`), `bot.consent_flow` (a member's Accept
before a persona of them is trained) and `bot.forgetting` (/persona forget, forget-me, opt-in, usage).
Where a persona may be seen and used is `bot.scope`'s rule, asked by `_persona` and the lists.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter

from bot.avatars import picture_path
from bot.command_set import Limits, help_text
from bot.config import ConsentSettings
from bot.consent import ConsentStore, open_consent_store
from bot.consent_flow import ConsentFlow
from bot.errors import BotError, Cooldown, InvalidRequest, PermissionDenied, UnknownPersona
from bot.follow_ups import FollowUps
from bot.forgetting import Forgetting
from bot.generation import checked_text
from bot.output import DISCORD_LIMIT, clip, discord_tweet, quote_user
from bot.persona_changes import PersonaChanges
from bot.replies import (
    LIST_PAGE_USAGE,
    LIST_SORTS,
    Reply,
    by_voice,
    list_page_text,
    list_pages,
    persona_info_more,
    persona_info_text,
    plural,
    tweet_card,
)
from bot.scope import place_key, usable_here
from training.checkpoint import PersonaMeta
from training.copyguard import guard_state

if TYPE_CHECKING:
    from bot.avatars import AvatarCache
    from bot.config import Config, GenerationSettings
    from bot.generation import Generator
    from bot.message_log import MessageLog
    from bot.personas import PersonaEntry, PersonaRegistry
    from bot.training_jobs import TrainingJobs

log = logging.getLogger(__name__)

AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices
PAGE_CACHE_PLACES = 256  # places whose list pages are kept between two changes of the registry
DOWNLOADS = "downloads"  # the folder in [paths] state_dir that /persona add downloads into


@dataclass(frozen=True)
class Caller:
    """Who runs a command, and from where. Permissions in a server count only in the servers the bot
    trusts (`[discord] admin_guild_ids`, else `guild_ids`): anyone can invite the bot to a server of
    their own and be its administrator there."""

    user_id: int
    # The server the command came from, where the bot is installed in it; None in DMs and in
    # user-installed contexts (the command then carries no server's authority).
    guild_id: int | None = None
    administrator: bool = False  # Discord's administrator permission in that server
    role_ids: tuple[int, ...] = ()
    local: bool = False  # the console's user at the machine: a bot owner, in a server of its own
    # Whether they may send messages where they are (Discord's resolved permissions in that channel,
    # in a thread its own "send in threads"); a post made for them needs it (a DM always allows it).
    may_post: bool = True


@dataclass(frozen=True)
class ImitateRequest:
    persona: str
    prompt: str
    count: int
    temperature: float | None
    seed: int | None
    meta: PersonaMeta
    context: str = ""  # the message this one answers (Continue, Reply as persona); not shown
    reply_to: int | None = None  # that message's id
    another_of: int | None = None  # the message whose Another button asked for this one
    context_author: int | None = None  # whose message `context` is (Reply as persona); None: the persona's


@dataclass
class CommandSettings:
    """What the command layer reads of the configuration, handed to it by the wiring (`from_config`):
    the limits of generation, where personas and downloads live, who the bot's admins are, the
    per-user cooldown and the upload cap. Mutable, as the configuration is, so a test can move a folder."""

    generation: GenerationSettings
    models_dir: Path
    state_dir: Path  # /persona add and /persona avatar download into its `downloads` folder
    bases_allowed: list[str]  # the base models /persona add may fine-tune
    admin_user_ids: list[int] = field(default_factory=list)  # bot owners, everywhere
    admin_role_ids: list[int] = field(default_factory=list)  # admins in the trusted servers
    trusted_guild_ids: list[int] = field(default_factory=list)  # where server permissions count
    cooldown_s: float = 3.0  # between two generations of one user
    max_attachment_bytes: int = 100_000_000
    ai_marker: str = " (AI)"  # after a persona's name wherever it is shown
    message_record_days: float = 30.0  # how long a persona message's record (its buttons) lasts
    consent: ConsentSettings = field(default_factory=ConsentSettings)  # [consent]

    @classmethod
    def from_config(cls, cfg: Config) -> CommandSettings:
        d = cfg.discord
        return cls(cfg.generation, cfg.paths.models_dir, cfg.paths.state_dir, cfg.training.bases_allowed,
                   list(d.admin_user_ids), list(d.admin_role_ids), list(d.trusted_guild_ids), d.cooldown_s,
                   d.max_attachment_bytes, d.ai_marker, d.message_record_days, cfg.consent)

    @property
    def downloads(self) -> Path:
        return self.state_dir / DOWNLOADS

    def limits(self) -> Limits:
        """The numbers the help and the option descriptions quote."""
        g = self.generation
        return Limits(g.max_count, g.min_temperature, g.max_temperature,
                      round(self.max_attachment_bytes / 1e6, 1))


class Commands(FollowUps, PersonaChanges, Forgetting, ConsentFlow):
    """Every command of the bot; both front ends call these and show the `Reply` they get."""

    def __init__(
        self,
        settings: CommandSettings,
        registry: PersonaRegistry,
        pool: Generator,
        jobs: TrainingJobs,
        messages: MessageLog,
        metrics: CollectorRegistry | None = None,
        *,
        consents: ConsentStore | None = None,
        opted_out: Iterable[int] = (),
        avatar_cache: AvatarCache | None = None,
    ) -> None:
        self.settings = settings
        self.registry = registry
        self.pool = pool
        self.jobs = jobs
        self.messages = messages
        self.avatar_cache = avatar_cache  # the pictures the HTTP server keeps: a forget drops them
        # Requests awaiting a member's Accept, and the opt-out list (`[paths] state_dir`); None in tests
        # of the other commands: opened in the state folder at first use.
        self._consents = consents
        # Members who asked never to be imitated (`/persona forget-me`): the consent store's list, held
        # here too so the fast checks of a command read no file.
        self.opted_out_ids: set[int] = set(opted_out)
        # When each persona was last forgotten (this run): a training asked for before it never starts.
        self.forgotten_at: dict[str, float] = {}
        self._last_imitate: dict[int, float] = {}
        # Bot owners: admins everywhere. The Discord front end adds the application's owner or team.
        self.owner_ids: set[int] = set(settings.admin_user_ids)
        # The list's pages, laid out once per registry snapshot (the same tuple until a rescan changes
        # it) and place (a server, a DM's user): (persona count, pages) by place and sort.
        self._pages_of: tuple[PersonaEntry, ...] | None = None
        self._pages: dict[tuple[object, ...], tuple[int, list[list[str]]]] = {}
        self.commands_total = Counter(
            "persona_bot_commands", "Commands answered, by command and outcome (ok or the error kind).",
            ["command", "outcome"], registry=metrics,
        )

    @property
    def consents(self) -> ConsentStore:
        if self._consents is None:
            self._consents = open_consent_store(self.settings.state_dir)
        return self._consents

    @consents.setter
    def consents(self, store: ConsentStore) -> None:
        self._consents = store

    # --- bookkeeping -------------------------------------------------------------------------------

    def count(self, command: str, outcome: str) -> None:
        self.commands_total.labels(command, outcome).inc()

    def error_reply(self, command: str, exc: BaseException) -> Reply:
        """The short ephemeral answer to a failed command; the full error is logged, not shown."""
        if isinstance(exc, BotError):
            self.count(command, exc.kind)
            log.info("/%s refused: %r", command, str(exc))  # quoted: it may echo user input
            return Reply(clip(f"⚠️ {exc}", DISCORD_LIMIT), ephemeral=True)  # it may echo user input
        self.count(command, "internal")
        log.error("/%s failed", command, exc_info=exc)
        return Reply("⚠️ Something went wrong on our side; the error has been logged.", ephemeral=True)

    def is_admin(self, caller: Caller) -> bool:
        """Bot owners everywhere; a server's administrators and admin roles only in trusted servers."""
        if caller.local or caller.user_id in self.owner_ids:
            return True
        s = self.settings
        if caller.guild_id is None or caller.guild_id not in s.trusted_guild_ids:
            return False
        return caller.administrator or any(role in s.admin_role_ids for role in caller.role_ids)

    def _require_admin_in_server(self, caller: Caller, command: str) -> None:
        """Changing personas: only in a server (never a DM or a user-installed context), only admins."""
        if caller.guild_id is None and not caller.local:
            raise PermissionDenied(f"`/{command}` works only in a server where the bot is installed, "
                                   "not in DMs or user-installed apps.")
        if not self.is_admin(caller):
            raise PermissionDenied("Only the bot's admins can change personas (server administrators "
                                   "count only in the servers the bot is set up for).")

    def _persona(self, name: str, caller: Caller) -> PersonaMeta:
        """The persona `name` as `caller` may see it; one not usable where they are is unknown, with
        suggestions only among those that are (nothing names a persona of another server)."""
        entry = self.registry.get(name)
        if entry is None or not usable_here(entry.meta, caller):
            raise UnknownPersona(name, self.registry.suggest(name, allowed=self._allowed(caller)))
        return entry.meta

    @staticmethod
    def _allowed(caller: Caller) -> Callable[[PersonaEntry], bool] | None:
        """The registry's filter for what `caller` may see (None: everything, the console)."""
        if caller.local:
            return None
        return lambda entry: usable_here(entry.meta, caller)

    # --- /imitate ----------------------------------------------------------------------------------

    def prepare_imitate(
        self,
        caller: Caller,
        persona: str,
        prompt: str | None = None,
        count: int | None = None,
        temperature: float | None = None,
        seed: int | None = None,
        *,
        context: str = "",
        reply_to: int | None = None,
        another_of: int | None = None,
        context_author: int | None = None,
    ) -> ImitateRequest:
        """Check an /imitate at once (may post there, arguments, persona, cooldown); raises BotError.
        `context`: the message it answers (Continue, Reply as persona), `reply_to` that message's id,
        `context_author` who wrote it (refused if they opted out); `another_of`: the message whose
        Another this is."""
        self.check_may_post(caller)
        self.check_context_author(context_author, caller)
        count = 1 if count is None else count
        prompt, context = checked_text(self.settings.generation, prompt=prompt or "", context=context,
                                       count=count, max_new_tokens=None, temperature=temperature,
                                       top_p=None, seed=seed)
        meta = self._persona(persona.strip(), caller)
        self._cool_down(caller)
        return ImitateRequest(persona.strip(), prompt, count, temperature, seed, meta, context, reply_to,
                              another_of, context_author)

    @staticmethod
    def check_may_post(caller: Caller) -> None:
        """A persona post is made for whoever asks, in public: only where they may send messages
        themselves (else the bot would speak where they may not); raises PermissionDenied."""
        if not caller.may_post:
            raise PermissionDenied("You can't send messages in this channel.")

    def check_context_author(self, author_id: int | None, caller: Caller | None = None) -> None:
        """A member who opted out (`/persona forget-me`) never has their messages given to a persona to
        answer or continue; raises PermissionDenied."""
        if author_id is None or author_id not in self.opted_out_ids:
            return
        if caller is not None and caller.user_id == author_id:
            raise PermissionDenied("You asked not to be imitated (`/persona forget-me`): personas do not "
                                   "answer or continue your messages. `/persona opt-in` takes that back.")
        raise PermissionDenied("That member asked not to be imitated: personas do not answer or "
                               "continue their messages.")

    def _cool_down(self, caller: Caller) -> None:
        """One generation per user per `cooldown_s` (not for the console's one local user)."""
        if caller.local:
            return
        now = time.monotonic()
        wait = self._last_imitate.get(caller.user_id, -1e9) + self.settings.cooldown_s - now
        if wait > 0:
            raise Cooldown(wait)
        if len(self._last_imitate) > 10_000:  # forget users whose cooldown is long over
            horizon = now - self.settings.cooldown_s
            self._last_imitate = {u: t for u, t in self._last_imitate.items() if t > horizon}
        self._last_imitate[caller.user_id] = now

    async def imitate(self, req: ImitateRequest) -> Reply:
        """Generate and format the tweet card; raises BotError (busy pool, timeout, ...)."""
        try:
            texts = await self.pool.generate(req.persona, req.prompt, count=req.count,
                                             temperature=req.temperature, seed=req.seed, context=req.context)
        except UnknownPersona:  # gone meanwhile; the backend's suggestions know nothing of scope
            raise UnknownPersona(req.persona, []) from None
        entry = self.registry.get(req.persona)
        if entry is None:  # forgotten (or removed) while it was generating: its words go nowhere
            raise UnknownPersona(req.persona, [])
        self.count("imitate", "ok")
        return tweet_card(req.persona, entry.meta, [discord_tweet(t) for t in texts],
                          self.settings.ai_marker, picture_path(entry),
                          copy_rejections=getattr(texts, "copy_rejections", 0))

    def autocomplete(self, current: str, caller: Caller) -> list[str]:
        """Persona names for the autocomplete, the best 25 of those usable where `caller` is."""
        return self.registry.complete(current, limit=AUTOCOMPLETE_LIMIT,
                                      allowed=self._allowed(caller))[:AUTOCOMPLETE_LIMIT]

    # --- /persona list, info ------------------------------------------------------------------------

    def persona_list(self, caller: Caller, page: int | None = None, usage: str = LIST_PAGE_USAGE,
                     sort: str | None = None) -> Reply:
        """One page of the personas usable where `caller` is (1 when `page` is None), by name or, with
        `sort` "voice", by how much they sound like their person (voice report first, unmeasured
        last); `usage`: how this front end asks for a page, shown as the way to the next one. A page
        past the last raises InvalidRequest."""
        sort = sort or "name"
        if sort not in LIST_SORTS:
            raise InvalidRequest(f"sort must be one of: {', '.join(LIST_SORTS)} (got {quote_user(sort)})")
        snapshot = self.registry.entries()
        if self._pages_of is not snapshot:  # the registry changed: every place's pages are stale
            self._pages_of, self._pages = snapshot, {}
        key = (*place_key(caller), sort)
        if key not in self._pages:
            allowed = self._allowed(caller)
            visible = snapshot if allowed is None else tuple(e for e in snapshot if allowed(e))
            ordered = by_voice(visible) if sort == "voice" else visible
            if len(self._pages) >= PAGE_CACHE_PLACES:  # many DMs: start over rather than grow
                self._pages.clear()
            self._pages[key] = (len(visible), list_pages(ordered, voice=sort == "voice"))
        count, pages = self._pages[key]
        if sort != "name":  # the next page keeps the order: `page:2` becomes `sort:voice page:2`
            sep = ":" if "page:" in usage else "="
            usage = usage.replace(f"page{sep}", f"sort{sep}{sort} page{sep}", 1)
        page = 1 if page is None else page
        total = max(1, len(pages))
        if not 1 <= page <= total:
            raise InvalidRequest(f"There is no page {page}: the list has {plural(total, 'page')} "
                                 f"(`{usage.format(page=1)}` is the first).")
        self.count("persona list", "ok")
        if not count:
            return Reply("No personas here yet. An admin can add one with `/persona add name archive`.")
        return Reply(list_page_text(count, pages, page, usage))

    async def persona_info(self, name: str, caller: Caller) -> Reply:
        self._persona(name.strip(), caller)
        entry = self.registry.get(name.strip())
        if entry is None:  # removed a moment ago
            raise UnknownPersona(name.strip(), [])
        # The copy guard's header is a file read: off the event loop.
        _, guard = await asyncio.to_thread(guard_state, entry.path, self.settings.generation.max_copied_words)
        self.count("persona info", "ok")
        picture = picture_path(entry)
        text = persona_info_text(entry.meta) + persona_info_more(entry.meta.voice, guard, picture is not None)
        return Reply(clip(text, DISCORD_LIMIT), picture=picture)

    # --- /help ---------------------------------------------------------------------------------------

    def help(self) -> Reply:
        self.count("help", "ok")
        return Reply(help_text(self.settings.limits()), ephemeral=True)
