"""The status gold of medExtractR's Vanderbilt notes: our offsets joined to the shared text."""
import importlib.util
import re

from med7_train import paths

BUILDER = paths.REPO_ROOT / "gold" / "status" / "medextractr.py"


def _records():
    spec = importlib.util.spec_from_file_location("medextractr_gold", BUILDER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.records())


def test_every_note_joins_its_text_and_every_drug_has_a_status():
    records = _records()
    assert len(records) == 12
    assert sum(len(r["status"]) for r in records) == 202
    for r in records:
        for start, end, label in r["entities"]:
            piece = r["text"][start:end]
            assert piece == piece.strip() and piece, (r["id"], start, piece)
            if label == "DRUG":
                # A drug span starts and ends on a word boundary.
                assert re.match(r"\w", piece) and not re.match(r"\w", r["text"][end : end + 1]), piece


def test_the_allergy_list_of_a_note_is_marked_allergy():
    note = next(r for r in _records() if r["id"] == "medextractr-lampid1_2016-02-05_note4_1")
    allergies = [r for r in note["status"] if r[2] == "allergy"]
    assert [note["text"][a:b] for a, b, _ in allergies] == ["penicillin"]
