import pytest

from med7_train import weak_labeller


def lab(text):
    return [(text[s:e], l) for s, e, l in weak_labeller.label(text)]


def test_med7_readme_style():
    t = "A patient was prescribed Magnesium hydroxide 400mg/5ml suspension PO of total 30ml bid for the next 5 days."
    assert lab(t) == [("Magnesium hydroxide", "DRUG"), ("400mg/5ml", "STRENGTH"), ("suspension", "FORM"),
                      ("PO", "ROUTE"), ("30ml", "DOSAGE"), ("bid", "FREQUENCY"), ("for the next 5 days", "DURATION")]


def test_list_item_dotted_abbreviations_keep_dots():
    assert lab("Norvasc 5 mg p.o. b.i.d.,3.") == [("Norvasc", "DRUG"), ("5 mg", "STRENGTH"), ("p.o.", "ROUTE"),
                                                 ("b.i.d.", "FREQUENCY")]
    assert lab("Atenolol 25 mg po qd.") == [("Atenolol", "DRUG"), ("25 mg", "STRENGTH"), ("po", "ROUTE"),
                                           ("qd", "FREQUENCY")]


def test_timing_and_as_needed_are_one_span():
    assert ("q.6h. p.r.n.", "FREQUENCY") in lab("Tylenol 650 mg p.o. q.6h. p.r.n. fever.")
    assert ("every 6 hours as needed", "FREQUENCY") in lab("Motrin 400 mg by mouth every 6 hours as needed.")


def test_counts_and_forms():
    assert lab("Take 2 tablets by mouth twice a day.") == [("2", "DOSAGE"), ("tablets", "FORM"),
                                                          ("by mouth", "ROUTE"), ("twice a day", "FREQUENCY")]
    assert ("2 puffs", "DOSAGE") in lab("Albuterol inhaler 2 puffs every 4 hours as needed.")


def test_combination_strength_and_attributes_before_drug():
    assert ("5/325 mg", "STRENGTH") in lab("Norco 5/325 mg one tablet q.4h. p.r.n.")
    assert lab("He received daily 1 g Rocephin.")[:3] == [("daily", "FREQUENCY"), ("1 g", "STRENGTH"),
                                                          ("Rocephin", "DRUG")]


def test_local_anaesthetic_volumes_and_ratio():
    got = lab("Then 10 mL of 2% lidocaine with 1:100,000 epinephrine was infiltrated.")
    assert got == [("10 mL", "DOSAGE"), ("2%", "STRENGTH"), ("lidocaine", "DRUG"), ("1:100,000", "STRENGTH"),
                   ("epinephrine", "DRUG")]


def test_duration():
    assert ("x 10 days", "DURATION") in lab("Keflex 500 mg q.i.d. x 10 days.")
    assert ("for 2 weeks", "DURATION") in lab("Continue prednisone 10 mg daily for 2 weeks.")


@pytest.mark.parametrize("text", [
    "ESTIMATED BLOOD LOSS: , 150 mL.",
    "The fascia was closed with #2-0 Vicryl and the skin with 4-0 nylon.",
    "The subcutaneous tissue was irrigated.",
    "She was seen in May and again in March 2004.",
    "Sodium 139, potassium 4.1, glucose 98 mg/dL.",
    "REPLACEMENTS: ,2 units of packed cells.",
    "An IV was started and IV sedation was given.",
    "Blood pressure 130/80, pulse 72, oxygen saturation 98% on 2 liters of oxygen.",
    "She denies chest pain with activities of daily living.",
    "Teeth #3 and #14 were extracted.",
    "The joint capsule was incised.",
])
def test_negatives(text):
    assert lab(text) == []


def test_spans_have_no_trailing_punctuation():
    for t in ["Lasix 40 mg daily.", "Coumadin 5 mg q.h.s.", "aspirin 81 mg, Plavix 75 mg."]:
        for s, e, _ in weak_labeller.label(t):
            assert t[s:e] == t[s:e].strip()
            assert not t[s:e].endswith(",")


def test_site_word_before_a_form_is_the_route():
    assert lab("Flonase 50 mcg nasal spray as needed.") == [
        ("Flonase", "DRUG"), ("50 mcg", "STRENGTH"), ("nasal", "ROUTE"), ("spray", "FORM"), ("as needed", "FREQUENCY")]
    assert lab("Timolol eye drops.") == [("Timolol", "DRUG"), ("eye", "ROUTE"), ("drops", "FORM")]


def test_doubts_are_turned_down_mentions_only():
    t = "She takes lithium and 20 mL of solution in the a.m. Her medications p.r.n."
    spans = weak_labeller.label(t)
    assert [(t[s:e], lab) for s, e, lab in spans] == [("p.r.n.", "FREQUENCY")]
    assert [t[s:e] for s, e in weak_labeller.doubts(t, spans)] == ["lithium", "20 mL", "solution", "in the a.m."]
    # nothing the rules accepted is a doubt
    t = "Lasix 40 mg IV b.i.d. for 3 days."
    assert weak_labeller.doubts(t) == []
