"""How long a persona post takes, end to end: from the moment Discord (here the loopback stand-in)
sends the /imitate interaction to the moment the webhook post arrives, over concurrent requests.

    .venv/bin/python tests/bench_presence.py --concurrency 32 --json

The real bot (discord.py client, pool, webhook relay, message record) runs against the stand-in on
loopback, so the figures are the bot's own time (generation included), not Discord's network. One
warm-up request first loads the persona and creates the channel's webhook; each of the concurrent
requests comes from its own user (the cooldown is per user). Prints p50/p95/max in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.standin import (
    ADMIN_ROLE_ID,
    GUILD_ID,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    VIEW_CHANNEL,
    DiscordStandIn,
)

from bot.config import load_config
from bot.discord_bot import running_bot

MEMBER = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(concurrency: int, style: str, folder: Path) -> dict:
    make_checkpoint(folder / "models", "marlowe_bakes", "Marlowe Quill")
    standin = DiscordStandIn()
    await standin.start()
    cfg_path = write_config(folder, pool={"rescan_interval_s": 60}, discord={
        "guild_ids": [GUILD_ID], "admin_role_ids": [ADMIN_ROLE_ID], "health_port": 0, "reply_style": style,
        "api_base_url": standin.api_base_url, "gateway_url": standin.gateway_url})
    users = iter(range(950000000000000001, 950000000000100000))
    try:
        async with running_bot(load_config(cfg_path), "bench-token", cfg_path) as bot:
            await standin.wait_until(lambda: bot.client.is_ready())

            async def imitate(prompt: str) -> float:
                it = await standin.interact("imitate", [
                    {"name": "persona", "type": 3, "value": "marlowe_bakes"},
                    {"name": "prompt", "type": 3, "value": prompt}], user_id=next(users), permissions=MEMBER)
                if style == "embed":
                    await standin.wait_for_original(it, lambda m: bool(m["embeds"]), 120)
                    done = max(c.at for c in standin.calls_for(it) if c.method == "PATCH")
                else:
                    post = await standin.wait_for_post(lambda m: m["content"].startswith(prompt), 120)
                    done = next(c.at for c in standin.calls
                                if isinstance(c.answer, dict) and c.answer.get("id") == post["id"])
                return done - it.sent_at

            warm = await imitate("Warm-up")
            times = await asyncio.gather(*(imitate(f"Bench {i} says") for i in range(concurrency)))
    finally:
        await standin.close()
    ms = [t * 1000 for t in times]
    return {"style": style, "concurrency": concurrency, "posted": len(ms), "warmup_ms": round(warm * 1000, 1),
            "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(percentile(ms, 0.95), 1),
            "max_ms": round(max(ms), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--style", choices=["webhook", "embed"], default="webhook")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stderr(sys.stderr):
        result = asyncio.run(measure(args.concurrency, args.style, Path(tmp)))
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['posted']} concurrent /imitate ({args.style}): interaction → post p50 "
              f"{result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
              f"(warm-up {result['warmup_ms']} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
