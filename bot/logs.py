"""The bot's logging: one line per record, and no secret in any of them.

discord.py logs request URLs at DEBUG, and an interaction's follow-up URL carries its token (with it,
anyone can post as the bot in that channel for 15 minutes); interaction payloads carry it too. A log
record factory rewrites every record's text before any handler sees it, so no handler, level or
capture can show a token, and a newline in user text cannot forge a log line of its own.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import traceback

_SECRETS = (
    # /webhooks/<application id>/<interaction or webhook token>[/messages/...]
    (re.compile(r"(/webhooks/\d+/)[^/\s?'\"]+"), r"\1[token]"),
    # /interactions/<interaction id>/<token>/callback
    (re.compile(r"(/interactions/\d+/)[^/\s?'\"]+"), r"\1[token]"),
    # "token": "..." in a payload's JSON or repr
    (re.compile(r"""(['"]token['"]\s*:\s*['"])[^'"]+"""), r"\1[token]"),
)
_installed = False


def redact(text: str) -> str:
    """`text` with interaction and webhook tokens, and the bot's own token, replaced by `[token]`."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    bot_token = os.environ.get("DISCORD_TOKEN", "").strip()
    if len(bot_token) >= 8:
        text = text.replace(bot_token, "[token]")
    return text


def one_line(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def install_redaction() -> None:
    """Make every log record of this process one line, with its secrets redacted (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    make_record = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: let the handler report it as usual
            return record
        record.msg, record.args = one_line(redact(message)), None
        if record.exc_info and record.exc_info[0] is not None:
            # The formatter keeps `exc_text` once set: the traceback is redacted (not joined) too.
            record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        return record

    logging.setLogRecordFactory(factory)


def setup_logging(verbose: bool) -> None:
    """The bot's log on stderr: INFO (DEBUG with -v), timestamped, redacted."""
    install_redaction()
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
