"""The status classifier experiment (training/status/train.py): the logistic regression learns a
status from its cue features, leave-one-part-out never trains on the part it predicts nor on the
shared dev.jsonl's records, and the report counts the safety cases of STATUS.md."""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("status_train", os.path.join(HERE, "..", "status", "train.py"))
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)


def _row(part, gold, cue, shared=False, rules="active"):
    return {"part": part, "id": f"{part}-{gold}-{cue}", "note": part, "shared": shared, "gold": gold,
            "rules": rules, "features": ["bias", f"l1:{cue}", f"r=active@none"]}


def test_learns_a_status_from_its_cue_word():
    rows = [_row(p, g, c) for p in "abc" for g, c in [("stopped", "discontinued"), ("allergy", "allergic"),
                                                      ("planned", "start")] for _ in range(3)]
    index, w = train.fit(rows)
    probe = [_row("x", "stopped", "discontinued"), _row("x", "allergy", "allergic"), _row("x", "planned", "start")]
    assert train.predict(index, w, probe) == ["stopped", "allergy", "planned"]


def test_leave_one_part_out_never_sees_the_held_out_part_or_shared_records():
    # Part "c" alone uses the word "held": held out, it cannot be learned, so it is not predicted.
    rows = [_row(p, "stopped", "discontinued") for p in "ab" for _ in range(3)]
    rows += [_row(p, "allergy", "allergic") for p in "ab" for _ in range(3)]
    rows += [_row("c", "held", "held") for _ in range(3)]
    # Shared records that would teach it are never trained on.
    rows += [_row("s", "held", "held", shared=True) for _ in range(3)]
    pred = train.cv(rows, "part")
    assert all(p != "held" for r, p in zip(rows, pred) if r["part"] == "c")
    assert all(p == r["gold"] for r, p in zip(rows, pred) if r["part"] in "ab")


def test_strip_rules_removes_the_rules_answer_and_its_cue():
    rows = train.strip_rules([{"features": ["bias", "r=allergy", "r=allergy@before", "cue=allergic_to", "l1:to"]}])
    assert rows[0]["features"] == ["bias", "l1:to"]


def test_report_counts_safety_cases(capsys):
    gold = ["allergy", "negated", "stopped", "stopped", "active"]
    pred = ["active", "negated", "given", "held", "active"]
    train.report("x", gold, pred)
    out = capsys.readouterr().out
    assert "accuracy 0.400" in out and "safety 2" in out
