"""A cache of pre-trained (masked-LM) encoders, so that experiments on the fine-tuning data cost only
the fine-tuning.

Pre-training is half of a full build (about 40 of its 70 minutes on 2 cores), and it does not depend on
the fine-tuning data: a label experiment (decoys, more negatives, new hand annotations) judged on two
seeds would otherwise spend 80 of its 140 minutes recomputing encoders it already had. Fine-tuning
reseeds itself (train.seed_all), so a build from a cached encoder gives what a build from scratch gives.

The key holds everything the encoder's weights depend on: the packed MLM sequences themselves (and so
the vocabulary and text), the model shape, steps, learning rate, seed, precision, device, threads, the
numeric library (torch version, OpenBLAS kernels), and the source of the model and training code (an edit
there, say to the masking rate or batch size, must not be served an encoder trained the old way).
"""
import hashlib
import json
import os
from pathlib import Path

import torch

from .model import BertMLM


CODE = [Path(__file__).with_name("train.py"), Path(__file__).with_name("model.py")]


def cache_key(seqs, config, steps, lr, seed, precision, device, threads):
    code = hashlib.sha256(b"".join(p.read_bytes() for p in CODE)).hexdigest()
    h = hashlib.sha256()
    for s in seqs:
        h.update(b",".join(str(i).encode() for i in s))
        h.update(b"\n")
    recipe = {"sequences": h.hexdigest(), "config": vars(config), "steps": steps, "lr": lr, "seed": seed,
              "precision": precision, "device": device, "threads": threads, "torch": torch.__version__,
              "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"), "code": code}
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:20]


class MlmCache:
    def __init__(self, folder):
        self.folder = Path(folder)

    def path(self, key):
        return self.folder / f"mlm-{key}.pt"

    def load(self, key, config):
        """The cached encoder for `key` as a BertMLM, or None if there is none or it cannot be read
        (a truncated file from an interrupted build is recomputed, not trusted)."""
        p = self.path(key)
        if not p.exists():
            return None
        try:
            saved = torch.load(p, map_location="cpu")
            model = BertMLM(config)
            model.load_state_dict(saved["state_dict"])
        except Exception:  # noqa: BLE001 — any unreadable cache entry means "not cached"
            return None
        return model

    def encoder(self, key, config, train, log=print):
        """(encoder, cached): the cached one for `key`, else `train()`'s, kept under `key`."""
        model = self.load(key, config)
        if model is not None:
            log(f"MLM encoder from the cache: {self.path(key)}")
            return model, True
        model = train()
        log(f"MLM encoder cached: {self.save(key, model)}")
        return model, False

    def save(self, key, model):
        """Write atomically: a build killed mid-write leaves no half file under the real name."""
        self.folder.mkdir(parents=True, exist_ok=True)
        p = self.path(key)
        tmp = p.with_suffix(".tmp")
        torch.save({"state_dict": {k: v.detach().cpu() for k, v in model.state_dict().items()}}, tmp)
        os.replace(tmp, p)
        return p
