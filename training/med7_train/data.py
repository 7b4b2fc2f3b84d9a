"""Datasets: MLM text, weak-labelled MTSamples / ADE sentences, generated lines, hand annotations."""
import json
import random
import re

from . import corpus, decoys, paths, weak_labeller
from .gen_contexts import ContextGenerator
from .generator import Generator
from .lexicons import drug_lexicon
from .pretok import LABEL2ID, pretokenize, spans_to_bio
from .tokenizer import CLS, SEP

CUE_RE = re.compile(r"\b(?:mg|mcg|mL|ml|cc|units?|tablets?|capsules?|p\.o\.|po|PO|IV|IM|b\.i\.d\.|bid|q\.d\.|daily|"
                    r"prn|p\.r\.n\.|subcutaneous|capsule|injection|ointment|drops|medications?|anesthesia|Vicryl|"
                    r"[Ee]stimated blood loss|EBL|January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|nightly|twice|weekly|%)")


def load_hand_annotated(path=None):
    """(text, entities) of a hand-annotated JSON Lines file (default: the training annotations),
    without any dev sentence or sentence of a dev note."""
    p = paths.HAND_ANNOTATED if path is None else path
    if not p.exists():
        return []
    dev_notes = corpus.dev_note_ids()
    dev_texts = {r["text"] for r in corpus.load_dev()}
    out = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            m = re.match(r"mts-(\d+)-", str(r.get("id", "")))
            if m and m.group(1) in dev_notes or r.get("text") in dev_texts:
                continue
            ents = [[int(s), int(e), str(l)] for s, e, l in r.get("entities", [])]
            if all(0 <= s < e <= len(r["text"]) for s, e, _ in ents):
                out.append((r["text"], sorted(ents)))
    return out


def weak_mtsamples(seed, n_neg_ratio=0.5, limit=None, doubts=True, exclude=(), n_quiet=0,
                   exclude_notes=frozenset()):
    """Weak-labelled MTSamples sentences as (text, entities, unlabelled spans): all with entities plus a
    share of cue-bearing and random negatives. In a sentence where the rules found a medication, the
    mentions they turned down for want of context (weak_labeller.doubts) are left unlabelled rather
    than taught as O: in the hand annotations about half of them are entities. Sentences without any
    medication keep every O, so they still teach the negatives (`subcutaneous tissue`, `EBL 200 mL`).
    Sentences in `exclude` (the hand-annotated ones) are left out: their human labels replace the rules'.
    `n_quiet` more negatives come from ordinary prose (no cue at all): without them the set is mostly
    medication sentences, and the model learnt to call odd words in history or exam prose a DRUG
    (`stairs`, `divorced`) in about 7 % of such sentences of the held-out notes.
    `exclude_notes`: notes left out entirely (and their duplicates), like the held-out test notes."""
    rng = random.Random(seed)
    sents = corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=exclude_notes)
    dev_texts = {r["text"] for r in corpus.load_dev()}
    pos, cue_neg, other_neg = [], [], []
    for _, s in sents:
        if s in dev_texts or s in exclude or len(s) < 8 or len(s) > 1200:
            continue
        ents = weak_labeller.label(s)
        if ents:
            pos.append((s, ents, weak_labeller.doubts(s, ents) if doubts else []))
        elif CUE_RE.search(s):
            cue_neg.append((s, [], []))
        else:
            other_neg.append((s, [], []))
    rng.shuffle(cue_neg)
    rng.shuffle(other_neg)
    n_neg = int(len(pos) * n_neg_ratio)
    neg = cue_neg[: int(n_neg * 0.7)] + other_neg[: n_neg - int(n_neg * 0.7) + n_quiet]
    data = pos + neg
    rng.shuffle(data)
    if limit:
        data = data[:limit]
    return data, {"pos": len(pos), "cue_neg": len(cue_neg), "neg_used": len(neg), "quiet_neg": n_quiet}


