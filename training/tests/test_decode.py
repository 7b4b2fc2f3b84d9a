"""The python decoder against the cases shared with src/core/decode/choose-tags.test.ts."""
import json

from med7_train import paths
from med7_train.decode import choose_tags, decode_tags, word_groups
from med7_train.pretok import pretokenize

CASES = json.loads((paths.REPO_ROOT / "src" / "core" / "decode" / "decode.cases.json").read_text(encoding="utf-8"))


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


def test_edge_symbols_are_trimmed_like_typescript():
    """Cases with astral characters, whose offsets (code points here, UTF-16 in TypeScript) the
    shared cases cannot hold; tags.test.ts has the same ones."""
    def spans(text, tags):
        return [(text[s:e], lab) for s, e, lab in decode_tags(text, pretokenize(text), tags)]

    assert spans("💊💊 Lasix", ["B-DRUG", "I-DRUG", "I-DRUG"]) == [("Lasix", "DRUG")]
    family = "𝐀𝐁 👨\u200d👩\u200d👧 Metformin"
    family_tags = "B-DRUG I-DRUG O O O B-DRUG I-DRUG".split()
    assert spans(family, family_tags) == [("𝐀𝐁", "DRUG"), ("Metformin", "DRUG")]
    list_tags = "B-DRUG I-DRUG B-STRENGTH I-STRENGTH B-DRUG I-DRUG".split()
    assert spans("• Lasix 40 mg\n• Celexa", list_tags) == [
        ("Lasix", "DRUG"), ("40 mg", "STRENGTH"), ("Celexa", "DRUG")]
    assert spans("K+ #2 1 % q.d.", "B-DRUG I-DRUG B-DOSAGE I-DOSAGE B-STRENGTH I-STRENGTH "
                 "B-FREQUENCY I-FREQUENCY I-FREQUENCY I-FREQUENCY".split()) == [
        ("K+", "DRUG"), ("#2", "DOSAGE"), ("1 %", "STRENGTH"), ("q.d.", "FREQUENCY")]
    assert spans("+Lasix# %q", ["B-DRUG", "I-DRUG", "I-DRUG", "I-DRUG", "O"]) == [("Lasix", "DRUG")]
    mark_tags = "B-DOSAGE I-DOSAGE I-DOSAGE B-DRUG I-DRUG I-DRUG".split()
    assert spans("1\ufe0f\u20e3 Lasix\u0308 •", mark_tags) == [
        ("1\ufe0f\u20e3", "DOSAGE"), ("Lasix\u0308", "DRUG")]
    assert spans("• ✔ →", ["B-DRUG", "I-DRUG", "B-FORM"]) == []


def test_span_rule_word_sets_match_the_typescript_ones():
    """The word sets of _tidy_run are copies of src/core/decode/span-grammar.ts's; a drift would make the
    python-side score differ from what users get."""
    import re
    from med7_train import decode

    src = (paths.REPO_ROOT / "src" / "core" / "decode" / "span-grammar.ts").read_text(encoding="utf-8")

    def ts_set(name):
        body = re.search(rf"const {name}: ReadonlySet<string> = new Set\((.*?)\);\n", src, re.S).group(1)
        return frozenset(w for chunk in re.findall(r"'([^']*)'", body) for w in chunk.split())

    assert ts_set("TRAILING_WORDS") == decode._TRAILING_WORDS
    assert ts_set("CLASS_NOUNS") == decode._CLASS_NOUNS
    assert ts_set("DURATION_UNITS") == decode._DURATION_UNITS
    assert ts_set("RATE_UNITS") == decode._RATE_UNITS
    assert ts_set("CONTRAST_NOUNS") == decode._CONTRAST_NOUNS
    assert ts_set("CONTRAST_HEADS") == decode._CONTRAST_HEADS
    assert ts_set("BASIS_OPENERS") == decode._BASIS_OPENERS
    assert ts_set("ARTICLES") == decode._ARTICLES


def test_not_a_drug_words_match_the_typescript_ones():
    import re
    from med7_train.decode import NOT_A_DRUG
    source = (paths.REPO_ROOT / "src" / "core" / "decode" / "not-a-drug.ts").read_text(encoding="utf-8")
    block = source.split("new Set(", 1)[1].split(".join(", 1)[0]
    words = set(" ".join(re.findall(r"'([^']*)'", block)).split())
    assert words == NOT_A_DRUG


def test_frequency_words_match_the_typescript_ones_and_relabel_a_drug():
    import re
    from med7_train.decode import FREQUENCY_WORDS
    source = (paths.REPO_ROOT / "src" / "core" / "decode" / "not-a-drug.ts").read_text(encoding="utf-8")
    block = source.split("FREQUENCY_WORDS: ReadonlySet<string> = new Set(", 1)[1].split(".join(", 1)[0]
    assert set(" ".join(re.findall(r"'([^']*)'", block)).split()) == FREQUENCY_WORDS
    text = "Ramipril 5 mg BD\nWarfarin 5 mg Mon/Wed/Fri"
    toks = pretokenize(text)
    tags = ["B-DRUG", "B-STRENGTH", "I-STRENGTH", "B-DRUG",
            "B-DRUG", "B-STRENGTH", "I-STRENGTH", "B-DRUG", "I-DRUG", "I-DRUG", "I-DRUG", "I-DRUG"]
    assert len(toks) == len(tags)
    assert decode_tags(text, toks, tags) == [
        [0, 8, "DRUG"], [9, 13, "STRENGTH"], [14, 16, "FREQUENCY"], [17, 25, "DRUG"], [26, 30, "STRENGTH"]]
