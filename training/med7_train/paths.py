"""Path resolution: everything is relative to the repository root, with shared data at ../shared."""
from pathlib import Path
import os

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("MED7_SHARED", REPO_ROOT.parent / "shared")).resolve()
DATA = SHARED / "data"
MTSAMPLES = DATA / "mtsamples" / "mtsamples.csv"
DEV = DATA / "gold" / "dev.jsonl"
RXNORM = DATA / "medextractr" / "dictionaries" / "rxnorm_druglist.txt"
PARSIGS_DRUGS = DATA / "parsigs" / "drug_names.txt"
PARSIGS_FREQ = DATA / "parsigs" / "latin_frequency.json"
WHO_EML = DATA / "gnuhealth" / "who_eml_medicaments.csv"
ADE_DIR = DATA / "ade_corpus_v2"
MEDEXTRACTR_NOTES = DATA / "medextractr" / "example_notes"
PARSERX_FORMS = DATA / "parserx" / "dose_form_rxcui_to_method_dose_unit_and_route.csv"
HAND_ANNOTATED = REPO_ROOT / "training" / "data" / "hand_annotated.jsonl"
# hand annotations of training sentences where build #6 and the weak labeller disagreed (select_review.py)
REVIEW_ANNOTATED = REPO_ROOT / "training" / "data" / "review_annotated.jsonl"
# the third review round: build #10's disagreements with the labeller plus agreements on rule-found
# medications, on training sentences not drawn before (select_review.py --round3)
EXTRA_ANNOTATED = REPO_ROOT / "training" / "data" / "extra_annotated.jsonl"
REVIEW3_ANNOTATED = REPO_ROOT / "training" / "data" / "review3_annotated.jsonl"
# the fourth review round, the same way with build #16 (select_review.py --round4)
REVIEW4_ANNOTATED = REPO_ROOT / "training" / "data" / "review4_annotated.jsonl"
# hand-annotated MTSamples sentences of allergy, stop, hold, plan and negation contexts (issue #34)
CONTEXT_ANNOTATED = REPO_ROOT / "training" / "data" / "context_annotated.jsonl"
# hand-annotated MTSamples sentences of the dosing error classes of issue #32 (volumes, puffs, tapers, ...)
DOSING_ANNOTATED = REPO_ROOT / "training" / "data" / "dosing_annotated.jsonl"
# the notes the held-out test set (gold/test.jsonl) was drawn from: kept out of all training text
HELDOUT_CANDIDATES = REPO_ROOT / "training" / "data" / "batches" / "heldout_candidates.jsonl"
WORK = REPO_ROOT / "training" / "work"
MODEL_DIR = REPO_ROOT / "models" / "med7-compact"
