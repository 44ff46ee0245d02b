from bot.output import DISCORD_LIMIT, ZWSP, clip, format_sample, neutralise_mentions, one_tweet


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


def test_format_sample_keeps_the_prompt_and_one_tweet():
    assert format_sample("My dream is", " a shop by the river\nand more") == "My dream is a shop by the river"
    assert format_sample("", "  just this  ") == "just this"


def test_format_sample_neutralises_and_clips():
    out = format_sample("hey", " @everyone " + "y" * 3000)
    assert "@everyone" not in out
    assert out.startswith("hey @")
    assert len(out) <= DISCORD_LIMIT


def test_format_sample_drops_control_characters():
    assert format_sample("a", " b\x07c\x1bd") == "a bcd"
