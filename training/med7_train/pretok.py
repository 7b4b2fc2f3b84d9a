"""Pre-tokenisation contract shared with the TypeScript side, and BIO conversion.

Pre-tokens are maximal runs of letters, maximal runs of decimal digits, or any single other
non-whitespace character; whitespace is dropped. A soft hyphen or zero-width character between two
letters or two digits stays in the run, and a letter run is cut where its script changes (CJK,
Arabic, Hebrew, Indic, Thai, other alphabets), as in src/core/decode/pretokenize.ts.
"""
import re
import unicodedata

LABELS = ["DRUG", "STRENGTH", "FORM", "ROUTE", "DOSAGE", "FREQUENCY", "DURATION"]
BIO = ["O"] + [f"{p}-{l}" for l in LABELS for p in ("B", "I")]
LABEL2ID = {l: i for i, l in enumerate(BIO)}
# a soft hyphen or zero-width character between two letters or two digits stays in the run
# (INVISIBLE_CLASS in src/core/decode/pretokenize.ts); no training text has one
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")


def visible_text(text):
    """visibleText in src/core/decode/pretokenize.ts: `text` without its invisible characters."""
    return _INVISIBLE_RE.sub("", text)


PRETOKEN_RE = re.compile(rf"[^\W\d_]+(?:[{_INVISIBLE}]+[^\W\d_]+)*|\d+(?:[{_INVISIBLE}]+\d+)*|\S")

# SCRIPT_RANGES in src/core/decode/pretokenize.ts: a letter run is cut where its script changes between
# these and the other alphabets (`患者はLasix` → `患者は`, `Lasix`); no training text has such a run
_SCRIPT_RANGES = [
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x0870, 0x08FF, "arabic"), (0x0900, 0x0DFF, "indic"), (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "cjk"), (0x2E80, 0x2FDF, "cjk"), (0x3005, 0x3007, "cjk"), (0x3021, 0x3029, "cjk"),
    (0x3031, 0x3035, "cjk"), (0x3038, 0x303C, "cjk"), (0x3040, 0x318F, "cjk"), (0x31A0, 0x31FF, "cjk"),
    (0x3400, 0x4DBF, "cjk"), (0x4E00, 0x9FFF, "cjk"), (0xA960, 0xA97F, "cjk"), (0xAC00, 0xD7FF, "cjk"),
    (0xF900, 0xFAFF, "cjk"), (0xFB1D, 0xFB4F, "hebrew"), (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFE, "arabic"), (0xFF66, 0xFFDC, "cjk"), (0x20000, 0x3134F, "cjk"),
]


def script_of_char(ch):
    """scriptOfChar in src/core/decode/pretokenize.ts: the script of a letter (one of _SCRIPT_RANGES'
    or "other"), None for anything that is not a letter (category L*)."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    code = ord(ch)
    for first, last, script in _SCRIPT_RANGES:
        if code < first:
            break
        if code <= last:
            return script
    return "other"


def script_of(text):
    """scriptOf in src/core/decode/pretokenize.ts: the script of a pre-token's first letter, or None."""
    for ch in text:
        script = script_of_char(ch)
        if script is not None:
            return script
    return None


def _split_scripts(start, value):
    if value.isascii():
        return [(start, start + len(value), value)]
    out, frm, current = [], 0, None
    for at, ch in enumerate(value):
        script = script_of_char(ch)
        if script is None:
            continue
        if current is not None and script != current:
            out.append((start + frm, start + at, value[frm:at]))
            frm = at
        current = script
    out.append((start + frm, start + len(value), value[frm:]))
    return out


def pretokenize(text):
    """Return a list of (start, end, token_text)."""
    return [tok for m in PRETOKEN_RE.finditer(text) for tok in _split_scripts(m.start(), m.group())]


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
