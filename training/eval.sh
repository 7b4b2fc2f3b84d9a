#!/usr/bin/env bash
# Score the built model and the weak labeller with the project's own eval command (`med7 eval`,
# the TypeScript scorer users get), on the dev set, the held-out test set, the extra, third and
# fourth hand-annotated comparison sets and the hand-annotated training sentences, then rewrite
# models/med7-compact/MODEL_CARD.md from the results.
#   bash training/eval.sh      (run by build.sh at the end; needs `npm install` done)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="${PYTHON:-/usr/bin/python3}"
# paths relative to the repository root, so the JSON reports name them the same on every machine
DEV="${MED7_SHARED:-../shared}/data/gold/dev.jsonl"
TEST="gold/test.jsonl"
HAND="training/data/hand_annotated.jsonl"
EXTRA="training/data/extra_annotated.jsonl"
THIRD="gold/third.jsonl"
FOURTH="gold/fourth.jsonl"
OUT="training/eval"
WORK="training/work"
if [ ! -d "$ROOT/node_modules/@huggingface/transformers" ]; then
  echo "eval.sh: run 'npm install' first (the eval command is the TypeScript one)" >&2
  exit 1
fi
mkdir -p "$OUT" "$WORK"
med7() { node "$ROOT/bin/med7.js" "$@"; }
weak() { local abs; abs="$(realpath "$1")"; (cd training && "$PY" -m med7_train.weak_labeller "$abs"); }

# the integer-product file (int8) is what the CPU and WASM run by default; the same weights with
# float products (q8) are what WebGPU runs, and fp32 is the unquantized model
med7 eval "$DEV" --json --quiet --dtype int8 > "$OUT/dev.int8.json"
med7 eval "$DEV" --json --quiet --dtype q8 > "$OUT/dev.q8.json"
med7 eval "$DEV" --json --quiet --dtype fp32 > "$OUT/dev.fp32.json"
weak "$DEV" > "$WORK/weak.dev.jsonl"
med7 eval "$DEV" --predictions "$WORK/weak.dev.jsonl" --json > "$OUT/dev.weak.json"
# a comparison set, if it is there: the model and the weak labeller scored on it
compare() {
  local name="$1" gold="$2"
  [ -f "$gold" ] || return 0
  med7 eval "$gold" --json --quiet --dtype int8 > "$OUT/$name.int8.json"
  weak "$gold" > "$WORK/weak.$name.jsonl"
  med7 eval "$gold" --predictions "$WORK/weak.$name.jsonl" --json > "$OUT/$name.weak.json"
}
compare test "$TEST"
compare extra "$EXTRA"
compare third "$THIRD"
compare fourth "$FOURTH"
# false alarms: ordinary prose of the held-out notes (no cue, no rule-found medication)
(cd training && "$PY" -m med7_train.quiet_sentences) > "$WORK/quiet.jsonl"
med7 annotate --input "$WORK/quiet.jsonl" --output "$WORK/quiet.int8.jsonl" --quiet --dtype int8
(cd training && "$PY" -m med7_train.quiet_sentences --count "$ROOT/$WORK/quiet.int8.jsonl") > "$OUT/quiet.int8.json"
weak "$HAND" > "$WORK/weak.hand.jsonl"
med7 eval "$HAND" --predictions "$WORK/weak.hand.jsonl" --json > "$OUT/hand.weak.json"
(cd training && "$PY" -m med7_train.card)
for f in "$OUT"/{dev,test,extra,third,fourth,hand}.*.json; do
  [ -f "$f" ] || continue  # a set that is not there (an unmatched pattern stays literal)
  "$PY" -c "import json,sys; m=json.load(open(sys.argv[1]))['micro']; print(f\"{sys.argv[1].split('/')[-1]:>16}: strict {m['strict']['f1']:.3f} lenient {m['lenient']['f1']:.3f}\")" "$f"
done
"$PY" -c "import json,sys; q=json.load(open(sys.argv[1])); print(f\"{'quiet.int8.json':>16}: {q['entities']} entities in {q['sentences_with_entities']} of {q['sentences']} sentences without a medication cue\")" "$OUT/quiet.int8.json"
