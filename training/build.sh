#!/usr/bin/env bash
# Build the med7-compact model from ../shared data: vocabulary, MLM pre-training, fine-tuning,
# ONNX export (fp32 + int8). Seeded, CPU only. Run from anywhere: `npm run model:build`.
#   bash training/build.sh            # full build (about 70 minutes on 2 CPU cores)
#   bash training/build.sh --smoke    # a few minutes, for wiring checks
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/training"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
# threads sleep instead of spinning when the cores are shared with other jobs
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
PY="${PYTHON:-/usr/bin/python3}"
if ! "$PY" -c "import torch, onnx, numpy" 2>/dev/null; then
  echo "build.sh: $PY needs torch, onnx and numpy (Debian: python3-torch python3-onnx python3-numpy)" >&2
  exit 1
fi
if [ ! -f "$ROOT/../shared/data/mtsamples/mtsamples.csv" ] && [ -z "${MED7_SHARED:-}" ]; then
  echo "build.sh: ../shared/data not found beside the repository (or set MED7_SHARED)" >&2
  exit 1
fi
mkdir -p logs
start=$(date +%s)
"$PY" -m med7_train.build "$@"
echo "build.sh: finished in $(( $(date +%s) - start ))s"
# Score the new model with the project's eval command and put the figures in the model card.
if [ -d "$ROOT/node_modules/@huggingface/transformers" ] && [[ " $* " != *" --search-only "* ]]; then
  bash "$ROOT/training/eval.sh"
else
  echo "build.sh: run 'npm install' and then 'bash training/eval.sh' to score the model and fill in its card"
fi
