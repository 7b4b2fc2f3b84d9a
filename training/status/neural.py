"""A learned status classifier on the shipped encoder, measured against the rules.

The encoder of models/med7-compact (its fp32 ONNX weights) reads the drug's record with the drug's
pieces marked (token type 1); a head over [CLS] and the drug's pieces gives one of the seven
statuses. It is scored leave-one-part-out over the status dev parts B-J against the rules as they
stood before each part was first scored (training/status/experiment.sh's `fresh` rules), alone
and where the rules found no cue (their default `active`). Records of the shared dev.jsonl are
never trained on; gold/status-test.jsonl and gold/status-ade-test.jsonl are never read here.

  python3 training/status/neural.py cv FEATURES_FRESH FEATURES_NOW [--epochs N] [--no-probes]
"""
import argparse
import collections
import json
import math
import os
import random
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from torch import nn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from med7_train.model import Bert, Config  # noqa: E402
from med7_train.pretok import pretokenize  # noqa: E402
from med7_train.tokenizer import CLS, SEP, WordPiece  # noqa: E402

STATUSES = ["allergy", "negated", "stopped", "held", "planned", "given", "active"]
SAFETY_GOLD = {"allergy", "negated", "stopped"}
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
MODEL = os.path.join(ROOT, "models", "med7-compact")
MAX_PIECES = int(os.environ.get("MAX_PIECES", "64"))
LEFT_PIECES = MAX_PIECES * 2 // 3


