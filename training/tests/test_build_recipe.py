"""`npm run model:build` with no options must rebuild the shipped model: the full preset's recipe is
the one training/metrics.json records for models/med7-compact, plus the training data prepared for the
next build (issues #32 and #34: generated sigs and status sentences, hand-annotated context sentences),
which `--n-sig 0 --n-status 0 --no-context-hand` turns off."""
import json

from med7_train import build, paths

SHIPPED = json.loads((paths.REPO_ROOT / "training" / "metrics.json").read_text(encoding="utf-8"))


def test_the_default_build_is_the_shipped_recipe():
    args, params = build.parse_args([])
    assert SHIPPED["preset"] == "full"
    recorded = dict(SHIPPED["params"])
    assert {k: params[k] for k in recorded} == recorded
    assert params["seed"] == SHIPPED["seed"]
    assert params["review"] == (SHIPPED["data"].get("review", 0) > 0)
    assert (args.ft_lr, args.mlm_lr, args.hand_weight) == (SHIPPED["ft_lr"], SHIPPED["mlm_lr"],
                                                           SHIPPED["data"]["hand_weight"])
    # the shipped build (#39) was trained with the generated sigs and status sentences
    assert recorded["n_sig"] > 0 and recorded["n_status"] > 0 and recorded["context_hand"] is True


def test_options_override_the_preset():
    _, params = build.parse_args(["--no-review", "--quiet-neg", "0", "--seed", "13"])
    assert (params["review"], params["quiet_neg"], params["seed"]) == (False, 0, 13)
    _, smoke = build.parse_args(["--smoke"])
    assert smoke["ft_steps"] < build.PRESETS["full"]["ft_steps"]


def test_the_extra_set_is_held_out_by_default():
    _, params = build.parse_args([])
    assert params["hold_out_extra"] is True  # the shipped build never saw it; builds up to #11 trained on it
    _, params = build.parse_args(["--no-hold-out-extra"])
    assert params["hold_out_extra"] is False
