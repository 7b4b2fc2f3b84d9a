"""Decoy drugs: generated medication lines in which one drug is swapped for an ordinary word, taught as O.

Why: nearly a third (30 %) of the generator's drug slots hold rare names from an 18,000-name lexicon, so the model
learns that almost any unfamiliar word in a medication-like position is a DRUG. On held-out text most of
its false positives are exactly that (`option`, `noon`, `all` in medication lists; `ride`, `proverb` in
prose). A decoy line keeps the context and every other label but puts a word from the clinical notes
that is not a medication where a drug was, so that the word itself, not only its neighbours, has to
decide.
"""
import collections
import random
import re

WORD_RE = re.compile(r"[a-z]{3,14}")


def decoy_words(sentences, is_entity, not_drugs=(), min_count=3):
    """Lower-case words of `sentences` seen at least `min_count` times, with a sampling weight (the
    square root of the count: common words often, rarer clinical words too). `is_entity(word)` is true
    for words that could be an entity on their own (lexicon drugs, forms, routes, frequency words);
    those and the words of `not_drugs` (entity texts from hand annotations) are left out."""
    counts = collections.Counter(w for s in sentences for w in WORD_RE.findall(s.lower()))
    banned = {w.lower() for t in not_drugs for w in WORD_RE.findall(t.lower())}
    return [(w, c ** 0.5) for w, c in sorted(counts.items())
            if c >= min_count and w not in banned and not is_entity(w)]


def _cased_like(word, original):
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word.capitalize()
    return word


def with_decoy(text, ents, word, rng):
    """One DRUG entity of (text, ents), chosen with `rng`, replaced by `word` (cased like it) and
    dropped from the entities; later offsets shift. Unchanged if the line has no DRUG."""
    drugs = [e for e in ents if e[2] == "DRUG"]
    if not drugs:
        return text, ents
    s, e, _ = rng.choice(drugs)
    new = _cased_like(word, text[s:e])
    shift = len(new) - (e - s)
    out = []
    for es, ee, lab in ents:
        if (es, ee) == (s, e):
            continue
        out.append([es + shift, ee + shift, lab] if es >= e else [es, ee, lab])
    return text[:s] + new + text[e:], out


def add_decoys(lines, words, share, seed):
    """`lines` of (text, entities) with a `share` of those that name a drug turned into decoy lines.
    A separate random stream, so the generated lines themselves do not change with the share."""
    if share <= 0 or not words:
        return list(lines)
    rng = random.Random(f"decoys-{seed}")
    vocab = [w for w, _ in words]
    weights = [x for _, x in words]
    out = []
    for text, ents in lines:
        if any(lab == "DRUG" for _, _, lab in ents) and rng.random() < share:
            text, ents = with_decoy(text, ents, rng.choices(vocab, weights)[0], rng)
        out.append((text, ents))
    return out