def load_jsonl(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def encoder_from_onnx():
    """The shipped encoder's weights, read from its fp32 ONNX graph into the training Bert."""
    cfg = json.load(open(os.path.join(MODEL, "config.json")))
    c = Config(vocab_size=cfg["vocab_size"], hidden_size=cfg["hidden_size"],
               num_hidden_layers=cfg["num_hidden_layers"], num_attention_heads=cfg["num_attention_heads"],
               intermediate_size=cfg["intermediate_size"], max_position_embeddings=cfg["max_position_embeddings"])
    bert = Bert(c)
    g = onnx.load(os.path.join(MODEL, "onnx", "model.onnx")).graph
    init = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    state = {}
    for name, arr in init.items():
        if name.startswith("m.bert."):
            state[name[len("m.bert."):]] = torch.tensor(arr)
    # A linear layer's weight is an anonymous MatMul initializer; its Add with the named bias says whose.
    produced_by = {o: n for n in g.node for o in n.output}
    for n in g.node:
        if n.op_type != "Add":
            continue
        bias = next((i for i in n.input if i.startswith("m.bert.layers.") and i.endswith(".bias")), None)
        src = next((produced_by.get(i) for i in n.input if i in produced_by), None)
        if bias is None or src is None or src.op_type != "MatMul":
            continue
        weight = next((i for i in src.input if i in init), None)
        if weight is not None:
            state[bias[len("m.bert."):-len(".bias")] + ".weight"] = torch.tensor(init[weight].T.copy())
    missing, unexpected = bert.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise SystemExit(f"encoder weights: missing {missing}, unexpected {unexpected}")
    return bert


class StatusNet(nn.Module):
    def __init__(self, bert):
        super().__init__()
        self.bert = bert
        h = bert.config.hidden_size
        self.drop = nn.Dropout(0.1)
        self.head = nn.Linear(2 * h, len(STATUSES))

    def forward(self, ids, mask, types):
        x = self.bert(ids, mask, types)
        drug = types.unsqueeze(-1).float()
        pooled = (x * drug).sum(1) / drug.sum(1).clamp(min=1.0)
        return self.head(self.drop(torch.cat([x[:, 0], pooled], dim=-1)))


def encode(wp, text, start, end):
    """Piece ids and token types (1 on the drug) of a window of the record around the drug."""
    ids, types = [], []
    for s, e, tok in pretokenize(text):
        pcs = wp.encode_word(tok)
        ids.extend(pcs)
        types.extend([1 if s < end and e > start else 0] * len(pcs))
    first = types.index(1) if 1 in types else 0
    lo = max(0, first - LEFT_PIECES)
    hi = min(len(ids), lo + MAX_PIECES - 2)
    lo = max(0, hi - (MAX_PIECES - 2))
    return [CLS] + ids[lo:hi] + [SEP], [0] + types[lo:hi] + [0]


def examples(wp, rows, texts):
    out = []
    for r in rows:
        ids, types = encode(wp, texts[r["id"]], r["start"], r["end"])
        out.append((ids, types, STATUSES.index(r["gold"])))
    return out


def batches(data, size, shuffle, rng):
    # Batches of similar length (sorted, then the batches shuffled), so little of each is padding.
    order = sorted(range(len(data)), key=lambda j: len(data[j][0]))
    starts = list(range(0, len(order), size))
    if shuffle:
        rng.shuffle(starts)
    for i in starts:
        chunk = [data[j] for j in order[i:i + size]]
        n = max(len(c[0]) for c in chunk)
        ids = torch.zeros(len(chunk), n, dtype=torch.long)
        types = torch.zeros(len(chunk), n, dtype=torch.long)
        mask = torch.zeros(len(chunk), n, dtype=torch.long)
        for k, (a, t, _) in enumerate(chunk):
            ids[k, :len(a)] = torch.tensor(a)
            types[k, :len(t)] = torch.tensor(t)
            mask[k, :len(a)] = 1
        yield ids, mask, types, torch.tensor([c[2] for c in chunk]), [order[j] for j in range(i, i + len(chunk))]


def train(data, epochs, seed, lr):
    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = StatusNet(encoder_from_onnx())
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(data) / 32)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps))
    net.train()
    for _ in range(epochs):
        for ids, mask, types, y, _ in batches(data, 32, True, rng):
            loss = nn.functional.cross_entropy(net(ids, mask, types), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    net.eval()
    return net


def predict(net, data):
    probs = [None] * len(data)
    with torch.no_grad():
        for ids, mask, types, _, idx in batches(data, 64, False, None):
            p = torch.softmax(net(ids, mask, types), -1).numpy()
            for k, i in enumerate(idx):
                probs[i] = p[k]
    return probs


def score(name, gold, pred):
    n = len(gold)
    right = sum(g == p for g, p in zip(gold, pred))
    safety = sum(g in SAFETY_GOLD and p in ("active", "given") for g, p in zip(gold, pred))
    f1s = []
    for s in STATUSES:
        tp = sum(g == s and p == s for g, p in zip(gold, pred))
        fp = sum(g != s and p == s for g, p in zip(gold, pred))
        fn = sum(g == s and p != s for g, p in zip(gold, pred))
        if tp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    print(f"{name:<44} {n:>5} acc {right / n:.3f} ({right}) macroF1 {np.mean(f1s):.3f} safety {safety}")
    return right


def texts_of(paths):
    out = {}
    for p in paths:
        for r in load_jsonl(p):
            out[r["id"]] = r["text"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["cv"])
    ap.add_argument("fresh")
    ap.add_argument("now")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-probes", action="store_true")
    ap.add_argument("--parts", default="b,c,d,e,f,g,h,i,j")
    ap.add_argument("--threshold", type=float, default=0.0)
    args = ap.parse_args()
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    gold_dir = os.path.join(ROOT, "gold")
    texts = texts_of([os.path.join(gold_dir, f) for f in os.listdir(gold_dir)
                      if f.startswith("status-") and f.endswith(".jsonl")
                      and f not in ("status-test.jsonl", "status-ade-test.jsonl")])
    wp = WordPiece.load(os.path.join(MODEL, "tokenizer.json"))
    fresh = [r for r in load_jsonl(args.fresh) if not r["shared"] and r["gold"]]
    now = [r for r in load_jsonl(args.now) if not r["shared"] and r["gold"]]
    dev_now = [r for r in now if r["part"].startswith("status-dev")]
    probes = [r for r in now if r["part"] == "status-probes"]
    totals = collections.Counter()
    for part in args.parts.split(","):
        name = f"status-dev-{part}"
        held = [r for r in fresh if r["part"] == name]
        train_rows = [r for r in dev_now if r["part"] != name] + ([] if args.no_probes else probes)
        net = train(examples(wp, train_rows, texts), args.epochs, args.seed, args.lr)
        probs = predict(net, examples(wp, held, texts))
        gold = [r["gold"] for r in held]
        rules = [r["rules"] for r in held]
        alone = [STATUSES[int(np.argmax(p))] for p in probs]
        combo = [ru if r["cued"] or max(p) < args.threshold else STATUSES[int(np.argmax(p))]
                 for r, ru, p in zip(held, rules, probs)]
        print(f"== {name} (trained on {len(train_rows)})")
        for key, pred in (("rules", rules), ("learned", alone), ("combo", combo)):
            totals[key] += score(f"  {key}", gold, pred)
            totals[key + ":n"] += len(gold)
        unc = [i for i, r in enumerate(held) if not r["cued"]]
        for key, pred in (("rules", rules), ("learned", alone)):
            totals["uncued " + key] += sum(gold[i] == pred[i] for i in unc)
        totals["uncued:n"] += len(unc)
        sys.stdout.flush()
    n = totals["rules:n"]
    print(f"== pooled over {n} drugs: rules {totals['rules']}, learned {totals['learned']}, combo {totals['combo']};"
          f" uncued {totals['uncued:n']}: rules {totals['uncued rules']}, learned {totals['uncued learned']}")


if __name__ == "__main__":
    main()
