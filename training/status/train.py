"""A learned status classifier, measured against the rules (docs/status.md, "A learned classifier?").

Multinomial logistic regression (numpy only, full-batch Adam, deterministic) over the context
features that scripts/status-features.ts dumps, evaluated leave-one-part-out over the status dev
parts. Records of the shared dev.jsonl (`shared: true`) are evaluated but never trained on.
It did not beat the rules on held-out parts, so nothing of it ships; training/status/experiment.sh
reruns it.

  python3 training/status/train.py cv FEATURES.jsonl [--no-rules] [--drop-part PART] [--dump OUT]
"""
import collections
import json
import os
import sys

import numpy as np

STATUSES = ["allergy", "negated", "stopped", "held", "planned", "given", "active"]
SAFETY_GOLD = {"allergy", "negated", "stopped"}
SAFETY_PRED = {"active", "given"}
MIN_COUNT = int(os.environ.get("MIN_COUNT", "2"))
L2 = float(os.environ.get("L2", "1.0"))
EPOCHS = 300
LR = 0.5


def load(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def strip_rules(rows):
    for r in rows:
        r["features"] = [f for f in r["features"] if not f.startswith(("r=", "cue="))]
    return rows


def vocab(rows):
    counts = collections.Counter(f for r in rows for f in set(r["features"]))
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT or f == "bias"))}


def matrix(rows, index):
    x = np.zeros((len(rows), len(index)))
    for n, r in enumerate(rows):
        for f in r["features"]:
            i = index.get(f)
            if i is not None:
                x[n, i] = 1.0
    return x


def fit(rows):
    index = vocab(rows)
    x = matrix(rows, index)
    y = np.array([STATUSES.index(r["gold"]) for r in rows])
    onehot = np.eye(len(STATUSES))[y]
    w = np.zeros((x.shape[1], len(STATUSES)))
    # Full-batch gradient descent with Adam; deterministic.
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, EPOCHS + 1):
        z = x @ w
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = x.T @ (p - onehot) / len(rows) + L2 * w / len(rows)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= LR * 0.1 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return index, w


def probabilities(index, w, rows):
    z = matrix(rows, index) @ w
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def predict(index, w, rows):
    return [STATUSES[i] for i in probabilities(index, w, rows).argmax(axis=1)]


def report(name, gold, pred):
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    f1s = []
    lines = []
    for s in STATUSES:
        tp = sum(g == s and p == s for g, p in zip(gold, pred))
        ng = sum(g == s for g in gold)
        np_ = sum(p == s for p in pred)
        if ng == 0 and np_ == 0:
            continue
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        f1s.append(f1)
        lines.append(f"  {s:8s} P {pr:.3f} R {rc:.3f} F1 {f1:.3f} (gold {ng}, predicted {np_})")
    safety = sum(g in SAFETY_GOLD and p in SAFETY_PRED for g, p in zip(gold, pred))
    print(f"{name}: n {len(gold)} accuracy {acc:.3f} macro-F1 {np.mean(f1s):.3f} safety {safety}", flush=True)
    return lines


def cv(rows, key):
    parts = sorted({r[key] for r in rows})
    pred = {}
    for part in parts:
        train = [r for r in rows if r[key] != part and not r["shared"]]
        test = [r for r in rows if r[key] == part]
        index, w = fit(train)
        for r, p in zip(test, probabilities(index, w, test)):
            r["probs"] = [round(float(v), 4) for v in p]
            pred[id(r)] = STATUSES[int(p.argmax())]
    return [pred[id(r)] for r in rows]


def main():
    mode, path = sys.argv[1], sys.argv[2]
    rows = load(path)
    if "--drop-part" in sys.argv:
        drop = sys.argv[sys.argv.index("--drop-part") + 1]
        rows = [r for r in rows if r["part"] != drop]
    if "--no-rules" in sys.argv:
        rows = strip_rules(rows)
    if mode != "cv":
        sys.exit(__doc__)
    learned = cv(rows, "part")
    gold = [r["gold"] for r in rows]
    rules = [r["rules"] for r in rows]
    for part in sorted({r["part"] for r in rows}):
        sel = [i for i, r in enumerate(rows) if r["part"] == part]
        report(f"{part} rules ", [gold[i] for i in sel], [rules[i] for i in sel])
        report(f"{part} learned", [gold[i] for i in sel], [learned[i] for i in sel])
    print("\n".join(report("ALL rules", gold, rules)))
    print("\n".join(report("ALL learned (held out)", gold, learned)))
    if "--dump" in sys.argv:
        with open(sys.argv[sys.argv.index("--dump") + 1], "w") as out:
            for r in rows:
                keep = ("part", "id", "note", "shared", "gold", "rules", "probs")
                out.write(json.dumps({k: r[k] for k in keep}) + "\n")

if __name__ == "__main__":
    main()
