#!/usr/bin/python3
"""Merge two independent annotations of a doubly annotated held-out set (the third, or with
`--set fourth` the fourth) into SET_batch01.txt.

Each row of SET_candidates.jsonl is annotated twice, in SET_a_batch*.txt and SET_b_batch*.txt
(same line format as batch*.txt, see build.py). Where both give the same spans (start, end,
label) the row is agreed. Where they differ, a third annotator's line in SET_adj_batch*.txt
decides. Adjudicators see both versions and the text, never tagger output.

  merge_double.py [--set fourth] --conflicts FILE   write the rows that differ, both versions bracketed, for adjudication
  merge_double.py [--set fourth] [--out FILE]       write SET_batch01.txt, or FILE (stops if a differing row has no decision)

Either way it prints the agreement between the two annotators: rows alike, and span-level F1.
Rows whose sentence also occurs in the training text (boilerplate such as "ALLERGIES:, NKDA.",
compared without case and punctuation) are written as SKIP: the set must be text no build has seen.
"""
import glob, json, os, re, sys

import build

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'data', 'batches')  # candidate and batch files
sys.path.insert(0, os.path.join(HERE, '..'))


def rows_in_training_text(cands, name='third'):
    from med7_train import corpus, data  # the training package: the same exclusions as the build
    norm = lambda t: re.sub(r'[^a-z0-9]+', ' ', t.lower()).strip()
    # the fourth set's notes are the extra set's, which the builds leave out (--hold-out-extra)
    held = data.held_out_extra()[0] if name == 'fourth' else frozenset()
    train = {norm(s) for _, s in corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=held)}
    return {c['n'] for c in cands if norm(c['text']) in train}


def read_side(pattern, name='third'):
    """Row number -> (raw annotation, spans or 'SKIP'), from every file matching the pattern."""
    cands = [json.loads(l) for l in open(os.path.join(DATA, f'{name}_candidates.jsonl'), encoding='utf-8')]
    rows = {}
    for bf in sorted(glob.glob(os.path.join(DATA, pattern))):
        for line in open(bf, encoding='utf-8'):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            n_str, _, ann = line.partition(':')
            n, ann = int(n_str), ann.strip()
            if n in rows:
                sys.exit(f'{bf}: row {n} twice')
            rows[n] = (ann, spans_of(cands[n]['text'], ann, bf, n))
    return cands, rows


def spans_of(text, ann, where, n):
    if ann in ('SKIP', '-'):
        return ann if ann == 'SKIP' else frozenset()
    out, cur = set(), 0
    for item in ann.split('; '):
        surf, code, k = build.parse_item(item.strip())
        i = build.find(text, surf, cur, k)
        if i < 0:
            sys.exit(f'{where}: row {n}: {surf!r} not found')
        out.add((i, i + len(surf), build.CODES[code]))
        cur = i + len(surf)
    return frozenset(out)


def bracketed(text, spans):
    if spans == 'SKIP':
        return 'SKIP'
    out, p = [], 0
    for s, e, lab in sorted(spans):
        out += [text[p:s], f'[{text[s:e]}]{lab}']
        p = e
    return ''.join(out + [text[p:]])


def agreement(a, b):
    rows = sorted(set(a) & set(b))
    alike = sum(1 for n in rows if a[n][1] == b[n][1])
    sa = {(n, s) for n in rows if a[n][1] != 'SKIP' for s in a[n][1]}
    sb = {(n, s) for n in rows if b[n][1] != 'SKIP' for s in b[n][1]}
    both = len(sa & sb)
    f1 = 2 * both / (len(sa) + len(sb)) if sa or sb else 1.0
    print(f'{len(rows)} rows in both; {alike} alike; spans: A {len(sa)}, B {len(sb)}, same {both}; '
          f'span F1 between annotators {f1:.3f}')
    return [n for n in rows if a[n][1] != b[n][1]]


def main(argv):
    name = 'third'
    if argv[:1] == ['--set']:
        name, argv = argv[1], argv[2:]
    cands, a = read_side(f'{name}_a_batch*.txt', name)
    _, b = read_side(f'{name}_b_batch*.txt', name)
    in_training = rows_in_training_text(cands, name)
    missing = [n for n in range(len(cands)) if n not in in_training and (n not in a or n not in b)]
    if missing:
        sys.exit(f'rows without two annotations: {missing[:20]}{" ..." if len(missing) > 20 else ""}')
    for side in (a, b):
        for n in in_training:
            side.pop(n, None)
    differ = agreement(a, b)
    if argv[:1] == ['--conflicts']:
        with open(argv[1], 'w', encoding='utf-8') as f:
            for n in differ:
                t = cands[n]['text']
                f.write(f'row {n}\n  text: {t}\n  A: {bracketed(t, a[n][1])}\n  B: {bracketed(t, b[n][1])}\n'
                        f'  A line: {n}: {a[n][0]}\n  B line: {n}: {b[n][0]}\n\n')
        print(f'{len(differ)} rows differ -> {argv[1]}')
        return
    out = argv[1] if argv[:1] == ['--out'] else os.path.join(DATA, f'{name}_batch01.txt')
    _, adj = read_side(f'{name}_adj_batch*.txt', name)
    undecided = [n for n in differ if n not in adj]
    if undecided:
        sys.exit(f'{len(undecided)} differing rows without a decision: {undecided[:20]}')
    with open(out, 'w', encoding='utf-8') as f:
        f.write(f'# {name} held-out set: rows where annotators A and B agree, else the adjudicator\'s line '
                '(written by merge_double.py; edit the a/b/adj files, not this one)\n')
        for n in range(len(cands)):
            if n in in_training:
                f.write(f'# {n}: the sentence is also in the training text\n{n}: SKIP\n')
            else:
                f.write(f'{n}: {(adj[n] if n in differ else a[n])[0]}\n')
    print(f'{os.path.basename(out)}: {len(cands) - len(in_training)} rows ({len(in_training)} left out: in the training text), '
          f'{len(differ)} decided by adjudication')


if __name__ == '__main__':
    main(sys.argv[1:])
