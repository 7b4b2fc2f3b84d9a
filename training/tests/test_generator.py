from med7_train.generator import Generator
from med7_train.pretok import LABELS, spans_to_bio


def test_generated_spans_are_exact_and_aligned():
    g = Generator(seed=3, extra_drugs=["zorbamycin", "Examplex"])
    seen = set()
    for text, ents in g.generate(3000):
        prev = -1
        for s, e, l in ents:
            assert l in LABELS
            assert 0 <= s < e <= len(text)
            assert s >= prev, (text, ents)
            prev = e
            span = text[s:e]
            assert span == span.strip()
            assert not span.endswith((",", ";", ":"))
            seen.add(l)
        _, mis = spans_to_bio(text, ents)
        assert mis == [], (text, mis)
    assert seen == set(LABELS)


def test_generator_is_seeded():
    assert Generator(seed=5).generate(50) == Generator(seed=5).generate(50)


def test_styles_present():
    texts = [t for t, _ in Generator(seed=1).generate(4000)]
    joined = "\n".join(texts)
    for needle in ("p.o.", "PO", "MEDICATIONS:", "for the next", "Take ", "mL", "Vicryl"):
        assert needle in joined


def test_site_forms_are_route_then_form():
    seen = 0
    for text, ents in Generator(seed=2).generate(3000):
        for (s1, e1, l1), (s2, e2, l2) in zip(ents, ents[1:]):
            if text[s1:e2] in ("nasal spray", "eye drops", "oral solution", "topical gel"):
                assert (l1, l2) == ("ROUTE", "FORM"), (text, ents)
                seen += 1
        for s, e, lab in ents:
            assert text[s:e] not in ("nasal spray", "eye drops", "oral solution"), (text, ents)
    assert seen > 10
