"""Float16 copies of a GPT-2's weights for its forward on a CPU (`[pool] dtype`, auto or "float16").

A decode step reads every projection's weights once for a handful of rows, so on a CPU its matrix
products wait on memory more than on arithmetic: weights held as float16 halve the bytes a step
reads. A CPU without AVX-512 FP16 has no fast float16 arithmetic (a float16 matmul here is ~50x slower
than float32), so the math stays float32: fbgemm's fp16 GEMM widens the packed weights as it
multiplies. On the sample persona (one thread) the step runs 1.65x as fast on an AVX2 EPYC and 2.8x
on an AVX-512 one (where MKL's float32 GEMM is slow), the logits moving by under 1e-3. Once packed,
the float32 projections are let go (`release_float32`): a GPT-2 then takes 0.81x its float32 bytes
(the embeddings stay float32: they are also the tied head's weights).

Two forms of the same GEMM (bit-identical results): on one thread, fbgemm's direct call, which skips
torch's thread pool (~25% faster there); on more, the quantized op, which splits the work across them
(the direct call runs on one thread whatever torch is given). torch marks the direct call deprecated:
where an op is gone, or fbgemm refuses the CPU (it needs x86 with AVX2), `pack` says so once in the
log and returns None, and the forward stays float32.
"""

from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Iterator

import torch

from bot.pool.lora import KINDS, conv1d

log = logging.getLogger(__name__)

FP16_MAX = 65504.0  # a weight beyond this would become inf


class HalfWeights:
    """Packed float16 copies of a GPT-2's four projections in every block and of its output head."""

    def __init__(self, direct: bool, proj: dict[tuple[int, str], torch.Tensor], head: torch.Tensor,
                 vocab: int, nbytes: int) -> None:
        self.direct = direct  # fbgemm's one-thread call; else the quantized op (bias packed in)
        self.proj = proj  # (layer, kind) -> the packed [out, in] float16 matrix
        self.head = head
        self.head_bias = torch.zeros(vocab) if direct else None  # the direct call takes one
        self.nbytes = nbytes

    @classmethod
    def pack(cls, model, threads: int | None = None) -> HalfWeights | None:
        """The packed copies of `model` (a float32 GPT-2 on the CPU, or a shared base whose projections
        wrap their Conv1D as `.base`) for a forward on `threads` threads (default: torch's), or None,
        logged, where fbgemm's fp16 GEMM cannot run."""
        direct = _direct(threads)
        weights: dict[tuple[int, str], tuple[torch.Tensor, torch.Tensor]] = {}
        for layer, block in enumerate(model.transformer.h):
            for kind in KINDS:
                conv = conv1d(block, kind)
                weights[layer, kind] = (conv.weight.detach().t(), conv.bias.detach())  # [out, in]
        head = model.lm_head.weight.detach()
        matrices = [w for w, _ in weights.values()] + [head]
        why = None if direct else _unavailable(direct=False)
        if why is None and max(w.abs().max().item() for w in matrices) > FP16_MAX:
            why = "a weight is beyond float16's range"
        if why is not None:
            log.warning("[pool] float16 weights on a CPU: %s; the forward runs in float32", why)
            return None
        with torch.no_grad(), _quiet():
            proj = {where: _pack(direct, w, b) for where, (w, b) in weights.items()}
            half = cls(direct, proj, _pack(direct, head, None), head.shape[0],
                       2 * sum(w.numel() for w in matrices))
            half.logits(torch.zeros(1, head.shape[1]))  # the direct call's one warning, here and quiet
        return half

    def linear(self, x: torch.Tensor, layer: int, kind: str, bias: torch.Tensor) -> torch.Tensor:
        """`x @ W + bias` for projection `kind` of block `layer`, x float32 [tokens, in]."""
        if self.direct:
            return torch.fbgemm_linear_fp16_weight(x, self.proj[layer, kind], bias)
        return torch.ops.quantized.linear_dynamic_fp16(x, self.proj[layer, kind])

    def logits(self, x: torch.Tensor) -> torch.Tensor:
        """The head: `x @ wteᵀ`, x float32 [tokens, n_embd]."""
        if self.direct:
            return torch.fbgemm_linear_fp16_weight(x, self.head, self.head_bias)
        return torch.ops.quantized.linear_dynamic_fp16(x, self.head)


def release_float32(model) -> int:
    """Let go of the float32 projection matrices of `model`, packed (`HalfWeights.pack`): once the copies
    exist nothing reads them (the continuous forward reads the copies; the static path, which would,
    never runs a packed model). Each becomes an empty tensor, so a forward through transformers fails
    loudly rather than silently. The embeddings (also the tied head's weights), norms and biases stay.
    Returns the bytes let go."""
    freed = 0
    for block in model.transformer.h:
        for kind in KINDS:
            conv = conv1d(block, kind)
            weight = conv.weight
            freed += weight.numel() * weight.element_size()
            conv.weight = torch.nn.Parameter(weight.new_empty(0), requires_grad=False)
    return freed


def available(threads: int | None = None) -> bool:
    """Whether fbgemm's fp16 GEMM runs in this torch on this CPU in the form `pack` takes on `threads`
    threads (default: torch's): the direct call on one thread where it works, else the quantized op."""
    return _direct(threads) or _unavailable(direct=False) is None


def _direct(threads: int | None) -> bool:
    """Whether `pack` takes fbgemm's direct call on `threads` threads (default: torch's): on one
    thread, where the call works; else the quantized op."""
    return (threads or torch.get_num_threads()) == 1 and _unavailable(direct=True) is None


def _pack(direct: bool, w: torch.Tensor, bias: torch.Tensor | None) -> torch.Tensor:
    if direct:
        return torch.fbgemm_pack_gemm_matrix_fp16(w.contiguous())
    return torch.ops.quantized.linear_prepack_fp16(w.contiguous(), bias)


def _unavailable(direct: bool) -> str | None:
    """Why fbgemm's fp16 GEMM cannot run in this torch on this CPU (None: it can)."""
    if "fbgemm" not in torch.backends.quantized.supported_engines:
        return "fbgemm does not run on this CPU"
    try:  # an op gone from torch, or fbgemm refusing a CPU without AVX2, shows at the first pack
        with _quiet():
            _pack(direct, torch.zeros(8, 8), None)
    except (RuntimeError, AttributeError, NotImplementedError) as exc:
        return str(exc).splitlines()[0] or type(exc).__name__
    return None


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """torch's direct fp16 calls warn once a process that they are deprecated (the fallback above
    covers their removal): that once is inside this."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"fbgemm_\w+ is deprecated")
        yield
