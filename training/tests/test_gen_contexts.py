"""Generated sigs and status sentences (med7_train/gen_contexts.py): labels by construction that follow
the sig sets' rules, drug names from the whole lexicon, and the build wiring of the presets."""
import re

from med7_train import build, data
from med7_train.gen_contexts import DOSE_UNITS, MAX_PHRASES, ContextGenerator

DRUGS = ["Aldactone", "keflex", "Zetia", "metformin", "Protonix", "colace", "ondansetron"]


def _lines(n_sig=400, n_status=400, seed=3):
    return ContextGenerator(seed, DRUGS, ["Lasix", "Toprol XL"]).generate(n_sig, n_status)


def test_spans_are_clean_sorted_and_disjoint():
    for text, ents in _lines():
        end = 0
        for s, e, label in ents:
            piece = text[s:e]
            assert end <= s < e and piece == piece.strip() and piece[-1] not in ",;", (text, piece)
            end = e


def test_sig_rules_hold_in_every_generated_sig():
    sigs = _lines(n_status=0)
    unit_re = re.compile(r"\b\d+ (?:%s)\b" % "|".join(DOSE_UNITS))
    seen_inhale = seen_max = seen_unit = 0
    for text, ents in sigs:
        labels = {text[s:e]: label for s, e, label in ents}
        for m in unit_re.finditer(text):  # a dose unit is one DOSAGE with its count, never a DRUG
            assert labels.get(m.group()) == "DOSAGE", text
            seen_unit += 1
        if text.startswith("inhale ") or " inhale " in text:
            assert labels.get("inhale") == "ROUTE", text
            seen_inhale += 1
        for phrase in MAX_PHRASES:
            i = text.find(f" {phrase} ")
            if i >= 0:  # the limit's words are never inside an entity
                assert all(not (s < i + 1 + len(phrase) and i + 1 < e) for s, e, _ in ents), text
                seen_max += 1
                break
    assert seen_inhale and seen_max and seen_unit


def test_status_lines_name_drugs_and_classes_from_the_lexicon_and_leave_symptoms_unmarked():
    lines = _lines(n_sig=0)
    drugs = [text[s:e] for text, ents in lines for s, e, label in ents if label == "DRUG"]
    assert {d.lower() for d in drugs} >= {d.lower() for d in DRUGS}
    assert any(d in ("ACE inhibitors", "beta blockers", "pressors", "hypoglycemics", "pain medicines") for d in drugs)
    for text, ents in lines:
        for noun in ("myalgias", "nadir", "knee"):
            i = text.find(noun)
            assert i < 0 or all(not (s <= i < e) for s, e, _ in ents), text


def test_the_same_seed_gives_the_same_lines():
    assert _lines(50, 50, seed=9) == _lines(50, 50, seed=9)
    assert _lines(50, 50, seed=9) != _lines(50, 50, seed=10)


def test_the_build_generates_them_from_the_whole_lexicon():
    lines = data.generated_contexts(7, 20, 20)
    assert len(lines) == 40


def test_the_presets_train_on_them():
    _, full = build.parse_args([])
    assert full["n_sig"] > 0 and full["n_status"] > 0 and full["context_hand"] is True
    _, smoke = build.parse_args(["--smoke"])
    assert smoke["n_sig"] > 0 and smoke["context_hand"] is True
    _, off = build.parse_args(["--n-sig", "0", "--n-status", "0", "--no-context-hand"])
    assert (off["n_sig"], off["n_status"], off["context_hand"]) == (0, 0, False)
