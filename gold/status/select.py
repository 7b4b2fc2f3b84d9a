"""Draws candidate sentences for new status dev parts from the shared MTSamples notes.

Sentences are cut as the status step cuts them (`.!?` then spaces before a capital or digit), kept
with their section heading when the heading opens the sentence. A sentence is a candidate when it
holds a cue word of one of the families below (chosen by the phrasing of real notes, not by the
rules), is 25-350 characters long, and is not in any gold file (equal after lower-casing and
dropping punctuation, or one inside the other). Notes are deduplicated by their text; notes that
any status part already draws from are skipped, at most one sentence per note, families drawn in
turn with a fixed seed.

With `--all-parts`, a note is also skipped when any status part holds a sentence of it under another
id (`mts-`, `third-`, `fourth-`, `test-` ids of the first parts), when the training's annotated
sentences draw from it (`training/data/*annotated.jsonl`: status parts and training notes are kept
apart), or when its text equals such a note's (MTSamples repeats some notes under several ids).
Parts H and I were drawn without it; part J before it skipped the training's notes (six of its
sentences were then left out).

With `--dev-notes` (part K), the notes of the dev parts are drawn from again: only the test
part's notes (and notes of equal text) and the training's notes are skipped. Sentences already in a
gold file are still left out, so a dev note gives only its sentences no part holds.

With `--any` (part L), every sentence is a candidate, cue word or not (family `any`), so the draw
follows the text as it comes rather than the rarer statuses.

Most cue sentences name no drug, so one per note can spend a note on a sentence without one. Part J
was drawn in two steps: PER_FAMILY 0 writes every candidate (all families, all notes); the model
annotates them (`med7 annotate`); `--drugs PRED.jsonl` then keeps only the candidates in which it
found a DRUG before drawing one per note.

usage: python3 select.py [--all-parts] [--dev-notes] [--any] [--drugs PRED.jsonl] SEED PER_FAMILY OUT.jsonl [SKIP_IDS.jsonl ...]
"""
import csv
import glob
import json
import random
import re
import sys

HERE = __file__.rsplit("/", 1)[0]
GOLD = glob.glob(f"{HERE}/../*.jsonl") + glob.glob(f"{HERE}/*.draft.jsonl") + glob.glob(
    f"{HERE}/../../../shared/data/gold/*.jsonl") + glob.glob(f"{HERE}/../../training/data/*annotated.jsonl")
FAMILIES = {
    "allergy": r"allerg|intoleran|reaction to|rash (?:after|on|with|from)|hives|anaphyla|sensitivity to|side effects?",
    "stopped": r"d/c|discontinu|taken off|no longer|stopped|previously (?:on|taking|treated)|switched|tried|failed|weaned|quit|came off|used to take",
    "held": r"\bheld\b|\bhold\b|on hold|will resume|resume|restart|until",
    "planned": r"will (?:start|begin|add|try|give|put|place)|recommend|consider|plan(?:s|ned)? to|may benefit|would benefit|we will|should (?:start|take|try)|prescription for",
    "negated": r"denies|\bnot on\b|avoid|\bno (?:\w+ )?(?:medication|drug|aspirin|anticoag|antibiotic|steroid)|never (?:took|taken|used|been on)|refused|declined|without|contraindicat|\bNKDA\b|no known",
    "given": r"received|was given|were given|administered|in the (?:ED|ER|emergency)|s/p|infiltrat|injected|premedicat|bolus|loaded with|treated with",
    "other": r"family history|mother|father|educat|instructed|advised|\bif\b|p\.r\.n|as needed|counsel|over-the-counter|OTC|herbal",
}
DRUGISH = re.compile(r"\b(?:mg|mcg|units?|tablets?|IV|p\.o\.|PO|daily|b\.i\.d|t\.i\.d|q\.?\d|medication|[A-Z][a-z]+(?:in|ol|ine|ide|ate|one|am|ex|il|an|ax|ix|ra|um|ac)\b)|penicillin|sulfa|codeine|aspirin|coumadin|lasix|insulin|morphine|tylenol|motrin|ibuprofen|steroid|antibiotic|heparin|lidocaine|marcaine|demerol|percocet|vicodin|prednisone|statin", re.I)
SENT = re.compile(r"(?<!\b(?:Dr|Mr|Ms|St|vs))(?<!\bMrs)[.!?](?:\s+|,\s*)(?=[A-Z0-9(])")


