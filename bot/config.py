"""All of config.toml as the bot sees it: training's sections, `[generation]`, `[pool]`, `[discord]`, `[web]`.

Every entry point of the bot loads it through `load_config`; an unknown key, a wrong type or an
out-of-range value stops start-up with one line (`ConfigError`). The Discord token is never here:
it comes from the `DISCORD_TOKEN` environment variable only; so does the generation service's shared
secret, from the variable that `[serve] token_env` and `[pool] remote_token_env` name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from training.config import (
    ConfigError,
    PathsSettings,
    SamplingSettings,
    Section,
    TrainingSettings,
    read_toml,
    validate,
)

__all__ = ["Config", "ConfigError", "ConsentSettings", "DiscordSettings", "GenerationSettings",
           "PoolSettings", "ServeSettings", "WebSettings", "load_config", "token_from_env"]

# An environment variable's name (the token itself never goes in config.toml).
ENV_NAME = r"^[A-Za-z_][A-Za-z0-9_]{0,127}$"


class GenerationSettings(SamplingSettings):
    """Per-request sampling: the defaults (training's `SamplingSettings`, which the voice eval uses
    too), and the bounds a user's values must stay within."""

    max_new_tokens_limit: int = Field(128, ge=1, le=1024)
    min_temperature: float = Field(0.1, gt=0, le=5)
    max_temperature: float = Field(2.0, gt=0, le=5)
    max_count: int = Field(5, ge=1, le=5)
    max_prompt_chars: int = Field(300, ge=1, le=1800)
    # The copy guard: a sample repeating this many consecutive words of a training tweet (or more) is
    # drawn again, and dropped after a few tries. 0: off. Below 4, ordinary phrases would trip it;
    # above 280 no tweet has that many words. A persona's guard checks runs of 8 words or more (the
    # n-grams training recorded), so a setting below that turns its guard off (`/persona info` says so).
    max_copied_words: int = Field(8, ge=0, le=280)

    @field_validator("max_copied_words")
    @classmethod
    def _copied_words(cls, value: int) -> int:
        if 0 < value < 4:
            raise ValueError("must be 0 (off) or at least 4 (shorter runs are ordinary phrases)")
        return value

    @model_validator(mode="after")
    def _bounds_are_ordered(self) -> GenerationSettings:
        if not self.min_temperature <= self.temperature <= self.max_temperature:
            raise ValueError("temperature must lie between min_temperature and max_temperature")
        if self.max_new_tokens > self.max_new_tokens_limit:
            raise ValueError("max_new_tokens must not exceed max_new_tokens_limit")
        return self


class PoolSettings(Section):
    device: Literal["auto", "cpu", "cuda"] = "auto"
    # On a CPU, "float16" and "auto" (where fbgemm runs): GPT-2s' weights held as float16 for the forward,
    # math in float32 (bot.pool.half); "float32": exact.
    dtype: Literal["auto", "float32", "float16", "bfloat16"] = "auto"
    # Weight bytes kept resident; 0 means `memory_fraction` of the device's memory.
    memory_budget_bytes: int = Field(0, ge=0)
    memory_fraction: float = Field(0.5, gt=0, le=0.95)
    pinned: list[str] = Field(default_factory=list)
    batch_window_ms: float = Field(5.0, ge=0, le=1000)
    max_batch: int = Field(32, ge=1, le=512)
    # Continuous batching (GPT-2 models): prompt tokens prefilled per decode step at most, so a burst of
    # joins or one long prompt never stalls the rows decoding for long; and how many steps a batch key
    # with a running decode takes while another key waits, before it yields its turn.
    prefill_tokens: int = Field(256, ge=1, le=65_536)
    # Prompts already prefilled kept per model (their keys, values and logits), in MB; 0: none kept.
    prompt_cache_mb: float = Field(32.0, ge=0, le=100_000)
    # False: every model decodes whole batches (transformers' forward, a batch waits for its longest
    # row), as before continuous batching; models that are not GPT-2 always do.
    continuous: bool = True
    yield_steps: int = Field(32, ge=1, le=100_000)
    max_queue: int = Field(256, ge=1, le=100_000)
    request_timeout_s: float = Field(60.0, gt=0, le=3600)
    # None: leave one core to the asyncio loop on small machines (see ARCHITECTURE.md).
    torch_threads: int | None = Field(None, ge=1, le=1024)
    rescan_interval_s: float = Field(2.0, gt=0, le=3600)
    # Where generation runs: "embedded", this process's own pool (the default), or "remote", the
    # generation service `python -m bot serve` runs (Ray Serve) at `remote_url`. Remote, the settings
    # above apply in the service's replicas, except request_timeout_s, which the bot sends along.
    backend: Literal["embedded", "remote"] = "embedded"
    remote_url: str | None = None  # e.g. "http://gpu-box:8000/personas"
    # Beyond a request's own timeout, how long the bot waits for the service's answer (network, queue
    # in the proxy) before saying the generation took too long.
    remote_margin_s: float = Field(5.0, ge=0, le=600)
    remote_connect_timeout_s: float = Field(3.0, gt=0, le=600)
    # The environment variable holding the service's token ([serve] token_env on the service's side),
    # sent with every request; None: no token.
    remote_token_env: str | None = Field(None, pattern=ENV_NAME)

    @field_validator("remote_url")
    @classmethod
    def _remote_http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/") if value else None

    @model_validator(mode="after")
    def _remote_needs_url(self) -> PoolSettings:
        if self.backend == "remote" and not self.remote_url:
            raise ValueError("backend = \"remote\" needs remote_url (where `python -m bot serve` listens)")
        return self


