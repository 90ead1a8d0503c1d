#!/usr/bin/env bash
# bench-plan.sh [STACK] [RUNS]: time a warm `make plan` against the plan command it runs, side by
# side in one run (alternating, so machine load hits both alike), and print the medians and their
# ratio; then the whole-program evaluation benchmark (internal/stack BenchmarkProgram).
set -euo pipefail
stack=${1:-prod} runs=${2:-20}
make -s plan STACK="$stack" >/dev/null 2>&1 || true # warm: the binary is current before timing begins

ms() { # ms CMD...: wall milliseconds of one run of CMD
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true # a plan whose mandatory rules fail still counts
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

make_ms=() plan_ms=()
for ((i = 0; i < runs; i++)); do # which goes first alternates, so neither always runs warmer
  if ((i % 2)); then
    plan_ms+=("$(ms bin/bidopsai plan --stack "$stack")")
    make_ms+=("$(ms make -s plan STACK="$stack")")
  else
    make_ms+=("$(ms make -s plan STACK="$stack")")
    plan_ms+=("$(ms bin/bidopsai plan --stack "$stack")")
  fi
done
m=$(printf '%s\n' "${make_ms[@]}" | median)
p=$(printf '%s\n' "${plan_ms[@]}" | median)
printf 'make plan STACK=%s          median %5d ms  (runs: %s)\n' "$stack" "$m" "${make_ms[*]}"
printf 'bin/bidopsai plan --stack %s median %5d ms  (runs: %s)\n' "$stack" "$p" "${plan_ms[*]}"
awk -v m="$m" -v p="$p" 'BEGIN { printf "ratio %.2fx (target: at most 1.30x)\n", m / p }'
echo "whole-program evaluation (target: under 100 ms for prod):"
go test -run '^$' -bench "BenchmarkProgram/$stack\$" -benchtime 20x ./internal/stack/ | grep -E '^Benchmark'
