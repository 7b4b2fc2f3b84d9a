"""Draws MTSamples training sentences of the status contexts of issue #34 for hand annotation.

Sentences with an allergy, stop, hold, plan or negation cue and a drug (a cue word or a labeller DRUG), from training
notes only: no dev, held-out test or extra-set note (so neither test, third nor fourth), no note of any
status gold part, no sentence of any gold or hand-annotated file. One sentence per note, seeded, in
equal shares per cue family -> ../data/batches/context_candidates.jsonl. The annotations are
`context_batch*.txt` (same format as the other batches); `build.py --context` writes
../data/context_annotated.jsonl.

With --dosing it draws, the same way, sentences of the dosing error classes of issue #32 in notes
(volumes given, spelled-out units, puffs and nebulizers, topical applications, tapers, maximum doses)
-> ../data/batches/dosing_candidates.jsonl, leaving out the context candidates' notes as well;
`build.py --dosing` writes ../data/dosing_annotated.jsonl.

usage: /usr/bin/python3 training/annotate/select_contexts.py [--dosing] [N]      (default 60)
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
OWN_OUTPUTS = ('context_annotated.jsonl', 'dosing_annotated.jsonl')
FAMILIES = {
    'allergy': r'\b(?:allerg\w*|intoleran\w*|caused (?:a )?(?:rash|hives|itching))\b',
    'stop': r'\b(?:stopped|discontinued|d/c\'?d|taken off|no longer (?:on|taking)|switched from|was previously on)\b',
    'hold': r'\b(?:hold|held|holding)\b',
    'plan': r'\b(?:will (?:start|begin|add|give)|plan(?:ned)? to (?:start|begin)|recommend(?:ed)?|consider)\b',
    'negation': (r'\b(?:denies (?:taking|any)|not on any|not taking|no (?:aspirin|anticoagula\w*|NSAIDs|narcotics)|'
                 r'avoid)\b'),
}
DOSING = {
    'volume': r'\b(?:\d+|one|two|three|four|five|ten|about \d+)\s(?:mL|ml|cc|cubic centimeters?|drops)\b',
    'units': r'\b\d+(?:\.\d+)?\s(?:milligrams?|grams?|micrograms?|milliliters?|milliequivalents?)\b',
    'inhaled': r'\b(?:puffs?|nebuliz\w*|inhalations?|inhaler)\b',
    'topical': r'\b(?:topically|applications?|apply)\b',
    'taper': r'\b(?:taper\w*|then\s\d+\s(?:mg|tablets?))\b',
    'max': r'\b(?:not to exceed|maximum (?:of|dose)|max(?:imum)? daily|up to \d+\s(?:mg|tablets?|times))\b',
}
CUE = re.compile(r'\b(?:mg|tablets?|medications?|[A-Z][a-z]+(?:in|ol|ide|ine|one|pam|pril|tan|cin|fen|zole|mab)\b|'
                 r'inhibitors?|blockers?|antibiotics|steroids|NSAIDs|insulin|aspirin|Coumadin|Plavix|penicillin|'
                 r'sulfa|codeine|morphine|contrast)')


def used_texts_and_notes():
    texts, notes = set(), set()
    for folder in (os.path.join(REPO, 'gold'), os.path.join(REPO, 'training', 'data')):
        for name in os.listdir(folder):
            if name.endswith('.jsonl') and name not in OWN_OUTPUTS:  # rerunnable
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
    dosing = '--dosing' in argv
    argv = [a for a in argv if a != '--dosing']
    n = int(argv[0]) if argv else 60
    families, name, seed = (DOSING, 'dosing', SEED + 1) if dosing else (FAMILIES, 'context', SEED)
    texts, status_notes = used_texts_and_notes()
    exclude = corpus.extra_note_ids() | status_notes
    if dosing:  # apart from the context candidates too
        for line in open(os.path.join(DATA, 'context_candidates.jsonl'), encoding='utf-8'):
            exclude.add(json.loads(line)['note_id'])
    pools = {f: [] for f in families}
    for nid, s in corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=exclude):
        if s in texts or not corpus.annotatable_sentence(s) or len(s) > 300:
            continue
        fam = next((f for f, rx in families.items() if re.search(rx, s, re.I)), None)
        if fam and (CUE.search(s) or any(lab == 'DRUG' for _, _, lab in weak_labeller.label(s))):
            pools[fam].append((nid, s))
    rng = random.Random(seed)
    out, notes = [], set()
    for fam in families:
        rng.shuffle(pools[fam])
    while len(out) < n and any(pools.values()):
        for fam in families:
            while pools[fam]:
                nid, s = pools[fam].pop()
                if nid not in notes:
                    notes.add(nid)
                    out.append({'n': len(out), 'note_id': nid, 'family': fam, 'text': s})
                    break
            if len(out) >= n:
                break
    with open(os.path.join(DATA, f'{name}_candidates.jsonl'), 'w', encoding='utf-8') as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(out)} candidates; pools: ' + ', '.join(f'{k} {len(v)}' for k, v in pools.items()))


if __name__ == '__main__':
    main(sys.argv[1:])
