#!/usr/bin/python3
"""Pick training sentences where the shipped model and the weak labeller disagree, for review.

The weak labels teach the rules' mistakes, and the model repeats them; where the two disagree one of
them is wrong, and a hand annotation there is worth most. Candidates are MTSamples sentences from
training notes only: not dev, not the held-out test notes, not the extra comparison set's notes, and
not a sentence already drawn for hand annotation. A sentence qualifies if the rules found a
medication in it or it has a medication cue (med7_train.data.CUE_RE); it is a candidate if the
model's spans (`med7 annotate`, q8, the model in models/med7-compact when this ran: build #6) differ
from the labeller's. The order is shuffled with a fixed seed so each batch mixes kinds.
Rows from N_DISAGREE on (a second round) are a seeded sample of the sentences without any
rule-found medication or cue where the model still found an entity: nearly all are model false
positives on ordinary words (`stairs`, `divorced` as DRUG), which the weak set, mostly sentences with
medications, rarely teaches as negatives.
Output: review_candidates.jsonl (n, note_id, text). The annotations are review_batch*.txt, written
from shared/ANNOTATION.md without any tagger output; `build.py --review` turns them into
../review_annotated.jsonl.
"""
import json, os, random, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'batches')  # candidate and batch files
TRAINING = os.path.abspath(os.path.join(HERE, '..'))
REPO = os.path.dirname(TRAINING)
sys.path.insert(0, TRAINING)
from med7_train import corpus, data, weak_labeller  # noqa: E402

SEED = 20261125 + 3
N_PLAIN = 720  # second round: sentences without cues where the model found something
# third round (--round3), on cued training sentences not drawn before: every disagreement of the model
# shipped then (build #10) with the labeller, plus a seeded sample of sentences where the two agree on a
# rule-found medication, so that the errors they share (routes and forms both miss) get human labels
# too -> review3_candidates.jsonl
N_ROUND3 = 720
# fourth round (--round4), the same way with the model shipped then (build #16, int8 file, span rules),
# on cued training sentences that no round drew: 480 rows, eight batches of 60 -> review4_candidates.jsonl
N_ROUND4 = 480


def main():
    if '--round3' in sys.argv[1:]:
        return round3()
    if '--round4' in sys.argv[1:]:
        return later_round('review4_candidates.jsonl', N_ROUND4, SEED + 4,
                           ('review_candidates.jsonl', 'review3_candidates.jsonl',
                            # comparison sets' sentences, though their notes are left out already
                            'third_candidates.jsonl', 'fourth_candidates.jsonl'))
    used_texts, extra_notes = drawn_before(('candidates.jsonl', 'extra_candidates.jsonl',
                                            'heldout_candidates.jsonl'))
    tagged = tag_training_sentences(used_texts, extra_notes)
    cued = [r for r in tagged if r['cue']]
    out = disagreements(cued)
    random.Random(SEED).shuffle(out)
    plain = [r for r in tagged if not r['cue'] and r['entities']]
    random.Random(SEED + 1).shuffle(plain)
    write_candidates('review_candidates.jsonl', out + plain[:N_PLAIN])
    print(f'{len(cued)} sentences with a medication or cue: {len(out)} disagreements '
          f'({sum(1 for r in out if r["weak"])} where the rules found a medication); '
          f'{len(tagged) - len(cued)} without: the model found entities in {len(plain)}, {N_PLAIN} drawn')


def round3():
    later_round('review3_candidates.jsonl', N_ROUND3, SEED + 2, ('review_candidates.jsonl',))


def later_round(name, size, seed, earlier_rounds):
    """Every disagreement among cued sentences not drawn before, topped up to `size` with a seeded
    sample of sentences where model and labeller agree on a rule-found medication."""
    used_texts, extra_notes = drawn_before(('candidates.jsonl', 'extra_candidates.jsonl',
                                            'heldout_candidates.jsonl') + earlier_rounds)
    cued = tag_training_sentences(used_texts, extra_notes, cued_only=True)
    out = disagreements(cued)
    agreed = [r for r in cued if r['weak'] and r not in out]
    random.Random(seed).shuffle(agreed)
    if len(out) > size:  # more disagreements than rows: a seeded sample of them (round 3 had fewer)
        random.Random(seed + 2).shuffle(out)
    drawn = out[:size] + agreed[:max(0, size - len(out))]
    random.Random(seed + 1).shuffle(drawn)  # each batch mixes kinds
    write_candidates(name, drawn)
    print(f'{len(cued)} sentences with a medication or cue not drawn before: {len(out)} disagreements '
          f'({sum(1 for r in out if r["weak"])} where the rules found a medication) and '
          f'{max(0, len(drawn) - len(out))} of {len(agreed)} agreements drawn')


def disagreements(rows):
    return [r for r in rows if sorted(map(tuple, r['weak'])) != sorted(map(tuple, r['entities']))]


def write_candidates(name, rows):
    with open(os.path.join(DATA, name), 'w', encoding='utf-8') as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({'n': i, 'note_id': r['note_id'], 'text': r['text']}) + '\n')


def drawn_before(files):
    """Texts of every sentence already drawn, and the extra comparison set's notes (kept out whole)."""
    used_texts, extra_notes = set(), set()
    for fn in files:
        with open(os.path.join(DATA, fn), encoding='utf-8') as f:
            for line in f:
                r = json.loads(line)
                used_texts.add(r['text'])
                if fn == 'extra_candidates.jsonl':
                    extra_notes.add(str(r['note_id']))
    return used_texts, extra_notes


def tag_training_sentences(used_texts, extra_notes, cued_only=False):
    """Training-note sentences not drawn before, with the labeller's and the shipped model's spans."""
    dev_texts = {r['text'] for r in corpus.load_dev()}
    rows = []
    for nid, s in corpus.mtsamples_sentences(exclude_eval=True):  # dev and test notes left out
        if (s in dev_texts or s in used_texts or str(nid) in extra_notes
                or not corpus.annotatable_sentence(s)):
            continue
        weak = weak_labeller.label(s)
        cue = bool(weak or data.CUE_RE.search(s))
        if cued_only and not cue:
            continue
        rows.append({'id': str(len(rows)), 'note_id': str(nid), 'text': s, 'weak': weak, 'cue': cue})
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, 'in.jsonl'), os.path.join(tmp, 'out.jsonl')
        with open(src, 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r) + '\n')
        subprocess.run(['node', os.path.join(REPO, 'bin', 'med7.js'), 'annotate', '--input', src,
                        '--output', dst, '--quiet'], check=True)
        with open(dst, encoding='utf-8') as f:
            return [json.loads(line) for line in f]


if __name__ == '__main__':
    main()
