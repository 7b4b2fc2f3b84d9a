"""ONNX export (fp32), hand-written int8 weight quantization (DequantizeLinear), its integer-product
form (MatMulInteger), config files."""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
import torch

from .pretok import BIO


class _Wrap(torch.nn.Module):
    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.m(input_ids, attention_mask, token_type_ids)


def export_onnx(model, path, opset=14):
    model.eval()
    ids = torch.tensor([[2, 10, 11, 12, 3], [2, 13, 14, 3, 0]], dtype=torch.long)
    am = (ids != 0).long()
    tt = torch.zeros_like(ids)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.onnx.export(_Wrap(model), (ids, am, tt), path, input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["logits"], opset_version=opset, do_constant_folding=True,
                      dynamic_axes={"input_ids": {0: "batch_size", 1: "sequence_length"},
                                    "attention_mask": {0: "batch_size", 1: "sequence_length"},
                                    "token_type_ids": {0: "batch_size", 1: "sequence_length"},
                                    "logits": {0: "batch_size", 1: "sequence_length"}})
    onnx.checker.check_model(onnx.load(path))


def _quant_axis(w, axis):
    """Symmetric per-channel int8 along `axis` (the channel axis is kept)."""
    red = tuple(i for i in range(w.ndim) if i != axis)
    amax = np.abs(w).max(axis=red)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    shape = [1] * w.ndim
    shape[axis] = -1
    q = np.clip(np.round(w / scale.reshape(shape)), -127, 127).astype(np.int8)
    return q, scale


def quantize_onnx(src, dst, min_elements=4096):
    """Replace the weight initializers of MatMul (per output column) and Gather (per row) by int8 +
    DequantizeLinear. Activations stay fp32."""
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    targets = {}
    for n in g.node:
        if n.op_type == "MatMul" and len(n.input) > 1 and n.input[1] in inits:
            targets[n.input[1]] = 1
        elif n.op_type == "Gather" and n.input[0] in inits:
            targets[n.input[0]] = 0
    new_nodes = []
    stats = []
    for name, axis in targets.items():
        w = numpy_helper.to_array(inits[name])
        if w.ndim != 2 or w.size < min_elements or w.dtype != np.float32:
            continue
        q, scale = _quant_axis(w, axis)
        qn, sn, zn = name + "_quantized", name + "_scale", name + "_zero_point"
        g.initializer.remove(inits[name])
        g.initializer.extend([numpy_helper.from_array(q, qn), numpy_helper.from_array(scale, sn),
                              numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), zn)])
        new_nodes.append(helper.make_node("DequantizeLinear", [qn, sn, zn], [name], name=name + "_DequantizeLinear",
                                          axis=axis))
        stats.append((name, w.shape, axis))
    nodes = list(g.node)
    del g.node[:]
    g.node.extend(new_nodes + nodes)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return stats


def integer_matmul_onnx(src, dst):
    """Rewrite the int8 model of quantize_onnx so that its matrix products run on integers: each
    DequantizeLinear -> MatMul becomes DynamicQuantizeLinear (the activation, uint8, one scale per
    call) -> MatMulInteger (with the same int8 weights) -> Cast -> Mul by both scales. This is the
    graph onnxruntime's own dynamic quantization writes; its CPU and WASM kernels run it faster than
    the float products of the folded weights, most on long inputs (`npm run bench:dtypes`; figures in
    the CHANGELOG). The embedding tables are read row by row from their int8 form (gather_int8_rows).
    WebGPU has no kernels for these operators, so the weight-only file stays beside it
    (transformers.js dtype "q8"; this one is "int8")."""
    m = onnx.load(src)
    g = m.graph
    dequant = {n.output[0]: n for n in g.node if n.op_type == "DequantizeLinear"}
    dims = {i.name: list(i.dims) for i in g.initializer}
    nodes, rewritten = [], set()
    for n in g.node:
        if n.op_type != "MatMul" or n.input[1] not in dequant:
            nodes.append(n)
            continue
        weight, scale, zero = dequant[n.input[1]].input
        if len(dims[scale]) != 1:
            raise ValueError(f"{n.input[1]}: expected one weight scale per output column")
        x, y, p = n.input[0], n.output[0], n.name or n.output[0]
        nodes += [
            helper.make_node("DynamicQuantizeLinear", [x], [p + "_xq", p + "_xscale", p + "_xzero"], name=p + "_quantize"),
            helper.make_node("MatMulInteger", [p + "_xq", weight, p + "_xzero", zero], [p + "_int32"], name=p + "_integer"),
            helper.make_node("Cast", [p + "_int32"], [p + "_float"], to=TensorProto.FLOAT, name=p + "_cast"),
            helper.make_node("Mul", [p + "_xscale", scale], [p + "_scale"], name=p + "_scales"),
            helper.make_node("Mul", [p + "_float", p + "_scale"], [y], name=p + "_rescale"),
        ]
        rewritten.add(n.input[1])
    # a DequantizeLinear only MatMuls read goes with them
    _set_nodes(g, nodes, rewritten)
    gather_int8_rows(m)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return sorted(rewritten)


