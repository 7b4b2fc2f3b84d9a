import torch

from med7_train.mlm_cache import MlmCache, cache_key
from med7_train.model import Config
from med7_train.tokenizer import WordPiece
from med7_train.train import pretrain

SEQS = [[2, 10, 11, 12, 3], [2, 13, 14, 3], [2, 15, 16, 17, 18, 3]]


def tiny():
    return Config(vocab_size=40, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32,
                  max_position_embeddings=16)


def key(**over):
    args = dict(seqs=SEQS, config=tiny(), steps=3, lr=1e-3, seed=7, precision="fp32", device="cpu", threads=2)
    args.update(over)
    return cache_key(**args)


def test_key_changes_with_anything_the_weights_depend_on():
    base = key()
    assert key() == base
    for over in [dict(seqs=SEQS[:2]), dict(seqs=[[2, 10, 11, 12, 3], [2, 13, 14, 3], [2, 15, 16, 17, 19, 3]]),
                 dict(steps=4), dict(lr=2e-3), dict(seed=8), dict(precision="bf16"), dict(threads=1),
                 dict(config=Config(vocab_size=41, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                                    intermediate_size=32, max_position_embeddings=16))]:
        assert key(**over) != base, over


def test_key_changes_with_the_training_code(monkeypatch, tmp_path):
    import med7_train.mlm_cache as mc
    base = key()
    edited = tmp_path / "train.py"
    edited.write_bytes(mc.CODE[0].read_bytes() + b"\n# masking rate changed\n")
    monkeypatch.setattr(mc, "CODE", [edited, mc.CODE[1]])
    assert key() != base


def test_saved_encoder_loads_with_identical_weights(tmp_path):
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + [f"w{i}" for i in range(35)]
    torch.set_num_threads(1)
    model = pretrain(tiny(), WordPiece(vocab), SEQS, 3, batch_size=2, lr=1e-3, seed=7, log=lambda m: None)
    cache = MlmCache(tmp_path / "cache")
    k = key()
    assert cache.load(k, tiny()) is None
    path = cache.save(k, model)
    assert path.exists() and not list((tmp_path / "cache").glob("*.tmp"))
    loaded = cache.load(k, tiny())
    for name, value in model.state_dict().items():
        assert torch.equal(loaded.state_dict()[name], value), name


def test_unreadable_entry_counts_as_not_cached(tmp_path):
    cache = MlmCache(tmp_path)
    cache.path("abc").write_bytes(b"half a file")
    assert cache.load("abc", tiny()) is None