def weak_ade(seed, n=2000, doubts=True):
    """Weak-labelled ADE-corpus sentences as (text, entities, unlabelled spans), as weak_mtsamples."""
    rng = random.Random(seed)
    sents = corpus.ade_sentences()
    rng.shuffle(sents)
    out = []
    for s in sents[: n * 3]:
        ents = weak_labeller.label(s)
        if ents or rng.random() < 0.15:
            out.append((s, ents, weak_labeller.doubts(s, ents) if ents and doubts else []))
        if len(out) >= n:
            break
    return out


def generated(seed, n):
    single, _ = drug_lexicon()
    g = Generator(seed, extra_drugs=sorted(single))
    return g.generate(n)


def generated_contexts(seed, n_sig, n_status):
    """Generated sigs and status sentences (med7_train/gen_contexts.py): drug names from the whole lexicon,
    half of them from the generator's curated common names."""
    single, _ = drug_lexicon()
    common = Generator(seed)
    return ContextGenerator(seed + 1, sorted(single), common.common + common.multi).generate(n_sig, n_status)


def with_decoys(gen, share, seed, hand, exclude_notes=frozenset()):
    """Generated lines with decoy drugs (med7_train/decoys.py), and how many lines changed. The decoy
    words come from the training notes (never a dev or held-out note); a word the rules would label on
    its own, a lexicon drug or a word inside a hand-annotated entity is never a decoy."""
    single, multi = drug_lexicon()
    drug_words = single | {w for m in multi for w in m.split()}
    sents = [s for _, s in corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=exclude_notes)]

    def is_entity(w):
        return w in drug_words or bool(weak_labeller.label(w)) or bool(weak_labeller.label(w.capitalize()))

    words = decoys.decoy_words(sents, is_entity, not_drugs=[t[s:e] for t, ents in hand for s, e, _ in ents])
    out = decoys.add_decoys(gen, words, share, seed)
    return out, sum(a != b for a, b in zip(gen, out))


def held_out_extra():
    """(note ids, sentence texts) of the extra comparison set, for builds that hold it out
    (build --hold-out-extra): its notes leave all training text and its sentences the weak set (a few
    are boilerplate repeated word for word in other notes)."""
    return corpus.extra_note_ids(), {r["text"] for r in corpus.load_dev(paths.EXTRA_ANNOTATED)}


def mlm_texts(include_ade=True, seed=0, exclude_notes=frozenset()):
    """Lists of sentences per document for MLM packing (MTSamples notes; dev, held-out test and
    `exclude_notes` notes left out)."""
    docs = [corpus.split_sentences(t) for _, t in corpus.load_mtsamples(exclude_eval=True,
                                                                         exclude_notes=exclude_notes)]
    if include_ade:
        ade = corpus.ade_sentences()
        for i in range(0, len(ade), 8):
            docs.append(ade[i:i + 8])
    docs.append(corpus.medextractr_note_sentences())
    return docs


def encode_ner(wp, text, ents, unlabelled=(), max_len=128):
    """Encode one labelled sentence into one or more windows of (ids, labels) with labels on the first
    sub-token of each pre-token and -100 elsewhere. Pre-tokens outside `ents` that overlap an
    `unlabelled` span get -100 too: no loss either way."""
    toks = pretokenize(text)
    tags, _ = spans_to_bio(text, ents, toks)
    skip = [tag == "O" and any(ts < e and te > s for s, e in unlabelled) for (ts, te, _), tag in zip(toks, tags)]
    pieces = [wp.encode_word(t[2]) for t in toks]
    out = []
    i = 0
    while i < len(toks):
        ids, labs = [CLS], [-100]
        j = i
        while j < len(toks) and len(ids) + len(pieces[j]) < max_len - 1:
            ids.extend(pieces[j])
            labs.append(-100 if skip[j] else LABEL2ID[tags[j]])
            labs.extend([-100] * (len(pieces[j]) - 1))
            j += 1
        if j == i:  # a single huge pre-token: skip it
            i += 1
            continue
        # do not cut inside an entity: back off to the last O / B- boundary
        if j < len(toks) and tags[j].startswith("I-"):
            k = j
            while k > i + 1 and tags[k].startswith("I-"):
                k -= 1
            if k > i:
                cut = 1 + sum(len(pieces[x]) for x in range(i, k))
                ids, labs, j = ids[:cut], labs[:cut], k
        ids.append(SEP)
        labs.append(-100)
        out.append((ids, labs))
        i = j
    return out


