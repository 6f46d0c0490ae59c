#!/usr/bin/env bash
# Runs the validation split (never the test set) once per line of settings read
# from stdin, e.g. "weightKnn=1 weightSequence=0.5", and appends
# "dataset<TAB>settings<TAB>json" to benchmarks/quality/sweep.log.
# usage: benchmarks/quality/sweep.sh DATA_DIR [extra eval flags] < settings.txt
set -euo pipefail
data=$1; shift
log=$(dirname "$0")/sweep.log
while IFS= read -r line; do
  sets=()
  for kv in $line; do sets+=(--set "$kv"); done
  json=$(node dist/eval/main.js --data "$data" --validate --no-baselines --json "${sets[@]}" "$@" | tail -1)
  printf '%s\t%s\t%s\n' "$(basename "$data")" "$line" "$json" | tee -a "$log"
done
