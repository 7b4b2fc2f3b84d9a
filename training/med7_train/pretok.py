"""Pre-tokenisation contract shared with the TypeScript side, and BIO conversion.

Pre-tokens are maximal runs of letters, maximal runs of decimal digits, or any single other
non-whitespace character; whitespace is dropped.
"""
import re

LABELS = ["DRUG", "STRENGTH", "FORM", "ROUTE", "DOSAGE", "FREQUENCY", "DURATION"]
BIO = ["O"] + [f"{p}-{l}" for l in LABELS for p in ("B", "I")]
LABEL2ID = {l: i for i, l in enumerate(BIO)}
PRETOKEN_RE = re.compile(r"[^\W\d_]+|\d+|\S")


def pretokenize(text):
    """Return a list of (start, end, token_text)."""
    return [(m.start(), m.end(), m.group()) for m in PRETOKEN_RE.finditer(text)]


def spans_to_bio(text, entities, toks=None):
    """Map character spans to per-pre-token BIO tags.

    Returns (tags, misaligned) where misaligned lists entities whose boundaries fall inside a
    pre-token (they are still tagged on the pre-tokens they overlap).
    """
    toks = toks if toks is not None else pretokenize(text)
    tags = ["O"] * len(toks)
    misaligned = []
    for s, e, lab in entities:
        idx = [i for i, (ts, te, _) in enumerate(toks) if ts < e and te > s]
        if not idx:
            misaligned.append((s, e, lab))
            continue
        if toks[idx[0]][0] != s or toks[idx[-1]][1] != e:
            misaligned.append((s, e, lab))
        for k, i in enumerate(idx):
            tags[i] = ("B-" if k == 0 else "I-") + lab
    return tags, misaligned


def bio_to_spans(toks, tags):
    """Decode BIO tags (lenient: a stray I- starts an entity) into [start, end, label] spans."""
    spans = []
    cur = None
    for (s, e, _), t in zip(toks, tags):
        if t == "O":
            if cur:
                spans.append(cur)
            cur = None
            continue
        p, lab = t.split("-", 1)
        if p == "B" or cur is None or cur[2] != lab:
            if cur:
                spans.append(cur)
            cur = [s, e, lab]
        else:
            cur[1] = e
    if cur:
        spans.append(cur)
    return spans
