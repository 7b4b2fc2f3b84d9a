import random

from med7_train.decoys import add_decoys, decoy_words, with_decoy
from med7_train.generator import Generator
from med7_train.pretok import spans_to_bio

LINE = "Lasix 40 mg PO daily, then Coumadin 5 mg q.h.s."
ENTS = [[0, 5, "DRUG"], [6, 11, "STRENGTH"], [12, 14, "ROUTE"], [15, 20, "FREQUENCY"],
        [27, 35, "DRUG"], [36, 40, "STRENGTH"], [41, 47, "FREQUENCY"]]


class FirstDrug(random.Random):
    def choice(self, seq):
        return seq[0]


def test_decoy_replaces_one_drug_and_shifts_later_offsets():
    text, ents = with_decoy(LINE, ENTS, "option", FirstDrug())
    assert text == "Option 40 mg PO daily, then Coumadin 5 mg q.h.s."
    assert [text[s:e] for s, e, _ in ents] == ["40 mg", "PO", "daily", "Coumadin", "5 mg", "q.h.s."]
    assert [l for _, _, l in ents] == ["STRENGTH", "ROUTE", "FREQUENCY", "DRUG", "STRENGTH", "FREQUENCY"]


def test_decoy_takes_the_case_of_the_drug_it_replaces():
    text, _ = with_decoy("LASIX 40 MG PO", [[0, 5, "DRUG"]], "noon", FirstDrug())
    assert text == "NOON 40 MG PO"
    text, _ = with_decoy("take lasix 40 mg", [[5, 10, "DRUG"]], "noon", FirstDrug())
    assert text == "take noon 40 mg"


def test_line_without_a_drug_is_unchanged():
    ents = [[0, 5, "STRENGTH"]]
    assert with_decoy("40 mg daily", ents, "noon", FirstDrug()) == ("40 mg daily", ents)


def test_decoy_words_leave_out_entities_rare_words_and_hand_annotated_drugs():
    sents = ["the option was good", "the option stays", "an option and Lasix", "Lasix Lasix Lasix",
             "betadine betadine betadine", "the rare word"]
    words = dict(decoy_words(sents, is_entity=lambda w: w == "lasix", not_drugs=["Betadine"], min_count=3))
    assert set(words) == {"the", "option"}
    assert words["option"] == 3 ** 0.5


def test_add_decoys_is_seeded_keeps_lines_aligned_and_only_removes_drugs():
    gen = Generator(seed=4, extra_drugs=["zorbamycin"]).generate(600)
    words = [("option", 1.0), ("noon", 1.0), ("reason", 2.0)]
    a = add_decoys(gen, words, 0.3, seed=9)
    assert a == add_decoys(gen, words, 0.3, seed=9)
    assert add_decoys(gen, words, 0.0, seed=9) == gen
    changed = [(g, d) for g, d in zip(gen, a) if g != d]
    naming_a_drug = sum(any(l == "DRUG" for *_, l in ents) for _, ents in gen)
    assert 0.2 * naming_a_drug < len(changed) < 0.4 * naming_a_drug
    for (_, g_ents), (text, ents) in changed:
        assert [l for *_, l in ents if l != "DRUG"] == [l for *_, l in g_ents if l != "DRUG"]
        assert sum(l == "DRUG" for *_, l in ents) == sum(l == "DRUG" for *_, l in g_ents) - 1
        assert any(w in text.lower() for w, _ in words)
        assert spans_to_bio(text, ents)[1] == []
