#!/usr/bin/env bash
# gobuild.sh OUT PKG DEPFILE [CHANGED...]: build Go package PKG into OUT, saying why and showing
# progress, then write DEPFILE, the make rule listing every input of OUT (scripts/godeps.sh), so
# that make rebuilds OUT only when one of them changed. CHANGED are the inputs make found newer.
set -euo pipefail

out=$1 pkg=$2 depfile=$3
shift 3
go=${GO:-go}
name=${out#"$PWD"/}

if [[ ! -e $out ]]; then
  echo "building $name: the first build compiles Pulumi and the AWS SDK (about 780 packages) once;" >&2
  echo "  with an empty Go build cache that takes minutes on 2 cores, later builds take seconds" >&2
elif [[ ! -e $depfile ]]; then
  echo "building $name: no record of its inputs yet ($depfile)" >&2
else
  changed=()
  for f in "$@"; do changed+=("${f#"$PWD"/}"); done
  more=""
  if ((${#changed[@]} > 3)); then more=" and $((${#changed[@]} - 3)) more"; fi
  echo "rebuilding $name: changed ${changed[*]:0:3}$more" >&2
fi

# `go build -v` names each package as it compiles it (cached ones are skipped). Package paths
# have no spaces or colons; any other line (a compile error, "go: downloading ...") passes through.
progress() {
  local n=0 tty=0 line
  [[ -t 2 ]] && tty=1
  while IFS= read -r line; do
    if [[ $line =~ ^[A-Za-z0-9._/~-]+$ ]]; then
      n=$((n + 1))
      if ((tty)); then
        printf '\r\033[K  compiled %d: %s' "$n" "$line" >&2
      elif ((n % 50 == 0)); then
        printf '  compiled %d packages\n' "$n" >&2
      fi
    else
      ((tty)) && printf '\r\033[K' >&2
      printf '%s\n' "$line" >&2
    fi
  done
  ((tty)) && printf '\r\033[K' >&2
  if ((n == 1)); then printf '  compiled 1 package\n' >&2; fi
  if ((n > 1)); then printf '  compiled %d packages\n' "$n" >&2; fi
}

mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp" "$depfile.tmp.$$"' EXIT
start=$SECONDS
"$go" build -v -o "$tmp" "$pkg" 2>&1 | progress

GO=$go "$(dirname "$0")/godeps.sh" "$out" "$pkg" >"$depfile.tmp.$$"
mv -f "$depfile.tmp.$$" "$depfile"
mv -f "$tmp" "$out"
echo "built $name in $((SECONDS - start)) s" >&2
