"""A small WordPiece vocabulary trainer and a tokenizer that matches transformers.js' BertTokenizer
(BertNormalizer lowercase + strip accents, BertPreTokenizer, WordPiece with `##` continuation).

At inference each pre-token (see pretok.py) is tokenized on its own, without special tokens; the
sequence is `[CLS] pieces... [SEP]` and the label is read from each pre-token's first piece.
"""
import collections
import json
import unicodedata

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(5)
MAX_CHARS = 100


def normalize(word):
    """BertNormalizer: clean text, lowercase, strip accents (NFD, drop combining marks)."""
    out = []
    for ch in word:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r":
            continue
        out.append(" " if ch in "\t\n\r" else ch)
    w = "".join(out).lower()
    w = unicodedata.normalize("NFD", w)
    return "".join(c for c in w if unicodedata.category(c) != "Mn")


def _is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def bert_pre_tokenize(text):
    """Whitespace split, then every punctuation character on its own."""
    words = []
    for chunk in text.split():
        cur = ""
        for ch in chunk:
            if _is_punct(ch):
                if cur:
                    words.append(cur)
                    cur = ""
                words.append(ch)
            else:
                cur += ch
        if cur:
            words.append(cur)
    return words


def train_vocab(word_counts, size=8000, min_word_freq=3):
    """Build a WordPiece vocabulary from {normalized pre-token: count}.

    Greedy and deterministic: specials, all characters (plain and `##`), frequent whole words, then
    the most useful prefixes and `##` suffix pieces of the remaining words (scored by frequency x
    length), until `size` entries.
    """
    chars, cont_chars = collections.Counter(), collections.Counter()
    for w, c in word_counts.items():
        for i, ch in enumerate(w):
            (chars if i == 0 else cont_chars)[ch] += c
    vocab = list(SPECIALS)
    seen = set(vocab)

    def add(tok):
        if tok not in seen:
            seen.add(tok)
            vocab.append(tok)

    for ch, _ in sorted(chars.items(), key=lambda x: (-x[1], x[0])):
        add(ch)
    for ch, _ in sorted(cont_chars.items(), key=lambda x: (-x[1], x[0])):
        add("##" + ch)
    n_words = int((size - len(vocab)) * 0.62)
    words = sorted(((w, c) for w, c in word_counts.items() if c >= min_word_freq and len(w) > 1),
                   key=lambda x: (-x[1], x[0]))
    for w, _ in words[:n_words]:
        add(w)
    rest = {w: c for w, c in word_counts.items() if w not in seen and len(w) > 1}
    pieces = collections.Counter()
    for w, c in rest.items():
        for L in range(2, min(len(w), 9) + 1):
            pieces[w[:L]] += c * (L - 1)
        for i in range(1, len(w) - 1):
            for L in range(2, min(len(w) - i, 8) + 1):
                pieces["##" + w[i:i + L]] += c * (L - 1)
    for p, _ in sorted(pieces.items(), key=lambda x: (-x[1], x[0])):
        if len(vocab) >= size:
            break
        add(p)
    return vocab


class WordPiece:
    def __init__(self, vocab):
        self.vocab = list(vocab)
        self.ids = {t: i for i, t in enumerate(self.vocab)}
        self._cache = {}

    def _wordpiece(self, word):
        if len(word) > MAX_CHARS:
            return [UNK]
        out, start = [], 0
        while start < len(word):
            end = len(word)
            cur = None
            while start < end:
                sub = word[start:end]
                if start > 0:
                    sub = "##" + sub
                if sub in self.ids:
                    cur = self.ids[sub]
                    break
                end -= 1
            if cur is None:
                return [UNK]
            out.append(cur)
            start = end
        return out

    def encode_word(self, pretoken):
        """Piece ids of one pre-token (no special tokens); never empty."""
        r = self._cache.get(pretoken)
        if r is None:
            r = []
            for w in bert_pre_tokenize(normalize(pretoken)):
                r.extend(self._wordpiece(w))
            if not r:
                r = [UNK]
            if len(self._cache) < 500000:
                self._cache[pretoken] = r
        return r

    def save(self, out_dir, model_max_length=128):
        """Write tokenizer.json, tokenizer_config.json, special_tokens_map.json and vocab.txt.

        model_max_length is 128 because every training sequence (MLM and fine-tuning) had at most 128
        pieces: positions beyond are untrained, and a caller that windows by model_max_length stays
        inside what the model has seen."""
        tok = {
            "version": "1.0",
            "truncation": None,
            "padding": None,
            "added_tokens": [
                {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                 "normalized": False, "special": True} for i, t in enumerate(SPECIALS)],
            "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                           "strip_accents": True, "lowercase": True},
            "pre_tokenizer": {"type": "BertPreTokenizer"},
            "post_processor": {
                "type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                           {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                         {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                         {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                "special_tokens": {
                    "[CLS]": {"id": "[CLS]", "ids": [CLS], "tokens": ["[CLS]"]},
                    "[SEP]": {"id": "[SEP]", "ids": [SEP], "tokens": ["[SEP]"]}},
            },
            "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                      "max_input_chars_per_word": MAX_CHARS, "vocab": {t: i for i, t in enumerate(self.vocab)}},
        }
        with open(f"{out_dir}/tokenizer.json", "w", encoding="utf-8") as f:
            json.dump(tok, f, ensure_ascii=False, indent=1)
        cfg = {
            "tokenizer_class": "BertTokenizer", "do_lower_case": True, "strip_accents": None,
            "tokenize_chinese_chars": True, "model_max_length": model_max_length, "clean_up_tokenization_spaces": True,
            "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]",
            "mask_token": "[MASK]",
        }
        with open(f"{out_dir}/tokenizer_config.json", "w", encoding="utf-8") as f:
            json.dump(cfg, f, indent=2)
        with open(f"{out_dir}/special_tokens_map.json", "w", encoding="utf-8") as f:
            json.dump({"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]",
                       "mask_token": "[MASK]"}, f, indent=2)
        with open(f"{out_dir}/vocab.txt", "w", encoding="utf-8") as f:
            f.write("\n".join(self.vocab) + "\n")

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            v = json.load(f)["model"]["vocab"]
        return cls([t for t, _ in sorted(v.items(), key=lambda x: x[1])])


def encode_pretokens(wp, pretokens, max_len=256):
    """[CLS] pieces [SEP] ids and, per pre-token, the index of its first piece (None if truncated)."""
    ids, first = [CLS], []
    full = False
    for p in pretokens:
        pcs = wp.encode_word(p)
        if full or len(ids) + len(pcs) >= max_len - 1:
            full = True
            first.append(None)
            continue
        first.append(len(ids))
        ids.extend(pcs)
    ids.append(SEP)
    return ids, first
