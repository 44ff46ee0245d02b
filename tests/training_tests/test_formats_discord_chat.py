"""Reading a DiscordChatExporter JSON export of a channel: choosing the author, dropping bots and system
messages, and refusing bad input with one line naming the path."""

import json
from pathlib import Path

import pytest
from helpers.discord_export import ALICE, BOB, BOT, DELETED, direct, export, message, user

from training.clean import clean_records
from training.config import TrainingSettings
from training.formats.discord_chat import authors, looks_like_discord_export, read_discord_export
from training.records import DataError


def write(tmp_path: Path, data: object, name: str = "general.json") -> tuple[Path, bytes]:
    path = tmp_path / name
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path, path.read_bytes()


def read(tmp_path: Path, data: object, author: str | None = None):
    return read_discord_export(*write(tmp_path, data), author)


def refused(tmp_path: Path, data: object | bytes, author: str | None = None) -> str:
    path = tmp_path / "general.json"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        write(tmp_path, data)
    with pytest.raises(DataError) as info:
        read_discord_export(path, path.read_bytes(), author)
    text = str(info.value)
    assert text.startswith(f"{path}: ") and "\n" not in text
    return text


def two_people() -> dict:
    alice, bob = user(ALICE, "alice", "Alice A."), user(BOB, "bob_b", "Bobby")
    return export([message(alice, "a1"), message(bob, "b1"), message(alice, "a2"), message(alice, "a3")])


# --- one author, and choosing among several -------------------------------------------------------


def test_one_author_is_picked(tmp_path):
    alice = user(ALICE, "alice", "Alice A.")
    source = read(tmp_path, export([message(alice, "first post"), message(alice, "second post")]))
    assert [r.text for r in source.records] == ["first post", "second post"]
    assert not any(r.reply or r.retweet or r.private for r in source.records)
    assert (source.handle, source.display_name, source.kind) == ("alice", "Alice A.", "discord")
    assert source.avatar is None and source.avatar_url is None and source.path == tmp_path / "general.json"


def test_several_authors_need_a_choice(tmp_path):
    text = refused(tmp_path, two_people())
    assert "several authors in this export: choose one with --author" in text
    assert f"(alice ({ALICE}) 3 messages, bob_b ({BOB}) 1 message)" in text


@pytest.mark.parametrize("choice", [BOB, "bob_b", "BOB_B", "  Bob_B ", "bobby", "BOBBY"])
def test_author_by_id_name_or_nickname(tmp_path, choice):
    source = read(tmp_path, two_people(), choice)
    assert [r.text for r in source.records] == ["b1"]
    assert (source.handle, source.display_name) == ("bob_b", "Bobby")


def test_the_chosen_author_even_when_alone(tmp_path):
    alice = user(ALICE, "alice")
    assert len(read(tmp_path, export([message(alice)]), "ALICE").records) == 1
    assert "no author 'carol'" in refused(tmp_path, export([message(alice)]), "carol")


def test_unknown_author_lists_the_authors(tmp_path):
    text = refused(tmp_path, two_people(), "carol\nx")
    assert "no author 'carol x' in this export: choose one with --author" in text
    assert f"alice ({ALICE}) 3 messages, bob_b ({BOB}) 1 message" in text
    assert "no author ''" in refused(tmp_path, two_people(), "")


def test_long_listing_is_cut(tmp_path):
    people = [user(str(100 + i), f"user{i}") for i in range(13)]
    # user0 has 13 messages, user12 one: the listing is most messages first.
    data = export([message(p) for i, p in enumerate(people) for _ in range(13 - i)])
    text = refused(tmp_path, data)
    assert text.index("user0 (100) 13 messages") < text.index("user9 (109) 4 messages")
    assert "user10" not in text and text.endswith(", and 3 more)")


def test_ambiguous_name_asks_for_the_id(tmp_path):
    one, other = user(ALICE, "sam", "Sam"), user(BOB, "sam_2", "sam")
    data = export([message(one, "from one"), message(other, "from other")])
    text = refused(tmp_path, data, "Sam")
    assert "--author 'Sam' names 2 different accounts: give the id instead" in text
    assert ALICE in text and BOB in text
    assert [r.text for r in read(tmp_path, data, BOB).records] == ["from other"]
    assert [r.text for r in read(tmp_path, data, "sam_2").records] == ["from other"]


def test_a_renamed_author_is_one_person(tmp_path):
    old, new = user(ALICE, "alice_old", "Old Alice"), user(ALICE, "alice", "Alice")
    data = export([message(old, "before"), message(new, "after"), message(user(BOB, "bob"))])
    source = read(tmp_path, data, "alice_old")
    assert [r.text for r in source.records] == ["before", "after"]
    assert (source.handle, source.display_name) == ("alice", "Alice")  # the latest names


