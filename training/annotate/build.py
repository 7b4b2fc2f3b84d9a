#!/usr/bin/python3
"""Turn the hand annotations in batch*.txt into ../hand_annotated.jsonl.

batch file lines:  N: surface CODE; surface CODE; ...   (N = row of candidates.jsonl)
  '-' for no entities, 'SKIP' to drop the sentence.  Spans are listed in text order and
  located left to right (word-boundary aware); 'surface CODE@k' takes the k-th match
  after the previous span.  Codes: D DRUG, S STRENGTH, FM FORM, R ROUTE, DO DOSAGE,
  F FREQUENCY, DU DURATION.
Offsets are Python str indices; every text is checked to be BMP-only so they equal
JavaScript UTF-16 indices.
"""
import json, os, re, sys, glob, collections

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'batches')  # candidate and batch files
TRAIN_DATA = os.path.join(HERE, '..', 'data')  # the *_annotated.jsonl files
OUT = os.path.join(TRAIN_DATA, 'hand_annotated.jsonl')
SHARED = os.environ.get('MED7_SHARED', os.path.join(HERE, '..', '..', '..', 'shared'))
DEV = os.path.join(SHARED, 'data', 'gold', 'dev.jsonl')
CODES = {'D': 'DRUG', 'S': 'STRENGTH', 'FM': 'FORM', 'R': 'ROUTE', 'DO': 'DOSAGE',
         'F': 'FREQUENCY', 'DU': 'DURATION'}


def parse_item(item):
    """'surface CODE' or 'surface CODE@k' -> (surface, code, k); None if it is neither."""
    mm = re.match(r'^(.*\S)\s+(D|S|FM|R|DO|F|DU)(?:@(\d+))?$', item)
    return (mm.group(1), mm.group(2), int(mm.group(3) or 1)) if mm else None


def find(text, surf, start, k):
    pos = start
    while True:
        i = text.find(surf, pos)
        if i < 0:
            return -1
        j = i + len(surf)
        okl = i == 0 or not (surf[0].isalnum() and text[i - 1].isalnum())
        okr = j == len(text) or not (surf[-1].isalnum() and text[j].isalnum())
        if okl and okr:
            k -= 1
            if k == 0:
                return i
        pos = i + 1


def check_span(text, s, e, lab):
    t = text[s:e]
    errs = []
    if t != t.strip():
        errs.append('whitespace')
    if t and t[0] in '.,;:()[]-/':
        errs.append('leading punct')
    if t and t[-1] in ',;:()[]-/':
        errs.append('trailing punct')
    if t.endswith('.'):
        # only dots of abbreviations (p.o., b.i.d., q.4h.) are allowed
        if not re.search(r'(^|[\s.])([a-zA-Z0-9\-]{1,4}\.)+$', t) or not re.search(r'\.[^\s]*\.$|^[a-zA-Z0-9\-]{1,4}\.$', t.split()[-1]):
            errs.append('trailing dot?')
    if s > 0 and t[0].isalnum() and text[s - 1].isalnum():
        errs.append('cuts word left')
    if e < len(text) and t[-1].isalnum() and text[e].isalnum():
        errs.append('cuts word right')
    return errs


