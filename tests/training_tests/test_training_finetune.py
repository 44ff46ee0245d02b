"""Fine-tuning helpers: tokenizer progress, a model's context length, the generation config."""

import io
import os
import pty
import subprocess
import sys

from helpers.checkpoints import sample_texts
from helpers.paths import ROOT

from bot.config import GenerationSettings
from training.checkpoint import context_length
from training.events import JsonReporter, Reporter
from training.finetune import TOKENIZER_PROGRESS_CHARS, generation_config, show_tokenizer_progress
from training.tiny import train_tokenizer


def test_tokenizer_progress_only_on_a_terminal_for_big_text():
    big = ["x" * 1000] * (TOKENIZER_PROGRESS_CHARS // 1000)
    small = list(sample_texts())
    master, slave = pty.openpty()
    with os.fdopen(slave, "w") as terminal:
        try:
            assert show_tokenizer_progress(Reporter(err=terminal), big)
            assert not show_tokenizer_progress(Reporter(err=terminal), small)  # over in a blink
            assert not show_tokenizer_progress(Reporter(err=io.StringIO()), big)  # not a terminal
            json_reporter = JsonReporter(io.StringIO())
            json_reporter.err = terminal
            assert not show_tokenizer_progress(json_reporter, big)  # never in --json mode
        finally:
            os.close(master)


def read_terminal(code: str) -> str:
    """Run `code` in a child whose stderr is a terminal; what it drew there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=slave, stdout=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "tests")})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0, out
    return out.decode(errors="replace")


def test_tiny_base_draws_the_tokenizer_bar_when_asked():
    drawn = read_terminal("import sys\n"
                          "from helpers.checkpoints import sample_texts\n"
                          "from training.finetune import load_base\n"
                          "load_base('tiny', list(sample_texts()), 0)\n"
                          "print('--- now with progress', file=sys.stderr, flush=True)\n"
                          "load_base('tiny', list(sample_texts()), 0, show_progress=True)\n")
    quiet, shown = drawn.split("--- now with progress")
    assert "Compute merges" in shown  # tokenizers' own bar
    assert "Compute merges" not in quiet


def test_context_length_from_any_config_and_without_torch():
    from transformers import GPT2Config, LlamaConfig

    assert context_length(GPT2Config(n_positions=256)) == 256
    assert context_length(LlamaConfig(max_position_embeddings=4096)) == 4096
    assert context_length(object()) == 1024  # a config naming none: GPT-2's
    # The bot imports it beside the checkpoint reader: that must not load torch or transformers.
    check = "import sys, training.checkpoint; print(sorted({'torch', 'transformers'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_generation_config_samples_as_huggingtweets_and_the_bot():
    # huggingtweets: generate(do_sample=True, top_p=0.95) with transformers' default top-k 50; the
    # bot's [generation] defaults are the same, so a pipeline on the checkpoint samples as the bot does.
    tok = train_tokenizer(list(sample_texts()), vocab_size=512)
    gen = generation_config(tok)
    assert (gen.do_sample, gen.top_p, gen.top_k, gen.temperature) == (True, 0.95, 50, 1.0)
    assert gen.eos_token_id == gen.pad_token_id == gen.bos_token_id == tok.eos_token_id
    bot = GenerationSettings()
    assert (gen.top_p, gen.top_k, gen.temperature) == (bot.top_p, bot.top_k, bot.temperature)