def test_authors_most_messages_first(tmp_path):
    carol = user("444", "carol", "Carol")
    data = two_people()
    data["messages"] += [message(carol), message(carol, kind="GuildMemberJoin"),
                         message(user(BOT, "helper", bot=True))]
    # bob and carol tie on one message: the order of their first message stays.
    assert authors(data) == [(ALICE, "alice", 3), (BOB, "bob_b", 1), ("444", "carol", 1)]
    assert authors({"messages": "nope"}) == []


# --- what counts as the person's messages ---------------------------------------------------------


@pytest.mark.parametrize("system", ["ChannelNameChange", "RecipientAdd", "GuildMemberJoin", "ThreadCreated",
                                    "ChannelPinnedMessage", "Call", "20"])
def test_bots_and_system_messages_are_dropped(tmp_path, system):
    alice, bot = user(ALICE, "alice"), user(BOT, "helper", "Helper", bot=True)
    data = export([message(bot, "beep"), message(alice, "mine"), message(alice, "event", kind=system),
                   message(bot, "reply beep", kind="Reply", reference={"messageId": "1"})])
    # The bot and the system message are no authors to choose between, and are not counted.
    source = read(tmp_path, data)
    assert [r.text for r in source.records] == ["mine"]
    assert authors(data) == [(ALICE, "alice", 1)]


def test_choosing_a_bot_or_only_system_messages(tmp_path):
    alice, bot, joiner = user(ALICE, "alice"), user(BOT, "helper", bot=True), user(BOB, "newbie")
    data = export([message(alice), message(bot), message(joiner, "", kind="GuildMemberJoin")])
    assert "no messages by helper (333333333333333333): a bot" in refused(tmp_path, data, "Helper")
    assert "no messages by newbie" in refused(tmp_path, data, BOB)
    assert "only system messages" in refused(tmp_path, data, "newbie")


def test_only_bots_and_system_messages(tmp_path):
    data = export([message(user(BOT, "helper", bot=True)), message(user(ALICE, "a"), kind="RecipientAdd")])
    assert "no messages by people in this export (only bots' and system messages)" in refused(tmp_path, data)


def test_deleted_user_and_null_nickname(tmp_path):
    deleted = user(DELETED, "Deleted User", None)
    data = export([message(deleted, "gone but not forgotten"), message(user(ALICE, "alice"))])
    source = read(tmp_path, data, "deleted user")
    assert source.handle is None and source.display_name == "Deleted User"
    source = read(tmp_path, data, ALICE)
    assert (source.handle, source.display_name) == ("alice", "alice")  # no nickname: the name


def test_names_are_checked(tmp_path):
    # New Discord user names may have dots or be 32 long: no handle then; display names are made safe.
    for name in ("alice.b", "a_very_long_user_name_indeed", "bob\u202e"):
        source = read(tmp_path, export([message(user(ALICE, name, "Al\nice\u202e"))]))
        assert source.handle is None and source.display_name == "Al ice"
    assert read(tmp_path, export([message(user(ALICE, "Al1ce_", "\n"))])).display_name == "Al1ce_"


def test_replies_are_marked(tmp_path):
    alice = user(ALICE, "alice")
    ref = {"type": "Default", "messageId": "5", "channelId": "888", "guildId": "777"}
    data = export([message(alice, "plain"), message(alice, "answer", kind="Reply", reference=ref),
                   message(alice, "old style", reference={"messageId": "5", "channelId": "888"}),
                   message(alice, "no ref reply", kind="Reply"), message(alice, "null ref", reference=None)])
    assert [r.reply for r in read(tmp_path, data).records] == [False, True, True, True, False]


def test_forwards_are_counted_like_retweets(tmp_path):
    alice = user(ALICE, "alice")
    forward = message(alice, "", reference={"type": "Forward", "messageId": "5", "channelId": "1"},
                      forwardedMessage={"timestamp": "2024-01-01T00:00:00+00:00", "content": "their words",
                                        "attachments": [], "embeds": [], "stickers": []})
    records = read(tmp_path, export([message(alice, "mine"), forward])).records
    assert [(r.text, r.retweet, r.reply) for r in records] == [("mine", False, False), ("", True, False)]


