"""Draws MTSamples training sentences of the status contexts of issue #34 for hand annotation.

Sentences with an allergy, stop, hold, plan or negation cue and a drug (a cue word or a labeller DRUG), from training
notes only: no dev, held-out test or extra-set note (so neither test, third nor fourth), no note of any
status gold part, no sentence of any gold or hand-annotated file. One sentence per note, seeded, in
equal shares per cue family -> ../data/batches/context_candidates.jsonl. The annotations are
`context_batch*.txt` (same format as the other batches); `build.py --context` writes
../data/context_annotated.jsonl.

usage: /usr/bin/python3 training/annotate/select_contexts.py [N]      (default 60)
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'batches')
REPO = os.path.abspath(os.path.join(HERE, '..', '..'))
sys.path.insert(0, os.path.join(REPO, 'training'))
from med7_train import corpus, paths, weak_labeller  # noqa: E402

SEED = 20261205
FAMILIES = {
    'allergy': r'\b(?:allerg\w*|intoleran\w*|caused (?:a )?(?:rash|hives|itching))\b',
    'stop': r'\b(?:stopped|discontinued|d/c\'?d|taken off|no longer (?:on|taking)|switched from|was previously on)\b',
    'hold': r'\b(?:hold|held|holding)\b',
    'plan': r'\b(?:will (?:start|begin|add|give)|plan(?:ned)? to (?:start|begin)|recommend(?:ed)?|consider)\b',
    'negation': (r'\b(?:denies (?:taking|any)|not on any|not taking|no (?:aspirin|anticoagula\w*|NSAIDs|narcotics)|'
                 r'avoid)\b'),
}
CUE = re.compile(r'\b(?:mg|tablets?|medications?|[A-Z][a-z]+(?:in|ol|ide|ine|one|pam|pril|tan|cin|fen|zole|mab)\b|'
                 r'inhibitors?|blockers?|antibiotics|steroids|NSAIDs|insulin|aspirin|Coumadin|Plavix|penicillin|'
                 r'sulfa|codeine|morphine|contrast)')


def used_texts_and_notes():
    texts, notes = set(), set()
    for folder in (os.path.join(REPO, 'gold'), os.path.join(REPO, 'training', 'data')):
        for name in os.listdir(folder):
            if name.endswith('.jsonl') and name != 'context_annotated.jsonl':  # its own output: rerunnable
                for line in open(os.path.join(folder, name), encoding='utf-8'):
                    if line.strip():
                        r = json.loads(line)
                        texts.add(r.get('text', ''))
                        m = re.match(r'status-(\d+)-\d+$', r.get('id', ''))
                        if m:
                            notes.add(m.group(1))
    texts |= {json.loads(l)['text'] for l in open(paths.SHARED / 'data' / 'gold' / 'dev.jsonl', encoding='utf-8')}
    return texts, notes


def main(argv):
    n = int(argv[0]) if argv else 60
    texts, status_notes = used_texts_and_notes()
    exclude = corpus.extra_note_ids() | status_notes
    pools = {f: [] for f in FAMILIES}
    for nid, s in corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=exclude):
        if s in texts or not corpus.annotatable_sentence(s) or len(s) > 300:
            continue
        fam = next((f for f, rx in FAMILIES.items() if re.search(rx, s, re.I)), None)
        if fam and (CUE.search(s) or any(lab == 'DRUG' for _, _, lab in weak_labeller.label(s))):
            pools[fam].append((nid, s))
    rng = random.Random(SEED)
    out, notes = [], set()
    for fam in FAMILIES:
        rng.shuffle(pools[fam])
    while len(out) < n and any(pools.values()):
        for fam in FAMILIES:
            while pools[fam]:
                nid, s = pools[fam].pop()
                if nid not in notes:
                    notes.add(nid)
                    out.append({'n': len(out), 'note_id': nid, 'family': fam, 'text': s})
                    break
            if len(out) >= n:
                break
    with open(os.path.join(DATA, 'context_candidates.jsonl'), 'w', encoding='utf-8') as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(out)} candidates; pools: ' + ', '.join(f'{k} {len(v)}' for k, v in pools.items()))


if __name__ == '__main__':
    main(sys.argv[1:])
