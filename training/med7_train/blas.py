"""Pick OpenBLAS's kernels from the CPU's instruction sets when OpenBLAS would guess wrong.

Debian's torch does its matrix products in the system OpenBLAS (0.3.21 in bookworm). That version
does not know CPUs newer than itself: on a 2-core Xeon of family 6, model 207 it falls back to its
`Prescott` kernels (SSE3), and a training step takes about three times as long as with its AVX-512
kernels (measured: 0.71-0.81 s against 0.24-0.29 s for a 32 x 24 fine-tuning batch). OpenBLAS reads
OPENBLAS_CORETYPE once, when torch loads it, so this must run before `import torch`."""
import os

# The instruction sets each OpenBLAS kernel family needs, fastest first.
_KERNELS = (
    ("SkylakeX", {"avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma"}),
    ("Haswell", {"avx2", "fma"}),
)


def kernel_for(flags):
    """The OpenBLAS core type whose kernels the CPU flags allow, or None (leave it to OpenBLAS)."""
    for name, needed in _KERNELS:
        if needed <= flags:
            return name
    return None


def cpu_flags(cpuinfo="/proc/cpuinfo"):
    try:
        with open(cpuinfo, encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def choose_openblas_kernels(environ=os.environ):
    """Set OPENBLAS_CORETYPE unless the user has; returns the value in effect (None: OpenBLAS decides).

    For a CPU that OpenBLAS recognises this names single-precision kernels as fast as those it would
    pick itself (its Zen target reuses the Haswell kernels, Cooper Lake the SkylakeX ones), so setting
    it always is simpler than first asking OpenBLAS what it detected."""
    if environ.get("OPENBLAS_CORETYPE"):
        return environ["OPENBLAS_CORETYPE"]
    name = kernel_for(cpu_flags())
    if name:
        environ["OPENBLAS_CORETYPE"] = name
    return name