def test_empty_content_is_still_a_record(tmp_path):
    alice = user(ALICE, "alice")
    attachment = {"id": "1", "url": "https://cdn.discordapp.com/a.png", "fileName": "a.png",
                  "fileSizeBytes": 10}
    sticker = {"id": "2", "name": "wave", "format": "Png", "sourceUrl": "https://media.discordapp.net/s.png"}
    data = export([message(alice, "", attachments=[attachment]), message(alice, "", stickers=[sticker]),
                   message(alice, None), message(alice, "text")])
    assert [r.text for r in read(tmp_path, data).records] == ["", "", "", "text"]


# --- recognising the format -----------------------------------------------------------------------


def test_looks_like_discord_export():
    condensed = [{"source": "Twitter for iPhone", "id_str": "1", "text": "hi", "created_at": "x",
                  "retweet_count": 0, "in_reply_to_user_id_str": None, "favorite_count": 0,
                  "is_retweet": False}]
    outbox = {"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
              "type": "OrderedCollection", "totalItems": 0, "orderedItems": []}
    assert looks_like_discord_export(export([]))
    assert looks_like_discord_export(two_people())
    wrong_types = [{"guild": {}, "channel": {}, "messages": {}},
                   {"guild": None, "channel": {}, "messages": []}]
    for other in (condensed, outbox, [], {}, None, "guild", {"messages": []}, *wrong_types):
        assert not looks_like_discord_export(other)


# --- bad input --------------------------------------------------------------------------------------


def test_bom_is_tolerated(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(export([message(user(ALICE, "alice"))])).encode())
    assert len(read_discord_export(path, path.read_bytes(), None).records) == 1


@pytest.mark.parametrize(("data", "said"), [
    (b"this is not json", "not valid JSON (line 1 col 1)"),
    (b"{\"guild\": {}, \"channel\": {}, \"messages\": [] oops}", "not valid JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8 text"),
    (b"  \n", "empty file"),
    ([{"text": "a tweet"}], "not a DiscordChatExporter JSON export (expected an object with guild, "
                            "channel and a messages list; found a list)"),
    ({"guild": {}, "channel": {}}, "found an object whose messages is missing or of the wrong type"),
    ({"orderedItems": []}, "whose guild, channel, messages are missing"),
    (b"[" * 100_000, "nested too deeply"),
])
def test_bad_files(tmp_path, data, said):
    assert said in refused(tmp_path, data)


@pytest.mark.parametrize("cut", [0.5, 0.9, -3])
def test_truncated_file(tmp_path, cut):
    full = json.dumps(export([message(user(ALICE, "alice"), f"post {i}") for i in range(20)]), indent=2)
    end = int(len(full) * cut) if cut > 0 else len(full) + cut
    assert "the JSON ends early" in refused(tmp_path, full[:end].encode())
    assert "truncated export?" in refused(tmp_path, full[:end].encode())


def test_malformed_messages_are_skipped(tmp_path):
    alice = user(ALICE, "alice")
    bad = [None, "text", 3, [], {"content": "no author"}, message("alice"), message({"name": "no id"}),
           message(user("not-a-number", "x")), message(user("", "x")), message(alice, 5),
           message(alice, "no kind", kind=None), message(alice, ["list"]), message(user(True, "x"))]
    data = export([*bad, message(alice, "good"), message(user(12345, "numeric"), "int id")])
    assert [r.text for r in read(tmp_path, data, ALICE).records] == ["good"]
    assert authors(data) == [(ALICE, "alice", 1), ("12345", "numeric", 1)]
    assert "no messages in this export (13 messages, none of the shape" in refused(tmp_path, export(bad))


def test_no_messages(tmp_path):
    assert refused(tmp_path, export([])).endswith(": no messages in this export")


# --- direct messages are private --------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["DirectTextChat", "DirectGroupTextChat"])
def test_a_dm_export_is_private(tmp_path, kind):
    # It was trained on as if public: 200 of 200 messages kept, none counted private.
    alice, bob = user(ALICE, "alice"), user(BOB, "bob_b")
    messages = [message(alice, f"a proper message number {i}") for i in range(200)] + [message(bob, "hi")]
    source = read(tmp_path, direct(messages, kind), author=ALICE)
    assert len(source.records) == 200 and all(r.private for r in source.records)
    assert source.has_visibility
    kept, table = clean_records(source.records, TrainingSettings(), source.has_visibility)
    assert (kept, table.filters, table.downloaded) == ([], {"private": 200}, 200)


def test_a_dm_is_known_by_its_guild_too(tmp_path):
    data = direct([message(user(ALICE, "alice"))], kind="SomeNewKind")
    assert all(r.private for r in read(tmp_path, data).records)


def test_a_server_channel_is_not_private(tmp_path):
    source = read(tmp_path, export([message(user(ALICE, "alice"), "a proper message here")]))
    assert not any(r.private for r in source.records) and not source.has_visibility
