"""The benchmark's reference model: a RoBERTa-base-shaped token classifier with random weights.

12 layers x 768, 12 heads, FFN 3072, vocabulary 50,265, 514 positions (RoBERTa-base's shape, ~125M
parameters), built with the training pipeline's own model code (training/med7_train/model.py) and
exported and int8-quantized (weights, then integer products) by its own tools
(training/med7_train/export.py), exactly as our model is. The folder gets our model's config.json (same id2label, same keys; only the shape changes) and
our tokenizer files, so it loads through the same `loadMed7Model` code path and is fed the same
inputs. Random weights: it is timed, never evaluated.

    OMP_NUM_THREADS=2 /usr/bin/python3 bench/make_reference.py --like models/med7-compact --out bench/tmp/reference
"""
import argparse
import json
import os
import shutil
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "training"))

import onnx  # noqa: E402
import torch  # noqa: E402

from med7_train import export  # noqa: E402
from med7_train.model import BertTokenClassifier, Config  # noqa: E402

ROBERTA_BASE = dict(vocab_size=50265, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                    intermediate_size=3072, max_position_embeddings=514, type_vocab_size=1, layer_norm_eps=1e-5)
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--like", default=os.path.join(ROOT, "models", "med7-compact"),
                    help="our model folder: its config.json (id2label) and tokenizer files are reused")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "tmp", "reference"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))

    with open(os.path.join(args.like, "config.json")) as f:
        ours = json.load(f)
    id2label = ours["id2label"]
    started = time.time()
    cfg = Config(num_labels=len(id2label), **ROBERTA_BASE)
    model = BertTokenClassifier(cfg).eval()
    n_params = sum(p.numel() for p in model.parameters())

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "onnx"))
    fp32 = os.path.join(args.out, "onnx", "model.onnx")
    q8 = os.path.join(args.out, "onnx", "model_quantized.onnx")
    export.export_onnx(model, fp32)
    t_export = time.time() - started
    stats = export.quantize_onnx(fp32, q8)
    # the integer-product file too: our config.json (copied below) names it for the CPU and WASM
    int8 = os.path.join(args.out, "onnx", "model_int8.onnx")
    export.integer_matmul_onnx(q8, int8)
    t_quant = time.time() - started - t_export
    os.remove(fp32)  # only the int8 files are benchmarked, as for ours

    config = dict(ours)
    config.update(ROBERTA_BASE)
    config["_name_or_path"] = "roberta-base-shaped-random-reference"
    with open(os.path.join(args.out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    for name in TOKENIZER_FILES:
        src = os.path.join(args.like, name)
        if os.path.isfile(src):
            shutil.copy(src, os.path.join(args.out, name))
    info = {"n_params": n_params, "quantized_matrices": len(stats), "shape": ROBERTA_BASE,
            "num_labels": len(id2label), "export_s": round(t_export, 1), "quantize_s": round(t_quant, 1),
            "onnx_bytes": os.path.getsize(int8), "seed": args.seed,
            "torch": torch.__version__, "onnx": onnx.__version__}
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump(info, f, indent=2)
    print(json.dumps(info))


if __name__ == "__main__":
    main()
