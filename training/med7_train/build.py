"""End-to-end build: vocabulary, MLM pre-training, fine-tuning, evaluation, ONNX export + int8.

    python -m med7_train.build [--smoke] [--out models/med7-compact]

Over 350 lines: the build is one sequence of stages sharing the data, vocabulary and log.
"""
import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import time

import torch

from . import card, corpus, data, export, manifest, mlm_cache, paths, precision, scorer, weak_labeller
from .model import BertTokenClassifier, Config
from .presets import PRESETS
from .pretok import BIO, LABELS, pretokenize, spans_to_bio
from .tokenizer import WordPiece, bert_pre_tokenize, encode_pretokens, normalize, train_vocab
from .train import TailAverage, finetune, pack_mlm, pretrain

def log_to(path):
    f = open(path, "a", buffering=1)

    def log(msg):
        line = f"[{time.strftime('%H:%M:%S')}] {msg}"
        print(line, flush=True)
        f.write(line + "\n")
    return log


def evaluate(model, wp, dev):
    preds = data.predict_spans(model, wp, [r["text"] for r in dev])
    return scorer.score([r["entities"] for r in dev], preds), preds


def parse_args(argv=None):
    """The command line and the recipe it selects: (args, params), the preset with any overrides."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--preset", default="full", choices=sorted(PRESETS))
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--out", default=str(paths.MODEL_DIR))
    ap.add_argument("--seed", type=int, help="the preset's by default (7)")
    ap.add_argument("--mlm-steps", type=int)
    ap.add_argument("--ft-steps", type=int)
    ap.add_argument("--ft-lr", type=float, default=6e-4)
    ap.add_argument("--mlm-lr", type=float, default=6e-4)
    ap.add_argument("--mlm-precision", choices=precision.CHOICES,
                    help="bf16: pre-train under bfloat16 autocast; auto: bf16 where the CPU has native bfloat16 "
                         "instructions, else fp32 (preset: fp32)")
    ap.add_argument("--n-gen", type=int)
    ap.add_argument("--n-sig", type=int, help="generated pharmacy sigs of issue #32's error classes (med7_train/"
                                               "gen_contexts.py), added after the vocabulary")
    ap.add_argument("--n-status", type=int, help="generated allergy, stop, hold, plan and negation sentences "
                                                  "(issue #34), added after the vocabulary")
    ap.add_argument("--context-hand", action=argparse.BooleanOptionalAction,
                    help="also train on training/data/context_annotated.jsonl and dosing_annotated.jsonl "
                         "(hand-annotated MTSamples sentences of allergy, stop, hold, plan and negation contexts, "
                         "and of volumes, puffs, tapers and other dosing of issue #32) as hand annotations")
    ap.add_argument("--hand-weight", type=int, default=4)
    ap.add_argument("--layers", type=int, help="fine-tune a model of LAYERS layers on the pre-trained (4-layer) "
                                               "encoder's lowest ones (preset: 3, build #40; 4 gives build #39)")
    ap.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "2")))
    ap.add_argument("--eval-every", type=int, default=1000)
    # the shipped recipe runs on CPU; "cuda" is for searching recipes faster on a lent GPU
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--search-only", action="store_true", help="train and score on dev; no export")
    ap.add_argument("--hand-probe", action="store_true", help="search: score on half the hand annotations")
    ap.add_argument("--class-weight-o", type=float, default=1.0)
    ap.add_argument("--review", action=argparse.BooleanOptionalAction,
                    help="train on training/data/review_annotated.jsonl as hand annotations (on in the presets; "
                         "builds #8-#10 did, build #6 did not)")
    ap.add_argument("--review3", action=argparse.BooleanOptionalAction,
                    help="also train on training/data/review3_annotated.jsonl, the third review round")
    ap.add_argument("--review4", action=argparse.BooleanOptionalAction,
                    help="also train on training/data/review4_annotated.jsonl, the fourth review round (build "
                         "#16's disagreements with the labeller; seventeenth session)")
    ap.add_argument("--tail-average", type=float, metavar="FRACTION",
                    help="ship the mean of the weights over the last FRACTION of fine-tuning (preset: 0, the "
                         "final weights)")
    ap.add_argument("--raw-out", help="with --tail-average: also export the final (unaveraged) weights here, "
                                      "for a paired comparison")
    ap.add_argument("--hold-out-extra", action=argparse.BooleanOptionalAction,
                    help="leave the extra comparison set's notes out of all training text, as the held-out test "
                         "notes are (builds up to #11 trained on their weak labels)")
    ap.add_argument("--quiet-neg", type=int, help="extra weak negatives from ordinary prose (preset: 3000)")
    ap.add_argument("--decoys", type=float, metavar="SHARE",
                    help="share of generated lines naming a drug in which one drug becomes an ordinary word, "
                         "taught as O (med7_train/decoys.py; preset: 0)")
    ap.add_argument("--mlm-cache", metavar="DIR",
                    help="reuse a pre-trained encoder from DIR when the pre-training would be the same, and keep "
                         "new ones there: experiments on the fine-tuning data then cost only the fine-tuning "
                         "(med7_train/mlm_cache.py); a build time measured this way leaves pre-training out")
    ap.add_argument("--teach-doubts-as-o", action="store_true",
                    help="label the weak labeller's turned-down mentions O (builds #1-#5) instead of leaving them out")
    args = ap.parse_args(argv)
    if args.tail_average is not None and not 0 <= args.tail_average < 1:
        ap.error("--tail-average is a fraction of the fine-tuning steps, from 0 up to (not including) 1")
    if args.hand_probe and not args.search_only:
        ap.error("--hand-probe drops training data, so it is only for --search-only runs")
    if args.decoys is not None and not 0 <= args.decoys <= 1:
        ap.error("--decoys is a share of the generated lines, from 0 to 1")
    P = dict(PRESETS["smoke" if args.smoke else args.preset])
    for k in ("mlm_steps", "mlm_precision", "ft_steps", "n_gen", "n_sig", "n_status", "context_hand", "quiet_neg", "layers",
              "review", "review3", "review4",
              "tail_average", "hold_out_extra", "seed", "decoys"):
        if getattr(args, k) is not None:
            P[k] = getattr(args, k)
    if args.raw_out and not P["tail_average"]:
        # checked on the recipe, not the flag: a preset may tail-average without --tail-average
        ap.error("--raw-out compares against --tail-average, so it needs it")
    return args, P


def main(argv=None):
    args, P = parse_args(argv)
    torch.set_num_threads(args.threads)
    random.seed(P["seed"])
    torch.manual_seed(P["seed"])
    work = paths.WORK
    work.mkdir(parents=True, exist_ok=True)
    log = log_to(work / "build_steps.log")
    t_start = time.time()
    log(f"build start preset={'smoke' if args.smoke else args.preset} params={P} seed={P['seed']} "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE')}")

    # ---- data ---------------------------------------------------------------------------------
    dev = corpus.load_dev()
    mis = []
    for r in dev:
        _, m = spans_to_bio(r["text"], r["entities"])
        mis.extend((r["id"], r["text"][s:e], l) for s, e, l in m)
    log(f"dev: {len(dev)} sentences; gold entities with boundaries inside a pre-token: {len(mis)} {mis[:5]}")
    # --hold-out-extra: the extra comparison set's notes leave the MLM text and the weak set, so that
    # the set scores the model on text it never saw, weak labels included (its sentences were
    # weak-labelled training sentences up to build #11, so the model had learnt the labeller's answers)
    held_notes, held_texts = data.held_out_extra() if P.get("hold_out_extra") else (set(), set())
    docs = data.mlm_texts(exclude_notes=held_notes)
    if P["mlm_docs"]:
        docs = docs[: P["mlm_docs"]]
    gen = data.generated(P["seed"], P["n_gen"])
    hand = data.load_hand_annotated()
    # the reviewed sentences are hand annotations too, weighted like them (--review: builds #8 and #9)
    review = data.load_hand_annotated(paths.REVIEW_ANNOTATED) if P["review"] else []
    if P.get("review3"):
        review = review + data.load_hand_annotated(paths.REVIEW3_ANNOTATED)
    if P.get("review4"):
        review = review + data.load_hand_annotated(paths.REVIEW4_ANNOTATED)
    if P.get("context_hand"):
        review = (review + data.load_hand_annotated(paths.CONTEXT_ANNOTATED)
                  + data.load_hand_annotated(paths.DOSING_ANNOTATED))
    hand = hand + review
    weak, wstats = data.weak_mtsamples(P["seed"], limit=P["weak_limit"], doubts=not args.teach_doubts_as_o,
                                       exclude={t for t, _ in hand} | held_texts, n_quiet=P.get("quiet_neg", 0),
                                       exclude_notes=held_notes)
    ade = data.weak_ade(P["seed"], P["ade"], doubts=not args.teach_doubts_as_o)
    wstats["unlabelled_spans"] = sum(len(x[2]) for x in weak + ade)
    hand_probe = []
    if args.hand_probe:
        # recipe search only: keep about half the hand-annotated sentences (by a hash of the text) out
        # of training and score model and weak labeller on them, a yardstick neither was tuned on
        import zlib
        keep = [zlib.crc32(t.encode()) % 2 == 0 for t, _ in hand]
        hand_probe = [h for h, k in zip(hand, keep) if not k]
        hand = [h for h, k in zip(hand, keep) if k]
    if held_notes:
        log(f"held out: {len(held_notes)} extra-set notes ({len(held_texts)} sentences)")
    log(f"MLM docs {len(docs)}; weak MTSamples {len(weak)} {wstats}; ADE {len(ade)}; generated {len(gen)}; "
        f"hand-annotated {len(hand)} of which reviewed {len(review)} (x{args.hand_weight})")

    # ---- tokenizer ----------------------------------------------------------------------------
    counts = collections.Counter()
    for d in docs:
        for s in d:
            for _, _, t in pretokenize(s):
                for w in bert_pre_tokenize(normalize(t)):
                    counts[w] += 1
    for t, _ in gen[:20000]:
        for _, _, w in pretokenize(t):
            for x in bert_pre_tokenize(normalize(w)):
                counts[x] += 1
    vocab = train_vocab(counts, size=P["vocab"])
    wp = WordPiece(vocab)
    unk = sum(c for w, c in counts.items() if wp.encode_word(w) == [1])
    log(f"vocab {len(vocab)} from {len(counts)} word types; [UNK] rate {unk / max(1, sum(counts.values())):.5f}")

    cfg = Config(vocab_size=len(vocab), num_labels=len(BIO))
    wp.save(str(work))
    # after the vocabulary, so that the vocabulary, and so the pre-training, do not depend on decoys
    # (a cached encoder then serves builds with and without them; --mlm-cache)
    if P.get("decoys"):
        gen, n_decoys = data.with_decoys(gen, P["decoys"], P["seed"], hand, held_notes)
        log(f"decoy lines {n_decoys} of {len(gen)} generated (share {P['decoys']} of those naming a drug)")
    # sigs and status sentences (issues #32, #34): after the vocabulary too, so that a cached encoder of
    # the recipe without them serves
    if P.get("n_sig") or P.get("n_status"):
        ctx = data.generated_contexts(P["seed"], P.get("n_sig", 0), P.get("n_status", 0))
        gen = gen + ctx
        log(f"context lines {len(ctx)} (sigs {P.get('n_sig', 0)}, status sentences {P.get('n_status', 0)})")

    # ---- MLM ----------------------------------------------------------------------------------
    seqs = pack_mlm(wp, docs)
    log(f"MLM sequences {len(seqs)} ({sum(len(s) for s in seqs)} pieces)")
    t0 = time.time()
    mlm_precision = precision.mlm_precision(P["mlm_precision"], device=args.device)
    log(f"MLM precision {mlm_precision} (asked: {P['mlm_precision']})")
    def train_encoder():
        return pretrain(cfg, wp, seqs, P["mlm_steps"], lr=args.mlm_lr, seed=P["seed"], log=log,
                        device=args.device, precision=mlm_precision)

    if args.mlm_cache:
        key = mlm_cache.cache_key(seqs, cfg, P["mlm_steps"], args.mlm_lr, P["seed"], mlm_precision, args.device,
                                  args.threads)
        mlm, mlm_cached = mlm_cache.MlmCache(args.mlm_cache).encoder(key, cfg, train_encoder, log)
    else:
        mlm, mlm_cached = train_encoder(), False
    t_mlm = time.time() - t0
    log(f"MLM done in {t_mlm:.0f}s")

    # ---- fine-tuning ----------------------------------------------------------------------------
    if P.get("layers", cfg.num_hidden_layers) < cfg.num_hidden_layers:
        # a shallower model (a quarter fewer FLOPs per token at 3: issue #28) on the encoder's lowest layers
        cfg = Config(vocab_size=len(vocab), num_labels=len(BIO), num_hidden_layers=P["layers"])
        mlm.bert.layers = torch.nn.ModuleList(list(mlm.bert.layers)[: P["layers"]])
        log(f"fine-tuning {P['layers']} layers: the pre-trained encoder's lowest")
    train_set = weak + ade + gen + hand * args.hand_weight
    # items are (text, entities) or, for the weak sets, (text, entities, unlabelled spans)
    encoded = [w for item in train_set for w in data.encode_ner(wp, *item)]
    log(f"fine-tune windows {len(encoded)}")

    ck_info = {"preset": "smoke" if args.smoke else args.preset, "params": P, "seed": P["seed"],
               "ft_lr": args.ft_lr, "mlm_lr": args.mlm_lr, "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE"),
               "mlm_precision": mlm_precision, "mlm_cached": mlm_cached,
               "data": {"mlm_docs": len(docs), "mlm_sequences": len(seqs), "weak_mtsamples": len(weak),
                        "weak_stats": wstats, "ade": len(ade), "generated": len(gen), "hand": len(hand), "review": len(review),
                        "hand_weight": args.hand_weight, "windows": len(encoded)}, "gold_misaligned": mis}

    def eval_fn(model, step):
        sc, _ = evaluate(model, wp, dev)
        log(f"  dev @ {step}: strict {sc['strict']['micro'][2]:.3f} lenient {sc['lenient']['micro'][2]:.3f}")
        # checkpoint, so that an interrupted build can still be exported (python -m med7_train.build export)
        info = dict(ck_info, ft_step_done=step, elapsed_s=round(time.time() - t_start),
                    time_s={"mlm": round(t_mlm), "finetune": round(time.time() - t0)})
        torch.save({"state_dict": model.state_dict(), "info": info}, work / "ckpt_ft.pt")

    t0 = time.time()
    tail = TailAverage(start=round(P["ft_steps"] * (1 - P["tail_average"]))) if P.get("tail_average") else None
    model = finetune(cfg, encoded, P["ft_steps"], init_bert=mlm.bert, lr=args.ft_lr, seed=P["seed"], log=log,
                     eval_fn=eval_fn, eval_every=args.eval_every, device=args.device,
                     class_weight_o=args.class_weight_o, tail_average=tail)
    model.to("cpu")
    t_ft = time.time() - t0
    if tail is not None and tail.state is None:
        # a run too short to reach the tail (`--ft-steps 1`, as when a run only fills --mlm-cache)
        log(f"tail average: no snapshot from step {tail.start} on in {P['ft_steps']} steps; final weights kept")
        tail = None
    elif tail is not None:
        raw_state = {k: v.clone() for k, v in model.state_dict().items()}
        torch.save(raw_state, work / "model_raw.pt")
        model.load_state_dict(tail.state)
        log(f"tail average: mean of {tail.count} snapshots from fine-tuning step {tail.start} on")
    torch.save(model.state_dict(), work / "model.pt")
    info = dict(ck_info, time_s={"mlm": round(t_mlm), "finetune": round(t_ft)})
    with open(work / "info.json", "w") as f:
        json.dump(info, f, indent=1)
    if args.search_only:
        # a recipe-search run: score on dev and stop (no export, no model card)
        sc, _ = evaluate(model, wp, dev)
        log(scorer.format_scores(sc, "model, python-side, dev (search run)"))
        log(f"SEARCH RESULT strict {sc['strict']['micro'][2]:.4f} lenient {sc['lenient']['micro'][2]:.4f} "
            f"{json.dumps({'params': P, 'ft_lr': args.ft_lr, 'hand_weight': args.hand_weight})}")
        if hand_probe:
            gold = [e for _, e in hand_probe]
            ps = scorer.score(gold, data.predict_spans(model, wp, [t for t, _ in hand_probe]))
            ws = scorer.score(gold, [weak_labeller.label(t) for t, _ in hand_probe])
            log(f"PROBE ({len(hand_probe)} hand sentences) model strict {ps['strict']['micro'][2]:.4f} lenient "
                f"{ps['lenient']['micro'][2]:.4f} | weak strict {ws['strict']['micro'][2]:.4f} lenient "
                f"{ws['lenient']['micro'][2]:.4f}")
        return sc
    metrics = finalize(model, wp, cfg, dev, args.out, info, log, t_start)
    if tail is not None and args.raw_out:
        # the same run's final weights, exported beside the average so the two can be scored pair-wise;
        # finalize rewrites training/metrics.json, so the average's metrics are written back after it
        raw = BertTokenClassifier(cfg)
        raw.load_state_dict(raw_state)
        log("exporting the final (unaveraged) weights to " + args.raw_out)
        finalize(raw, wp, cfg, dev, args.raw_out, dict(info, params=dict(P, tail_average=0.0)), log, t_start)
        with open(os.path.join(paths.REPO_ROOT, "training", "metrics.json"), "w") as f:
            json.dump(metrics, f, indent=1)
        card.write(out=os.path.join(args.out, "MODEL_CARD.md"))
    log(f"build done in {time.time() - t_start:.0f}s")
    return metrics


def finalize(model, wp, cfg, dev, out, info, log, t_start):
    """Evaluate python-side, export ONNX fp32 + int8, check the int8 weights, write config,
    tokenizer, training/metrics.json and the model card."""
    model.eval()
    sc, preds = evaluate(model, wp, dev)
    log(scorer.format_scores(sc, "model, python-side, dev"))
    rd = [r for r in dev if r["id"] == "med7-readme"]
    readme_ok = None
    if rd:
        p = data.predict_spans(model, wp, [rd[0]["text"]])[0]
        readme_ok = sorted(map(tuple, p)) == sorted(map(tuple, rd[0]["entities"]))
        log(f"Med7 README sentence exact: {readme_ok}: {[(rd[0]['text'][s:e], l) for s, e, l in p]}")
    wl = scorer.score([r["entities"] for r in dev], [weak_labeller.label(r["text"]) for r in dev])
    log(scorer.format_scores(wl, "weak labeller, dev"))
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    fp32 = os.path.join(out, "onnx", "model.onnx")
    q8 = os.path.join(out, "onnx", "model_quantized.onnx")
    export.export_onnx(model, fp32)
    qstats = export.quantize_onnx(fp32, q8)
    log(f"quantized {len(qstats)} weight matrices")
    integer = export.integer_matmul_onnx(q8, os.path.join(out, "onnx", "model_int8.onnx"))
    log(f"integer matrix products (model_int8.onnx): {len(integer)}")
    qm = export.simulate_int8(model)
    with torch.no_grad():
        diffs = []
        for r in dev:
            toks = pretokenize(r["text"])
            ids, _ = encode_pretokens(wp, [t[2] for t in toks], max_len=512)
            x = torch.tensor([ids])
            a = model(x, torch.ones_like(x), torch.zeros_like(x))
            b = qm(x, torch.ones_like(x), torch.zeros_like(x))
            diffs.append((a - b).abs())
        mx = max(float(d.max()) for d in diffs)
        mean = float(torch.cat([d.flatten() for d in diffs]).mean())
    qsc, _ = evaluate(qm, wp, dev)
    qcheck = {"max_abs_logit_diff": mx, "mean_abs_logit_diff": mean,
              "dev_strict_f1_fp32": sc["strict"]["micro"][2], "dev_strict_f1_int8": qsc["strict"]["micro"][2],
              "dev_lenient_f1_fp32": sc["lenient"]["micro"][2], "dev_lenient_f1_int8": qsc["lenient"]["micro"][2]}
    log(f"int8 check (torch simulation of the int8 weights): {json.dumps(qcheck)}")
    wp.save(out)
    export.write_config(cfg, out)
    log(f"int8 graph optimised ahead of time: {_optimize_int8(out)}")
    sizes = {f: os.path.getsize(os.path.join(out, "onnx", f)) for f in ("model.onnx", "model_quantized.onnx", "model_int8.onnx")}
    log(f"sizes: {sizes}")
    metrics = dict(info)
    metrics["time_s"] = dict(info.get("time_s", {}), total=round(time.time() - t_start))
    metrics.update({"n_params": sum(p.numel() for p in model.parameters()), "dev_python": sc,
                    "dev_python_int8": qsc, "weak_labeller_dev": wl, "readme_exact": readme_ok,
                    "quant_check": qcheck, "sizes": sizes})
    with open(os.path.join(paths.REPO_ROOT, "training", "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
    card.write(out=os.path.join(out, "MODEL_CARD.md"))
    # the hashes a page checks a copy of this folder against (docs/integrity.md)
    log(f"manifest: {manifest.write_manifest(out)}")
    return metrics


def _optimize_int8(out):
    """scripts/optimize-onnx.ts saves model_int8.onnx as onnxruntime optimises it and lists it in
    config.json, so that sessions skip the optimisation (src/model/graph-level.ts). Without
    node_modules, or when the script refuses (other logits), the file stays as exported: it runs
    the same, only a browser's first session opens slower; the build goes on and logs why."""
    tsx = os.path.join(paths.REPO_ROOT, "node_modules", ".bin", "tsx")
    if not os.path.exists(tsx):
        return f"skipped (no node_modules): run npm install, then npx tsx scripts/optimize-onnx.ts {out}"
    script = os.path.join(paths.REPO_ROOT, "scripts", "optimize-onnx.ts")
    done = subprocess.run([tsx, script, out], capture_output=True, text=True)
    out_lines = done.stdout.strip().splitlines()
    if done.returncode != 0:
        why = (done.stderr.strip().splitlines() or out_lines or ["no output"])[-1]
        return f"NOT optimised, the file stays as exported: {why}"
    return out_lines[-1] if out_lines else "done"


def export_checkpoint(argv=None):
    """Turn the latest fine-tuning checkpoint (training/work/ckpt_ft.pt) into the model directory."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default=str(paths.WORK / "ckpt_ft.pt"))
    ap.add_argument("--out", default=str(paths.MODEL_DIR))
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "2")))
    log = log_to(paths.WORK / "build_steps.log")
    t0 = time.time()
    ck = torch.load(args.ckpt)
    wp = WordPiece.load(str(paths.WORK / "tokenizer.json"))
    # a student (--layers) has fewer layers than the Config default: count them in the checkpoint
    layers = len({k.split(".")[2] for k in ck["state_dict"] if k.startswith("bert.layers.")})
    cfg = Config(vocab_size=len(wp.vocab), num_labels=len(BIO), num_hidden_layers=layers)
    model = BertTokenClassifier(cfg)
    model.load_state_dict(ck["state_dict"])
    info = dict(ck["info"])
    elapsed = info.pop("elapsed_s", 0)
    log(f"exporting checkpoint at fine-tuning step {info.get('ft_step_done')}")
    return finalize(model, wp, cfg, corpus.load_dev(), args.out, info, log, t0 - elapsed)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "export":
        export_checkpoint(sys.argv[2:])
    else:
        main()
