"""The python decoder against the cases shared with src/core/choose-tags.test.ts."""
import json

from med7_train import paths
from med7_train.decode import choose_tags, decode_tags, word_groups
from med7_train.pretok import pretokenize

CASES = json.loads((paths.REPO_ROOT / "src" / "core" / "decode.cases.json").read_text(encoding="utf-8"))


def test_shared_cases_decode_like_typescript():
    tags = CASES["tags"]
    assert CASES["cases"]
    for case in CASES["cases"]:
        toks = pretokenize(case["text"])
        assert len(toks) == len(case["probs"]), case["name"]
        probs = [[row.get(t, 0.0) for t in tags] for row in case["probs"]]
        got = decode_tags(case["text"], toks, choose_tags(toks, probs, tags))
        assert got == case["entities"], case["name"]


def test_word_groups_match_the_typescript_ones():
    text = "Take q.d. 400mg/5ml D3 h.s., 0.5% q8h"
    toks = pretokenize(text)
    got = [text[toks[a][0]:toks[b - 1][1]] for a, b in word_groups(toks)]
    assert got == ["Take", "q.d.", "400mg", "/", "5ml", "D3", "h.s.", ",", "0.5", "%", "q8h"]
    for text, want in [("q.daily. 0.5. daily. q.d .", ["q.daily", ".", "0.5", ".", "daily", ".", "q.d", "."]),
                       ("b.i.d.. q.12h.", ["b.i.d.", ".", "q.12h."])]:
        toks = pretokenize(text)
        assert [text[toks[a][0]:toks[b - 1][1]] for a, b in word_groups(toks)] == want
    assert word_groups([]) == []
