"""Status gold from ADE-Corpus-V2 (../../../shared/data/ade_corpus_v2): drugs named as the cause of an
adverse effect in PubMed case-report sentences, which ../../shared/STATUS.md marks `allergy` ("it caused
an adverse reaction or intolerance in this patient"; "a reaction to a drug given in the encounter is
allergy"). A status-only set: its entities are the DRUG spans of the corpus's drug/adverse-effect
pairs (every occurrence of the drug's text in the sentence, the longest where two overlap); the
sentences' other entities, and drugs the corpus did not pair with an effect, are not annotated, so
score it on gold entities only (`med7 eval FILE --status`, the "on gold entities" figures).

The sentences are split by PubMed id into two halves (md5 of the id, even or odd); from each, N
sentences are drawn at random (seed 20261206): `status-ade-dev.jsonl` (the rules may be written on
it) and `status-ade-test.jsonl` (never used to change the rules; totals only).

usage: python3 ade.py N OUT_DIR
"""
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "data" / "ade_corpus_v2" / "DRUG-AE.rel"


def drug_spans(sentence, drugs):
    spans = []
    for drug in drugs:
        for m in re.finditer(r"(?<![\w-])" + re.escape(drug) + r"(?![\w])", sentence):
            spans.append((m.start(), m.end()))
    # longest first, then keep those that overlap nothing kept
    kept = []
    for s, e in sorted(set(spans), key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= ks or s >= ke for ks, ke in kept):
            kept.append((s, e))
    return sorted(kept)


def main(n, out_dir):
    by_sentence = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        fields = line.split("|")
        if len(fields) != 8:
            continue
        pmid, sentence, drug = fields[0], fields[1], fields[5]
        key = (pmid, sentence)
        by_sentence.setdefault(key, set()).add(drug)
    halves = {"dev": [], "test": []}
    seen_text = set()
    for (pmid, sentence), drugs in sorted(by_sentence.items()):
        if sentence in seen_text:
            continue
        seen_text.add(sentence)
        spans = drug_spans(sentence, drugs)
        if not spans:
            continue
        half = "dev" if int(hashlib.md5(pmid.encode()).hexdigest(), 16) % 2 == 0 else "test"
        halves[half].append((pmid, sentence, spans))
    rng = random.Random(20261206)
    for half, rows in halves.items():
        picked = rng.sample(rows, min(n, len(rows)))
        out = Path(out_dir) / f"status-ade-{half}.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for i, (pmid, sentence, spans) in enumerate(picked):
                record = {
                    "id": f"ade-{half}-{i:03d}-pmid{pmid}",
                    "text": sentence,
                    "entities": [[s, e, "DRUG"] for s, e in spans],
                    "status": [[s, e, "allergy"] for s, e in spans],
                }
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(out, len(picked), "sentences", sum(len(p[2]) for p in picked), "drugs", f"(of {len(rows)} sentences)")


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
