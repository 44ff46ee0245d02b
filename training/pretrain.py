"""`python -m training pretrain NAME --data PATH [--data PATH ...]`: a shared base that works offline.

A small GPT-2 from scratch (`training/tiny.py`'s architecture) with one byte-level BPE tokenizer
learnt from several exports, all cleaned by the persona rules and pooled. It is saved as an ordinary
Hugging Face folder plus `base.json` to `models/.bases/NAME` (atomically, as personas are), where
`train --base NAME` finds it and LoRA personas share it. Tests, benchmarks and CI use such a base;
`gpt2` stays the default base for real use.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from training.bases import BASES_DIR
from training.checkpoint import BaseMeta, BaseSource, DataTable, Metrics, recover_interrupted, save_base
from training.clean import clean_records, format_table, table_json
from training.config import TrainingConfig, TrainingSettings
from training.events import Reporter
from training.ingest import read_source
from training.names import is_valid_base_name
from training.runtime import BadInput, library_versions, rank_zero


def read_sources(
    paths: list[Path], settings: TrainingSettings, reporter: Reporter, author: str | None = None,
    servers: list[str] | None = None,
) -> tuple[dict[str, list[str]], dict[str, DataTable], dict[str, str]]:
    """Each export cleaned on its own, labelled by its account (manifest) or its file or folder name:
    kept texts, data tables and the path given, by label."""
    texts: dict[str, list[str]] = {}
    tables: dict[str, DataTable] = {}
    given: dict[str, str] = {}
    for path in reporter.bar(paths, "reading"):
        source = read_source(path, settings.max_tweets_bytes, author, servers)
        label = source.handle or (path.name if path.is_dir() else path.stem) or str(path)
        if label in texts:  # two files of one account: keep both, apart
            label = f"{label}#{sum(k.split('#')[0] == label for k in texts) + 1}"
        texts[label], tables[label] = clean_records(source.records, settings, source.has_visibility,
                                                        source.protected)
        given[label] = str(path)
    return texts, tables, given


def run_pretrain(args: argparse.Namespace, cfg: TrainingConfig, reporter: Reporter) -> int:
    started = time.monotonic()
    settings = cfg.training
    name = args.name
    if not is_valid_base_name(name):
        raise BadInput(f"base name {name!r} is not valid (a letter or digit, then up to 63 letters, digits, "
                       "'_', '-' or '.'; not 'tiny')")
    if args.epochs is not None and not 0 < args.epochs <= 100:
        raise BadInput(f"--epochs must be above 0 and at most 100 (got {args.epochs:g})")
    if args.seed is not None and args.seed < 0:
        raise BadInput(f"--seed must not be negative (got {args.seed})")
    models_dir = cfg.paths.models_dir
    dest = models_dir / BASES_DIR / name
    if dest.exists() and not args.replace:
        raise BadInput(f"base {name!r} already exists in {dest.parent}: its personas name its weights, so a "
                       "new one would no longer match them (pass --replace to train it anyway)")
    seed = settings.seed if args.seed is None else args.seed
    epochs = settings.pretrain_epochs if args.epochs is None else args.epochs
    if rank_zero():
        recover_interrupted(models_dir)

    reporter.phase("ingest", f"reading {len(args.data)} source(s)")
    paths = [Path(p).expanduser() for p in args.data]
    texts, tables, given = read_sources(paths, settings, reporter, args.author, args.servers)
    reporter.phase("clean", "applied the huggingtweets cleaning rules to each source")
    kept_chars = sum(t.kept_chars for t in tables.values())
    if max(t.kept for t in tables.values()) < 2 or kept_chars < settings.min_chars:
        raise BadInput(f"only {kept_chars:,} characters of tweets left after cleaning in all sources; "
                       f"{settings.min_chars:,} needed ([training] min_chars)")
    for label, table in tables.items():
        if table.kept == 0:
            reporter.warning(f"@{label}: nothing left after cleaning ({table.downloaded} tweets read)")
    reporter.text(format_table(tables))

    # Imported here: torch and transformers take seconds to import, and bad input should not wait.
    from training import tiny
    from training.dataset import pack, split_tweets, token_stream
    from training.finetune import (
        generation_config,
        quiet_libraries,
        show_tokenizer_progress,
        train_and_evaluate,
    )

    quiet_libraries(reporter.json_mode, reporter.verbose)
    # Each source holds out its own share, so validation covers every account; then all are pooled.
    train, validation = [], []
    for label in texts:
        split = split_tweets([texts[label]], seed, settings.validation_fraction)
        train += split.train
        validation += split.validation
    random.Random(seed).shuffle(train)

    reporter.phase("tokenizer", "training a byte-level BPE tokenizer "
                                f"({settings.pretrain_vocab_size} tokens) on all sources")
    tokenizer = tiny.train_tokenizer(train, vocab_size=settings.pretrain_vocab_size,
                                     show_progress=show_tokenizer_progress(reporter, train))
    model = tiny.tiny_model(tokenizer, seed=seed)
    block_size = min(settings.block_size, tiny.CONTEXT)
    reporter.phase("dataset", f"packing into blocks of {block_size} tokens")
    pad = tokenizer.pad_token_id
    train_blocks = pack(token_stream(train, tokenizer), block_size, pad)
    val_blocks = pack(token_stream(validation, tokenizer), block_size, pad)
    outcome = train_and_evaluate(model, train_blocks, val_blocks, epochs=epochs,
                                 learning_rate=settings.tiny_learning_rate,
                                 batch_size=settings.tiny_batch_size, seed=seed, settings=settings,
                                 reporter=reporter)
    if not (outcome.main_process and rank_zero()):
        return 0

    model = outcome.model
    model.generation_config = generation_config(tokenizer)
    # A pipeline on the base, or on a LoRA persona of it, starts every prompt as a new tweet.
    model.config.prefix = tokenizer.eos_token
    reporter.phase("save", f"writing {dest}")
    meta = BaseMeta(
        name=name,
        sources=[BaseSource(label=label, path=given[label], data=tables[label]) for label in texts],
        hyperparameters={
            "architecture": "gpt2", "n_layer": model.config.n_layer, "n_embd": model.config.n_embd,
            "n_head": model.config.n_head, "context": model.config.n_positions, "vocab_size": len(tokenizer),
            "parameters": sum(p.numel() for p in model.parameters()), "epochs": epochs,
            "learning_rate": settings.tiny_learning_rate, "lr_scheduler": settings.lr_scheduler,
            "batch_size": settings.tiny_batch_size, "block_size": block_size, "seed": seed,
            "validation_fraction": settings.validation_fraction, "train_tweets": len(train),
            "validation_tweets": len(validation), "train_blocks": len(train_blocks),
            "validation_blocks": len(val_blocks), "devices": outcome.world_size,
        },
        metrics=Metrics(**outcome.metrics),
        library_versions=library_versions(),
    )
    path = save_base(models_dir, meta, model, tokenizer, base_card(meta, format_table(tables)))
    seconds = round(time.monotonic() - started, 1)
    m = meta.metrics
    reporter.done({"base": name, "path": str(path), "table": table_json(tables),
                   "metrics": m.model_dump(), "seconds": seconds})
    if not reporter.json_mode:
        print(f"""
