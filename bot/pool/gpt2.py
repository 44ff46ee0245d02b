"""GPT-2's forward for continuous batching: a flat batch of tokens, a static KV cache, per-row LoRA.

nanoGPT-sized, on the weights of a transformers `GPT2LMHeadModel` (read in place, never copied), so
any GPT-2 persona or shared base runs here; other architectures keep transformers' forward in the
static runner (`bot.pool.static_runner`).

The cache is one buffer per running batch key, `[2, layers, rows, heads, context + 1, head_dim]`
(keys, then values: one buffer, so that zeroing or moving a row is one op): a row is a cache row, its
tokens sit at their own positions, and the rows' lengths are the runner's, not the buffer's. Position
`context` is scratch: tokens that must not land anywhere (a free row's placeholder, the padding of a
prefill chunk) write there, and no query ever reads it.
So a step's tensor shapes depend only on how many rows are in use and how far they reach (`span`),
never on who joined or left: what CUDA graphs and `torch.compile` need too. The buffer is allocated
for the context the rows need, in steps of `CONTEXT_STEP` positions (a tweet is short: a batch of
tweets needs a fraction of GPT-2's 1,024 positions), and grows, copying, the rare time a row needs more.

One step is one forward over two parts: `decode` (one token for each row 0..n-1, placeholders in the
free ones) and `prefill` (a chunk of prompt for each joining row, padded to the longest chunk). The
projections run on both parts at once; attention runs per part, each query reading its own row of the
cache up to its own position (a chunk that starts its rows' prompts reads only itself, causally).
Per-row LoRA (Punica's BGMV in plain PyTorch, as `bot.pool.lora`): each cache row has its adapter
copied in when it joins (`set_adapter`), so a step is one `bmm` pair per projection over the rows,
with no gather and no Python loop over adapters. On a CPU (`[pool] dtype` auto or "float16"), the
projections and the head read float16 copies of the weights (`bot.pool.half`), the math in float32.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F

from bot.pool.lora import KINDS, conv1d
from bot.pool.prompt_cache import PromptCache

if TYPE_CHECKING:
    from bot.pool.half import HalfWeights
    from bot.pool.lora import SharedBase

CONTEXT_STEP = 64  # the cache grows by this many positions at a time
ROW_STEP = 8  # and by this many rows
PACK_TOKENS = 1024  # a fresh chunk is packed up to this many tokens (its mask is tokens x tokens)


def unsupported(model) -> str | None:
    """Why this forward cannot run `model` (None when it can): not GPT-2, or GPT-2 options it lacks."""
    config = getattr(model, "config", None)
    if getattr(config, "model_type", None) != "gpt2" or not hasattr(model, "transformer"):
        return f"not a GPT-2 model ({getattr(config, 'model_type', type(model).__name__)})"
    if config.activation_function not in ("gelu_new", "gelu_pytorch_tanh"):
        return f"activation {config.activation_function!r}"
    if (not config.scale_attn_weights or config.scale_attn_by_inverse_layer_idx
            or config.reorder_and_upcast_attn):
        return "non-default attention scaling"
    if getattr(config, "add_cross_attention", False):
        return "cross-attention"
    return None


@dataclass
class Chunk:
    """A step's prefill part: a chunk of prompt for each joining row. Padded to the longest (`tokens`,
    `positions` and `writes` [rows, width]; a pad's position is 0 and its write goes to the scratch
    position), or, when every chunk starts its prompt and their lengths differ, packed end to end
    (`packed`: [tokens, 1] each, `rows` the cache row of each token): a pad costs a token's compute in
    every projection, and a refill of 16 bench prompts padded to the longest is 46% pads."""

    rows: torch.Tensor  # [J] cache rows (packed: [T], each token's)
    tokens: torch.Tensor  # [J, width]
    positions: torch.Tensor  # [J, width]
    writes: torch.Tensor  # [J, width]: where each token's key and value go (its position, or scratch)
    span: int  # positions the chunk's queries read: the largest position + 1
    fresh: bool = False  # every row's chunk starts its prompt: its queries read only the chunk itself
    packed: torch.Tensor | None = None  # packed: [T, T], True where token t may read token s
    offsets: list[int] = field(default_factory=list)  # where each piece starts among the chunk's tokens
    # Packed: the pieces' cache rows [J], and each token's place [T] in the pieces padded to `span`
    # (per-row LoRA runs there: one adapter copy a piece, not a token).
    piece_rows: torch.Tensor | None = None
    pad_slots: torch.Tensor | None = None

    def index(self, piece: int, token: int) -> int:
        """Where token `token` of piece `piece` is among the chunk's tokens (row by row, flattened)."""
        return self.offsets[piece] + token

    @classmethod
    def build(cls, rows: list[int], pieces: list[list[int]], starts: list[int], scratch: int,
              device: torch.device | str = "cpu") -> Chunk:
        """Cache row `rows[i]` takes tokens `pieces[i]` at positions from `starts[i]` on."""
        lengths = [len(piece) for piece in pieces]
        span = max(start + n for n, start in zip(lengths, starts, strict=True))
        if not any(starts) and len(set(lengths)) > 1 and sum(lengths) <= PACK_TOKENS:
            return cls._packed(rows, pieces, span, device)
        width = max(lengths)
        tokens = [[0] * width for _ in pieces]
        positions = [[0] * width for _ in pieces]
        writes = [[scratch] * width for _ in pieces]
        for i, (piece, start) in enumerate(zip(pieces, starts, strict=True)):
            tokens[i][: len(piece)] = piece
            positions[i][: len(piece)] = writes[i][: len(piece)] = range(start, start + len(piece))
        return cls(*(torch.tensor(xs, device=device) for xs in (rows, tokens, positions, writes)), span,
                   fresh=not any(starts), offsets=[i * width for i in range(len(pieces))])

    @classmethod
    def _packed(cls, rows: list[int], pieces: list[list[int]], span: int,
                device: torch.device | str) -> Chunk:
        """Fresh pieces end to end: one sequence whose tokens each read the earlier tokens of their own
        piece (a block-diagonal causal mask)."""
        lengths = [len(piece) for piece in pieces]
        piece_of = torch.tensor([i for i, n in enumerate(lengths) for _ in range(n)], device=device)
        position = torch.tensor([p for n in lengths for p in range(n)], device=device)
        together = (piece_of[:, None] == piece_of[None, :]) & (position[None, :] <= position[:, None])
        tokens = torch.tensor([t for piece in pieces for t in piece], device=device)[:, None]
        piece_rows = torch.tensor(rows, device=device)
        return cls(piece_rows[piece_of], tokens, position[:, None], position[:, None], span, fresh=True,
                   packed=together, offsets=list(accumulate([0, *lengths[:-1]])), piece_rows=piece_rows,
                   pad_slots=piece_of * span + position)