class ServeSettings(Section):
    """`python -m bot serve`: the generation service on Ray Serve, each replica running the pool."""

    # A Ray cluster to join ("auto", or "ray://head:10001"); None starts a local Ray on this machine.
    address: str | None = None
    host: str = "127.0.0.1"  # Serve's HTTP proxy; 0.0.0.0 to take requests from other machines
    port: int = Field(8000, ge=0, le=65535)
    route_prefix: str = "/personas"
    replicas: int = Field(1, ge=1, le=1000)
    # Ray resources of one replica: a whole GPU each is the safe choice (Ray only counts fractions,
    # every replica still sizes its budget from [pool]); CPUs are its torch threads.
    num_cpus: float = Field(1.0, gt=0, le=1024)
    num_gpus: float = Field(0.0, ge=0, le=64)
    # Requests one replica takes at once; at least [pool] max_batch, so that requests batch in the pool
    # instead of spilling to replicas that would load the same persona again.
    max_ongoing_requests: int = Field(64, ge=1, le=100_000)
    # Serve's routing hint: how many personas a replica is said to hold. The pool's byte budget stays in
    # charge of what is resident; set about budget / a persona's size.
    max_personas_per_replica: int = Field(16, ge=1, le=100_000)
    # At most this many replicas on one Ray node (1: one per machine, e.g. one per GPU box); None: no limit.
    max_replicas_per_node: int | None = Field(None, ge=1, le=1000)
    # Local Ray only (address unset): CPUs it may use; None: all of this machine's.
    local_num_cpus: int | None = Field(None, ge=1, le=4096)
    # The environment variable holding the token every request must carry (bots: [pool]
    # remote_token_env); None: none needed, allowed only while `host` is loopback.
    token_env: str | None = Field(None, pattern=ENV_NAME)

    @field_validator("route_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if not value.startswith("/") or value != value.strip() or "?" in value:
            raise ValueError("must be a path starting with /, e.g. /personas")
        return value.rstrip("/") or "/"


class DiscordSettings(Section):
    guild_ids: list[int] = Field(default_factory=list)  # sync to these guilds (instant); empty: global
    # Bot owners: admins everywhere (the application's owner or team members are too).
    admin_user_ids: list[int] = Field(default_factory=list)
    # Members with these roles, and server administrators, are admins only inside the admin guilds.
    admin_role_ids: list[int] = Field(default_factory=list)
    # The servers whose administrators may change personas; empty: `guild_ids`. With both empty,
    # only bot owners may.
    admin_guild_ids: list[int] = Field(default_factory=list)
    max_trainings: int = Field(4, ge=1, le=1000)  # queued or running, in all
    max_trainings_per_guild: int = Field(2, ge=1, le=1000)  # queued or running, from one server
    # Address-space-free memory cap of a training child (RLIMIT_DATA); 0: half the physical memory.
    training_memory_bytes: int = Field(0, ge=0)
    cooldown_s: float = Field(3.0, ge=0, le=3600)  # per user, on /imitate
    max_attachment_bytes: int = Field(100_000_000, ge=1)  # checked before downloading
    api_base_url: str = "https://discord.com/api/v10"
    gateway_url: str | None = None  # None: Discord's gateway, or asked of a non-default api_base_url
    health_host: str = "127.0.0.1"
    health_port: int = Field(8080, ge=0, le=65535)  # 0: any free port
    training_timeout_s: float = Field(6 * 3600, gt=0)
    # How /imitate posts: "webhook" under the persona's name and picture, "embed" as a card from the
    # bot; "auto": a webhook where the bot may manage webhooks in that channel, the embed elsewhere.
    reply_style: Literal["auto", "webhook", "embed"] = "auto"
    # Added to the persona's name on every webhook post and card, so nobody takes it for the person.
    ai_marker: str = Field(" (AI)", max_length=20)
    # The record of persona messages (who asked, for Delete and the follow-up buttons).
    message_record_days: float = Field(30.0, gt=0, le=3650)
    message_record_max: int = Field(100_000, ge=100, le=10_000_000)
    # Sharding (large bots): this process runs `shard_ids` of `shard_count` gateway shards as discord.py's
    # AutoShardedClient. Unset: one plain Client. shard_ids unset with shard_count set: all shards here.
    shard_count: int | None = Field(None, ge=1, le=100_000)
    shard_ids: list[int] | None = None
    # Whether this process syncs the command definitions; with several processes, exactly one should.
    sync_commands: bool = True

    @model_validator(mode="after")
    def _shards(self) -> DiscordSettings:
        if self.shard_ids is not None:
            if self.shard_count is None:
                raise ValueError("shard_ids needs shard_count (the number of shards in all processes)")
            if not self.shard_ids:
                raise ValueError("shard_ids must name at least one shard")
            bad = [i for i in self.shard_ids if not 0 <= i < self.shard_count]
            if bad:
                raise ValueError(f"shard_ids must lie between 0 and {self.shard_count - 1} (got {bad})")
            if len(set(self.shard_ids)) != len(self.shard_ids):
                raise ValueError("shard_ids names a shard twice")
        return self

    @property
    def trusted_guild_ids(self) -> list[int]:
        """The servers whose administrators and admin roles count: `admin_guild_ids`, else `guild_ids`."""
        return self.admin_guild_ids or self.guild_ids

    @field_validator("api_base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("gateway_url")
    @classmethod
    def _ws_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("ws://", "wss://")):
            raise ValueError("must start with ws:// or wss://")
        return value


class WebSettings(Section):
    # Where the outside world reaches the bot's HTTP server (health_host/health_port, behind a proxy
    # or a tunnel), e.g. "https://bot.example.org". Discord fetches webhook avatars from
    # <public_base_url>/avatars/...; unset, webhook posts show Discord's default picture.
    public_base_url: str | None = None

    @field_validator("public_base_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with https:// (or http://)")
        return value.rstrip("/") if value else None


class ConsentSettings(Section):
    """Personas of people: how long a member has to accept being imitated, and self-service personas."""

    # A request to imitate a member waits this long for their Accept; then the upload is deleted.
    accept_hours: float = Field(24.0, gt=0, le=24 * 30)
    # `/persona me`: members make a persona of themselves from their own export; false turns it off.
    self_service: bool = True
    # How many personas of themselves one member may have in one server (queued trainings count).
    self_personas_per_user: int = Field(1, ge=0, le=100)


class Config(Section):
    paths: PathsSettings = PathsSettings()
    training: TrainingSettings = TrainingSettings()
    generation: GenerationSettings = GenerationSettings()
    pool: PoolSettings = PoolSettings()
    discord: DiscordSettings = DiscordSettings()
    web: WebSettings = WebSettings()
    serve: ServeSettings = ServeSettings()
    consent: ConsentSettings = ConsentSettings()


def token_from_env(name: str | None, setting: str) -> str | None:
    """The token in environment variable `name` (None when `name` is None); `setting` names where `name`
    came from, for the error when the variable is unset or empty."""
    if name is None:
        return None
    token = os.environ.get(name, "").strip()
    if not token:
        raise ConfigError(f"{setting} = \"{name}\", but the environment variable {name} is not set "
                          "(the token goes in the environment, never in config.toml)")
    return token


def load_config(path: Path | None = None, models_dir: Path | None = None) -> Config:
    """Load and validate config.toml (`path` None: ./config.toml if present, else defaults)."""
    cfg = validate(Config, read_toml(path), path)
    if models_dir is not None:
        cfg.paths.models_dir = models_dir
    return cfg