def norm(s):
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"\s+", " ", s.lower())).strip()


def main(seed, per_family, out, *skip_files, all_parts=False, drugs=None, dev_notes=False, any_sentence=False):
    seen_norm = set()
    used_notes = set()
    for path in GOLD + list(skip_files):
        name = path.rsplit("/", 1)[-1]
        part = name.startswith("status-") or "/training/data/" in path
        held_out = name.startswith("status-test") or name.startswith("test.draft") or "/training/data/" in path
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if "text" in r:
                seen_norm.add(norm(r["text"]))
            m = re.match(r"status-(\d+)-", r.get("id", ""))
            if not m and all_parts and part:
                m = re.match(r"[a-z]+-(\d+)-", r.get("id", ""))
            if m and (held_out or not dev_notes):
                used_notes.add(m.group(1))
    gold_blob = "\n".join(seen_norm)
    rows = list(csv.DictReader(open(f"{HERE}/../../../shared/data/mtsamples/mtsamples.csv", encoding="utf-8")))
    used_texts = {r["transcription"] for r in rows if all_parts and r["note_id"] in used_notes}
    by_text = {}
    for r in rows:
        t = r["transcription"]
        if t and t != "NA":
            by_text.setdefault(t, r["note_id"])
    notes = [(nid, t) for t, nid in by_text.items() if nid not in used_notes and t not in used_texts]
    pools = {f: [] for f in FAMILIES}
    for nid, t in notes:
        sents = []
        at = 0
        for m in SENT.finditer(t):
            sents.append(t[at:m.start() + 1])
            at = m.end()
        sents.append(t[at:])
        for k, s in enumerate(sents):
            s = s.strip(" ,")
            if not 25 <= len(s) <= 350 or not DRUGISH.search(s):
                continue
            n = norm(s)
            if n in seen_norm or (len(n) > 20 and n in gold_blob):
                continue
            if any_sentence:
                pools.setdefault("any", []).append((nid, k, s))
                continue
            for f, pat in FAMILIES.items():
                if re.search(pat, s, re.I):
                    pools[f].append((nid, k, s))
    if drugs:
        found = set()
        for line in open(drugs, encoding="utf-8"):
            r = json.loads(line)
            if any(e[2] == "DRUG" for e in r["entities"]):
                found.add(r["id"])
        pools = {f: [c for c in p if f"status-{c[0]}-{c[1]}" in found] for f, p in pools.items()}
    if int(per_family) == 0:
        every = {}
        for f, p in pools.items():
            for nid, k, s in p:
                every.setdefault(f"status-{nid}-{k}", {"id": f"status-{nid}-{k}", "text": s, "family": f})
        with open(out, "w", encoding="utf-8") as fh:
            for c in every.values():
                fh.write(json.dumps(c, ensure_ascii=False) + "\n")
        print(out, len(every), "candidates", {f: len(p) for f, p in pools.items()})
        return
    rng = random.Random(int(seed))
    for f in pools:
        rng.shuffle(pools[f])
    chosen, notes_taken = [], set()
    for f in pools:
        n = 0
        for nid, k, s in pools[f]:
            if n >= int(per_family):
                break
            if nid in notes_taken:
                continue
            notes_taken.add(nid)
            chosen.append({"id": f"status-{nid}-{k}", "text": s, "family": f})
            n += 1
    with open(out, "w", encoding="utf-8") as fh:
        for c in chosen:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(out, len(chosen), {f: len(p) for f, p in pools.items()})


if __name__ == "__main__":
    args = sys.argv[1:]
    flag = "--all-parts" in args
    dev = "--dev-notes" in args
    anyone = "--any" in args
    args = [a for a in args if a not in ("--all-parts", "--dev-notes", "--any")]
    pred = None
    if "--drugs" in args:
        at = args.index("--drugs")
        pred = args[at + 1]
        del args[at:at + 2]
    main(*args, all_parts=flag, drugs=pred, dev_notes=dev, any_sentence=anyone)
