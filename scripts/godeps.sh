#!/usr/bin/env bash
# godeps.sh OUT PKG: print a make rule naming every input of the binary OUT built from Go package
# PKG: the main module's Go and embedded files of PKG and its dependencies, their directories (a
# file added to a package changes its directory's time), go.mod, go.sum and the toolchain's
# VERSION. Modules outside the main module are fixed by go.sum. Each input also gets an empty
# rule, as gcc -MP does, so a deleted file makes OUT out of date instead of failing make; its
# empty recipe (;) spares make the search for an implicit rule per input, most of its time.
# godeps.sh --rule OUT FILE...: print that rule for the given inputs.
set -euo pipefail

rule() { # rule OUT INPUT...
  local out=$1
  shift
  printf '%s:' "$out"
  printf ' \\\n  %s' "$@"
  printf '\n'
  printf '%s: ;\n' "$@"
}

if [[ $1 == --rule ]]; then
  shift
  rule "$@"
  exit 0
fi

out=$1 pkg=$2
go=${GO:-go}
tmpl='{{if .Module}}{{if .Module.Main}}{{$d := .Dir}}{{$d}}
{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .CgoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{range .IgnoredGoFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}'
mod=$("$go" list -m -f '{{.Dir}}')
goroot=$("$go" env GOROOT)
pkgs=$("$go" list -deps -f "$tmpl" "$pkg")
# Test files never go into the binary, whatever their build tags. Make cannot name files with
# spaces, so neither does this list.
mapfile -t inputs < <(printf '%s\n' "$pkgs" "$mod/go.mod" "$mod/go.sum" "$goroot/VERSION" |
  sed '/^$/d; /_test\.go$/d' | sort -u)
rule "$out" "${inputs[@]}"
