import re

import pytest

from bot.output import DISCORD_LIMIT, ZWSP, clip, discord_tweet, neutralise_mentions
from training.generated_text import one_tweet, tweet_text


def test_mass_mentions_are_neutralised():
    out = neutralise_mentions("hi @everyone and @here!")
    assert "@everyone" not in out and "@here" not in out
    assert out == f"hi @{ZWSP}everyone and @{ZWSP}here!"


def test_id_mentions_are_neutralised():
    for raw in ("<@123456>", "<@!123456>", "<@&987654>"):
        out = neutralise_mentions(f"ping {raw} now")
        assert raw not in out
        assert out.replace(ZWSP, "") == f"ping {raw} now"  # only the zero-width space was added


def test_neutralising_is_idempotent_and_keeps_plain_handles():
    once = neutralise_mentions("@everyone <@1> @marlowe_bakes")
    assert neutralise_mentions(once) == once
    assert "@marlowe_bakes" in once


def test_one_tweet_cuts_at_newline_and_end_of_text():
    assert one_tweet(" first line\nsecond") == " first line"
    assert one_tweet(" tweet<|endoftext|>next tweet") == " tweet"
    assert one_tweet(" no stop") == " no stop"


def test_clip_never_exceeds_the_limit():
    assert clip("short", 10) == "short"
    long = "x" * 5000
    assert len(clip(long)) == DISCORD_LIMIT and clip(long).endswith("…")
    assert len(clip(long, 7)) <= 7


def test_a_tweet_is_the_prompt_and_one_tweet_of_continuation():
    assert tweet_text("My dream is", " a shop by the river\nand more") == "My dream is a shop by the river"
    assert tweet_text("", "  just this  ") == "just this"


def test_a_tweet_shown_on_discord_is_neutralised_and_clipped():
    tweet = tweet_text("hey", " @everyone " + "y" * 3000)
    assert tweet.startswith("hey @everyone") and len(tweet) > DISCORD_LIMIT  # plain text: no Discord rule
    out = discord_tweet(tweet)
    assert "@everyone" not in out
    assert out.startswith("hey @")
    assert len(out) <= DISCORD_LIMIT


def test_a_tweet_has_no_control_characters():
    assert tweet_text("a", " b\x07c\x1bd") == "a bcd"


def test_outbound_defuses_masked_links_embeds_and_mentions():
    from bot.output import outbound

    text = ("[Claim your free Nitro](https://evil.example/gift) @here see https://a.example/x. "
            "(https://b.example/y)")
    out = outbound(text)
    assert out == (f"[Claim your free Nitro\\](<https://evil.example/gift>) @{ZWSP}here see "
                   "<https://a.example/x>. (<https://b.example/y>)")
    assert outbound(out) == out  # idempotent: a text may pass twice
    assert outbound("<https://ok.example> and [not\\](a link)") == "<https://ok.example> and [not\\](a link)"


# The shapes that got through the old pattern (link text with brackets, a stray `]`, an escaped
# backslash before `[`), each as Discord's parser reads them: brackets may nest, `\\` is a backslash.
MASKED = ["[Free [Nitro]](<https://evil.example/gift>)", "[Free] Nitro](<https://evil.example/gift>)",
          "\\\\[Free Nitro](<https://evil.example/gift>)", "[a](<https://x.example>)"]


def unescaped_link_close(text: str) -> bool:
    """Whether Discord would see a masked link: a `](` whose `]` no odd run of backslashes escapes."""
    import re

    return any(len(m.group(1)) % 2 == 0 for m in re.finditer(r"(\\*)\](?=\()", text))


@pytest.mark.parametrize("text", MASKED)
def test_outbound_defuses_masked_links_with_brackets_and_backslashes(text):
    from bot.output import outbound

    assert unescaped_link_close(text)
    out = outbound(text)
    assert not unescaped_link_close(out)
    assert out.replace("\\]", "]") == text.replace("\\]", "]")  # nothing else changed
    assert outbound(out) == out


@pytest.mark.parametrize("text", MASKED)
def test_generated_text_escapes_every_bracket_and_backslash(text):
    out = discord_tweet(text)
    assert re.fullmatch(r"(?:[^\\\[\]]|\\[\\\[\]])*", out), out  # each one escaped, nothing bare
    assert re.sub(r"\\(.)", r"\1", out) == text  # and Discord shows exactly the text


def test_generated_text_is_never_cut_inside_an_escape():
    out = discord_tweet("[" * 3000)
    assert len(out) <= DISCORD_LIMIT and out.endswith("\\[…")
    out = discord_tweet("x" + "[" * 3000)
    assert len(out) <= DISCORD_LIMIT and out.endswith("\\[…")


def test_outbound_clips_after_everything_it_adds():
    from bot.output import outbound

    out = outbound("@everyone " * 500)
    assert len(out) == DISCORD_LIMIT and out.endswith("…") and "@everyone" not in out


def test_quote_user_is_one_escaped_line():
    from bot.output import escape_markdown, quote_user

    escaped = "a\\_b \\*c\\* \\`d\\` \\~\\~e\\~\\~ \\|\\|f\\|\\| \\[g\\] \\\\"
    assert escape_markdown("a_b *c* `d` ~~e~~ ||f|| [g] \\") == escaped
    assert quote_user("x```\n<@&1> **" + "y" * 100, 20) == "x\\`\\`\\` <" + ZWSP + "@&1> \\*\\*yyyyyy…"


def test_log_records_are_one_line_and_carry_no_token(caplog, monkeypatch):
    import logging

    from bot.logs import install_redaction

    install_redaction()
    monkeypatch.setenv("DISCORD_TOKEN", "MTIzNDU2.bot-token-value")
    log = logging.getLogger("test.logs")
    with caplog.at_level(logging.DEBUG):
        log.debug("%s %s has returned %s", "POST",
                  "https://discord.com/api/v10/webhooks/710/aW50ZXJhY3Rpb246ODAw/messages/@original", 200)
        log.debug("POST /interactions/800/aW50ZXJhY3Rpb246ODAw/callback with %s",
                  {"token": "aW50ZXJhY3Rpb246ODAw"})
        log.info("refused: %r / %s", "a\nINFO forged", "ends\r\nhere")
        log.warning("token was MTIzNDU2.bot-token-value")
        try:
            raise ValueError("https://x/webhooks/710/aW50ZXJhY3Rpb246ODAw")
        except ValueError:
            log.exception("boom")
    assert "aW50ZXJhY3Rpb246ODAw" not in caplog.text and "bot-token-value" not in caplog.text
    assert caplog.text.count("[token]") == 6  # the traceback shows the raising line too
    assert [r.getMessage().count("\n") for r in caplog.records] == [0, 0, 0, 0, 0]
    assert caplog.records[2].getMessage() == "refused: 'a\\nINFO forged' / ends\\r\\nhere"


def test_a_tweet_never_passes_a_replacement_character_on():
    # Belt and braces behind the pool's whole-character decode (issue 13): any U+FFFD that still
    # arrives, in the continuation or the prompt echoed, is removed; the rest is kept as it was.
    out = tweet_text("Sourdough", " a crackle like the@\ufffd to the best part\ufffd")
    assert out == "Sourdough a crackle like the@ to the best part"
    assert tweet_text("\ufffdHi", " é🍞\ufffd\ufffd") == "Hi é🍞"
    assert tweet_text("", "\ufffd") == ""
