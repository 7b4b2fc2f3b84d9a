"""The integer-product ONNX file (model_int8.onnx): the same int8 weights as model_quantized.onnx,
read by MatMulInteger, and wired so that its products equal the float products of those weights."""
import json

import numpy as np
import onnx
import torch
from onnx import numpy_helper

from med7_train import export
from med7_train.model import BertTokenClassifier, Config


def _files(tmp_path):
    torch.manual_seed(0)
    cfg = Config(vocab_size=100, hidden_size=64, num_hidden_layers=1, num_attention_heads=2, intermediate_size=128,
                 max_position_embeddings=32)
    fp32, q8, int8 = (str(tmp_path / f) for f in ("model.onnx", "model_quantized.onnx", "model_int8.onnx"))
    export.export_onnx(BertTokenClassifier(cfg), fp32)
    export.quantize_onnx(fp32, q8)
    rewritten = export.integer_matmul_onnx(q8, int8)
    return onnx.load(q8), onnx.load(int8), rewritten


def test_every_weight_product_runs_on_integers(tmp_path):
    q8, int8, rewritten = _files(tmp_path)
    matmuls_on_weights = [n for n in q8.graph.node if n.op_type == "MatMul" and n.input[1] in set(rewritten)]
    assert len(rewritten) == len(matmuls_on_weights) == 6  # Q, K, V, attention output, FFN in and out
    ops = [n.op_type for n in int8.graph.node]
    assert ops.count("MatMulInteger") == ops.count("DynamicQuantizeLinear") == 6
    # the embedding tables keep their DequantizeLinear; no float MatMul reads a dequantized weight
    dequantized = {n.output[0] for n in int8.graph.node if n.op_type == "DequantizeLinear"}
    gathered = {n.input[0] for n in int8.graph.node if n.op_type == "Gather"}
    assert dequantized and dequantized <= gathered
    assert not [n for n in int8.graph.node if n.op_type == "MatMul" and n.input[1] in dequantized]
    assert [i.name for i in int8.graph.input] == ["input_ids", "attention_mask", "token_type_ids"]
    assert [o.name for o in int8.graph.output] == ["logits"]


def test_the_weights_are_those_of_the_q8_file(tmp_path):
    q8, int8, _ = _files(tmp_path)
    a = {i.name: numpy_helper.to_array(i) for i in q8.graph.initializer}
    b = {i.name: numpy_helper.to_array(i) for i in int8.graph.initializer}
    assert set(a) == set(b)
    assert all(np.array_equal(a[k], b[k]) for k in a)


def test_the_products_equal_the_float_products_of_the_same_weights(tmp_path):
    # DynamicQuantizeLinear and MatMulInteger as the ONNX operator specs define them, on one product
    _, int8, _ = _files(tmp_path)
    inits = {i.name: numpy_helper.to_array(i) for i in int8.graph.initializer}
    node = next(n for n in int8.graph.node if n.op_type == "MatMulInteger")
    scale_node = next(n for n in int8.graph.node if n.op_type == "Mul" and n.output[0] == node.name.replace(
        "_integer", "_scale"))
    w_q, w_zero, w_scale = inits[node.input[1]], inits[node.input[3]], inits[scale_node.input[1]]
    x = np.random.default_rng(1).normal(size=(5, w_q.shape[0])).astype(np.float32)
    x_scale = (max(0.0, x.max()) - min(0.0, x.min())) / 255
    x_zero = np.clip(np.round(-min(0.0, x.min()) / x_scale), 0, 255)
    x_q = np.clip(np.round(x / x_scale) + x_zero, 0, 255)
    integer = (x_q - x_zero) @ (w_q.astype(np.int64) - w_zero)
    got = integer * (x_scale * w_scale)
    want = x @ (w_q.astype(np.float32) * w_scale)
    assert np.abs(got - want).max() < 0.02 * np.abs(want).max()


def test_the_config_names_the_file_for_each_device(tmp_path):
    export.write_config(Config(vocab_size=100), str(tmp_path))
    c = json.load(open(tmp_path / "config.json"))
    assert c["transformers.js_config"] == {"dtype": "int8", "device_config": {"webgpu": {"dtype": "q8"}}}