def _set_nodes(g, nodes, replaced):
    """Makes `nodes` the graph's nodes, less each DequantizeLinear whose output was `replaced` and
    that no node reads any more."""
    still_read = {i for n in nodes for i in n.input}
    del g.node[:]
    g.node.extend(n for n in nodes if not (n.op_type == "DequantizeLinear" and n.output[0] in replaced
                                           and n.output[0] not in still_read))


def gather_int8_rows(m):
    """Make each embedding lookup read only the rows it needs from the int8 table: DequantizeLinear
    (per row) -> Gather becomes Gather of the int8 rows -> Cast -> Mul by the gathered row scales,
    which gives the same floats bit for bit ((q - 0) * scale). Otherwise onnxruntime folds the whole
    table to float when a session opens, and a graph it has optimised and saved
    (scripts/optimize-onnx.ts) would hold 8.7 MB of float table instead of 2 MB of int8. Returns
    the tables rewritten."""
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    dequant = {n.output[0]: n for n in g.node if n.op_type == "DequantizeLinear"}
    nodes, tables = [], set()
    for n in g.node:
        source = dequant.get(n.input[0]) if n.op_type == "Gather" else None
        axis = next((a.i for a in source.attribute if a.name == "axis"), 1) if source else None
        if source is None or axis != 0 or any(a.name == "axis" and a.i != 0 for a in n.attribute):
            nodes.append(n)
            continue
        table, scale, zero = source.input
        if numpy_helper.to_array(inits[zero]).any() or len(inits[scale].dims) != 1:
            raise ValueError(f"{n.input[0]}: expected symmetric int8 with one scale per row")
        p, ids = n.name or n.output[0], n.input[1]
        axes = p + "_last_axis"
        g.initializer.append(numpy_helper.from_array(np.array([-1], dtype=np.int64), axes))
        nodes += [
            helper.make_node("Gather", [table, ids], [p + "_rows_int8"], name=p + "_rows", axis=0),
            helper.make_node("Cast", [p + "_rows_int8"], [p + "_rows_float"], to=TensorProto.FLOAT, name=p + "_cast"),
            helper.make_node("Gather", [scale, ids], [p + "_row_scale"], name=p + "_scales", axis=0),
            helper.make_node("Unsqueeze", [p + "_row_scale", axes], [p + "_row_scale_column"], name=p + "_column"),
            helper.make_node("Mul", [p + "_rows_float", p + "_row_scale_column"], [n.output[0]], name=p + "_dequantize"),
        ]
        tables.add(n.input[0])
    _set_nodes(g, nodes, tables)
    read = {i for n in g.node for i in n.input}
    for init in [i for i in g.initializer if i.name not in read]:
        g.initializer.remove(init)
    return sorted(tables)


def simulate_int8(model):
    """Copy of a torch model with Linear (per output row) and Embedding (per row) weights rounded to
    int8 exactly as quantize_onnx does."""
    import copy
    q = copy.deepcopy(model)
    with torch.no_grad():
        for mod in q.modules():
            if isinstance(mod, (torch.nn.Linear, torch.nn.Embedding)) and mod.weight.numel() >= 4096:
                w = mod.weight.detach().numpy()
                qq, scale = _quant_axis(w, 0)
                mod.weight.copy_(torch.from_numpy(qq.astype(np.float32) * scale[:, None]))
    return q


TRANSFORMERS_JS_CONFIG = {"dtype": "int8", "device_config": {"webgpu": {"dtype": "q8"}}}


def write_config(cfg, out_dir):
    c = {
        "_name_or_path": "med7-compact",
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "vocab_size": cfg.vocab_size,
        "hidden_size": cfg.hidden_size,
        "num_hidden_layers": cfg.num_hidden_layers,
        "num_attention_heads": cfg.num_attention_heads,
        "intermediate_size": cfg.intermediate_size,
        "hidden_act": "gelu",
        "hidden_dropout_prob": cfg.hidden_dropout_prob,
        "attention_probs_dropout_prob": cfg.attention_probs_dropout_prob,
        "max_position_embeddings": cfg.max_position_embeddings,
        "type_vocab_size": cfg.type_vocab_size,
        "initializer_range": 0.02,
        "layer_norm_eps": cfg.layer_norm_eps,
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "classifier_dropout": None,
        "id2label": {str(i): l for i, l in enumerate(BIO)},
        "label2id": {l: i for i, l in enumerate(BIO)},
        "torch_dtype": "float32",
        "transformers_version": "4.46.0",
        # which ONNX file transformers.js (and med7's loader, dtype "auto") picks on each device:
        # the integer products (model_int8.onnx) on the CPU and WASM, the weight-only int8 file
        # (model_quantized.onnx) on WebGPU, which has no kernels for MatMulInteger
        "transformers.js_config": TRANSFORMERS_JS_CONFIG,
    }
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(c, f, indent=2)


if __name__ == "__main__":
    # python -m med7_train.export gather-rows FILE: rewrites an int8 file written before
    # gather_int8_rows existed, in place (the shipped build #40; training/RECIPE.md)
    import sys
    if len(sys.argv) != 3 or sys.argv[1] != "gather-rows":
        sys.exit("usage: python -m med7_train.export gather-rows MODEL_INT8_ONNX")
    model = onnx.load(sys.argv[2])
    print("tables read as int8 rows:", gather_int8_rows(model))
    onnx.checker.check_model(model)
    onnx.save(model, sys.argv[2])
