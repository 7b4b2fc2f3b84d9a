"""The weak labeller on prescription sigs and status sentences (med7_train/sig_rules.py, lexicons.CLASSES):
one case per error class of issues #32 and #34, with exact spans."""
import pytest

from med7_train import weak_labeller


def spans(text):
    return [(text[s:e], label) for s, e, label in weak_labeller.label(text)]


@pytest.mark.parametrize("text, expected", [
    # dose units beyond tablets: one DOSAGE with their count, never a FORM or DRUG
    ("inject 6 clicks subcutaneously daily",
     [("6 clicks", "DOSAGE"), ("subcutaneously", "ROUTE"), ("daily", "FREQUENCY")]),
    ("take 1 packet by mouth daily", [("1 packet", "DOSAGE"), ("by mouth", "ROUTE"), ("daily", "FREQUENCY")]),
    ("apply 1 application topically twice daily",
     [("1 application", "DOSAGE"), ("topically", "ROUTE"), ("twice daily", "FREQUENCY")]),
    # spelled-out units after a sig verb
    ("take 17 grams by mouth daily", [("17 grams", "STRENGTH"), ("by mouth", "ROUTE"), ("daily", "FREQUENCY")]),
    ("take ten milliliters by mouth every 12 hours",
     [("ten milliliters", "DOSAGE"), ("by mouth", "ROUTE"), ("every 12 hours", "FREQUENCY")]),
    # routes as nouns, phrases and the verb inhale
    ("2 puffs inhalation every 4 hours as needed",
     [("2 puffs", "DOSAGE"), ("inhalation", "ROUTE"), ("every 4 hours as needed", "FREQUENCY")]),
    ("use 1 vial via nebulizer every 6 hours",
     [("1 vial", "DOSAGE"), ("via nebulizer", "ROUTE"), ("every 6 hours", "FREQUENCY")]),
    ("inhale 2 puffs into the lungs twice daily",
     [("inhale", "ROUTE"), ("2 puffs", "DOSAGE"), ("into the lungs", "ROUTE"), ("twice daily", "FREQUENCY")]),
    ("instill 1 drop in left eye three times daily",
     [("1 drop", "DOSAGE"), ("in left eye", "ROUTE"), ("three times daily", "FREQUENCY")]),
    # max-dose phrases: no FREQUENCY or DRUG in the limit
    ("take 1 tablet by mouth every 6 hours as needed for pain max daily dose 4 tablets",
     [("1", "DOSAGE"), ("tablet", "FORM"), ("by mouth", "ROUTE"), ("every 6 hours as needed", "FREQUENCY"),
      ("4", "DOSAGE"), ("tablets", "FORM")]),
    # frequency tails and counts
    ("take 1 tablet by mouth 2 (two) times daily",
     [("1", "DOSAGE"), ("tablet", "FORM"), ("by mouth", "ROUTE"), ("2 (two) times daily", "FREQUENCY")]),
    ("take 1 tablet by mouth once daily in the morning before breakfast",
     [("1", "DOSAGE"), ("tablet", "FORM"), ("by mouth", "ROUTE"),
      ("once daily in the morning before breakfast", "FREQUENCY")]),
    ("take 1 tablet by mouth every 6 (six) hours as needed for pain",
     [("1", "DOSAGE"), ("tablet", "FORM"), ("by mouth", "ROUTE"), ("every 6 (six) hours as needed", "FREQUENCY")]),
    # drug classes and generic phrases in status sentences
    ("He is allergic to ACE inhibitors and beta blockers.", [("ACE inhibitors", "DRUG"), ("beta blockers", "DRUG")]),
    ("He was on pressors overnight.", [("pressors", "DRUG")]),
    ("She takes hypoglycemics and pain medicines.", [("hypoglycemics", "DRUG"), ("pain medicines", "DRUG")]),
    ("Allergic to sulfa, which caused a rash.", [("sulfa", "DRUG")]),
])
def test_sig_and_status_error_classes(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "Inhale deeply and hold your breath.",
    "There is a small lesion under the tongue.",
    "The maximum daily temperature was 38.5.",
    "She has myalgias at the nadir.",
])
def test_prose_stays_quiet(text):
    assert spans(text) == []
