#!/usr/bin/env bash
# plan-diff.sh STACK BASE [FORMAT]: plan STACK at git ref BASE (in a temporary worktree, built
# with that ref's own code) and in the working tree, then print `bidopsai diff` of the two
# (FORMAT text or markdown). The worktree is removed on every exit, failures included. A stack
# file that BASE does not have yet compares against an empty plan: everything is created.
set -euo pipefail
stack=$1 base=$2 format=${3:-text}
go=${GO:-go}
root=$(git rev-parse --show-toplevel)
cd "$root"
git rev-parse --verify --quiet "$base^{commit}" >/dev/null || {
  echo "plan-diff: BASE='$base' is not a commit in this repository" >&2
  exit 2
}

tmp=$(mktemp -d)
cleanup() {
  git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
git worktree add --quiet --detach "$tmp/base" "$base"

# plan exits 1 when a mandatory rule fails but still writes the plan: only a missing file fails.
plan() { # plan DIR BIN OUT: the plan of $stack in project DIR by binary BIN, copied to OUT
  "$2" plan --stack "$stack" --dir "$1" >/dev/null || true
  if [[ ! -f $1/build/plan/$stack.json ]]; then
    echo "plan-diff: planning $stack in $1 failed (see above)" >&2
    exit 1
  fi
  cp "$1/build/plan/$stack.json" "$3"
}

if [[ -f $tmp/base/Pulumi.$stack.yaml ]]; then
  echo "planning $stack at $base ($(git rev-parse --short "$base"))" >&2
  (cd "$tmp/base" && "$go" build -o "$tmp/bidopsai-base" ./cmd/bidopsai)
  plan "$tmp/base" "$tmp/bidopsai-base" "$tmp/old.json"
else
  echo "$base has no Pulumi.$stack.yaml: comparing with an empty plan" >&2
  printf '{"project": "%s", "stack": "%s", "resources": [], "outputs": {}}\n' \
    "$(awk '$1 == "name:" { print $2; exit }' Pulumi.yaml)" "$stack" >"$tmp/old.json"
fi
echo "planning $stack in the working tree" >&2
make -s "$root/bin/bidopsai" >/dev/null
plan "$root" "$root/bin/bidopsai" "$tmp/new.json"
bin/bidopsai diff --format "$format" "$tmp/old.json" "$tmp/new.json"
