import random

import pytest
import torch

from med7_train import build
from med7_train.model import Config
from med7_train.precision import mlm_precision
from med7_train.train import pretrain

AVX512 = {"avx2", "fma", "avx512f", "avx512bw"}


def test_auto_uses_bf16_only_where_the_cpu_multiplies_it_natively():
    assert mlm_precision("auto", AVX512 | {"avx512_bf16"}) == "bf16"
    assert mlm_precision("auto", AVX512 | {"amx_bf16", "amx_tile"}) == "bf16"
    assert mlm_precision("auto", AVX512) == "fp32"  # emulated bfloat16 would be slower than float32
    assert mlm_precision("auto", set()) == "fp32"


def test_an_explicit_choice_is_kept_whatever_the_cpu():
    assert mlm_precision("fp32", AVX512 | {"amx_bf16"}) == "fp32"
    assert mlm_precision("bf16", set()) == "bf16"


def test_an_unknown_choice_is_an_error():
    with pytest.raises(ValueError, match="fp16"):
        mlm_precision("fp16", set())


def test_the_option_overrides_the_preset():
    assert build.parse_args([])[1]["mlm_precision"] == build.PRESETS["full"]["mlm_precision"]
    assert build.parse_args(["--mlm-precision", "bf16"])[1]["mlm_precision"] == "bf16"


def _tiny_pretrain(**precision):
    cfg = Config(vocab_size=60, hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
    rng = random.Random(3)
    seqs = [[2] + [rng.randrange(5, 60) for _ in range(rng.randrange(8, 20))] + [3] for _ in range(40)]
    logged = []
    model = pretrain(cfg, None, seqs, steps=6, batch_size=8, seed=1, log=logged.append, **precision)
    return model, logged


def test_bf16_pretraining_trains_float32_weights_with_a_finite_loss():
    # torch 1.13's CPU layer_norm rejected the MLM head's bfloat16 activations before model.py cast them
    model, logged = _tiny_pretrain(precision="bf16")
    assert all(p.dtype == torch.float32 and torch.isfinite(p).all() for p in model.parameters())
    losses = [float(line.split(" loss ")[1].split()[0]) for line in logged]
    assert losses and all(0 < x < 20 for x in losses)


def test_fp32_pretraining_is_what_it_was_before_the_option():
    # the same seed gives the same weights whether precision is left out or given as fp32
    a, _ = _tiny_pretrain(precision="fp32")
    b, _ = _tiny_pretrain()
    assert all(torch.equal(x, y) for x, y in zip(a.state_dict().values(), b.state_dict().values()))
