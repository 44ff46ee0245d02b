"""The continuous runner (`bot.pool.runner.Running`) on a real tiny persona, without the pool's threads:
rows join and leave between steps, a request is answered the moment its last row is done, a long
prompt is prefilled a bounded chunk per step while the other rows keep decoding, a row's result does
not depend on its batch-mates, seeded decodes repeat exactly, and the copy guard draws again."""

from pathlib import Path

import prometheus_client
import pytest
import torch
from helpers.checkpoints import make_checkpoint

from bot.config import GenerationSettings
from bot.errors import CopyRejected
from bot.generation import COPY_TRIES, Samples
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.pool.gpt2 import GPT2Decoder
from bot.pool.request import Request
from bot.pool.runner import Running, prompt_rows
from bot.pool.weights import load_persona

GREEDY = {"top_p": 1e-9, "top_k": 0, "temperature": 1.0}


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    models: Path = tmp_path_factory.mktemp("runner") / "models"
    make_checkpoint(models, "alpha", seed=1)
    registry = PersonaRegistry(models)
    registry.scan()
    return load_persona(registry.get("alpha"), torch.float32)


def request(prompt: str = "The bread", *, max_new: int = 12, min_new: int = 0, count: int = 1,
            persona: str = "alpha", **sampling) -> Request:
    settings = {"top_p": 0.95, "top_k": 50, "temperature": 1.0, **sampling}
    return Request(persona, prompt, count, max_new, min_new, settings["temperature"], settings["top_p"],
                   settings["top_k"], None, None, None)


def running(model, *, rows: int = 8, prefill: int = 256, guard=None, seed: int | None = None,
            generation: GenerationSettings | None = None, prompt_bytes: int = 0) -> Running:
    generator = torch.Generator().manual_seed(seed) if seed is not None else None
    metrics = PoolMetrics(prometheus_client.CollectorRegistry())
    return Running("alpha", model, GPT2Decoder(model.model, prompt_bytes=prompt_bytes),
                   generation or GenerationSettings(min_length=0), metrics, lambda persona: guard, prefill,
                   rows, generator)


def prompts_counted(run: Running) -> tuple[int, int]:
    """(rows whose prompt was prefilled, rows whose prompt was not: kept or a twin's) so far."""
    value = run.metrics.registry.get_sample_value
    return int(value("pool_prompts_prefilled_total")), int(value("pool_prompts_shared_total"))


def run_to_end(run: Running, limit: int = 500) -> dict[int, Samples]:
    """Step until every request is answered: id(request) -> its answer."""
    answers = {}
    for _ in range(limit):
        if run.empty:
            return answers
        answers.update({id(req): result for req, result in run.step()})
    raise AssertionError("the decode never ended")


def test_a_short_row_leaves_at_once_and_a_new_one_takes_its_place(model) -> None:
    run = running(model)
    short, long = request(max_new=3, min_new=3), request(max_new=40, min_new=40)
    run.admit(short, model.prefix, -1)
    run.admit(long, model.prefix, -1)
    answered = []
    for step in range(1, 4):
        answered += run.step()
        assert run.rows == (1 if step == 3 else 2)
    assert [req for req, _ in answered] == [short] and len(answered[0][1]) == 1  # after 3 steps, not 40
    late = request(max_new=5, min_new=5)
    run.admit(late, model.prefix, -1)  # joins the running decode between two steps
    answers = run_to_end(run)
    assert set(answers) == {id(long), id(late)} and all(isinstance(a, Samples) for a in answers.values())
    assert run.steps == 40  # the long row's 40 tokens, nothing waited for anything


