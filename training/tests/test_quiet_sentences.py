"""The false-alarm yardstick: held-out prose with no sign of a medication, and the count over it."""
import json

from med7_train import corpus, data, paths, quiet_sentences, weak_labeller


def test_quiet_sentences_are_held_out_prose_without_any_medication_sign():
    recs = quiet_sentences.quiet_sentences()
    assert len(recs) > 5000
    eval_notes = corpus.dev_note_ids() | corpus.heldout_note_ids()
    assert all(r["id"].split("-")[1] in eval_notes for r in recs)
    gold = {r["text"] for r in corpus.load_dev()}
    gold |= {json.loads(l)["text"] for l in (paths.REPO_ROOT / "gold" / "test.jsonl").read_text().splitlines()}
    texts = [r["text"] for r in recs]
    assert len(set(texts)) == len(texts) and not set(texts) & gold
    for t in texts[::97]:  # a sample: the labeller is slow
        assert not data.CUE_RE.search(t) and not weak_labeller.label(t)


def test_count_alarms_counts_sentences_and_entities_per_label():
    recs = [{"text": "He climbs stairs.", "entities": [[10, 16, "DRUG"]]},
            {"text": "No pain.", "entities": []},
            {"text": "Divorced, twice.", "entities": [[0, 8, "DRUG"], [10, 15, "FREQUENCY"]]}]
    assert quiet_sentences.count_alarms(recs) == {
        "sentences": 3, "sentences_with_entities": 2, "entities": 3, "by_label": {"DRUG": 2, "FREQUENCY": 1}}
