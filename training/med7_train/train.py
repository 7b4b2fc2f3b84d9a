"""MLM pre-training and token-classification fine-tuning (seeded; CPU by default, CUDA for recipe searches)."""
import math
import random
import time

import torch
import torch.nn.functional as F

from .model import BertMLM, BertTokenClassifier
from .tokenizer import CLS, MASK, PAD, SEP


def seed_all(seed):
    random.seed(seed)
    torch.manual_seed(seed)


def _lr_lambda(total, warmup):
    def f(step):
        if step < warmup:
            return (step + 1) / warmup
        return max(0.02, 1.0 - (step - warmup) / max(1, total - warmup))
    return f


def _optimizer_step(model, opt, sched, loss):
    """One update, the same for MLM and fine-tuning: gradients clipped to norm 1, then the schedule."""
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()


def pack_mlm(wp, docs, max_len=128):
    """Pack consecutive sentences of each document into sequences of at most max_len pieces."""
    seqs = []
    for doc in docs:
        cur = []
        for s in doc:
            from .pretok import pretokenize
            ids = [i for t in pretokenize(s) for i in wp.encode_word(t[2])]
            if len(ids) > max_len - 2:
                ids = ids[: max_len - 2]
            if len(cur) + len(ids) > max_len - 2 and cur:
                seqs.append([CLS] + cur + [SEP])
                cur = []
            cur.extend(ids)
        if len(cur) > 8:
            seqs.append([CLS] + cur + [SEP])
    return seqs


def pretrain(config, wp, seqs, steps, batch_size=32, lr=5e-4, seed=0, log=print, max_len=128, device="cpu",
             precision="fp32"):
    """Masked-LM pre-training. precision "bf16" runs the forward pass under bfloat16 autocast (see
    precision.py); the weights it returns are float32 either way."""
    seed_all(seed)
    model = BertMLM(config).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, betas=(0.9, 0.98), eps=1e-6)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, _lr_lambda(steps, max(1, steps // 20)))
    rng = random.Random(seed)
    order = list(range(len(seqs)))
    rng.shuffle(order)
    pos = 0
    V = config.vocab_size
    t0 = time.time()
    model.train()
    for step in range(steps):
        if pos + batch_size > len(order):
            rng.shuffle(order)
            pos = 0
        batch = [seqs[i] for i in order[pos:pos + batch_size]]
        pos += batch_size
        L = max(len(s) for s in batch)
        ids = torch.full((len(batch), L), PAD, dtype=torch.long)
        am = torch.zeros((len(batch), L), dtype=torch.long)
        for k, s in enumerate(batch):
            ids[k, :len(s)] = torch.tensor(s)
            am[k, :len(s)] = 1
        special = (ids == PAD) | (ids == CLS) | (ids == SEP)
        prob = torch.rand(ids.shape)
        sel = (prob < 0.15) & ~special
        labels = ids[sel]
        inp = ids.clone()
        r = torch.rand(ids.shape)
        inp[sel & (r < 0.8)] = MASK
        rnd = sel & (r >= 0.8) & (r < 0.9)
        inp[rnd] = torch.randint(5, V, (int(rnd.sum()),))
        positions = sel.view(-1).nonzero().squeeze(1)
        inp, am, labels, positions = inp.to(device), am.to(device), labels.to(device), positions.to(device)
        with torch.autocast(device.split(":")[0], dtype=torch.bfloat16, enabled=precision == "bf16"):
            logits = model(inp, am, torch.zeros_like(inp), positions)
        loss = F.cross_entropy(logits.float(), labels)
        _optimizer_step(model, opt, sched, loss)
        if step % 50 == 0 or step == steps - 1:
            log(f"mlm step {step}/{steps} loss {loss.item():.3f} lr {sched.get_last_lr()[0]:.2e} "
                f"{time.time() - t0:.0f}s")
    return model


class TailAverage:
    """A running mean of a model's weights, taken every `every` steps from step `start` on.

    Tail averaging (stochastic weight averaging without a cyclic schedule): the last stretch of a
    linear schedule still wanders between nearby solutions, and their mean is usually as good as the
    best of them and less dependent on where the seed's last batches happened to leave the weights.
    The model has LayerNorm only (no batch statistics), so the mean needs no recalibration."""

    def __init__(self, start, every=10):
        self.start, self.every = start, every
        self.count = 0
        self.state = None

    def update(self, model, step):
        if step < self.start or (step - self.start) % self.every:
            return
        self.count += 1
        current = model.state_dict()
        if self.state is None:
            self.state = {k: v.detach().to("cpu", copy=True) for k, v in current.items()}
            return
        for k, v in current.items():
            if v.is_floating_point():
                self.state[k] += (v.detach().cpu() - self.state[k]) / self.count


def finetune(config, encoded, steps, init_bert=None, batch_size=32, lr=3e-4, seed=0, log=print,
             eval_fn=None, eval_every=0, class_weight_o=1.0, device="cpu", tail_average=None):
    """encoded: list of (ids, labels). Length-bucketed batches, linear schedule.
    tail_average: a TailAverage to feed after every step (the caller reads its mean)."""
    seed_all(seed)
    model = BertTokenClassifier(config)
    if init_bert is not None:
        model.bert.load_state_dict(init_bert.state_dict())
    model.to(device)
    no_decay = [p for p in model.parameters() if p.dim() == 1]
    decay = [p for p in model.parameters() if p.dim() > 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=lr, betas=(0.9, 0.98), eps=1e-6)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, _lr_lambda(steps, max(1, steps // 10)))
    rng = random.Random(seed + 1)
    weight = torch.ones(config.num_labels)
    weight[0] = class_weight_o
    weight = weight.to(device)

    def batches():
        while True:
            idx = list(range(len(encoded)))
            rng.shuffle(idx)
            # bucket by length within chunks of 50 batches
            chunk = batch_size * 50
            bs = []
            for c in range(0, len(idx), chunk):
                part = sorted(idx[c:c + chunk], key=lambda i: len(encoded[i][0]))
                bs.extend(part[k:k + batch_size] for k in range(0, len(part), batch_size))
            rng.shuffle(bs)
            yield from bs

    it = batches()
    t0 = time.time()
    best = None
    for step in range(steps):
        model.train()
        b = next(it)
        L = max(len(encoded[i][0]) for i in b)
        ids = torch.full((len(b), L), PAD, dtype=torch.long)
        am = torch.zeros((len(b), L), dtype=torch.long)
        lab = torch.full((len(b), L), -100, dtype=torch.long)
        for k, i in enumerate(b):
            x, y = encoded[i]
            ids[k, :len(x)] = torch.tensor(x)
            am[k, :len(x)] = 1
            lab[k, :len(y)] = torch.tensor(y)
        ids, am, lab = ids.to(device), am.to(device), lab.to(device)
        logits = model(ids, am, torch.zeros_like(ids))
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), lab.view(-1), weight=weight, ignore_index=-100)
        _optimizer_step(model, opt, sched, loss)
        if tail_average is not None:
            tail_average.update(model, step)
        if step % 50 == 0 or step == steps - 1:
            log(f"ner step {step}/{steps} loss {loss.item():.4f} lr {sched.get_last_lr()[0]:.2e} {time.time() - t0:.0f}s")
        if eval_fn and eval_every and (step + 1) % eval_every == 0 and step + 1 < steps:
            eval_fn(model, step + 1)
    return model
