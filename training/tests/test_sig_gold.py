"""The sig gold sets (gold/sig-*.jsonl) are what gold/sig/build.py writes from gold/sig/sigs.txt, hold
valid Med7 spans, keep their halves comparable, and share no sig with the hand-annotated training data."""
import collections
import json
import subprocess
import sys

from med7_train import paths
from med7_train.pretok import LABELS

GOLD = paths.REPO_ROOT / "gold"


def _read(name):
    return [json.loads(l) for l in (GOLD / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def test_the_sig_sets_are_what_the_source_builds():
    run = subprocess.run([sys.executable, str(GOLD / "sig" / "build.py"), "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_sig_spans_are_valid_and_the_halves_comparable():
    halves = {}
    for half in ("dev", "test"):
        records = _read(f"sig-{half}.jsonl")
        for r in records:
            ends = 0
            for s, e, label in r["entities"]:
                assert label in LABELS and ends <= s < e <= len(r["text"])
                assert r["text"][s:e] == r["text"][s:e].strip()
                ends = e
        halves[half] = collections.Counter(r["id"].split("-")[2] for r in records)
    assert len(halves["dev"]) == 8 and sum(halves["dev"].values()) >= 100
    # every style is split as evenly as its size allows
    assert all(abs(halves["dev"][k] - halves["test"][k]) <= 1 for k in halves["dev"] | halves["test"])


def test_no_sig_is_in_the_hand_annotated_training_data():
    sigs = {r["text"].lower() for half in ("dev", "test") for r in _read(f"sig-{half}.jsonl")}
    for f in (paths.REPO_ROOT / "training" / "data").glob("*_annotated.jsonl"):
        texts = {json.loads(l)["text"].lower() for l in f.read_text(encoding="utf-8").splitlines() if l.strip()}
        assert not sigs & texts, f.name
