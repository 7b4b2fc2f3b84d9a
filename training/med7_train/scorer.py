"""Python-side span scorer: strict (exact span and label) and lenient (overlap, same label) F1."""
from collections import defaultdict

from .pretok import LABELS


def _prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(golds, preds):
    """golds, preds: lists (per sentence) of [start, end, label]. Returns a dict of metrics."""
    c = {m: defaultdict(lambda: [0, 0, 0]) for m in ("strict", "lenient")}
    for g, p in zip(golds, preds):
        g = [tuple(x) for x in g]
        p = [tuple(x) for x in p]
        gs, ps = set(g), set(p)
        for lab in LABELS:
            gl = [x for x in g if x[2] == lab]
            pl = [x for x in p if x[2] == lab]
            tp = sum(1 for x in pl if x in gs)
            c["strict"][lab][0] += tp
            c["strict"][lab][1] += len(pl) - tp
            c["strict"][lab][2] += len(gl) - tp
            # lenient: a prediction is correct if it overlaps a gold span of the same label
            used = set()
            tpl = 0
            for x in pl:
                for k, y in enumerate(gl):
                    if k not in used and x[0] < y[1] and y[0] < x[1]:
                        used.add(k)
                        tpl += 1
                        break
            c["lenient"][lab][0] += tpl
            c["lenient"][lab][1] += len(pl) - tpl
            c["lenient"][lab][2] += len(gl) - tpl
    out = {}
    for m in c:
        per = {lab: _prf(*c[m][lab]) + (c[m][lab][0] + c[m][lab][2],) for lab in LABELS}
        tot = [sum(c[m][lab][i] for lab in LABELS) for i in range(3)]
        out[m] = {"micro": _prf(*tot), "per_label": per}
    return out


def format_scores(sc, title=""):
    lines = [title] if title else []
    lines.append(f"{'label':<10} {'strict P':>8} {'R':>6} {'F1':>6} | {'lenient P':>9} {'R':>6} {'F1':>6} | n")
    for lab in LABELS:
        s = sc["strict"]["per_label"][lab]
        l = sc["lenient"]["per_label"][lab]
        lines.append(f"{lab:<10} {s[0]:8.3f} {s[1]:6.3f} {s[2]:6.3f} | {l[0]:9.3f} {l[1]:6.3f} {l[2]:6.3f} | {s[3]}")
    s, l = sc["strict"]["micro"], sc["lenient"]["micro"]
    lines.append(f"{'MICRO':<10} {s[0]:8.3f} {s[1]:6.3f} {s[2]:6.3f} | {l[0]:9.3f} {l[1]:6.3f} {l[2]:6.3f} |")
    return "\n".join(lines)
