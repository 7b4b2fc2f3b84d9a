"""The hand annotations: the committed JSON Lines are exactly what the batch files build, with every
span checked (in the text, on word boundaries, no stray punctuation), and the held-out test set stays
apart from everything the model trains on."""
import importlib.util
import json
import re
import sys

import pytest

from med7_train import corpus, paths

TOOLS = paths.REPO_ROOT / "training" / "annotate"
BATCHES = paths.REPO_ROOT / "training" / "data" / "batches"
TEST_GOLD = paths.REPO_ROOT / "gold" / "test.jsonl"
EXTRA = paths.REPO_ROOT / "training" / "data" / "extra_annotated.jsonl"


def _build_module():
    spec = importlib.util.spec_from_file_location("annotate_build", TOOLS / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rebuild(tmp_path, *flags):
    out = tmp_path / "out.jsonl"
    assert _build_module().main([*flags, "--out", str(out)]) == 0  # 0 = no span problems
    return out.read_text(encoding="utf-8")


def test_hand_annotated_training_set_is_what_the_batches_build(tmp_path):
    assert _rebuild(tmp_path) == paths.HAND_ANNOTATED.read_text(encoding="utf-8")


def test_heldout_test_set_is_what_the_batches_build(tmp_path):
    assert _rebuild(tmp_path, "--heldout") == TEST_GOLD.read_text(encoding="utf-8")


def test_extra_comparison_set_is_what_the_batches_build(tmp_path):
    assert _rebuild(tmp_path, "--extra") == EXTRA.read_text(encoding="utf-8")


def test_extra_comparison_set_is_apart_from_the_other_annotations_and_dev():
    recs = [json.loads(l) for l in EXTRA.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(recs) >= 390
    notes = {r["id"].split("-")[1] for r in recs}
    others = [paths.HAND_ANNOTATED, TEST_GOLD]
    other_notes = {json.loads(l)["id"].split("-")[1] for p in others for l in p.read_text(encoding="utf-8").splitlines()}
    assert not notes & (other_notes | corpus.dev_note_ids())
    assert not {r["text"] for r in recs} & {r["text"] for r in corpus.load_dev()}


def test_heldout_test_set_is_apart_from_training_and_dev():
    recs = [json.loads(l) for l in TEST_GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(recs) >= 150
    notes = {r["id"].split("-")[1] for r in recs}
    assert notes <= corpus.heldout_note_ids()
    texts = {r["text"] for r in recs}
    assert not texts & {r["text"] for r in corpus.load_dev()}
    assert not texts & {json.loads(l)["text"] for l in paths.HAND_ANNOTATED.read_text(encoding="utf-8").splitlines()}
    # not even as boilerplate repeated in another note (compared without case and punctuation)
    train = {_norm(s) for _, s in corpus.mtsamples_sentences(exclude_eval=True)}
    assert not {_norm(t) for t in texts} & train


def _norm(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


REVIEW_ROUNDS = [("--review", paths.REVIEW_ANNOTATED, 1300), ("--review3", paths.REVIEW3_ANNOTATED, 700),
                 ("--review4", paths.REVIEW4_ANNOTATED, 450)]


@pytest.mark.parametrize("flag,path,_", REVIEW_ROUNDS)
def test_review_set_is_what_the_batches_build(tmp_path, flag, path, _):
    assert _rebuild(tmp_path, flag) == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("flag,path,at_least", REVIEW_ROUNDS)
def test_review_set_is_training_text_only(flag, path, at_least):
    """The reviewed sentences are trained on, so none may come from a dev, held-out test or extra
    comparison note, and none may repeat a sentence of another annotated set or review round."""
    recs = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(recs) >= at_least
    notes = {r["id"].split("-")[1] for r in recs}
    extra_notes = {json.loads(l)["id"].split("-")[1] for l in EXTRA.read_text(encoding="utf-8").splitlines()}
    assert not notes & (corpus.heldout_note_ids() | corpus.dev_note_ids() | extra_notes)
    others = [paths.HAND_ANNOTATED, TEST_GOLD, EXTRA] + [p for _, p, _ in REVIEW_ROUNDS if p != path]
    other_texts = {json.loads(l)["text"] for p in others for l in p.read_text(encoding="utf-8").splitlines()}
    assert not {r["text"] for r in recs} & (other_texts | {r["text"] for r in corpus.load_dev()})


THIRD = paths.REPO_ROOT / "gold" / "third.jsonl"


FOURTH = paths.REPO_ROOT / "gold" / "fourth.jsonl"


@pytest.mark.parametrize("name", ["third", "fourth"])
def test_double_annotated_set_is_what_the_merged_batches_build(tmp_path, name):
    """gold/SET.jsonl comes from SET_batch01.txt, which merge_double.py writes from the two
    independent annotations and the adjudication; both steps are replayed here."""
    merged = tmp_path / "merged.txt"
    spec = importlib.util.spec_from_file_location("merge_double", TOOLS / "merge_double.py")
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(TOOLS))
    try:
        spec.loader.exec_module(mod)
        mod.main(["--set", name, "--out", str(merged)])
    finally:
        sys.path.remove(str(TOOLS))
    assert merged.read_text(encoding="utf-8") == (BATCHES / f"{name}_batch01.txt").read_text(encoding="utf-8")
    gold = paths.REPO_ROOT / "gold" / f"{name}.jsonl"
    assert _rebuild(tmp_path, f"--{name}") == gold.read_text(encoding="utf-8")


def test_fourth_set_is_held_out_text():
    """Drawn from the extra set's notes, which the builds leave out (--hold-out-extra), none of it an
    annotated or gold sentence, and none of it repeated in the training text those builds use."""
    from med7_train import data

    recs = [json.loads(l) for l in FOURTH.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(recs) >= 150
    held_notes, _ = data.held_out_extra()
    assert {r["id"].split("-")[1] for r in recs} <= held_notes
    texts = {r["text"] for r in recs}
    annotated = [EXTRA, TEST_GOLD, THIRD, paths.HAND_ANNOTATED] + [p for _, p, _ in REVIEW_ROUNDS]
    others = {json.loads(l)["text"] for p in annotated for l in p.read_text(encoding="utf-8").splitlines()}
    assert not texts & (others | {r["text"] for r in corpus.load_dev()})
    train = {_norm(s) for _, s in corpus.mtsamples_sentences(exclude_eval=True, exclude_notes=held_notes)}
    assert not {_norm(t) for t in texts} & train


def test_third_set_is_held_out_text():
    """Drawn from the dev and test notes (never trained on), none of it a gold sentence, and none
    of it repeated in the training text, not even as boilerplate."""
    recs = [json.loads(l) for l in THIRD.read_text(encoding="utf-8").splitlines() if l.strip()]
    assert len(recs) >= 350
    notes = {r["id"].split("-")[1] for r in recs}
    assert notes <= corpus.heldout_note_ids() | corpus.dev_note_ids()
    texts = {r["text"] for r in recs}
    gold = {r["text"] for r in corpus.load_dev()} | {json.loads(l)["text"] for l in TEST_GOLD.read_text(encoding="utf-8").splitlines()}
    assert not texts & gold
    train = {_norm(s) for _, s in corpus.mtsamples_sentences(exclude_eval=True)}
    assert not {_norm(t) for t in texts} & train


@pytest.mark.parametrize("flag, built", [("--context", paths.CONTEXT_ANNOTATED), ("--dosing", paths.DOSING_ANNOTATED)])
def test_context_sentences_are_what_the_batches_build_and_stay_apart_from_every_gold_set(tmp_path, flag, built):
    context = built.read_text(encoding="utf-8")
    assert _rebuild(tmp_path, flag) == context
    texts = {json.loads(l)["text"] for l in context.splitlines() if l.strip()}
    notes = {json.loads(l)["id"].split("-")[1] for l in context.splitlines() if l.strip()}
    for gold in (paths.REPO_ROOT / "gold").glob("*.jsonl"):
        records = [json.loads(l) for l in gold.read_text(encoding="utf-8").splitlines() if l.strip()]
        assert not texts & {r.get("text") for r in records}, gold.name
        # no note of a status gold part (the status test part above all) is drawn from
        assert not notes & {r["id"].split("-")[1] for r in records if r.get("id", "").startswith("status-")}, gold.name
    assert not notes & (corpus.dev_note_ids() | corpus.heldout_note_ids() | corpus.extra_note_ids())