class GPT2Decoder:
    """The forward of one GPT-2 (a persona's model, or a shared base with its adapter slots) over a static
    cache of `rows` rows. Not thread-safe: the pool's worker thread alone uses it."""

    def __init__(self, model, rows: int = ROW_STEP, lora: SharedBase | None = None,
                 context: int = CONTEXT_STEP, half: HalfWeights | None = None, prompt_bytes: int = 0) -> None:
        reason = unsupported(model)
        if reason is not None:
            raise ValueError(f"GPT2Decoder cannot run this model: {reason}")
        cfg = model.config
        self.model = model
        self.rows = rows
        # Per cache row: how far rows that left it may have written since it was last zeroed (`scrub`).
        self.written = [0] * rows
        self.heads = cfg.n_head
        self.head_dim = cfg.n_embd // cfg.n_head
        self.eps = cfg.layer_norm_epsilon
        self.scale = self.head_dim ** -0.5
        self.max_context = cfg.n_positions
        t = model.transformer
        self.wte, self.wpe = t.wte.weight, t.wpe.weight
        self.ln_f = (t.ln_f.weight, t.ln_f.bias)
        self.head = model.lm_head.weight
        self.blocks = [_Block(block) for block in t.h]
        self.device, self.dtype = self.wte.device, self.wte.dtype
        if half is not None and (self.device.type != "cpu" or self.dtype != torch.float32):
            raise ValueError("float16 weights (bot.pool.half) are for a float32 model on a CPU")
        self.lora = lora
        self.half = half  # float16 copies of the projections and head (a CPU's default)
        self.prompts = PromptCache(prompt_bytes)  # prompts already prefilled (`bot.pool.prompt_cache`)
        self.row_a: dict[str, torch.Tensor] = {}
        self.row_b: dict[str, torch.Tensor] = {}
        if lora is not None:
            self._alloc_rows_lora(keep=0)
        self.context = 0
        self.kv = torch.empty(0)
        self.k = self.v = self.kv  # views of kv: [layers, rows, heads, context + 1, head_dim] each
        self.ensure_context(context)

    # ---- memory -----------------------------------------------------------------------------------

    @property
    def nbytes(self) -> int:
        """The cache's bytes, the rows' adapters and the prompts kept."""
        tensors = (self.kv, *self.row_a.values(), *self.row_b.values())
        return sum(x.numel() * x.element_size() for x in tensors) + self.prompts.nbytes

    def ensure_context(self, needed: int) -> None:
        """Make room for positions 0..needed-1 in every row (a step of CONTEXT_STEP, at most the model's)."""
        if needed <= self.context:
            return
        if needed > self.max_context:
            raise ValueError(f"{needed} positions asked of a model of {self.max_context}")
        self._resize(self.rows, min(self.max_context, -(-needed // CONTEXT_STEP) * CONTEXT_STEP))

    def ensure_rows(self, needed: int) -> None:
        """Make room for rows 0..needed-1 (a step of ROW_STEP): memory follows how many rows run."""
        if needed > self.rows:
            self._resize(-(-needed // ROW_STEP) * ROW_STEP, self.context)

    def _resize(self, rows: int, context: int) -> None:
        """Reallocate the cache (and the rows' adapters), keeping what it holds. New memory is zeroed:
        a position no row has written yet must hold a finite value, since masked scores multiply it by 0."""
        shape = (2, len(self.blocks), rows, self.heads, context + 1, self.head_dim)
        kv = torch.zeros(shape, dtype=self.dtype, device=self.device)
        if self.context:
            kv[:, :, : self.rows, :, : self.context] = self.kv[:, :, :, :, : self.context]
        old_rows, self.rows = self.rows, rows
        self.kv, self.k, self.v, self.context = kv, kv[0], kv[1], context
        self.written += [0] * (rows - len(self.written))
        if self.lora is not None and rows != old_rows:
            self._alloc_rows_lora(keep=old_rows)

    @property
    def scratch(self) -> int:
        """The position no query reads: where placeholders and pads write."""
        return self.context

    def _alloc_rows_lora(self, keep: int) -> None:
        """The rows' adapters at the shared base's rank, the first `keep` rows' kept (zero-padded: a
        rank the slots widened to adds nothing to a row of a smaller one)."""
        lora = self.lora
        for kind in KINDS:
            n_in, n_out = lora.shapes[kind]
            layers, rows, rank = len(self.blocks), self.rows, lora.rank
            a = torch.zeros(layers, rows, n_in, rank, dtype=self.dtype, device=self.device)
            b = torch.zeros(layers, rows, rank, n_out, dtype=self.dtype, device=self.device)
            if keep:
                old_a, old_b = self.row_a[kind], self.row_b[kind]
                r = old_a.shape[-1]
                a[:, :keep, :, :r] = old_a[:, :keep]
                b[:, :keep, :r, :] = old_b[:, :keep]
            self.row_a[kind], self.row_b[kind] = a, b

    def clear_rows(self, rows: list[int]) -> None:
        """Zero cache rows no row holds (their keys, values and adapter copies): a forgotten persona
        leaves nothing in them."""
        if not rows:
            return
        index = torch.tensor(rows, device=self.device)
        self.kv.index_fill_(2, index, 0)
        for tensor in (*self.row_a.values(), *self.row_b.values()):
            tensor.index_fill_(1, index, 0)
        for row in rows:
            self.written[row] = 0

    def wrote(self, row: int, upto: int) -> None:
        """A row left cache row `row` having written at most positions 0..upto-1 of it."""
        self.written[row] = max(self.written[row], min(upto, self.context))

    def scrub(self, row: int) -> None:
        """Zero what rows that left cache row `row` wrote, before another row uses it. A row reads its
        cache row as far as the decode's longest row reaches, the positions past its own masked: weight
        0 times what was left there, and 0 times an inf (a float16 overflow) is NaN."""
        upto, self.written[row] = self.written[row], 0
        if upto:
            self.kv[:, :, row, :, :upto].zero_()

    def move(self, src: int, dst: int, upto: int) -> None:
        """Cache row `src` into the free cache row `dst`: its first `upto` positions (what its row
        wrote, or more) and its adapter copy. `src` is left as by a row that wrote `upto` positions
        (zeroed before reuse). What a departed row left in `dst` is overwritten in the same copy: a
        held row is zero past what it wrote (its cache row was scrubbed when it joined), so copying
        `src` as far as either reaches moves it and scrubs `dst` at once."""
        upto = min(upto, self.context)
        reach, self.written[dst] = max(upto, self.written[dst]), 0
        self.kv[:, :, dst, :, :reach] = self.kv[:, :, src, :, :reach]
        for kind in self.row_a:
            self.row_a[kind][:, dst] = self.row_a[kind][:, src]
            self.row_b[kind][:, dst] = self.row_b[kind][:, src]
        self.wrote(src, upto)

    def prompt(self, row: int, length: int) -> torch.Tensor:
        """Cache row `row`'s keys and values at positions 0..length-1: [2, layers, heads, length,
        head_dim] (a view: the next step may overwrite it)."""
        return self.kv[:, :, row, :, :length]

    def load_prompt(self, row: int, kv: torch.Tensor) -> None:
        """Write a prompt's keys and values (as `prompt` gives them) at the start of cache row `row`, a
        row scrubbed for it: the row then reads as if its prompt had been prefilled there."""
        self.kv[:, :, row, :, : kv.shape[3]] = kv

    def set_adapter(self, row: int, slot: int) -> None:
        """Give cache row `row` the adapter in `slot` of the shared base (negative: the plain base)."""
        lora = self.lora
        if lora is None:
            return
        if lora.rank != next(iter(self.row_a.values())).shape[-1]:  # a larger rank widened the slots
            self._alloc_rows_lora(keep=self.rows)
        for kind in KINDS:
            if slot < 0:
                self.row_a[kind][:, row].zero_()
                self.row_b[kind][:, row].zero_()
            else:
                self.row_a[kind][:, row] = lora.a[kind][:, slot]
                self.row_b[kind][:, row] = lora.b[kind][:, slot]

    # ---- the step ---------------------------------------------------------------------------------

    @torch.inference_mode()
    def forward(self, n: int, tokens: torch.Tensor, positions: torch.Tensor, writes: torch.Tensor,
                span: int, chunk: Chunk | None, wanted: torch.Tensor) -> torch.Tensor:
        """One step. Decode part: rows 0..n-1, `tokens`, `positions` and `writes` [n] (a free row: any
        token, position 0, write at `scratch`), reading positions below `span`; n may be 0. Prefill
        part: `chunk` (None: no row joins). Returns the logits [len(wanted), vocab] of the tokens at
        `wanted`, indices into the step's tokens in order (decode rows, then the chunk row by row)."""
        parts = []
        if n:
            parts.append(self.wte[tokens] + self.wpe[positions])
        if chunk is not None:
            parts.append((self.wte[chunk.tokens] + self.wpe[chunk.positions]).flatten(0, 1))
        x = torch.cat(parts) if len(parts) > 1 else parts[0]
        # What every layer shares, made once a step: each part's mask, and where its keys and values go.
        attends = []
        if n:
            reach = torch.arange(span, device=self.device) <= positions[:, None]
            rows = torch.arange(n, device=self.device)
            attends.append(_Part(n, 1, self._slots(rows[:, None], writes[:, None]), span,
                                 self._additive(reach[:, None, None, :]), None))
        if chunk is not None:
            mask = None  # fresh: causal over the chunk itself (a row's pads come after its tokens)
            if not chunk.fresh:
                reach = torch.arange(chunk.span, device=self.device) <= chunk.positions[:, :, None]
                mask = self._additive(reach[:, None])
            slots = self._slots(chunk.rows[:, None], chunk.writes)
            attends.append(_Part(chunk.rows.shape[0], chunk.tokens.shape[1], slots, chunk.span, mask,
                                 chunk.rows, chunk.packed))
        for layer, block in enumerate(self.blocks):
            h = F.layer_norm(x, x.shape[-1:], *block.ln_1, self.eps)
            qkv = self._proj(h, block, layer, "attn.c_attn", n, chunk)
            q, k, v = qkv.split(qkv.shape[-1] // 3, dim=-1)
            out, at = [], 0
            for part in attends:
                size = part.rows * part.width
                out.append(self._attend(layer, part, q[at:at + size], k[at:at + size], v[at:at + size]))
                at += size
            a = torch.cat(out) if len(out) > 1 else out[0]
            x.add_(self._proj(a, block, layer, "attn.c_proj", n, chunk))
            h = F.layer_norm(x, x.shape[-1:], *block.ln_2, self.eps)
            h = F.gelu(self._proj(h, block, layer, "mlp.c_fc", n, chunk), approximate="tanh")
            x.add_(self._proj(h, block, layer, "mlp.c_proj", n, chunk))
        x = x.index_select(0, wanted)
        x = F.layer_norm(x, x.shape[-1:], *self.ln_f, self.eps)
        return self.half.logits(x) if self.half is not None else F.linear(x, self.head)

    def _additive(self, allowed: torch.Tensor) -> torch.Tensor:
        """A boolean mask [rows, 1, width, span] (True: may read) as the additive one the scores take,
        0 or -inf, one per head: [rows * heads, width, span]."""
        rows, _, width, span = allowed.shape
        mask = torch.zeros((rows, self.heads, width, span), dtype=self.dtype, device=self.device)
        return mask.masked_fill_(~allowed, float("-inf")).view(rows * self.heads, width, span)

    def _slots(self, rows: torch.Tensor, writes: torch.Tensor) -> torch.Tensor:
        """Where tokens' keys and values go, as indices into a layer's cache seen as [slots, head_dim]:
        token (i, t) of row `rows[i]` at position `writes[i, t]`, each head, in the order of the step's
        [tokens, heads, head_dim] (one `index_copy_` a layer instead of an indexed assignment)."""
        heads = torch.arange(self.heads, device=self.device)
        per_row = self.context + 1
        return ((rows[:, :, None] * self.heads + heads) * per_row + writes[:, :, None]).flatten()

    def _proj(self, x: torch.Tensor, block: _Block, layer: int, kind: str, n: int,
              chunk: Chunk | None) -> torch.Tensor:
        """`x @ W + b` for projection `kind` (GPT-2's Conv1D) over the whole step (the first `n` rows are
        the decoding rows, the rest the chunk), plus each row's own low-rank update."""
        w, b = block.proj[kind]
        y = self.half.linear(x, layer, kind, b) if self.half is not None else torch.addmm(b, x, w)
        if self.lora is None:
            return y
        a, bb = self.row_a[kind][layer], self.row_b[kind][layer]  # [rows, in, r], [rows, r, out]
        parts = []
        if n:
            parts.append(torch.bmm(torch.bmm(x[:n, None], a[:n]), bb[:n]).squeeze(1))
        if chunk is not None:  # per piece, padded (a packed chunk is padded here: an adapter copy a piece)
            rows, xs = chunk.rows, x[n:]
            if chunk.packed is not None:
                rows = chunk.piece_rows
                xs = x.new_zeros(len(rows) * chunk.span, x.shape[1]).index_copy_(0, chunk.pad_slots, xs)
            ca, cb = a.index_select(0, rows), bb.index_select(0, rows)
            update = torch.bmm(torch.bmm(xs.view(len(rows), -1, xs.shape[1]), ca), cb).flatten(0, 1)
            parts.append(update if chunk.packed is None else update.index_select(0, chunk.pad_slots))
        return y + (torch.cat(parts) if len(parts) > 1 else parts[0])

    def _attend(self, layer: int, part: _Part, q: torch.Tensor, k: torch.Tensor,
                v: torch.Tensor) -> torch.Tensor:
        """Write this part's keys and values into the cache, then each query reads its row up to its
        own position. `q`, `k`, `v`: [rows * width, heads * head_dim], row-major."""
        heads, hd, m, width = self.heads, self.head_dim, part.rows, part.width
        cache_k, cache_v = self.k[layer], self.v[layer]  # [rows, heads, context + 1, hd]
        cache_k.view(-1, hd).index_copy_(0, part.slots, k.reshape(-1, hd))
        cache_v.view(-1, hd).index_copy_(0, part.slots, v.reshape(-1, hd))
        if part.packed is not None:  # fresh pieces end to end: each token reads its own piece's
            q, k, v = (t.view(1, m, heads, hd).transpose(1, 2) for t in (q, k, v))
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=part.packed, scale=self.scale)
            return out.transpose(1, 2).reshape(m, heads * hd)
        if part.mask is None:  # a fresh prefill: its tokens read one another, nothing of the cache
            q, k, v = (t.view(m, width, heads, hd).transpose(1, 2) for t in (q, k, v))
            out = F.scaled_dot_product_attention(q, k, v, is_causal=True, scale=self.scale)
            return out.transpose(1, 2).reshape(m * width, heads * hd)
        if part.cache_rows is None:  # the decoding rows are cache rows 0..m-1: read in place
            keys, values = cache_k[:m, :, :part.span], cache_v[:m, :, :part.span]
        else:
            keys = cache_k[:, :, :part.span].index_select(0, part.cache_rows)
            values = cache_v[:, :, :part.span].index_select(0, part.cache_rows)
        q = q.view(m, width, heads, hd).transpose(1, 2).reshape(m * heads, width, hd)
        # Batched matmuls rather than scaled_dot_product_attention: with one query a row (decode) its
        # CPU kernel costs more than the arithmetic. The mask is additive: 0 where a query may read.
        scores = torch.baddbmm(part.mask, q, keys.flatten(0, 1).transpose(1, 2), alpha=self.scale)
        out = torch.bmm(scores.softmax(-1), values.flatten(0, 1))  # [m * heads, width, hd]
        return out.view(m, heads, width, hd).transpose(1, 2).reshape(m * width, heads * hd)


@dataclass
class _Part:
    """One part of a step as attention sees it, the same in every layer: `rows` cache rows of `width`
    tokens each, the slots their keys and values go to, how far they read, their additive mask
    [rows * heads, width, span] (None: a fresh prefill, causal over its own tokens), which cache rows
    they are (None: the decoding rows 0..rows-1), and a packed fresh chunk's mask (`Chunk.packed`)."""

    rows: int
    width: int
    slots: torch.Tensor
    span: int
    mask: torch.Tensor | None
    cache_rows: torch.Tensor | None
    packed: torch.Tensor | None = None


class _Block:
    """One transformer block's weights, read from the model in place: its layer norms, and its four
    projections by kind (`proj[kind]` = (W [in, out], b); a shared base's projections are `RowLoRA`
    wrappers, their Conv1D is `.base`)."""

    def __init__(self, block) -> None:
        self.ln_1 = (block.ln_1.weight, block.ln_1.bias)
        self.ln_2 = (block.ln_2.weight, block.ln_2.bias)
        self.proj: dict[str, tuple[torch.Tensor, torch.Tensor]] = {}
        for kind in KINDS:
            conv = conv1d(block, kind)
            self.proj[kind] = (conv.weight, conv.bias)
