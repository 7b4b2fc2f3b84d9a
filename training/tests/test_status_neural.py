"""The encoder-based status experiment (training/status/neural.py): the shipped model's encoder is
read from its fp32 ONNX weights exactly (its own classifier on top tags a sig as the model does),
and a drug's window marks its pieces and keeps it in view in a long record."""
import importlib.util
import os

import onnx
import torch
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("status_neural", os.path.join(HERE, "..", "status", "neural.py"))
neural = importlib.util.module_from_spec(spec)
spec.loader.exec_module(neural)
TOKENIZER = os.path.join(neural.MODEL, "tokenizer.json")


def test_the_encoder_read_from_onnx_tags_a_sig_as_the_model_does():
    bert = neural.encoder_from_onnx().eval()
    init = {i.name: numpy_helper.to_array(i)
            for i in onnx.load(os.path.join(neural.MODEL, "onnx", "model.onnx")).graph.initializer}
    # The classifier's weight is the only MatMul initializer with one column per label.
    w = next(torch.tensor(a) for n, a in init.items() if n.startswith("onnx::MatMul") and a.shape[1] == 15)
    b = torch.tensor(init["m.classifier.bias"])
    wp = neural.WordPiece.load(TOKENIZER)
    ids, _ = neural.encode(wp, "Started metformin 500 mg po bid for diabetes.", 8, 17)
    t = torch.tensor([ids])
    with torch.no_grad():
        tags = (bert(t, torch.ones_like(t), torch.zeros_like(t)) @ w + b)[0].argmax(-1).tolist()
    # [CLS] Started metformin 500 mg po bid for diabetes . [SEP]: O B-DRUG B-STRENGTH I-STRENGTH
    # B-ROUTE B-FREQUENCY, then O.
    assert tags[1:10] == [0, 1, 3, 4, 7, 11, 0, 0, 0]


def test_the_window_marks_the_drug_and_keeps_it_in_a_long_record():
    wp = neural.WordPiece.load(TOKENIZER)
    text = "She was seen today. " * 40 + "Lasix was stopped."
    start = text.index("Lasix")
    ids, types = neural.encode(wp, text, start, start + 5)
    assert len(ids) == neural.MAX_PIECES and ids[0] == neural.CLS and ids[-1] == neural.SEP
    marked = [i for i, t in zip(ids, types) if t == 1]
    assert marked and wp.vocab[marked[0]].startswith("las")
    assert sum(types) == len(wp.encode_word("Lasix"))
