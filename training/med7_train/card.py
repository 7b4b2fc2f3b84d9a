"""Write models/med7-compact/MODEL_CARD.md from training/metrics.json.

    python -m med7_train.card

Over 350 lines: the model card is one document written top to bottom from metrics.json.
"""
import json
import os
from pathlib import Path

from . import paths
from .presets import PRESETS
from .pretok import LABELS


def _table(sc):
    rows = ["| label | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 | gold n |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for lab in LABELS:
        s, l = sc["strict"]["per_label"][lab], sc["lenient"]["per_label"][lab]
        rows.append(f"| {lab} | {s[0]:.3f} | {s[1]:.3f} | {s[2]:.3f} | {l[0]:.3f} | {l[1]:.3f} | {l[2]:.3f} | {s[3]} |")
    s, l = sc["strict"]["micro"], sc["lenient"]["micro"]
    rows.append(f"| **micro** | {s[0]:.3f} | {s[1]:.3f} | **{s[2]:.3f}** | {l[0]:.3f} | {l[1]:.3f} | **{l[2]:.3f}** | |")
    return "\n".join(rows)


EVAL_DIR = paths.REPO_ROOT / "training" / "eval"


def _load_eval(name):
    """A `med7 eval --json` report written by training/eval.sh, or None."""
    p = EVAL_DIR / f"{name}.json"
    return json.load(open(p, encoding="utf-8")) if p.exists() else None


def _eval_table(r):
    rows = ["| label | gold n | strict P | strict R | strict F1 | lenient P | lenient R | lenient F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for lab, x in [(lab, r["perLabel"][lab]) for lab in LABELS] + [("**micro**", r["micro"])]:
        s, l = x["strict"], x["lenient"]
        rows.append(f"| {lab} | {s['gold']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
                    f"{l['precision']:.3f} | {l['recall']:.3f} | {l['f1']:.3f} |")
    return "\n".join(rows)


def _versus_table(model, weak):
    rows = ["| label | gold n | model strict F1 | weak labeller strict F1 | model lenient F1 | weak labeller lenient F1 |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    pairs = [(lab, model["perLabel"][lab], weak["perLabel"][lab]) for lab in LABELS]
    for lab, m, w in pairs + [("**micro**", model["micro"], weak["micro"])]:
        rows.append(f"| {lab} | {m['strict']['gold']} | {m['strict']['f1']:.3f} | {w['strict']['f1']:.3f} | "
                    f"{m['lenient']['f1']:.3f} | {w['lenient']['f1']:.3f} |")
    return "\n".join(rows)


def _mib(mib, name):
    return f"{mib[name]:.1f} MiB" if name in mib else "not built"


def _micro(r, kind="strict"):
    return r["micro"][kind]["f1"]


def _project_eval_section():
    dev, q8, fp32 = _load_eval("dev.int8"), _load_eval("dev.q8"), _load_eval("dev.fp32")
    weak = _load_eval("dev.weak")
    if dev is None:
        return ("### Project eval command\n\nNot run yet: `bash training/eval.sh` scores the model with "
                "`med7 eval` and rewrites this card.\n")
    text = f"""### Project eval command: `npx med7 eval ../shared/data/gold/dev.jsonl` (int8 products, `onnx/model_int8.onnx`, onnxruntime-node, 126-piece windows)

strict = exact span and label; lenient = overlapping span, same label, matched one to one.

{_eval_table(dev)}
"""
    if q8 is not None and fp32 is not None:
        text += (f"\nThe same weights with float products (`--dtype q8`, `onnx/model_quantized.onnx`, what WebGPU "
                 f"runs) give strict {_micro(q8):.3f} / lenient {_micro(q8, 'lenient'):.3f}; fp32 (`--dtype fp32`) "
                 f"strict {_micro(fp32):.3f} / lenient {_micro(fp32, 'lenient'):.3f}; int8 products (the default on "
                 f"the CPU and WASM) strict {_micro(dev):.3f} / lenient {_micro(dev, 'lenient'):.3f}.\n")
    text += f"""
<!-- eval: strict_f1={_micro(dev):.3f} lenient_f1={_micro(dev, 'lenient'):.3f} -->
(The line above is read by `src/cli/eval.integration.test.ts`, which fails if `med7 eval` drops more than 2 points below it.)
"""
    if weak is not None:
        text += f"""
### Weak labeller on the same dev set (same command: `med7 eval … --predictions`)

{_eval_table(weak)}

Caveat: the labeller's rules were written by a developer who had read the dev sentences (no dev sentence
was copied into rules or training data), so its dev score is optimistic — note its precision. The
held-out test set below is the fair comparison.
"""
    return text


def _review_note(d, P):
    """The reviewed sentences, if the build had them (build #8 on; the third round from build #11)."""
    if not d.get("review"):
        return ""
    third = _count(paths.REVIEW3_ANNOTATED) if P.get("review3") else 0
    fourth = _count(paths.REVIEW4_ANNOTATED) if P.get("review4") else 0
    note = (f"; {d['review'] - third - fourth} of them from `training/data/review_annotated.jsonl`, annotated "
            f"without tagger output: training sentences where build #6 and the weak labeller disagreed, and "
            f"sentences of ordinary prose where build #6 found an entity")
    if third:
        note += (f"; {third} from `training/data/review3_annotated.jsonl`, annotated the same way: training "
                 f"sentences where build #10 and the labeller disagreed, and a sample of those where both found "
                 f"the same medication")
    if fourth:
        note += f"; {fourth} from `training/data/review4_annotated.jsonl`, the same way with build #16"
    return note


def _count(path):
    with open(path, encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def _cached_note(m):
    """A build that took its encoder from --mlm-cache did not pay for the pre-training: say so, so that
    its wall time is not read as the recipe's."""
    if not m.get("mlm_cached"):
        return ""
    return ("\n**This build reused a cached pre-trained encoder (`--mlm-cache`)**, so its wall time leaves "
            "the pre-training out.")


def _choice_note(P):
    """How the shipped build was chosen (training/RECIPE.md has the rules set before each run), or how
    this build differs from the shipped recipe (`npm run model:build` with no options)."""
    shipped = PRESETS["full"]
    diffs = [f"`{k}` {P[k]!r} (shipped: {shipped[k]!r})" for k in shipped if k in P and P[k] != shipped[k]]
    if diffs:
        return ("This build differs from the shipped recipe (build #40) in " + ", ".join(diffs) + ";\n"
                "that file records the rule each build was judged by and how it scored.")
    return ("That file also says how the shipped model (build #40) was chosen, by a rule set before it ran. It is\n"
            "build #39's recipe (generated prescription sigs, status sentences, hand-annotated status-context and\n"
            "dosing sentences, 12,000 prose negatives) with three layers instead of four, fine-tuned on the\n"
            "pre-trained encoder's lowest three: a quarter fewer FLOPs per token, for the browser's speed. Against\n"
            "build #39 on held-out text (int8): test + third + fourth pooled strict F1 0.9468 (0.9475; the rule\n"
            "allowed 0.3 points less; ROUTE 0.925 and DOSAGE 0.901 against 0.949 and 0.936, DRUG 0.949 against\n"
            "0.941), sigs 0.960 (0.961), status sentences 0.960 (0.939), medication-free prose\n"
            "sentences with a false entity 131 of 8,352 (159); a 500-word note in the browser 141 ms against\n"
            "148 and 183 ms in two interleaved runs.")


def _tail_note(P):
    """Tail averaging, if the build used it (build #12 on)."""
    f = P.get("tail_average") or 0
    if not f:
        return ""
    start = round(P["ft_steps"] * (1 - f))
    return (f"; the exported weights are the mean of snapshots taken every 10 steps from step {start} on "
            f"(the last {100 * f:.0f} %, tail averaging)")


def _excluded_notes(P):
    return ("among the held-out test notes or the extra comparison set's notes" if P.get("hold_out_extra")
            else "among the held-out test notes")


def _quiet_note(d):
    """The extra negatives from ordinary prose, if the build had them (build #9 on)."""
    n = d["weak_stats"].get("quiet_neg", 0)
    return f", and {n} more from ordinary prose without any cue" if n else ""


def _quiet_section():
    quiet = _load_eval("quiet.int8")
    if quiet is None:
        return ""
    labels = ", ".join(f"{k} {v}" for k, v in sorted(quiet["by_label"].items(), key=lambda kv: -kv[1]))
    return f"""
**False alarms on ordinary prose.** The gold sets are mostly medication sentences. So `training/eval.sh`
also runs `med7 annotate` on the {quiet['sentences']:,} sentences of the dev and held-out test notes that
have no medication cue and no rule-found medication (`med7_train.quiet_sentences`: history, exam and
procedure prose). The model found {quiet['entities']} entities in {quiet['sentences_with_entities']} of them
({100 * quiet['sentences_with_entities'] / max(1, quiet['sentences']):.1f} %): {labels}. When 720 such finds of
build #6 on training prose were annotated by hand, 88 % of those sentences held no entity at all, so
nearly all of these are false alarms.
"""


def _pr(report):
    strict = report["micro"]["strict"]
    return strict["precision"], strict["recall"]


def _extra_provenance(P):
    if P.get("hold_out_extra"):
        return ("Their notes are kept out of all training text (`build --hold-out-extra`), as the test set's are, "
                "so this is a second held-out comparison. (Builds up to #11 trained on these sentences with the "
                "weak labeller's labels, which made their scores here lean towards the labeller.) "
                "The decoder's span rules (`src/core/decode/span-grammar.ts`) were read off this set's errors, "
                "so the model's score here is no longer a fully held-out figure.")
    return ("The model did see these sentences in training, **with the weak labeller's labels**\n(their notes are "
            "part of the weak-labelled text), so this comparison leans towards the labeller.")


def _model_vs_labeller(model, weak):
    """One comparison set's strict micro-F1, precision and recall, and lenient F1, model vs labeller."""
    return (f"Strict micro-F1: model {_micro(model):.3f}, weak labeller {_micro(weak):.3f} (precision "
            f"{_pr(model)[0]:.3f} vs {_pr(weak)[0]:.3f}, recall {_pr(model)[1]:.3f} vs {_pr(weak)[1]:.3f}); "
            f"lenient {_micro(model, 'lenient'):.3f} vs {_micro(weak, 'lenient'):.3f}.")


def _third_section():
    return _comparison_section("third", """
A third comparison: the {records} sentences of `gold/third.jsonl`, drawn from the unannotated
sentences of the dev and test notes, which no build has trained on (sentences that other notes repeat
are left out). Each was annotated twice, independently and without tagger output, and a third
annotator settled the differences. """, pooled_verdict=True)


def _fourth_section():
    return _comparison_section("fourth", """
A fourth comparison: the {records} sentences of `gold/fourth.jsonl`, drawn from the unannotated
sentences of the extra set's notes, which the builds leave out of all training text (sentences that
other notes repeat are left out). It was made after the decoder's span rules were read off the extra
set's errors, so that a held-out figure from those notes remains; each sentence was annotated twice,
independently and without tagger output, and a third annotator settled the differences.
""")


def _comparison_section(name, intro, pooled_verdict=False):
    """A held-out comparison set's paragraph: `intro` (with its sentence count filled in), model vs
    labeller, their per-label table and, for the third set, the verdict pooled with the test set."""
    model, weak = _load_eval(f"{name}.int8"), _load_eval(f"{name}.weak")
    if model is None or weak is None:
        return ""
    text = intro.format(records=model["records"]) + _model_vs_labeller(model, weak)
    text += "\n\n" + _versus_table(model, weak)
    return text + ("\n" + _pooled_verdict(model, weak) if pooled_verdict else "")


def _verdict(model_f1, weak_f1):
    """Within a point (a handful of entities on these sets) neither is clearly better: say so."""
    if model_f1 - weak_f1 >= 0.01:
        return "**beats** its weak labeller"
    if weak_f1 - model_f1 >= 0.01:
        return "**does not beat** its weak labeller"
    return "is **level** with its weak labeller on strict F1 (within a point)"


def _pooled(*reports):
    """Strict micro precision, recall and F1 over several scored sets together."""
    tp = sum(r["micro"]["strict"]["tp"] for r in reports)
    predicted = sum(r["micro"]["strict"]["predicted"] for r in reports)
    gold = sum(r["micro"]["strict"]["gold"] for r in reports)
    p, r = (tp / predicted if predicted else 0.0), (tp / gold if gold else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pooled_verdict(third, third_weak):
    """The test and third sets together: the held-out text no build has trained on."""
    test, test_weak = _load_eval("test.int8"), _load_eval("test.weak")
    if test is None or test_weak is None:
        return ""
    mp, mr, mf = _pooled(test, third)
    wp, wr, wf = _pooled(test_weak, third_weak)
    return (f"\nOn the test and third sets pooled ({test['records'] + third['records']} sentences, the text no build "
            f"has trained on) the model {_verdict(mf, wf)}:\nstrict micro-F1 {mf:.3f} vs {wf:.3f} (precision {mp:.3f} vs "
            f"{wp:.3f}, recall {mr:.3f} vs {wr:.3f}).\n")


def _heldout_section(P):
    model, weak, hand = _load_eval("test.int8"), _load_eval("test.weak"), _load_eval("hand.weak")
    if model is None or weak is None:
        return ""
    m, w = _micro(model), _micro(weak)
    verdict = _verdict(m, w)
    text = f"""## Held-out test set (`gold/test.jsonl`, {model['records']} sentences)

Hand-annotated by the rules of `ANNOTATION.md`, without looking at any model or labeller output, from
MTSamples notes that neither the dev set nor the training annotations use; every note it was drawn from
(`training/data/batches/heldout_candidates.jsonl`) is kept out of all training text. The weak
labeller's rules were revised once after it was made, from the training annotations: a site word before a
form (`nasal spray`, `eye drops`, `oral solution`) is now ROUTE + FORM, as the annotations mark it, which
raised the labeller's own score here too. Scored with `med7 eval` (int8 model; the weak labeller through
`--predictions`). On this text the model {verdict}: strict micro-F1 {m:.3f} vs {w:.3f}
(precision {_pr(model)[0]:.3f} vs {_pr(weak)[0]:.3f}, recall {_pr(model)[1]:.3f} vs {_pr(weak)[1]:.3f}),
lenient {_micro(model, 'lenient'):.3f} vs {_micro(weak, 'lenient'):.3f}.

{_versus_table(model, weak)}
"""
    extra, extra_weak = _load_eval("extra.int8"), _load_eval("extra.weak")
    if extra is not None and extra_weak is not None:
        text += f"""
A second comparison: the {extra['records']} sentences of `training/data/extra_annotated.jsonl`, hand-annotated
without any tagger output, from notes that neither dev, the test set nor the training annotations use.
{_extra_provenance(P)}
Strict micro-F1: model {_micro(extra):.3f}, weak labeller {_micro(extra_weak):.3f}; lenient
{_micro(extra, 'lenient'):.3f} vs {_micro(extra_weak, 'lenient'):.3f}.

{_versus_table(extra, extra_weak)}
"""
    text += _third_section()
    text += _fourth_section()
    text += _quiet_section()
    if hand is not None:
        text += (f"\nThe weak labeller on the {hand['records']} hand-annotated training sentences "
                 f"(`training/data/hand_annotated.jsonl`): strict {_micro(hand):.3f}, lenient "
                 f"{_micro(hand, 'lenient'):.3f}.\n")
    return text


def _mlm_passes(P, d):
    return f"{P['mlm_steps'] * 32 / max(1, d['mlm_sequences']):.1f}"


def _precision_note(m):
    # builds before the option recorded nothing: they pre-trained in float32
    if m.get("mlm_precision") == "bf16":
        return "; matrix products in bfloat16 (torch autocast; weights, optimiser and loss in float32)"
    return ""


def write(metrics_path=None, out=None):
    m = json.load(open(metrics_path or paths.REPO_ROOT / "training" / "metrics.json"))
    out = out or paths.MODEL_DIR / "MODEL_CARD.md"
    d, t, q, sz, P = m["data"], m["time_s"], m["quant_check"], m["sizes"], m["params"]
    # builds before the integer file existed have no size for it in metrics.json: read it from disk
    int8_file = Path(out).parent / "onnx" / "model_int8.onnx"
    if "model_int8.onnx" not in sz and int8_file.exists():
        sz = dict(sz, **{"model_int8.onnx": int8_file.stat().st_size})
    mib = {k: v / 2**20 for k, v in sz.items()}
    text = f"""# med7-compact

A compact BERT token classifier for the seven Med7 medication labels (DRUG, STRENGTH, FORM, ROUTE,
DOSAGE, FREQUENCY, DURATION), small enough to run in the browser with transformers.js
(`BertForTokenClassification`, ONNX, int8 weights).

Built by `npm run model:build` (`bash training/build.sh`, preset `{m['preset']}`, seed {m['seed']}),
CPU only. Build wall time on the 2-core build machine: **{t['total'] / 60:.0f} min** (MLM {t['mlm'] / 60:.0f} min,
fine-tuning {t['finetune'] / 60:.0f} min); the machine may have run other, lighter jobs beside it.{_cached_note(m)}
The fine-tuning steps and learning rates come from a recipe search on a lent GPU: `training/RECIPE.md`.
{_choice_note(P)}

## Files

| file | size |
| --- | ---: |
| `onnx/model_int8.onnx` (int8 weights and products: MatMulInteger on activations quantized per call; CPU and WASM) | {_mib(mib, 'model_int8.onnx')} |
| `onnx/model_quantized.onnx` (the same int8 weights, DequantizeLinear, fp32 products; WebGPU) | {_mib(mib, 'model_quantized.onnx')} |
| `onnx/model.onnx` (fp32) | {_mib(mib, 'model.onnx')} |
| `config.json`, `tokenizer.json`, `tokenizer_config.json`, `special_tokens_map.json`, `vocab.txt` | |

ONNX opset 14; inputs `input_ids`, `attention_mask`, `token_type_ids` (int64, dynamic batch and
sequence axes); output `logits` `[batch, sequence, 15]` over `O` + `B-`/`I-` for the seven labels
(`config.json` `id2label`).

## How the model reads text (contract with the TypeScript side)

1. Pre-tokens: maximal runs of letters, maximal runs of decimal digits, or any single other
   non-whitespace character (`re.finditer(r"[^\\W\\d_]+|\\d+|\\S", text)`); `400mg/5ml` is
   `400 mg / 5 ml`, `b.i.d.` is `b . i . d .`.
2. Each pre-token is tokenized on its own by the WordPiece tokenizer (lower case, accents stripped,
   `##` continuation, {P['vocab']} entries, no special tokens); the sequence is `[CLS] pieces... [SEP]`.
3. A pre-token is labelled from the tag probabilities at its **first** sub-token
   (`src/core/decode/choose-tags.ts`; mirrored in `training/med7_train/decode.py` for the python-side
   score): the pre-tokens of one written word (`D3`, `400mg`, or pieces joined by inner dots, `q.d`,
   `0.5`) take one label together, and the words' labels are the most probable sequence (Viterbi) in
   which an entity is continued (`I-`) only right after its own label: a word's score for a label is
   the mean over its pieces of the label's probability, and entering a label from another one counts
   only the first piece's `B-` share. BIO tags over pre-tokens are then decoded into character spans (an
   entity is a run of consecutive pre-tokens; a `B-` right after its own label on the same line
   continues the entity, since two entities of one label are almost never adjacent in this scheme;
   an entity of punctuation only is dropped, and symbols the vocabulary does not know, such as
   bullets, arrows and emoji, are trimmed off an entity's edges). Last, the span rules of
   `src/core/decode/span-grammar.ts` apply, taking in only pre-tokens outside every entity: a DRUG is
   split at a `with` that joins two drugs (`Marcaine with epinephrine`, but not `Tylenol with
   Codeine`) and before a contrast noun after an agent's name (`Omnipaque 240` + `dye`); no entity ends in a preposition, conjunction, article, pronoun or determiner; a DRUG
   takes in the noun heading its class (`pain` + `medication`); a FREQUENCY takes in a `basis`
   after it and the `on a` before it (`on a p.r.n. basis`); a DURATION takes in its unit of time
   and is dropped without one; a STRENGTH takes in a rate glued on after it (`/kg/minute`).
4. The model was fine-tuned on single sentences, so the TypeScript side reads a note a sentence at a
   time (`src/core/decode/sentences.ts`): windows follow the gold files' sentence split and list items that
   begin a line, and line-initial numbering and bullets are tagged `O`.

## Architecture

BERT, post-LayerNorm, GELU: {P.get('layers', 4)} layers, hidden 256, 4 heads, FFN 1024, 512 positions, type vocabulary 2,
LayerNorm eps 1e-12; {m['n_params'] / 1e6:.2f} M parameters. Written in plain torch (`training/med7_train/model.py`).

## Data and recipe

- **Text**: MTSamples (CC0), de-duplicated ({d['mlm_docs']} documents incl. ADE-corpus sentence groups and the
  medExtractR example notes for MLM), sentence-split like the gold file. Every MTSamples note whose
  `note_id` occurs in a dev id or {_excluded_notes(P)}, and every duplicate of such a note, is
  excluded from all training text.
- **MLM pre-training**: {P['mlm_steps']} steps x 32 sequences of up to 128 pieces ({d['mlm_sequences']} packed
  sequences, about {_mlm_passes(P, d)} passes over them), 15 % masking (80/10/10), AdamW lr {m['mlm_lr']}, linear
  decay{_precision_note(m)}.
- **Fine-tuning** ({P['ft_steps']} steps x 32, AdamW lr {m['ft_lr']}, 10 % warm-up, linear decay{_tail_note(P)}), on
  {d['windows']} windows from:
  - {d['weak_mtsamples']} MTSamples sentences labelled by the weak labeller ({d['weak_stats']['pos']} with entities,
    {d['weak_stats']['neg_used']} negatives: ones with medication-like cues such as mL, subcutaneous, IV, sutures,
    months{_quiet_note(d)}).
    In sentences with a medication, the {d['weak_stats'].get('unlabelled_spans', 0)} mentions the rules matched but
    turned down for want of context (`topical`, a volume far from a drug, `steroid`, `lithium`; about half of
    them are entities in the hand annotations) are left unlabelled instead of taught as "not an entity".
    The hand-annotated sentences are not in this set: their human labels replace the rules';
  - {d['generated']} generated sentences with gold spans by construction (numbered lists, comma lists, dotted and
    upper-case abbreviations, pharmacy sigs, prose, attributes before the drug, README style, drug classes
    and supplements as something taken, procedure injections, site + form such as `nasal spray` as ROUTE +
    FORM, counts without a form word, allergy lists; negatives: labs, EBL, sutures, vitals, dates and month names);
  - {d['ade']} ADE-corpus sentences labelled by the weak labeller (turned-down mentions unlabelled, as above);
  - {d['hand']} hand-annotated MTSamples sentences (`training/data/hand_annotated.jsonl`, dev and test notes
    excluded{_review_note(d, P)}), repeated x{d['hand_weight']}.
- **Weak labeller** (`training/med7_train/weak_labeller.py`): lexicon + regular expressions following
  `ANNOTATION.md`. DRUG lexicon: RxNorm names from medExtractR, parsigs names cross-checked with RxNorm,
  WHO EML (GNU Health), ADE-corpus drug mentions and named drug classes, minus stop words, months,
  supplies, foods and words that MTSamples uses often but never next to a dose.

## Evaluation on `shared/data/gold/dev.jsonl` (121 sentences)

{_project_eval_section()}
### Python-side scorer (training/med7_train/scorer.py, fp32 torch model; strict = exact span and label, lenient = overlap and label)

{_table(m['dev_python'])}

Same scorer with the int8 weights simulated in torch: strict {m['dev_python_int8']['strict']['micro'][2]:.3f},
lenient {m['dev_python_int8']['lenient']['micro'][2]:.3f}. The Med7 README sentence gets all seven entities exactly:
**{m['readme_exact']}**.

{_heldout_section(P)}
## Quantization check

Weights of all MatMul (per output channel) and Gather (per row) initializers are int8 with
`DequantizeLinear` (symmetric, zero point 0); activations stay fp32. Simulated in torch on the dev
sentences: max |logit difference| {q['max_abs_logit_diff']:.3f}, mean {q['mean_abs_logit_diff']:.4f}; dev strict
F1 {q['dev_strict_f1_fp32']:.3f} (fp32) -> {q['dev_strict_f1_int8']:.3f} (int8), lenient {q['dev_lenient_f1_fp32']:.3f} -> {q['dev_lenient_f1_int8']:.3f}.

`onnx/model_int8.onnx` holds the same int8 weights, but multiplies in integers: each activation entering
a weight product is quantized to uint8 on the fly, one scale per call (`DynamicQuantizeLinear` ->
`MatMulInteger`), as onnxruntime's own dynamic quantization does (`export.integer_matmul_onnx`), and reads
its embedding tables as int8 rows. It ships as onnxruntime optimises it (level `extended`,
`scripts/optimize-onnx.ts`, listed in config.json's `med7.optimized_onnx`), so a session opens it
without optimising it again; the logits are the same bit for bit. The CPU
and WASM run it (config.json's `transformers.js_config`); WebGPU runs `model_quantized.onnx`. Its
scores, from `med7 eval`, are the ones this card reports; the evaluation section gives the
float-product file's dev scores beside them.

## Licences

- Model weights, tokenizer and code: Apache-2.0.
- MTSamples: CC0 (as labelled by the Kaggle uploader). parsigs: MIT. ParseRx: Apache-2.0.
- medExtractR dictionaries (RxNorm-derived, GPL >= 2) and GNU Health lists (GPL-3.0) were used **at training
  time only** (weak labelling and generation); no dictionary is shipped in `models/`. RxNorm: "This product
  uses publicly available data courtesy of the U.S. National Library of Medicine".
- ADE corpus v2 (Gurulingappa et al., J Biomed Inform 2012): research use with attribution.

## Known limits

- Trained on weak labels: it inherits the labeller's blind spots (rare routes such as `to the foot area`,
  adverbs such as `occasionally`, unusual drug names not in any list) and can be unsure about drug
  classes (`contrast`, `dye`, `antibiotic irrigation`).
- False alarms on ordinary prose: in history, exam and procedure sentences with no medication at all it
  sometimes marks an odd word as a DRUG (`stairs`, `clonus`, `PERRLA`); see the count under the held-out
  test set. Build #6, the model shipped before this one, found entities in 620 of those 8,358 sentences
  (7.4 %); the reviewed sentences and the prose negatives of builds #9 and #10 (`training/RECIPE.md`) cut
  that by about 60 %, but did not remove it.
- DURATION and DOSAGE are rare in real text; the dev set has only 5 DURATION and 20 DOSAGE spans, so
  their dev scores are noisy.
- MLM pre-training is short ({P['mlm_steps']} steps, about {_mlm_passes(P, d)} passes over the text, sized to fit
  the 2-core machine's 90 minutes), but longer is not a sure gain (`training/RECIPE.md`): 300 → 2,000
  steps raised held-out strict F1 by half a point, while 2,000 → 4,000 (build #18, bfloat16) lowered it by
  0.3, though the MLM loss fell much further. The held-out errors are mostly precision (see above).
- English clinical text only; no negation or reason detection; the scheme marks mentions, not whether a
  drug was given.
- Every training sequence had at most 128 pieces, so position embeddings beyond 128 are untrained: dev
  sentences pushed past position ~150 by preceding text scored strict F1 0.44 instead of 0.88 (an earlier build).
  `tokenizer_config.json` therefore says `model_max_length: 128`, so callers that window by it (the
  TypeScript side does) feed at most 126 content pieces per window. (`config.json` keeps the
  architecture's `max_position_embeddings: 512`.) Training on longer packed sequences would lift this.
"""
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return out


if __name__ == "__main__":
    print(write())