def main(argv=None):
    # --heldout: heldout_batch*.txt over heldout_candidates.jsonl -> gold/test.jsonl (ids test-NOTE-K)
    # --extra: extra_batch*.txt over extra_candidates.jsonl -> ../extra_annotated.jsonl (ids extra-NOTE-K),
    #          a comparison set that the shipped build does not train on (see README.md)
    # --review: review_batch*.txt over review_candidates.jsonl -> ../review_annotated.jsonl (ids review-NOTE-K),
    #           training sentences where model and weak labeller disagreed (select_review.py)
    # --review3: review3_batch*.txt over review3_candidates.jsonl -> ../review3_annotated.jsonl (ids
    #           review3-NOTE-K), the third review round (select_review.py --round3)
    # --review4: the same for the fourth review round (select_review.py --round4) -> ../review4_annotated.jsonl
    # --context: status-context sentences (select_contexts.py) -> ../data/context_annotated.jsonl
    # --dosing: dosing sentences of notes (select_contexts.py --dosing) -> ../data/dosing_annotated.jsonl
    # --third: third_batch*.txt over third_candidates.jsonl -> gold/third.jsonl (ids third-NOTE-K),
    #          the third held-out comparison set (select_sentences.py --third; merge_double.py writes
    #          third_batch01.txt from two independent annotations and an adjudication)
    # --third-a / --third-b: one annotator side (third_a_batch*.txt / third_b_batch*.txt), for checking
    # --fourth, --fourth-a, --fourth-b: the same for the fourth held-out set (fourth_candidates.jsonl,
    #          select_sentences.py --fourth) -> gold/fourth.jsonl (ids fourth-NOTE-K)
    # --out FILE: write there instead (the tests rebuild into a temporary file and compare)
    argv = list(sys.argv[1:] if argv is None else argv)
    double = [f'--{name}{s}' for name in ('third', 'fourth') for s in ('', '-a', '-b')]
    side = next((a[2:].replace('-', '_') for a in argv if a in double), None)
    argv = [a for a in argv if a not in double]
    double_set = side.split('_')[0] if side else None  # 'third' or 'fourth'
    if side and side != double_set and '--out' not in argv:
        sys.exit('build.py: --third-a / --third-b / --fourth-a / --fourth-b need --out FILE (they are only checked)')
    heldout = '--heldout' in argv
    extra = '--extra' in argv
    review = '--review' in argv
    review3 = '--review3' in argv
    review4 = '--review4' in argv
    context = '--context' in argv
    dosing = '--dosing' in argv
    argv = [a for a in argv if a not in ('--heldout', '--extra', '--review', '--review3', '--review4', '--context', '--dosing')]
    out_path = (os.path.join(HERE, '..', '..', 'gold', double_set + '.jsonl') if side
                else os.path.join(HERE, '..', '..', 'gold', 'test.jsonl') if heldout
                else os.path.join(TRAIN_DATA, 'extra_annotated.jsonl') if extra
                else os.path.join(TRAIN_DATA, 'review_annotated.jsonl') if review
                else os.path.join(TRAIN_DATA, 'review3_annotated.jsonl') if review3
                else os.path.join(TRAIN_DATA, 'review4_annotated.jsonl') if review4
                else os.path.join(TRAIN_DATA, 'context_annotated.jsonl') if context
                else os.path.join(TRAIN_DATA, 'dosing_annotated.jsonl') if dosing else OUT)
    if '--out' in argv:
        k = argv.index('--out')
        out_path = argv[k + 1]
        del argv[k:k + 2]
    id_prefix = (double_set if side else 'test' if heldout else 'extra' if extra else 'review' if review
                 else 'review3' if review3 else 'review4' if review4 else 'context' if context else 'dosing' if dosing else 'hand')
    prefix = (side + '_' if side else id_prefix + '_' if id_prefix in ('extra', 'review', 'review3', 'review4', 'context', 'dosing')
              else 'heldout_' if heldout else '')
    cand_prefix = double_set + '_' if side else prefix
    cands = [json.loads(l) for l in open(os.path.join(DATA, cand_prefix + 'candidates.jsonl'), encoding='utf-8')]
    dev_texts = {json.loads(l)['text'] for l in open(DEV, encoding='utf-8')}
    recs, bad, seen = [], 0, set()
    per_note = collections.Counter()
    # status-context and dosing sentences are training data: none is a sentence of a gold file, or
    # comes from a note that a status gold part draws on (those parts were drawn independently)
    gold_texts, status_notes = set(), set()
    if context or dosing:
        for g in sorted(glob.glob(os.path.join(HERE, '..', '..', 'gold', '*.jsonl'))):
            for gl in open(g, encoding='utf-8'):
                if gl.strip():
                    r = json.loads(gl)
                    gold_texts.add(r.get('text'))
                    if str(r.get('id', '')).startswith('status-'):
                        status_notes.add(str(r['id']).split('-')[1])
    dropped = 0
    show = set(argv)
    for bf in sorted(glob.glob(os.path.join(DATA, prefix + 'batch*.txt'))):
        for ln, line in enumerate(open(bf, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            m = re.match(r'\s*(\d+):\s?(.*)$', line)
            if not m:
                print(f'{bf}:{ln}: bad line'); bad += 1; continue
            n, ann = int(m.group(1)), m.group(2).strip()
            if ann == 'SKIP':
                continue
            c = cands[n]
            text = c['text']
            if text in gold_texts or str(c['note_id']) in status_notes:
                dropped += 1
                continue
            assert n not in seen, f'duplicate candidate {n}'
            seen.add(n)
            assert text not in dev_texts
            assert all(ord(ch) < 0x10000 for ch in text), 'non-BMP char'
            ents, cur = [], 0
            if ann != '-':
                for item in ann.split('; '):
                    item = item.strip()
                    parsed = parse_item(item)
                    if not parsed:
                        print(f'{bf}:{ln}: cannot parse item {item!r}'); bad += 1; continue
                    surf, code, k = parsed
                    i = find(text, surf, cur, k)
                    if i < 0:
                        print(f'{bf}:{ln}: [{n}] not found after {cur}: {surf!r}\n    {text}'); bad += 1; continue
                    ents.append([i, i + len(surf), CODES[code]])
                    cur = i + len(surf)
            prev = 0
            for s, e, lab in ents:
                assert 0 <= s < e <= len(text) and s >= prev, (n, s, e)
                prev = e
                errs = check_span(text, s, e, lab)
                if errs:
                    print(f'{bf}:{ln}: [{n}] {text[s:e]!r} {lab}: {errs}'); bad += 1
            per_note[c['note_id']] += 1
            recs.append({'id': f"{id_prefix}-{c['note_id']}-{per_note[c['note_id']]}", 'text': text, 'entities': ents})
            if str(n) in show or 'all' in show:
                out, p = [], 0
                for s, e, lab in ents:
                    out.append(text[p:s]); out.append(f'[{text[s:e]}]{lab[:3]}'); p = e
                out.append(text[p:])
                print(n, ''.join(out))
    with open(out_path, 'w', encoding='utf-8') as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    cnt = collections.Counter(l for r in recs for _, _, l in r['entities'])
    neg = sum(1 for r in recs if not r['entities'])
    print(f'{len(recs)} sentences ({neg} without entities), problems: {bad}'
          + (f'; {dropped} left out as sentences or notes of the gold files' if dropped else ''))
    print(dict(sorted(cnt.items())))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
