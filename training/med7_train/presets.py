"""The build recipes: `smoke` for wiring checks, `full` for the shipped model.

Kept apart from build.py so that card.py (which writes the shipped recipe into the model card) and
build.py (which runs it) both read it without importing each other.
"""

PRESETS = {
    # a few minutes end to end: for wiring checks only
    "smoke": dict(vocab=8000, mlm_steps=40, ft_steps=200, n_gen=4000, ade=500, mlm_docs=400, weak_limit=6000,
                  quiet_neg=0, review=True, review3=False, review4=False, tail_average=0.0, hold_out_extra=False,
                  seed=7, mlm_precision="fp32", decoys=0.0, n_sig=300, n_status=300, context_hand=True, layers=4),
    # the real build (about 70 minutes on 2 CPU cores). Fine-tuning steps from a recipe search on a
    # lent GPU (training/RECIPE.md); MLM 2,000 steps once faster BLAS kernels made them affordable (build #16).
    # review / review3: also train on the reviewed sentences (training/data/review_annotated.jsonl,
    # review3_annotated.jsonl) as hand annotations; quiet_neg: extra weak negatives from ordinary
    # prose (no cue, no rule-found medication); hold_out_extra: the extra comparison set's notes stay
    # out of all training text; tail_average: export the mean of the weights over the last quarter
    # of fine-tuning; n_sig / n_status: generated prescription sigs and status sentences;
    # context_hand: the hand-annotated status-context and dosing sentences; layers: fine-tune on the
    # (4-layer) pre-trained encoder's lowest layers only. This is the shipped build #40
    # (training/RECIPE.md); `--layers 4` gives build #39, and `--layers 4 --quiet-neg 3000 --n-sig 0
    # --n-status 0 --no-context-hand` build #16.
    "full": dict(vocab=8000, mlm_steps=2000, ft_steps=7000, n_gen=16000, ade=2500, mlm_docs=None, weak_limit=None,
                 quiet_neg=12000, review=True, review3=True, review4=False, tail_average=0.25, hold_out_extra=True,
                 seed=7, mlm_precision="fp32", decoys=0.0, n_sig=2500, n_status=2500, context_hand=True, layers=3),
}
