"""Text corpora: MTSamples (de-duplicated, dev notes excluded), sentence splitting, extras."""
import csv
import json
import re

from . import paths

# The gold sentences are a split on whitespace after . ? ! when the next character is upper case
# (so "p.o. b.i.d." stays together and ",3.  Metformin" starts a new sentence).
# Whitespace is collapsed first, and a comma before an upper-case heading with a colon
# (",ALLERGIES:,") also ends a sentence.
SENT_SPLIT_RE = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9])|\s*,\s*(?=[A-Z][A-Z &/()-]*[A-Z]\s*:)")


def split_sentences(text):
    out = []
    text = re.sub(r"\s+", " ", text)
    for s in SENT_SPLIT_RE.split(text):
        s = s.strip()
        if s:
            out.append(s)
    return out


def annotatable_sentence(s):
    """Whether a sentence is fit to annotate or score: 8 to 1,200 characters, and only characters of
    the Basic Multilingual Plane, where python's and JavaScript's character offsets agree."""
    return 8 <= len(s) <= 1200 and all(ord(c) < 0x10000 for c in s)


def load_dev(path=None):
    with open(path or paths.DEV, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def dev_note_ids(dev=None):
    ids = set()
    for r in dev if dev is not None else load_dev():
        m = re.match(r"mts-(\d+)-\d+$", r["id"])
        if m:
            ids.add(m.group(1))
    return ids


def heldout_note_ids():
    """MTSamples notes of the held-out test set (gold/test.jsonl): never trained on, like dev."""
    if not paths.HELDOUT_CANDIDATES.exists():
        return set()
    with open(paths.HELDOUT_CANDIDATES, encoding="utf-8") as f:
        return {str(json.loads(l)["note_id"]) for l in f if l.strip()}


def _norm(t):
    return re.sub(r"\s+", " ", t.strip().lower())


def extra_note_ids():
    """MTSamples notes of the extra comparison set (training/data/extra_annotated.jsonl)."""
    if not paths.EXTRA_ANNOTATED.exists():
        return set()
    with open(paths.EXTRA_ANNOTATED, encoding="utf-8") as f:
        return {json.loads(l)["id"].split("-")[1] for l in f if l.strip()}


def load_mtsamples(exclude_eval=True, exclude_notes=frozenset()):
    """Unique transcriptions as (note_id, text). With exclude_eval, the dev notes and the held-out
    test notes are left out, and so is every duplicate of one of them; so are `exclude_notes`."""
    csv.field_size_limit(10**8)
    with open(paths.MTSAMPLES, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    bad = (dev_note_ids() | heldout_note_ids() if exclude_eval else set()) | set(exclude_notes)
    # Exclude every transcription whose text equals that of an excluded note (duplicates across specialties).
    bad_texts = {_norm(r["transcription"]) for r in rows if r["note_id"] in bad}
    seen = set()
    notes = []
    for r in rows:
        t = r["transcription"]
        if not t or t == "NA":
            continue
        k = _norm(t)
        if k in seen or k in bad_texts:
            continue
        seen.add(k)
        notes.append((r["note_id"], t))
    return notes


def mtsamples_sentences(exclude_eval=True, exclude_notes=frozenset()):
    """(note_id, sentence) pairs, de-duplicated by sentence text."""
    out, seen = [], set()
    for nid, t in load_mtsamples(exclude_eval, exclude_notes):
        for s in split_sentences(t):
            if s in seen:
                continue
            seen.add(s)
            out.append((nid, s))
    return out


def ade_sentences():
    """Unique sentences from ADE corpus v2 (DRUG-AE, DRUG-DOSE, ADE-NEG)."""
    seen, out = set(), []
    for fn in ("DRUG-DOSE.rel", "DRUG-AE.rel"):
        with open(paths.ADE_DIR / fn, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("|")
                if len(parts) >= 8 and parts[1] not in seen:
                    seen.add(parts[1])
                    out.append(parts[1])
    with open(paths.ADE_DIR / "ADE-NEG.txt", encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) == 3 and parts[2] not in seen:
                seen.add(parts[2])
                out.append(parts[2])
    return out


def ade_drug_names():
    names = set()
    for fn in ("DRUG-DOSE.rel", "DRUG-AE.rel"):
        with open(paths.ADE_DIR / fn, encoding="utf-8", errors="replace") as f:
            for line in f:
                parts = line.rstrip("\n").split("|")
                if len(parts) >= 8:
                    names.add(parts[5].strip())
    return names


def medextractr_note_sentences():
    out = []
    for p in sorted(paths.MEDEXTRACTR_NOTES.glob("*.txt")):
        t = p.read_text(encoding="utf-8", errors="replace")
        t = re.sub(r"\*\*[A-Z-]+(\[[^\]]*\])?", " ", t)
        t = re.sub(r"[|+=\-]{4,}", " ", t)
        for line in re.split(r"\n\s*\n", t):
            line = re.sub(r"\s+", " ", line).strip()
            for s in split_sentences(line):
                if len(s) > 3:
                    out.append(s)
    return out
