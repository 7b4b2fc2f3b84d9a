"""Builds the sig gold sets (gold/sig-dev.jsonl, gold/sig-test.jsonl) from the hand-written sigs.txt.

sigs.txt holds one prescription sig a line with inline marks, `[text|LABEL]` (DRUG STR FORM ROUTE DOSE
FREQ DUR), grouped by `@style NAME`. Every style group is shuffled with a fixed seed and dealt out
alternately, so the two halves hold the same styles in the same proportions. Checks: no mark left
unclosed, no entity with edge spaces, no repeated sig, every DRUG found in the shared drug lexicons.

usage: python3 gold/sig/build.py            (from the repository root; writes both files)
       python3 gold/sig/build.py --check    (builds in memory, fails if the files differ)
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE.parent
SHARED = GOLD.parent.parent / "shared" / "data"
SEED = 20261205
LABELS = {"DRUG": "DRUG", "STR": "STRENGTH", "FORM": "FORM", "ROUTE": "ROUTE", "DOSE": "DOSAGE",
          "FREQ": "FREQUENCY", "DUR": "DURATION"}
MARK = re.compile(r"\[([^\[\]|]+)\|([A-Z]+)\]")


def parse(line):
    """`take [1|DOSE] [tablet|FORM]` -> (text, [[start, end, LABEL], ...])."""
    text, entities, pos = "", [], 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()]
        piece, label = m.group(1), m.group(2)
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r} in {line!r}")
        if piece != piece.strip():
            raise ValueError(f"entity with edge spaces {piece!r} in {line!r}")
        entities.append([len(text), len(text) + len(piece), LABELS[label]])
        text += piece
        pos = m.end()
    text += line[pos:]
    if "[" in text or "]" in text or "|" in text:
        raise ValueError(f"unclosed mark in {line!r}")
    return text, entities


def read(path=HERE / "sigs.txt"):
    """(style, text, entities) for every sig, in file order."""
    style, out = None, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@style "):
            style = line.split(None, 1)[1]
            continue
        if style is None:
            raise ValueError("a sig before the first @style line")
        out.append((style, *parse(line)))
    return out


def drug_lexicon():
    names = set()
    for rel in ("parsigs/drug_names.txt", "medextractr/dictionaries/rxnorm_druglist.txt"):
        names.update(n.strip().lower() for n in (SHARED / rel).read_text(encoding="utf-8").splitlines())
    return names


def check_drugs(sigs):
    """Every DRUG (each part of a hyphenated combination) is a name of the shared lexicons."""
    names = drug_lexicon()
    missing = []
    for _, text, ents in sigs:
        for s, e, label in ents:
            name = text[s:e].lower()
            if label == "DRUG" and name not in names and not all(p in names for p in name.split("-")):
                missing.append(name)
    if missing:
        raise ValueError(f"DRUGs not in the shared lexicons: {missing}")


def split(sigs):
    """(dev, test): each style group shuffled with SEED and dealt out alternately, dev first."""
    texts = [t for _, t, _ in sigs]
    dupes = {t for t in texts if texts.count(t) > 1}
    if dupes:
        raise ValueError(f"repeated sigs: {sorted(dupes)}")
    rng = random.Random(SEED)
    dev, test = [], []
    styles = list(dict.fromkeys(s for s, _, _ in sigs))
    for style in styles:
        group = [(t, e) for s, t, e in sigs if s == style]
        rng.shuffle(group)
        for i, (text, ents) in enumerate(group):
            half = "dev" if i % 2 == 0 else "test"
            record = {"id": f"sig-{half}-{style}-{i // 2 + 1}", "text": text, "entities": ents}
            (dev if half == "dev" else test).append(record)
    return dev, test


def dumps(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv):
    sigs = read()
    check_drugs(sigs)
    dev, test = split(sigs)
    outputs = {GOLD / "sig-dev.jsonl": dumps(dev), GOLD / "sig-test.jsonl": dumps(test)}
    if "--check" in argv:
        stale = [p.name for p, body in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != body]
        if stale:
            sys.exit(f"out of date: {stale} (run python3 gold/sig/build.py)")
        return
    for path, body in outputs.items():
        path.write_text(body, encoding="utf-8")
    print(f"{len(sigs)} sigs: {len(dev)} dev, {len(test)} test")


if __name__ == "__main__":
    main(sys.argv[1:])
