"""Errors a user may see. Each message is short, safe to show in Discord, and says what to do."""

from __future__ import annotations

from bot.output import quote_user


class BotError(Exception):
    """Base of user-facing errors: `str(err)` is the one-line message shown (ephemerally) to the user."""

    kind = "error"  # the label counted in metrics (errors by kind)


class InvalidRequest(BotError):
    kind = "invalid"


class UnknownPersona(BotError):
    kind = "unknown_persona"

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        hint = f" Did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"No persona named '{quote_user(name)}'.{hint}")


class PoolBusy(BotError):
    kind = "busy"

    def __init__(self, message: str = "The bot is busy right now, try again in a few seconds.") -> None:
        super().__init__(message)


class GenerationTimeout(BotError):
    kind = "timeout"

    def __init__(self, message: str = "Generation took too long, try again.") -> None:
        super().__init__(message)


class PoolClosed(BotError):
    kind = "closed"

    def __init__(self, message: str = "The bot is shutting down.") -> None:
        super().__init__(message)


class LoadFailed(BotError):
    kind = "load_failed"


class GenerationFailed(BotError):
    """One request failed while its batch-mates did not (they were run again without it)."""

    kind = "generation_failed"


class CopyRejected(BotError):
    """Every sample of a request repeated a training tweet (the copy guard), on every try."""

    kind = "copied"

    def __init__(self, persona: str, words: int) -> None:
        self.persona = persona
        super().__init__(f"Every sample for '{quote_user(persona)}' repeated {words}+ words of one of its "
                         "training tweets, so none is shown; try another prompt.")


class PoolBroken(BotError):
    """The generation engine cannot run any more (its worker died, or a CUDA error poisoned the
    device): requests fail at once instead of waiting for the timeout; `/healthz` says unhealthy."""

    kind = "unavailable"

    def __init__(self, message: str = "Generation is unavailable right now (the bot needs a restart); "
                                      "its operator can see why in the log.") -> None:
        super().__init__(message)


class TrainingQueueFull(BotError):
    kind = "queue_full"


class PermissionDenied(BotError):
    kind = "forbidden"


class Cooldown(BotError):
    kind = "cooldown"

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(f"Slow down: try again in {retry_after:.1f}s.")
