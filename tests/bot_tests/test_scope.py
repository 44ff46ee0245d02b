"""Where a persona may be seen and used, and who may take it back, in the command layer: personas of
one server are unknown in another (with no hint of their names), DMs see only personas of every server
and the caller's own, the console sees all; who may add, make their own, forget and see usage."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config

from bot.commands import Caller, Commands
from bot.config import load_config
from bot.errors import InvalidRequest, PermissionDenied, UnknownPersona
from bot.persona_changes import Archive
from bot.personas import PersonaRegistry
from bot.wiring import open_commands

SERVER_A, SERVER_B = 1001, 1002
OWNER_A = 11  # added a_bakes in server A
SUBJECT_B = 22  # b_bakes imitates them (server B)
STRANGER = 33
BOT_OWNER = 42

A_MEMBER = Caller(STRANGER, SERVER_A)
B_MEMBER = Caller(STRANGER, SERVER_B)
STRANGER_DM = Caller(STRANGER)
SUBJECT_DM = Caller(SUBJECT_B)
CONSOLE = Caller(0, local=True)
ARCHIVE = Archive("tweets.js", 10, url="http://127.0.0.1:9/never")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("models")
    make_checkpoint(folder, "everywhere", "Public Account")
    make_checkpoint(folder, "a_bakes", "Baker of A", servers=[SERVER_A], owner=OWNER_A)
    make_checkpoint(folder, "b_bakes", "Baker of B", seed=1, servers=[SERVER_B], owner=OWNER_A,
                    subject=SUBJECT_B)
    for i in range(30):  # more personas of server B than autocomplete shows
        make_checkpoint(folder, f"b_extra_{i:02d}", servers=[SERVER_B])
    return folder


@pytest_asyncio.fixture
async def commands(models: Path, tmp_path: Path):
    cfg_path = write_config(tmp_path, paths={"models_dir": models, "state_dir": tmp_path / "state"},
                            discord={"cooldown_s": 0, "admin_user_ids": [BOT_OWNER],
                                     "guild_ids": [SERVER_A, SERVER_B]})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        yield cmds


def visible(cmds: Commands, caller: Caller) -> set[str]:
    return set(cmds.registry.complete("", limit=100, allowed=cmds._allowed(caller)))


async def test_each_place_sees_its_own_personas(commands: Commands) -> None:
    extras = {f"b_extra_{i:02d}" for i in range(30)}
    assert visible(commands, A_MEMBER) == {"everywhere", "a_bakes"}
    assert visible(commands, B_MEMBER) == {"everywhere", "b_bakes"} | extras
    assert visible(commands, STRANGER_DM) == {"everywhere"}
    assert visible(commands, SUBJECT_DM) == {"everywhere", "b_bakes"}  # their own, in a DM
    assert visible(commands, Caller(OWNER_A)) == {"everywhere", "a_bakes", "b_bakes"}  # who made them
    assert len(visible(commands, CONSOLE)) == 33


async def test_autocomplete_gives_the_best_25_of_those_allowed(commands: Commands) -> None:
    # 30 personas of B start with "b_": in A, none of them takes a place, and b_bakes is not offered.
    assert commands.autocomplete("b_", A_MEMBER) == []
    assert commands.autocomplete("bakes", A_MEMBER) == ["a_bakes"]
    in_b = commands.autocomplete("b_", B_MEMBER)
    assert len(in_b) == 25 and in_b[0] == "b_bakes"
    # The fuzzy match (a typo) looks only among those allowed too.
    assert commands.autocomplete("a_bkaes", B_MEMBER) == []
    assert "a_bakes" in commands.autocomplete("a_bkaes", A_MEMBER)


async def test_a_persona_of_another_server_is_unknown_under_every_command(commands: Commands) -> None:
    admin_b = Caller(STRANGER, SERVER_B, administrator=True)
    for check in (lambda: commands.prepare_imitate(B_MEMBER, "a_bakes", "hi"),
                  lambda: commands.prepare_reply(B_MEMBER, "a_bakes", "hello", 5),
                  lambda: commands.prepare_remove(admin_b, "a_bakes"),
                  lambda: commands.prepare_avatar(admin_b, "a_bakes", Archive("x.png", 10, url="u")),
                  lambda: commands.prepare_forget(admin_b, "a_bakes"),
                  lambda: commands.prepare_usage(Caller(STRANGER, SERVER_B), "a_bakes")):
        with pytest.raises(UnknownPersona) as refused:
            check()
        # Suggested: only what B may use (b_bakes), never the persona of A.
        assert str(refused.value) == "No persona named 'a\\_bakes'. Did you mean b_bakes?"
    with pytest.raises(UnknownPersona, match=r"Did you mean b_bakes[?]$"):
        await commands.persona_info("a_bakes", B_MEMBER)
    # In A it is there.
    assert "Baker of A" in (await commands.persona_info("a_bakes", A_MEMBER)).text
    assert commands.prepare_imitate(A_MEMBER, "a_bakes", "hi").persona == "a_bakes"


async def test_the_list_counts_only_what_is_allowed_here(commands: Commands) -> None:
    in_a = commands.persona_list(A_MEMBER).text
    assert "2 personas" in in_a and "a_bakes" in in_a and "b_bakes" not in in_a
    in_dm = commands.persona_list(STRANGER_DM).text
    assert "1 persona" in in_dm and "everywhere" in in_dm
    in_b = commands.persona_list(B_MEMBER, page=2).text
    assert "32 personas" in in_b and "a_bakes" not in in_b
    with pytest.raises(InvalidRequest, match="no page 2"):
        commands.persona_list(A_MEMBER, page=2)
    assert "33 personas" in commands.persona_list(CONSOLE).text


async def test_info_says_whose_and_where(commands: Commands) -> None:
    text = (await commands.persona_info("b_bakes", SUBJECT_DM)).text
    assert f"of <@{SUBJECT_B}>, made with their consent" in text and f"added by <@{OWNER_A}>" in text
    assert "usable only in 1 server" in text
    assert "usable in every server" in (await commands.persona_info("everywhere", CONSOLE)).text


async def test_add_names_taken_elsewhere_and_members_personas(commands: Commands) -> None:
    admin_b = Caller(BOT_OWNER, SERVER_B)
    with pytest.raises(InvalidRequest, match="The name 'a_bakes' is taken"):
        commands.prepare_add(admin_b, "a_bakes", ARCHIVE)
    with pytest.raises(InvalidRequest, match="persona of a member: only they can retrain it"):
        commands.prepare_add(admin_b, "b_bakes", ARCHIVE)
    new = commands.prepare_add(admin_b, "newbie", ARCHIVE, subject=SUBJECT_B)
    assert (new.owner, new.subject, new.servers) == (BOT_OWNER, SUBJECT_B, (SERVER_B,))
    retrain = commands.prepare_add(Caller(BOT_OWNER, SERVER_A), "a_bakes", ARCHIVE)
    # Said explicitly: if the folder is gone when the training starts, it must not come back everyone's.
    assert retrain.replacing and (retrain.owner, retrain.servers) == (OWNER_A, (SERVER_A,))
    # A Discord chat export holds a member's messages: that member is the subject, asked first.
    by_id = commands.prepare_add(admin_b, "newbie", ARCHIVE, author=str(SUBJECT_B))
    assert by_id.subject == SUBJECT_B
    with pytest.raises(InvalidRequest, match="name that member as `subject`"):
        commands.prepare_add(admin_b, "newbie", ARCHIVE, author="Some Name")
    with pytest.raises(InvalidRequest, match="name that member as `subject`"):
        commands.prepare_add(admin_b, "newbie", ARCHIVE, author=str(SUBJECT_B), subject=STRANGER)
    assert commands.prepare_add(admin_b, "newbie", ARCHIVE, author="Some Name", subject=7).subject == 7
    console = commands.prepare_add(CONSOLE, "newbie", ARCHIVE, subject=7)
    assert (console.owner, console.subject, console.servers) == (None, 7, None)  # the operator's
    commands.opted_out_ids.add(SUBJECT_B)
    with pytest.raises(PermissionDenied, match="asked not to be imitated"):
        commands.prepare_add(admin_b, "newbie", ARCHIVE, subject=SUBJECT_B)


async def test_persona_me(commands: Commands) -> None:
    me = Caller(55, SERVER_A)
    req = commands.prepare_me(me, ARCHIVE, None, "mar.lowe_")
    assert (req.name, req.owner, req.subject, req.servers) == ("marlowe_", 55, 55, (SERVER_A,))
    with pytest.raises(InvalidRequest, match="is taken"):
        commands.prepare_me(me, ARCHIVE, "a_bakes")  # not theirs, even in their server
    with pytest.raises(InvalidRequest, match="is taken"):  # whoever added a member's persona is not them
        commands.prepare_me(Caller(OWNER_A, SERVER_B), ARCHIVE, "b_bakes")
    with pytest.raises(PermissionDenied, match="only in a server"):
        commands.prepare_me(Caller(55), ARCHIVE, "mine")
    # Their own persona in B counts toward B's limit (1), so a second name is refused there.
    with pytest.raises(InvalidRequest, match="1 persona of yourself in this server"):
        commands.prepare_me(Caller(SUBJECT_B, SERVER_B), ARCHIVE, "another")
    commands.opted_out_ids.add(55)
    with pytest.raises(InvalidRequest, match="opt-in"):
        commands.prepare_me(me, ARCHIVE, "mine")
    commands.settings.consent.self_service = False
    with pytest.raises(PermissionDenied, match="turned `/persona me` off"):
        commands.prepare_me(Caller(56, SERVER_A), ARCHIVE, "mine")


async def test_who_may_forget_and_see_usage(commands: Commands) -> None:
    # b_bakes: its subject (even in a DM), its owner, an administrator of its server, a bot owner.
    for caller in (SUBJECT_DM, Caller(OWNER_A), Caller(STRANGER, SERVER_B, administrator=True),
                   Caller(BOT_OWNER, SERVER_B)):
        assert commands.prepare_forget(caller, "b_bakes").name == "b_bakes"
    with pytest.raises(PermissionDenied, match="Only the person a persona imitates"):
        commands.prepare_forget(B_MEMBER, "b_bakes")
    # A persona of every server: only the bot's admins (and the console), not any server's administrator.
    with pytest.raises(PermissionDenied):
        commands.prepare_forget(Caller(STRANGER, 1003, administrator=True), "everywhere")
    assert commands.prepare_forget(Caller(STRANGER, SERVER_A, administrator=True), "everywhere")
    assert commands.prepare_forget(CONSOLE, "everywhere").name == "everywhere"
    assert commands.prepare_usage(SUBJECT_DM, "b_bakes") == "b_bakes"
    assert commands.prepare_usage(Caller(OWNER_A, SERVER_B), "b_bakes") == "b_bakes"
    with pytest.raises(PermissionDenied, match="can see who asked"):
        commands.prepare_usage(Caller(STRANGER, SERVER_B, administrator=True), "b_bakes")


async def test_messages_of_a_member_who_opted_out_are_never_context(commands: Commands) -> None:
    assert commands.prepare_reply(A_MEMBER, "a_bakes", "hello", 5, author_id=STRANGER).context == "hello"
    commands.opted_out_ids.add(STRANGER)
    with pytest.raises(PermissionDenied, match="asked not to be imitated"):
        commands.prepare_reply(A_MEMBER, "a_bakes", "hello", 5, author_id=STRANGER)
    # A prompt naming them is text, and still allowed.
    assert commands.prepare_imitate(A_MEMBER, "a_bakes", "Stranger says").prompt == "Stranger says"


def test_a_filtered_registry_keeps_its_order_and_matches(models: Path) -> None:
    registry = PersonaRegistry(models)
    registry.scan()
    only_a = registry.complete("", limit=5, allowed=lambda e: e.meta.servers != [SERVER_B])
    assert only_a == ["a_bakes", "everywhere"]
    assert registry.suggest("a_bakse", allowed=lambda e: e.name != "a_bakes") == ["b_bakes"]
    assert registry.suggest("a_bakse")[0] == "a_bakes"