def test_a_long_prompt_is_prefilled_a_bounded_chunk_per_step_while_others_decode(model) -> None:
    run = running(model, prefill=8)
    decoding = request(max_new=30, min_new=30)
    run.admit(decoding, model.prefix, -1)
    run.step()  # its prompt in, its first token out
    long_prompt = " ".join(["bread"] * 40)
    long = request(long_prompt, max_new=4, min_new=4)
    run.admit(long, model.prefix, -1)
    ids, _, _ = prompt_rows(model.tokenizer, model.prefix, long_prompt, "", 4, 4, 0, model.context)
    row = next(r for r in run.prefilling if r.req is long)
    grown = []
    for _ in range(-(-len(ids) // 8)):
        before = len(run.cache[0].new)
        run.step()
        grown.append(len(run.cache[0].new) - before)
        assert row.filled <= len(ids)
    assert grown == [1] * len(grown) and row.filled == len(ids) and len(row.new) == 1
    assert len(ids) > 16  # it really took several steps


def test_a_prompt_longer_than_a_steps_prefill_alone_in_its_decode(model) -> None:
    # The first steps have no row to sample (no decoding row, no prompt complete): a reply to a long
    # message on a new decode. They fill the cache, then the row decodes as with one big chunk.
    prompt = " ".join(["bread"] * 40)
    answers = []
    for prefill in (256, 8):
        run = running(model, prefill=prefill)
        req = request(prompt, max_new=10, min_new=10, **GREEDY)  # 10 tokens: no early stop
        run.admit(req, model.prefix, -1)
        answers.append(list(run_to_end(run)[id(req)]))
        assert run.steps == 10 + (0 if prefill == 256 else -(-len(run_rows(model, prompt)) // 8) - 1)
    assert answers[0] == answers[1]


def run_rows(model, prompt: str) -> list[int]:
    return prompt_rows(model.tokenizer, model.prefix, prompt, "", 10, 0, 0, model.context)[0]


def test_a_row_gives_the_same_tokens_alone_and_among_others(model) -> None:
    prompts = ["The bread", "Sourdough is", "I", "Honestly the best crumb"]
    alone = []
    for prompt in prompts:
        run = running(model)
        req = request(prompt, max_new=10, **GREEDY)
        run.admit(req, model.prefix, -1)
        alone.append(list(run_to_end(run)[id(req)]))
    run = running(model)
    reqs = [request(p, max_new=10, **GREEDY) for p in prompts]
    run.admit(reqs[0], model.prefix, -1)
    run.step()
    run.step()
    for req in reqs[1:]:  # joining mid-decode, at other positions
        run.admit(req, model.prefix, -1)
        run.step()
    answers = run_to_end(run)
    assert [list(answers[id(r)]) for r in reqs[1:]] == alone[1:]
    assert len({tuple(a) for a in alone}) > 1  # the prompts really lead to different texts


def test_a_row_reads_nothing_a_row_dropped_midway_left_in_its_cache_row(model) -> None:
    # A row reads its cache row up to the decode's longest row, its own later positions masked. A row
    # that leaves part-way through its prompt (its caller gone) may leave values none of its own queries
    # read, an inf from a float16 overflow say: they must not reach the next row in that cache row.
    alone = running(model)
    req = request("The bread", max_new=10, **GREEDY)
    alone.admit(req, model.prefix, -1)
    expected = list(run_to_end(alone)[id(req)])
    run = running(model, prefill=4)
    long = request("Honestly the best crumb I have had in years, and I have had a few", max_new=30, **GREEDY)
    run.admit(long, model.prefix, -1)
    run.step()
    gone = request("Sourdough starters are living things and they know when you", max_new=30, **GREEDY)
    run.admit(gone, model.prefix, -1)
    row = run.cache[1]
    while row.filled < 8:  # the long prompt's chunks first, then its own: past the next row's prompt
        run.step()
    assert row.req is gone and 0 < row.filled < len(row.ids)  # mid-prompt
    run.decoder.k[:, 1, :, :row.filled] = float("nan")  # what its chunks might hold, unread by it
    run.decoder.v[:, 1, :, :row.filled] = float("inf")
    assert run.drop(lambda r: r is not gone) == [gone]
    req = request("The bread", max_new=10, **GREEDY)
    run.admit(req, model.prefix, -1)
    assert run.cache[1].req is req  # the row the dropped one left, read past its own length
    assert list(run_to_end(run)[id(req)]) == expected


def test_a_row_reads_nothing_a_row_that_ended_left_in_its_cache_row(model) -> None:
    # A row that ended normally read its own values, but a key of +-inf whose own scores came out -inf
    # gives no NaN to its writer, and does to a later row reading it masked: zeroed before reuse, too.
    alone = running(model)
    req = request("The bread", max_new=10, **GREEDY)
    alone.admit(req, model.prefix, -1)
    expected = list(run_to_end(alone)[id(req)])
    run = running(model)
    long = request("Honestly the best crumb I have had in years, and I have had a few", max_new=40, **GREEDY)
    short = request("Sourdough starters are living things", max_new=6, min_new=6, **GREEDY)
    run.admit(long, model.prefix, -1)
    run.admit(short, model.prefix, -1)
    while run.cache[1] is not None:
        run.step()
    written = run.decoder.written[1]
    assert written > 0
    run.decoder.k[:, 1, :, :written] = float("-inf")
    run.decoder.v[:, 1, :, :written] = float("inf")
    req = request("The bread", max_new=10, **GREEDY)
    run.admit(req, model.prefix, -1)
    assert run.cache[1].req is req and run.decoder.written[1] == 0
    assert list(run_to_end(run)[id(req)]) == expected


def test_scrub_zeroes_what_was_written_and_clear_rows_everything(model) -> None:
    decoder = GPT2Decoder(model.model, rows=8)
    decoder.k.fill_(1.0)
    decoder.v.fill_(1.0)
    decoder.wrote(3, 5)
    decoder.wrote(3, 2)  # the larger extent holds
    decoder.scrub(3)
    assert decoder.k[:, 3, :, :5].abs().sum() == 0 and decoder.v[:, 3, :, :5].abs().sum() == 0
    assert bool((decoder.k[:, 3, :, 5:] == 1).all()) and bool((decoder.k[:, 2] == 1).all())
    assert decoder.written[3] == 0
    decoder.wrote(4, 10**6)  # clamped to the cache
    assert decoder.written[4] == decoder.context
    decoder.clear_rows([4])
    assert decoder.written[4] == 0 and decoder.k[:, 4].abs().sum() == 0
    decoder.ensure_rows(12)  # growth keeps the record
    decoder.wrote(2, 3)
    assert len(decoder.written) == decoder.rows == 16 and decoder.written[2] == 3


def test_a_seeded_decode_repeats_exactly(model) -> None:
    def draw() -> list[str]:
        run = running(model, seed=1234)
        req = request(count=3, max_new=16)
        run.admit(req, model.prefix, -1)
        return list(run_to_end(run)[id(req)])

    first = draw()
    assert first == draw() and len(set(first)) > 1


def test_min_new_holds_back_stops_and_max_new_ends_the_row(model) -> None:
    run = running(model)
    req = request(max_new=6, min_new=6, count=4)
    run.admit(req, model.prefix, -1)
    run_to_end(run)
    assert run.steps == 6 and run.metrics.tokens._value.get() == 24


class RejectFirst:
    """A copy guard that calls the first `n` samples copies."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls = 0

    def copies(self, prompt: str, text: str, limit: int) -> bool:
        self.calls += 1
        return self.calls <= self.n


def test_a_copy_is_drawn_again_by_a_new_row_of_the_same_decode(model) -> None:
    guard = RejectFirst(2)
    run = running(model, guard=guard, generation=GenerationSettings(min_length=0, max_copied_words=8))
    req = request(max_new=4, min_new=4)
    run.admit(req, model.prefix, -1)
    answers = run_to_end(run)
    assert len(answers[id(req)]) == 1 and answers[id(req)].copy_rejections == 2
    assert guard.calls == 3 and run.steps == 12  # three draws of four tokens, one after another


def test_a_sample_copied_on_every_draw_is_dropped(model) -> None:
    guard = RejectFirst(10**6)
    run = running(model, guard=guard, generation=GenerationSettings(min_length=0, max_copied_words=8))
    req = request(max_new=2, min_new=2)
    run.admit(req, model.prefix, -1)
    answer = run_to_end(run)[id(req)]
    assert isinstance(answer, CopyRejected) and guard.calls == COPY_TRIES


def test_dropped_requests_leave_with_their_rows(model) -> None:
    run = running(model)
    gone, kept = request(max_new=20, min_new=20, count=2), request(max_new=20, min_new=20)
    run.admit(gone, model.prefix, -1)
    run.admit(kept, model.prefix, -1)
    run.step()
    assert run.drop(lambda req: req is not gone) == [gone]
    assert run.rows == 1 and run.free == 7 and len(run.free_rows()) == len(run.cache) - 1
    assert set(run_to_end(run)) == {id(kept)}


def two_adapters(tmp_path: Path):
    """A shared base and two adapter personas on it, anna's and bob's (neither in a slot yet)."""
    from helpers.checkpoints import make_base, make_lora_checkpoint

    from bot.pool.weights import load_adapter, load_shared_base

    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "anna", seed=1)
    make_lora_checkpoint(models, "bob", seed=2)
    registry = PersonaRegistry(models)
    registry.scan()
    base = load_shared_base(registry.get("anna"), models, torch.float32)
    return base, *(load_adapter(registry.get(n), torch.float32) for n in ("anna", "bob"))


def test_a_redraw_keeps_its_personas_adapter_when_the_slot_changes_hands(tmp_path) -> None:
    base, anna, bob = two_adapters(tmp_path)
    base.lora.put(0, anna)
    decoder = GPT2Decoder(base.model, lora=base.lora)
    guard = RejectFirst(1)
    run = Running("base", base, decoder, GenerationSettings(min_length=0, max_copied_words=8),
                  PoolMetrics(prometheus_client.CollectorRegistry()), lambda persona: guard, 256, 8)
    req = request(max_new=3, min_new=3, persona="anna")
    run.admit(req, base.prefix, 0)
    while guard.calls == 0:  # until the copy guard rejects the first draw
        run.step()
    base.lora.put(0, bob)  # what slot reuse (or a retrain) may do to slot 0 between two steps
    (redraw,) = [r for r in run.cache if r is not None]
    assert redraw.draw == 2
    copy = decoder.row_a["attn.c_attn"][:, redraw.cache_row]
    assert torch.equal(copy[..., :anna.rank], anna.a["attn.c_attn"])  # anna's, never bob's
    assert not torch.equal(copy[..., :bob.rank], bob.a["attn.c_attn"])
    assert len(run_to_end(run)[id(req)]) == 1


def test_a_row_that_ends_early_leaves_no_hole_the_last_row_moves_into_it(model) -> None:
    # A step computes cache rows 0..n-1, free ones too: a row ending in the middle would leave a hole
    # costing a row every step. The last row moves into it, and gives the same tokens as alone.
    alone = running(model)
    req = request("Honestly the best crumb", max_new=12, min_new=12, **GREEDY)
    alone.admit(req, model.prefix, -1)
    expected = list(run_to_end(alone)[id(req)])
    run = running(model)
    first = request("The bread", max_new=12, min_new=12, **GREEDY)
    short = request("Sourdough is", max_new=3, min_new=3, **GREEDY)
    last = request("Honestly the best crumb", max_new=12, min_new=12, **GREEDY)
    for r in (first, short, last):
        run.admit(r, model.prefix, -1)
    decoded = []
    forward = run.decoder.forward
    run.decoder.forward = lambda n, *rest: decoded.append(n) or forward(n, *rest)
    answers = {}
    while not run.empty:
        answers.update({id(r): result for r, result in run.step()})
    assert decoded[3:] == [2] * 9  # after the short row left: two rows, no hole (three before)
    assert run.cache[1] is None and run.decoder.written[2] > 0  # the moved row's old place, recorded
    assert list(answers[id(last)]) == expected


def test_a_moved_row_takes_its_keys_and_values_and_leaves_nothing_stale(model) -> None:
    decoder = GPT2Decoder(model.model, rows=8)
    decoder.k[:, 5, :, :20] = torch.randn_like(decoder.k[:, 5, :, :20])
    decoder.v[:, 5, :, :20] = torch.randn_like(decoder.v[:, 5, :, :20])
    decoder.k[:, 2, :, :30] = float("inf")  # what a departed row left in the free row
    decoder.v[:, 2, :, :30] = float("nan")
    decoder.wrote(2, 30)
    decoder.move(5, 2, 20)
    assert torch.equal(decoder.k[:, 2, :, :20], decoder.k[:, 5, :, :20])
    assert torch.equal(decoder.v[:, 2, :, :20], decoder.v[:, 5, :, :20])
    assert decoder.k[:, 2, :, 20:].abs().sum() == 0 and decoder.v[:, 2, :, 20:].abs().sum() == 0
    assert decoder.written[2] == 0 and decoder.written[5] == 20  # zeroed before row 5 is used again


def test_a_moved_row_keeps_its_personas_adapter(tmp_path) -> None:
    base, anna, bob = two_adapters(tmp_path)
    base.lora.put(0, anna)
    base.lora.put(1, bob)

    def decode(*joins: tuple[str, int, int]) -> dict[str, list[str]]:
        run = Running("base", base, GPT2Decoder(base.model, lora=base.lora), GenerationSettings(min_length=0),
                      PoolMetrics(prometheus_client.CollectorRegistry()), lambda persona: None, 256, 8)
        reqs = {}
        for persona, slot, new in joins:
            reqs[persona] = request("The bread", max_new=new, min_new=new, persona=persona, **GREEDY)
            run.admit(reqs[persona], base.prefix, slot)
        answers = run_to_end(run)
        return {persona: list(answers[id(r)]) for persona, r in reqs.items()}

    alone = decode(("bob", 1, 10))["bob"]
    # anna's short row leaves cache row 1 (her adapter copied there); bob's row moves in from row 2.
    both = decode(("anna", 0, 10), ("anna-short", 0, 2), ("bob", 1, 10))
    assert both["bob"] == alone
    assert alone != decode(("anna", 0, 10))["anna"]  # the adapters really differ


def recording_chunks(run: Running) -> list:
    """The prefill chunk of each forward `run` makes from now on (None: a step with no prefill)."""
    chunks = []
    forward = run.decoder.forward

    def record(n, tokens, positions, writes, span, chunk, wanted):
        chunks.append(chunk)
        return forward(n, tokens, positions, writes, span, chunk, wanted)

    run.decoder.forward = record
    return chunks


def test_a_kept_prompt_joins_with_no_forward_and_decodes_as_its_prefill_did(model) -> None:
    run = running(model, prompt_bytes=10**7)
    first = request("Honestly the best crumb", max_new=8, min_new=8, **GREEDY)
    run.admit(first, model.prefix, -1, owner="")
    expected = list(run_to_end(run)[id(first)])
    ((owner, ids), kept), = run.decoder.prompts.entries.items()
    assert owner == "" and kept.kv.shape[3] == len(ids)
    with torch.no_grad():  # the logits kept are the prompt's own, as transformers computes them
        assert torch.allclose(kept.logits, model.model(torch.tensor([ids])).logits[0, -1], atol=1e-4)

    again = request("Honestly the best crumb", max_new=8, min_new=8, **GREEDY)
    run.admit(again, model.prefix, -1, owner="")
    chunks = recording_chunks(run)
    run.step()
    assert chunks == [] and len(run.cache[0].new) == 1  # its first token, from the kept logits alone
    assert list(run_to_end(run)[id(again)]) == expected
    assert prompts_counted(run) == (1, 1)
    other = request("Honestly the worst crumb", max_new=2, **GREEDY)  # another prompt is prefilled
    run.admit(other, model.prefix, -1, owner="")
    run_to_end(run)
    assert prompts_counted(run) == (2, 1) and len(run.decoder.prompts.entries) == 2
    assert run.decoder.nbytes == GPT2Decoder(model.model, rows=run.decoder.rows).nbytes + \
        run.decoder.prompts.nbytes  # counted in the decoder's bytes (and so in the model's)


def test_rows_of_one_prompt_joining_together_prefill_it_once(model) -> None:
    alone = running(model)
    one = request("The bread", max_new=6, min_new=6, **GREEDY)
    alone.admit(one, model.prefix, -1, owner="")
    expected = list(run_to_end(alone)[id(one)])

    run = running(model)  # keeps no prompt: twins need no cache
    three = request("The bread", max_new=6, min_new=6, count=3, **GREEDY)
    run.admit(three, model.prefix, -1, owner="")
    chunks = recording_chunks(run)
    assert list(run_to_end(run)[id(three)]) == expected * 3
    assert chunks[0].rows.tolist() == [0]  # one row's prompt computed, the other two copied it
    assert prompts_counted(run) == (1, 2)

    unshared = running(model)  # no owner: a prompt never shared (whose weights ran it is unknown)
    three = request("The bread", max_new=6, min_new=6, count=3, **GREEDY)
    unshared.admit(three, model.prefix, -1)
    assert list(run_to_end(unshared)[id(three)]) == expected * 3
    assert prompts_counted(unshared) == (3, 0)


def test_rows_on_different_adapters_never_share_a_prompt(tmp_path) -> None:
    from bot.pool.prompt_cache import owner_of

    base, anna, bob = two_adapters(tmp_path)
    base.lora.put(0, anna)
    base.lora.put(1, bob)
    base.slots.update(anna=(0, "v1"), bob=(1, "v1"))  # as residency records them
    decoder = GPT2Decoder(base.model, lora=base.lora, prompt_bytes=10**7)

    def decode(decoder: GPT2Decoder, *joins: tuple[str, int]) -> tuple[dict[str, list[str]], Running]:
        run = Running("base", base, decoder, GenerationSettings(min_length=0),
                      PoolMetrics(prometheus_client.CollectorRegistry()), lambda persona: None, 256, 8)
        reqs = {}
        for persona, slot in joins:
            reqs[persona] = request("The bread", max_new=6, min_new=6, persona=persona, **GREEDY)
            run.admit(reqs[persona], base.prefix, slot, owner=owner_of(persona, "v1"))
        answers = run_to_end(run)
        return {persona: list(answers[id(r)]) for persona, r in reqs.items()}, run

    solo = {name: decode(GPT2Decoder(base.model, lora=base.lora), (name, slot))[0][name]
            for name, slot in (("anna", 0), ("bob", 1))}
    assert solo["anna"] != solo["bob"]
    both, run = decode(decoder, ("anna", 0), ("bob", 1))  # one prompt, two adapters: no twins
    assert both == solo and prompts_counted(run) == (2, 0)
    assert {owner for owner, _ in decoder.prompts.entries} == {("anna", "v1"), ("bob", "v1")}
    again, run = decode(decoder, ("bob", 1))  # bob's own kept prompt, never anna's
    assert again["bob"] == solo["bob"] and prompts_counted(run) == (0, 1)
    decoder.prompts.drop("anna")
    assert {owner for owner, _ in decoder.prompts.entries} == {("bob", "v1")}
    del base.slots["bob"]  # bob's adapter left its slot (and its prompts with it): his rows decoding on
    decoder.prompts.drop("bob")  # keep none any more
    _, run = decode(decoder, ("bob", 1))
    assert prompts_counted(run) == (1, 0) and not decoder.prompts.entries


def test_a_prompt_under_way_is_waited_for_and_copied_by_its_twins(model) -> None:
    # A long prompt takes several steps (prefill_tokens): a row of the same prompt joining meanwhile
    # waits for it, and copies it the step it is all in, whether the decoder keeps prompts or not.
    prompt = "Honestly the best crumb of the morning comes from the oldest oven"
    alone = running(model)
    one = request(prompt, max_new=4, min_new=4, **GREEDY)
    alone.admit(one, model.prefix, -1, owner="")
    expected = list(run_to_end(alone)[id(one)])
    run = running(model, prefill=4)
    first = request(prompt, max_new=4, min_new=4, **GREEDY)
    run.admit(first, model.prefix, -1, owner="")
    run.step()  # its first 4 tokens
    second = request(prompt, max_new=4, min_new=4, count=2, **GREEDY)
    run.admit(second, model.prefix, -1, owner="")
    chunks = recording_chunks(run)
    answers = run_to_end(run)
    assert list(answers[id(first)]) == expected and list(answers[id(second)]) == expected * 2
    assert all(chunk is None or chunk.rows.tolist() == [0] for chunk in chunks)  # first's row alone
    assert prompts_counted(run) == (1, 2)


def test_a_prompt_quoting_a_message_is_never_kept(model) -> None:
    run = running(model, prompt_bytes=10**7)
    reply = Request("alpha", "Agreed", 2, 4, 4, 1.0, 1e-9, 0, None, None, None,
                    context="someone's message, quoted")
    run.admit(reply, model.prefix, -1, owner="")
    assert len(run_to_end(run)[id(reply)]) == 2
    assert prompts_counted(run) == (1, 1)  # its two rows shared one prefill, and nothing was kept
    assert not run.decoder.prompts.entries
