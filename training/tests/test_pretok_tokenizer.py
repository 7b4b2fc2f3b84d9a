import json

from med7_train.pretok import BIO, bio_to_spans, pretokenize, spans_to_bio
from med7_train.tokenizer import CLS, SEP, UNK, WordPiece, encode_pretokens, normalize, train_vocab


def toks(t):
    return [x[2] for x in pretokenize(t)]


def test_pretokenize_contract():
    assert toks("400mg/5ml") == ["400", "mg", "/", "5", "ml"]
    assert toks("b.i.d.") == ["b", ".", "i", ".", "d", "."]
    assert toks("q6h") == ["q", "6", "h"]
    assert toks("a_b  c\td") == ["a", "_", "b", "c", "d"]
    assert toks("Café 10%") == ["Café", "10", "%"]
    assert pretokenize("x  yz") == [(0, 1, "x"), (3, 5, "yz")]


def test_bio_round_trip():
    text = "Lasix 40 mg IV b.i.d. for 3 days."
    ents = [[0, 5, "DRUG"], [6, 11, "STRENGTH"], [12, 14, "ROUTE"], [15, 21, "FREQUENCY"], [22, 32, "DURATION"]]
    t = pretokenize(text)
    tags, mis = spans_to_bio(text, ents, t)
    assert mis == []
    assert tags[:3] == ["B-DRUG", "B-STRENGTH", "I-STRENGTH"]
    assert bio_to_spans(t, tags) == ents
    assert len(BIO) == 15 and BIO[0] == "O"


def test_misaligned_entity_is_reported():
    _, mis = spans_to_bio("Lasix40", [[0, 4, "DRUG"]])
    assert mis == [(0, 4, "DRUG")]


def test_normalize_and_wordpiece():
    assert normalize("CAFÉ") == "cafe"
    vocab = train_vocab({"lasix": 10, "mg": 50, "tablets": 5, "tablet": 7}, size=120, min_word_freq=1)
    assert vocab[:5] == ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    wp = WordPiece(vocab)
    assert wp.encode_word("MG") == [wp.ids["mg"]]
    pieces = [wp.vocab[i] for i in wp.encode_word("lasixes")]
    assert pieces[0] == "lasix" and all(p.startswith("##") for p in pieces[1:])
    assert wp.encode_word("\u00a7") == [UNK]  # an unknown character
    assert wp.encode_word("x" * 101) == [UNK]


def test_encode_pretokens_first_piece_index(tmp_path):
    vocab = train_vocab({"lasix": 10, "mg": 50, "40": 3}, size=100, min_word_freq=1)
    wp = WordPiece(vocab)
    ids, first = encode_pretokens(wp, ["Lasix", "40", "mg"])
    assert ids[0] == CLS and ids[-1] == SEP
    assert [ids[f] for f in first] == [wp.encode_word(w)[0] for w in ["Lasix", "40", "mg"]]
    wp.save(str(tmp_path))
    tj = json.loads((tmp_path / "tokenizer.json").read_text())
    assert tj["model"]["type"] == "WordPiece" and tj["model"]["continuing_subword_prefix"] == "##"
    assert tj["normalizer"]["type"] == "BertNormalizer" and tj["normalizer"]["lowercase"] is True
    assert tj["pre_tokenizer"]["type"] == "BertPreTokenizer"
    assert tj["post_processor"]["type"] == "TemplateProcessing"
    assert tj["model"]["vocab"]["[PAD]"] == 0 and tj["model"]["vocab"]["[MASK]"] == 4
    cfg = json.loads((tmp_path / "tokenizer_config.json").read_text())
    assert cfg["tokenizer_class"] == "BertTokenizer" and cfg["model_max_length"] == 128
    assert WordPiece.load(str(tmp_path / "tokenizer.json")).vocab == vocab


def test_unlabelled_spans_carry_no_loss():
    from med7_train.data import encode_ner
    from med7_train.pretok import LABEL2ID
    vocab = train_vocab({"lasix": 10, "topical": 5, "and": 9, "40": 3, "mg": 50}, size=100, min_word_freq=1)
    wp = WordPiece(vocab)
    text = "Lasix 40 mg and topical"
    (ids, labs), = encode_ner(wp, text, [[0, 5, "DRUG"], [6, 11, "STRENGTH"]], [[16, 23]])
    # [CLS] Lasix 40 mg and topical [SEP]: one piece each, so labels line up with the words
    assert labs == [-100, LABEL2ID["B-DRUG"], LABEL2ID["B-STRENGTH"], LABEL2ID["I-STRENGTH"], LABEL2ID["O"], -100, -100]
    # an unlabelled span never hides an entity the rules accepted
    (_, labs2), = encode_ner(wp, text, [[0, 5, "DRUG"]], [[0, 5]])
    assert labs2[1] == LABEL2ID["B-DRUG"]
