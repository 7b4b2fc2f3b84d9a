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
    # nothing is dequantized as a whole: the embedding tables are read as int8 rows
    assert "DequantizeLinear" not in ops
    inits = {i.name: i for i in int8.graph.initializer}
    tables = [n.input[0] for n in int8.graph.node if n.op_type == "Gather" and n.input[0] in inits
              and inits[n.input[0]].data_type == onnx.TensorProto.INT8]
    # the word table (this small model's position and token-type tables are below quantize_onnx's minimum)
    assert tables == ["m.bert.embeddings.word_embeddings.weight_quantized"]
    assert [i.name for i in int8.graph.input] == ["input_ids", "attention_mask", "token_type_ids"]
    assert [o.name for o in int8.graph.output] == ["logits"]


def test_the_weights_are_those_of_the_q8_file(tmp_path):
    q8, int8, _ = _files(tmp_path)
    a = {i.name: numpy_helper.to_array(i) for i in q8.graph.initializer}
    b = {i.name: numpy_helper.to_array(i) for i in int8.graph.initializer}
    # all but the tables' zero points (zeros, no longer read) and the axis constants of the row reads
    assert {k for k in a if k not in b} == {k for k in a if k.endswith("_zero_point") and "embeddings" in k}
    assert {k for k in b if k not in a} == {k for k in b if k.endswith("_last_axis")}
    assert all(np.array_equal(a[k], b[k]) for k in a if k in b)


def _run(graph, inits, feeds):
    """The graph's Gather, Cast, Unsqueeze, Mul and DequantizeLinear nodes as the ONNX specs define
    them, in order, as far as their inputs are known."""
    values = dict(inits, **feeds)
    for n in graph.node:
        if not all(i in values for i in n.input):
            continue
        x = [values[i] for i in n.input]
        attr = {a.name: onnx.helper.get_attribute_value(a) for a in n.attribute}
        if n.op_type == "Gather":
            out = np.take(x[0], x[1], axis=attr.get("axis", 0))
        elif n.op_type == "Cast":
            out = x[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[attr["to"]])
        elif n.op_type == "Unsqueeze":
            out = np.expand_dims(x[0], tuple(int(a) for a in x[1]))
        elif n.op_type == "Mul":
            out = x[0] * x[1]
        elif n.op_type == "DequantizeLinear":
            shape = [1] * x[0].ndim
            shape[attr.get("axis", 1)] = -1
            out = (x[0].astype(np.int32) - x[2].reshape(shape)).astype(np.float32) * x[1].reshape(shape)
        else:
            continue
        values[n.output[0]] = out
    return values


def test_embedding_rows_read_as_int8_equal_the_dequantized_table_bit_for_bit(tmp_path):
    q8, int8, _ = _files(tmp_path)
    ids = np.array([[2, 10, 99, 0], [2, 13, 14, 3]], dtype=np.int64)
    name = "/m/bert/embeddings/word_embeddings/Gather_output_0"
    want = _run(q8.graph, {i.name: numpy_helper.to_array(i) for i in q8.graph.initializer}, {"input_ids": ids})
    got = _run(int8.graph, {i.name: numpy_helper.to_array(i) for i in int8.graph.initializer}, {"input_ids": ids})
    assert want[name].dtype == got[name].dtype == np.float32
    assert want[name].shape == got[name].shape == (2, 4, 64)
    assert np.array_equal(want[name].view(np.uint32), got[name].view(np.uint32))


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
