"""The model card (`README.md` in the persona folder), in the structure of huggingtweets' cards:
front matter with tags and a widget text, the data table, the training procedure with its metrics
(base and persona on the held-out tweets), how to use it with `pipeline` (and for a LoRA persona with
PEFT), and its limitations and bias. A persona with a profile picture shows it under the title, as
huggingtweets' cards show the account's avatar."""

from __future__ import annotations

import json
from pathlib import Path

from training.checkpoint import PersonaMeta, resolve_base
from training.clean import format_table

WIDGET_TEXT = "My dream is"


def _lora_usage(meta: PersonaMeta, models_dir: Path) -> str:
    """How to load an adapter folder: the base's name and where adapter_config.json points, then the
    lines that work (tests/test_training_lora.py runs them as written)."""
    assert meta.base is not None and meta.lora is not None
    where = resolve_base(meta.base, models_dir)
    folder = f"{models_dir.name}/{meta.name}"
    prefix = json.dumps(meta.prompt_prefix or "")
    if meta.base.source == "models":
        base_text = (f"the shared base `{meta.base.name}`, pretrained by `python -m training pretrain` "
                     f"and kept in `{where.peft_base_path(models_dir)}`. `adapter_config.json` names it "
                     f"by that path, relative to the folder that holds `{models_dir.name}/`: run these "
                     "lines from there (moving that folder with everything in it is fine)")
    elif meta.base.source == "hub":
        base_text = (f"the hub model [`{meta.base.name}`](https://huggingface.co/{meta.base.name}), "
                     "which PEFT loads")
    else:
        base_text = (f"the local folder `{meta.base.name}`, named by that absolute path in "
                     "`adapter_config.json` (move it and this persona no longer loads)")
    return f"""This folder holds a LoRA adapter (rank {meta.lora.rank}, alpha {meta.lora.alpha:g}, on \
{", ".join(f"`{t}`" for t in meta.lora.targets)}), not a whole model: it loads on {base_text}. \
The base's weights have the fingerprint `{meta.base.fingerprint}` (`persona.json`).

```python
from peft import AutoPeftModelForCausalLM
from transformers import AutoTokenizer

model = AutoPeftModelForCausalLM.from_pretrained("{folder}")
tokenizer = AutoTokenizer.from_pretrained("{folder}")
inputs = tokenizer({prefix} + "{WIDGET_TEXT}", return_tensors="pt")
out = model.generate(**inputs, do_sample=True, top_p=0.95, top_k=50, max_new_tokens=40,
                     pad_token_id=tokenizer.eos_token_id)
print(tokenizer.decode(out[0], skip_special_tokens=True))
```

or with a pipeline:

```python
from transformers import pipeline
generator = pipeline("text-generation", model="{folder}")
generator("{WIDGET_TEXT}", prefix={prefix}, do_sample=True, top_p=0.95, top_k=50, max_new_tokens=40,
          num_return_sequences=5)
```

Every tweet in training started after the end-of-text token ({prefix}, `prompt_prefix` in
`persona.json`), so it goes before the prompt, as the bot does: the prompt reads as the start of a
tweet. The sampling settings are huggingtweets': top-p 0.95, top-k 50, temperature 1.0.
"""


def model_card(meta: PersonaMeta, models_dir: Path = Path("models")) -> str:
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
    # The file sits beside the card; its name is checked (`AvatarInfo`), so it is safe in Markdown.
    picture = f"\n![profile picture]({meta.avatar.file})\n" if meta.avatar is not None else ""
    val = hp.get("validation_fraction", 0.1)
    lora = meta.kind == "lora" and meta.base is not None and meta.lora is not None
    if lora:
        how = (f"train a LoRA adapter (rank {meta.lora.rank}) on the shared base `{meta.base.name}`; the "
               "base's own weights were left as they are")
    elif meta.base_model == "tiny":
        how = "train `tiny`, a small GPT-2 initialised from scratch with a tokenizer learnt from these tweets"
    else:
        how = f"fine-tune `{meta.base_model}`"
    base_cell = f"`{meta.base.name}` ({meta.base.source}), LoRA adapter" if lora else f"`{meta.base_model}`"
    gain = ""
    if m.val_ppl_before > 0:
        gain = (f"\nOn the held-out tweets the {'adapter' if lora else 'training'} takes the perplexity from "
                f"{m.val_ppl_before:.2f} (the base) to {m.val_ppl_after:.2f} (the persona), "
                f"{(m.val_ppl_after - m.val_ppl_before) / m.val_ppl_before:+.1%}.\n")
    if lora:
        usage = _lora_usage(meta, models_dir)
    else:
        usage = f"""```python
from transformers import pipeline
generator = pipeline("text-generation", model="{models_dir.name}/{meta.name}")
generator("{WIDGET_TEXT}", num_return_sequences=5)
```

{prefix_text}`generation_config.json` holds the huggingtweets prediction settings:
sampling with top-p 0.95, top-k 50 (transformers' default, as huggingtweets sampled) and temperature 1.0.
"""
    return f"""{front}

# 🤖 AI BOT: {names}
{picture}
A language model that writes like {handles}, fine-tuned on their own tweets in the manner of
[huggingtweets](https://github.com/borisdayma/huggingtweets). Its output is generated, not said by
the person.

## How does it work?

The tweets were read from the account's own export, cleaned, and used to {how}.

## Training data

| Persona | Base | Created |
| --- | --- | --- |
| {meta.name} | {base_cell} | {meta.created_at:%Y-%m-%d %H:%M} UTC |

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

| Validation (held-out tweets) | Base | Persona |
| --- | --- | --- |
| Loss | {m.val_loss_before:.4f} | {m.val_loss_after:.4f} |
| Perplexity | {m.val_ppl_before:.2f} | {m.val_ppl_after:.2f} |
{gain}
## How to use

{usage}
## Limitations and bias

The model inherits the limitations and biases of its base model (for GPT-2, see
[its model card](https://huggingface.co/gpt2)) and, more strongly, of the tweets of the person it
imitates, including any opinions, errors and offensive content in them. It makes things up: never
present its output as something the real person said.
"""
