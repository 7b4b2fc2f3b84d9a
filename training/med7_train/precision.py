"""Whether MLM pre-training does its matrix products in bfloat16.

On a CPU with native bfloat16 instructions (AVX512_BF16, or AMX's tile unit) torch's autocast runs
the encoder's matrix products in bfloat16 through oneDNN, while the weights, the optimiser and the
loss stay in float32. On the 2-core build Xeon an MLM step (batch 32 x 128) took 0.57-0.64 s that
way against 1.05-1.11 s in float32, which is what lets 4,000 pre-training steps fit the 90-minute
build. Without those instructions bfloat16 is emulated and slower than float32, so `auto` keeps
float32 there: the build is then slower, not different in kind."""
from .blas import cpu_flags

CHOICES = ("auto", "fp32", "bf16")
_NATIVE_BF16 = {"avx512_bf16", "amx_bf16"}


def mlm_precision(choice, flags=None, device="cpu"):
    """Resolve a --mlm-precision choice to "bf16" or "fp32" for this machine."""
    if choice not in CHOICES:
        raise ValueError(f"MLM precision must be one of {', '.join(CHOICES)}, not {choice!r}")
    if choice != "auto":
        return choice
    if device != "cpu":
        # a lent GPU (recipe searches; H100 and H200 so far) multiplies bfloat16 natively
        return "bf16"
    return "bf16" if _NATIVE_BF16 & (cpu_flags() if flags is None else flags) else "fp32"