def plan_windows(counts, size, overlap):
    """Windows [start, end) over pre-tokens whose piece counts fit in `size`, overlapping by up to
    `overlap` pieces, and for each pre-token the window it takes its tag from. Mirrors
    src/core/decode/windows.ts (planWindows + assignWindows) so the python-side score is the shipped one."""
    c = [min(max(0, x), size) for x in counts]
    n = len(c)
    windows = []
    start = 0
    while start < n:
        end, length = start, 0
        while end < n and length + c[end] <= size:
            length += c[end]
            end += 1
        windows.append((start, end))
        if end >= n:
            break
        nxt, shared = end, 0
        while nxt - 1 > start and shared + c[nxt - 1] <= overlap and shared + c[nxt - 1] + c[end] <= size:
            nxt -= 1
            shared += c[nxt]
        start = nxt
    prefix = [0]
    for x in c:
        prefix.append(prefix[-1] + x)
    owner, margin = [-1] * n, [-1] * n
    for w, (a, b) in enumerate(windows):
        for i in range(a, b):
            left = float("inf") if a == 0 else prefix[i] - prefix[a]
            right = float("inf") if b == n else prefix[b] - prefix[i + 1]
            m = min(left, right)
            if m > margin[i]:
                margin[i], owner[i] = m, w
    return windows, owner


def predict_spans(model, wp, texts, batch_size=32, max_len=128):
    """Run the token classifier on sentences and decode entity spans, the way the TypeScript side
    does: windows of max_len - 2 pieces overlapping by a quarter, the label of the first sub-token
    of each pre-token, taken from the window where the pre-token sits farthest from a cut, decoded
    by med7_train.decode (words kept whole, as src/core does)."""
    import torch
    from .decode import choose_tags, decode_tags
    from .pretok import BIO
    model.eval()
    device = next(model.parameters()).device
    size = max_len - 2
    overlap = min(size // 4, size - 1)
    items = []  # (text index, pre-token indices, ids, first-piece positions)
    plans = []
    for ti, t in enumerate(texts):
        toks = pretokenize(t)
        pieces = [wp.encode_word(x[2])[:size] for x in toks]
        windows, owner = plan_windows([len(p) for p in pieces], size, overlap)
        plans.append((toks, owner))
        for w, (a, b) in enumerate(windows):
            ids, first = [CLS], []
            for i in range(a, b):
                first.append(len(ids) if pieces[i] else -1)  # no pieces: not read, as in src/core
                ids.extend(pieces[i])
            ids.append(SEP)
            items.append((ti, w, a, ids, first))
    zero = [0.0] * len(BIO)
    probs_by_text = [[zero] * len(p[0]) for p in plans]
    with torch.no_grad():
        for b in range(0, len(items), batch_size):
            chunk = items[b:b + batch_size]
            L = max(len(x[3]) for x in chunk)
            ids = torch.zeros((len(chunk), L), dtype=torch.long)
            am = torch.zeros((len(chunk), L), dtype=torch.long)
            for k, x in enumerate(chunk):
                ids[k, :len(x[3])] = torch.tensor(x[3])
                am[k, :len(x[3])] = 1
            ids, am = ids.to(device), am.to(device)
            pred = model(ids, am, torch.zeros_like(ids)).softmax(-1).cpu()
            for k, (ti, w, a, _, first) in enumerate(chunk):
                owner = plans[ti][1]
                for j, f in enumerate(first):
                    if f >= 0 and owner[a + j] == w:
                        probs_by_text[ti][a + j] = pred[k, f].tolist()
    return [decode_tags(text, toks, choose_tags(toks, probs))
            for text, (toks, _), probs in zip(texts, plans, probs_by_text)]