Base {name} saved to {path}
  {meta.hyperparameters['parameters']:,} parameters, vocabulary {len(tokenizer)}, {epochs:g} epoch(s), \
{m.train_steps} steps
  validation loss {m.val_loss_before:.3f} -> {m.val_loss_after:.3f}, perplexity {m.val_ppl_before:.1f} -> \
{m.val_ppl_after:.1f}
  {seconds:.1f} s in all ({m.train_seconds:.1f} s training)
  use it: python -m training train PERSONA --data PATH --base {name}""")
    return 0


def base_card(meta: BaseMeta, table: str) -> str:
    hp, m = meta.hyperparameters, meta.metrics
    return f"""---
language: en
tags:
- text-generation
- persona-bot
---

# Shared base `{meta.name}`

A small GPT-2 ({hp['n_layer']} layers, {hp['n_embd']} wide, {hp['parameters']:,} parameters, a context of
{hp['context']} tokens) trained from scratch, with a byte-level BPE tokenizer of {hp['vocab_size']} tokens,
on the tweets of several accounts. It is a base for LoRA personas (`python -m training train PERSONA
--data PATH --base {meta.name}`) that works offline: for tests, benchmarks and CI, not for real use.

{table}

Cleaning as for personas (retweets, links and short tweets removed); {hp['train_tweets']} tweets trained
on, {hp['validation_tweets']} held out ({hp['validation_fraction']:.0%} of each account). {hp['epochs']:g}
epoch(s), learning rate {hp['learning_rate']} ({hp['lr_scheduler']}), batch size {hp['batch_size']}, seed
{hp['seed']}.

| Validation | From scratch | Pretrained |
| --- | --- | --- |
| Loss | {m.val_loss_before:.4f} | {m.val_loss_after:.4f} |
| Perplexity | {m.val_ppl_before:.2f} | {m.val_ppl_after:.2f} |
"""
