#!/usr/bin/env bash
# The learned-classifier experiment of docs/status.md ("A learned classifier?"), end to end:
# 1. the status rules as they stood before each dev part was first scored, from git (`fresh`):
#    their answers on that part are held-out answers;
# 2. the context features of every gold DRUG (scripts/status-features.ts), with the rules of
#    today and with the fresh rules;
# 3. leave-one-part-out logistic regression (train.py): the learned model alone (no rules
#    features, all dev parts) and the learned model over the fresh rules' answers (parts B to J).
# 4. with NEURAL=1, the shipped encoder fine-tuned on statuses (neural.py), leave one part out.
# The "ALL rules" line of step 3 is the rules' pooled held-out figure (docs/status.md).
# Never reads gold/status-test.jsonl. Outputs go to $OUT (default /tmp/med7-status-experiment).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/med7-status-experiment}
mkdir -p "$OUT/fresh"
# Part → the commit whose rules first scored it (gold/README.md, "The history of the test part").
declare -A FRESH=([status-dev-b]=efb0fa7 [status-dev-c]=5cfefc2^ [status-dev-d]=be0b78a^
  [status-dev-e]=1ea4bcb^ [status-dev-f]=08fc102^ [status-dev-g]=03f13f1^
  [status-dev-h]=01414e8 [status-dev-i]=01414e8 [status-dev-j]=9ba269b)
for part in "${!FRESH[@]}"; do
  commit=${FRESH[$part]}
  if git cat-file -e "$commit:src/core/records/status-triggers.ts" 2>/dev/null; then
    # Rules in several modules: that commit's src/core, and a file that re-exports its step.
    rm -rf "$OUT/tree/$part" && mkdir -p "$OUT/tree/$part"
    git archive "$commit" src/core | tar -x -C "$OUT/tree/$part"
    echo "export { drugStatuses } from '$OUT/tree/$part/src/core/records/status.ts';" >"$OUT/fresh/$part.ts"
  else
    file=$(git ls-tree -r --name-only "$commit" | grep -E '^src/core/(records/)?status\.ts$')
    git show "$commit:$file" >"$OUT/fresh/$part.ts"
  fi
done
DEV=(gold/status-dev.jsonl gold/status-dev-[b-j].jsonl)
npx tsx scripts/status-features.ts "${DEV[@]}" >"$OUT/features.jsonl"
npx tsx scripts/status-features.ts --rules-dir "$OUT/fresh" "${DEV[@]}" >"$OUT/features-fresh.jsonl"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
PY=/usr/bin/python3
echo "== learned alone (no rules features), leave one part out"
$PY training/status/train.py cv "$OUT/features.jsonl" --no-rules
echo "== learned over the fresh rules' answers, leave one part out (parts B to J)"
$PY training/status/train.py cv "$OUT/features-fresh.jsonl" --drop-part status-dev --dump "$OUT/combined.jsonl"
# The shipped encoder fine-tuned on statuses (neural.py), trained on the other dev parts and the
# probes: about 6 minutes a part on two cores, so only with NEURAL=1.
if [ "${NEURAL:-0}" = 1 ]; then
  npx tsx scripts/status-features.ts "${DEV[@]}" gold/status-probes.jsonl >"$OUT/features-all.jsonl"
  echo "== the shipped encoder fine-tuned on statuses, leave one part out (parts B to J)"
  $PY training/status/neural.py cv "$OUT/features-fresh.jsonl" "$OUT/features-all.jsonl"
fi
