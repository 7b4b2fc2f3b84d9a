"""Training pipeline for the med7-compact token-classification model."""
from .blas import choose_openblas_kernels

# Before any submodule imports torch (and with it OpenBLAS): see blas.py.
choose_openblas_kernels()
