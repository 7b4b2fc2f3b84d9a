"""Datasets: MLM text, weak-labelled MTSamples / ADE sentences, generated lines, hand annotations."""
import json
import random
import re

from . import corpus, paths, weak_labeller
from .generator import Generator
from .lexicons import drug_lexicon
from .pretok import LABEL2ID, pretokenize, spans_to_bio
from .tokenizer import CLS, SEP, encode_pretokens

CUE_RE = re.compile(r"\b(?:mg|mcg|mL|ml|cc|units?|tablets?|capsules?|p\.o\.|po|PO|IV|IM|b\.i\.d\.|bid|q\.d\.|daily|"
                    r"prn|p\.r\.n\.|subcutaneous|capsule|injection|ointment|drops|medications?|anesthesia|Vicryl|"
                    r"[Ee]stimated blood loss|EBL|January|February|March|April|May|June|July|August|September|"
                    r"October|November|December|nightly|twice|weekly|%)")


def load_hand_annotated():
    p = paths.HAND_ANNOTATED
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


def weak_mtsamples(seed, n_neg_ratio=0.5, limit=None):
    """Weak-labelled MTSamples sentences: all with entities plus a share of cue-bearing and random negatives."""
    rng = random.Random(seed)
    sents = corpus.mtsamples_sentences(exclude_dev=True)
    dev_texts = {r["text"] for r in corpus.load_dev()}
    pos, cue_neg, other_neg = [], [], []
    for _, s in sents:
        if s in dev_texts or len(s) < 8 or len(s) > 1200:
            continue
        ents = weak_labeller.label(s)
        if ents:
            pos.append((s, ents))
        elif CUE_RE.search(s):
            cue_neg.append((s, []))
        else:
            other_neg.append((s, []))
    rng.shuffle(cue_neg)
    rng.shuffle(other_neg)
    n_neg = int(len(pos) * n_neg_ratio)
    neg = cue_neg[: int(n_neg * 0.7)] + other_neg[: n_neg - int(n_neg * 0.7)]
    data = pos + neg
    rng.shuffle(data)
    if limit:
        data = data[:limit]
    return data, {"pos": len(pos), "cue_neg": len(cue_neg), "neg_used": len(neg)}


def weak_ade(seed, n=2000):
    rng = random.Random(seed)
    sents = corpus.ade_sentences()
    rng.shuffle(sents)
    out = []
    for s in sents[: n * 3]:
        ents = weak_labeller.label(s)
        if ents or rng.random() < 0.15:
            out.append((s, ents))
        if len(out) >= n:
            break
    return out


def generated(seed, n):
    single, _ = drug_lexicon()
    g = Generator(seed, extra_drugs=sorted(single))
    return g.generate(n)


def mlm_texts(include_ade=True, seed=0):
    """Lists of sentences per document for MLM packing (MTSamples notes, dev notes excluded)."""
    docs = [corpus.split_sentences(t) for _, t in corpus.load_mtsamples(exclude_dev=True)]
    if include_ade:
        ade = corpus.ade_sentences()
        for i in range(0, len(ade), 8):
            docs.append(ade[i:i + 8])
    docs.append(corpus.medextractr_note_sentences())
    return docs


def encode_ner(wp, text, ents, max_len=128):
    """Encode one labelled sentence into one or more windows of (ids, labels) with labels on the first
    sub-token of each pre-token and -100 elsewhere."""
    toks = pretokenize(text)
    tags, _ = spans_to_bio(text, ents, toks)
    pieces = [wp.encode_word(t[2]) for t in toks]
    out = []
    i = 0
    while i < len(toks):
        ids, labs = [CLS], [-100]
        j = i
        while j < len(toks) and len(ids) + len(pieces[j]) < max_len - 1:
            ids.extend(pieces[j])
            labs.append(LABEL2ID[tags[j]])
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


def predict_spans(model, wp, texts, batch_size=32):
    """Run the token classifier on sentences and decode entity spans (python-side inference, same
    rule as the TypeScript side: label of the first sub-token of each pre-token)."""
    import torch
    from .pretok import BIO, bio_to_spans
    model.eval()
    results = []
    with torch.no_grad():
        for b in range(0, len(texts), batch_size):
            chunk = texts[b:b + batch_size]
            enc = []
            for t in chunk:
                toks = pretokenize(t)
                ids, first = encode_pretokens(wp, [x[2] for x in toks], max_len=512)
                enc.append((toks, ids, first))
            L = max(len(e[1]) for e in enc)
            ids = torch.zeros((len(enc), L), dtype=torch.long)
            am = torch.zeros((len(enc), L), dtype=torch.long)
            for k, (_, x, _) in enumerate(enc):
                ids[k, :len(x)] = torch.tensor(x)
                am[k, :len(x)] = 1
            logits = model(ids, am, torch.zeros_like(ids))
            pred = logits.argmax(-1)
            for k, (toks, _, first) in enumerate(enc):
                tags = [BIO[int(pred[k, f])] if f is not None else "O" for f in first]
                results.append(bio_to_spans(toks, tags))
    return results
