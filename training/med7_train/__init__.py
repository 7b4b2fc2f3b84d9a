"""Training pipeline for the med7-compact token-classification model."""
import os

from .blas import choose_openblas_kernels

# Both must be set before any submodule imports torch, which loads OpenMP and OpenBLAS once.
# Idle OpenMP threads must sleep, not spin, or on 2 cores they steal time from the BLAS thread and
# fine-tuning runs about twice as slow (build.sh sets the same).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# OpenBLAS 0.3.21 runs CPUs newer than itself on SSE3 kernels: see blas.py.
choose_openblas_kernels()
