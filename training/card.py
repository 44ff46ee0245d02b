"""The model card (`README.md` in the persona folder), in the structure of huggingtweets' cards:
front matter with tags and a widget text, the data table, the training procedure with its metrics,
how to use it with `pipeline`, and its limitations and bias."""

from __future__ import annotations

import json

from training.checkpoint import PersonaMeta
from training.clean import format_table

WIDGET_TEXT = "My dream is"


def model_card(meta: PersonaMeta) -> str:
    names = meta.display_name
    handles = ", ".join(f"@{h.handle}" for h in meta.handles)
    hp, m = meta.hyperparameters, meta.metrics
    table = format_table({h.handle: h.data for h in meta.handles})
    front = "\n".join([
        "---",
        "language: en",
        "tags:",
        "- huggingtweets",
        "- text-generation",
        "- persona-bot",
        "widget:",
        f"- text: {json.dumps(WIDGET_TEXT)}",
        "---",
    ])
    blend = ""
    if len(meta.handles) > 1:
        blend = (f"\nThe accounts were cleaned separately, and the smaller ones' training tweets repeated "
                 f"up to the largest by character count (repeats: {hp.get('blend_repeats')}).\n")
    prefix_text = ""
    if meta.prompt_prefix:
        prefix_text = ("Every tweet in training started after the end-of-text token, so `config.json` sets "
                       f"it ({json.dumps(meta.prompt_prefix)})\nas the prefix the pipeline puts before every "
                       "prompt, as the bot does: the prompt reads as the start\nof a tweet. ")
    val = hp.get("validation_fraction", 0.1)
    how = ("train `tiny`, a small GPT-2 initialised from scratch with a tokenizer learnt from these tweets"
           if meta.base_model == "tiny" else f"fine-tune `{meta.base_model}`")
    return f"""{front}

# 🤖 AI BOT: {names}

A language model that writes like {handles}, fine-tuned on their own tweets in the manner of
[huggingtweets](https://github.com/borisdayma/huggingtweets). Its output is generated, not said by
the person.

## How does it work?

The tweets were read from the account's own export, cleaned, and used to {how}.

## Training data

| Persona | Base | Created |
| --- | --- | --- |
| {meta.name} | `{meta.base_model}` | {meta.created_at:%Y-%m-%d %H:%M} UTC |

{table}

Cleaning, as huggingtweets: retweets removed, HTML entities unescaped, links removed, whitespace
collapsed, and short tweets (fewer than 3 words free of `http`, `@` and `#`) removed.
{blend}
## Training procedure

The model was trained with the Hugging Face `Trainer` on the tweets joined by the end-of-text token, \
shuffled with seed {hp.get('seed')}, split {1 - val:.0%} / {val:.0%} into training and validation text, \
and packed into blocks of {hp.get('block_size')} tokens.

Hyperparameters: {hp.get('epochs')} epoch(s), learning rate {hp.get('learning_rate')} with a \
{hp.get('lr_scheduler')} schedule, batch size {hp.get('batch_size')}, mixed precision \
{hp.get('mixed_precision')}, {getattr(m, 'train_steps', '?')} steps.

| Validation | Before | After |
| --- | --- | --- |
| Loss | {m.val_loss_before:.4f} | {m.val_loss_after:.4f} |
| Perplexity | {m.val_ppl_before:.2f} | {m.val_ppl_after:.2f} |

## How to use

```python
from transformers import pipeline
generator = pipeline("text-generation", model="models/{meta.name}")
generator("{WIDGET_TEXT}", num_return_sequences=5)
```

{prefix_text}`generation_config.json` holds the huggingtweets prediction settings:
sampling with top-p 0.95, top-k 50 (transformers' default, as huggingtweets sampled) and temperature 1.0.

## Limitations and bias

The model inherits the limitations and biases of its base model (for GPT-2, see
[its model card](https://huggingface.co/gpt2)) and, more strongly, of the tweets of the person it
imitates, including any opinions, errors and offensive content in them. It makes things up: never
present its output as something the real person said.
"""
