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
    the CHANGELOG). The embedding tables (Gather) keep their
    DequantizeLinear. WebGPU has no kernels for these operators, so the weight-only file stays beside
    it (transformers.js dtype "q8"; this one is "int8")."""
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
    still_read = {i for n in nodes for i in n.input}
    nodes = [n for n in nodes if not (n.op_type == "DequantizeLinear" and n.output[0] in rewritten
                                      and n.output[0] not in still_read)]
    del g.node[:]
    g.node.extend(nodes)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return sorted(rewritten)


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
