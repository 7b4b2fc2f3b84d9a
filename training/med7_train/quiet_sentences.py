"""Held-out sentences without any sign of a medication, for counting false alarms.

Dev and held-out test notes are never trained on, but their gold files hold only a sentence or two
per note. The rest of those notes is ordinary clinical prose: history, exam, procedure steps. This
prints, as JSON Lines, every sentence of those notes in which the weak labeller finds no medication
and no medication cue (data.CUE_RE) matches, minus the gold sentences. An entity the model finds in
them is almost always a false alarm (`stairs` or `divorced` as DRUG), a failure the medication-heavy
gold sets barely show.
  python3 -m med7_train.quiet_sentences > quiet.jsonl
  python3 -m med7_train.quiet_sentences --count annotated.jsonl   (the same after `med7 annotate`)
"""
import json
import sys

from . import corpus, data, paths, weak_labeller


def quiet_sentences():
    eval_notes = corpus.dev_note_ids() | corpus.heldout_note_ids()
    gold = {r["text"] for r in corpus.load_dev()}
    test = paths.REPO_ROOT / "gold" / "test.jsonl"
    if test.exists():
        gold |= {json.loads(l)["text"] for l in test.read_text(encoding="utf-8").splitlines() if l.strip()}
    out, seen = [], set()
    for nid, text in corpus.load_mtsamples(exclude_eval=False):
        if nid not in eval_notes:
            continue
        for s in corpus.split_sentences(text):
            if s in seen or s in gold or not corpus.annotatable_sentence(s):
                continue
            seen.add(s)
            if not data.CUE_RE.search(s) and not weak_labeller.label(s):
                out.append({"id": f"quiet-{nid}-{len(out)}", "text": s})
    return out


def count_alarms(records):
    """How many entities a tagger found in the quiet sentences, and in how many sentences, per label."""
    by_label = {}
    for r in records:
        for _, _, label in r["entities"]:
            by_label[label] = by_label.get(label, 0) + 1
    return {"sentences": len(records), "sentences_with_entities": sum(1 for r in records if r["entities"]),
            "entities": sum(by_label.values()), "by_label": dict(sorted(by_label.items()))}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--count"]:
        with open(argv[1], encoding="utf-8") as f:
            recs = [json.loads(line) for line in f if line.strip()]
        sys.stdout.write(json.dumps(count_alarms(recs), indent=1) + "\n")
        return
    for r in quiet_sentences():
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
