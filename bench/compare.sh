#!/usr/bin/env bash
# Whole-process timings for BENCHMARKS.md: the juris CLI (cold, one question) against stock
# `opa eval` on the same bundle, median and spread of 5 runs each. Needs Go; builds opa from the
# OPA module version in go.mod (cached), or uses $JURIS_OPA.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/juris" ./cmd/juris
opa=${JURIS_OPA:-}
if [ -z "$opa" ]; then
  v=$(awk '$1 == "github.com/open-policy-agent/opa" {print $2}' go.mod)
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/juris/opa-$v"
  if [ ! -x "$dir/opa" ]; then
    mkdir -p "$dir"
    (cd "$tmp" && GOBIN="$dir" GOFLAGS=-mod=mod CGO_ENABLED=0 go install "github.com/open-policy-agent/opa@$v")
  fi
  opa="$dir/opa"
fi
"$tmp/juris" bundle -o "$tmp/juris.tar.gz" > /dev/null
echo '{"agency":"us/tx/travis-county/sheriff","model":"jail-enforcement","as_of":"2026-12-02"}' > "$tmp/agency.json"
echo '{"locality":"us/tx/austin","as_of":"2026-12-02"}' > "$tmp/locality.json"

# median and spread (min-max) of 5 wall-clock runs, in seconds
measure() {
  local label=$1; shift
  local times=()
  for _ in 1 2 3 4 5; do
    local s e
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-58s median %.3f s  (min %.3f, max %.3f)\n", l, a[3], a[1], a[5]}'
}

measure "juris agency (cold process, one state loaded)" "$tmp/juris" agency us/tx/travis-county/sheriff --model jail-enforcement --as-of 2026-12-02
measure "juris locality us/tx/austin (cold process, one state)" "$tmp/juris" locality us/tx/austin --as-of 2026-12-02
measure "juris stats (cold process, whole nation)" "$tmp/juris" stats --as-of 2026-06-01
measure "juris report (cold process, whole nation)" "$tmp/juris" report --as-of 2026-06-01 --format json
measure "opa eval data.juris.agency (bundle, whole process)" "$opa" eval -b "$tmp/juris.tar.gz" -i "$tmp/agency.json" data.juris.agency
measure "opa eval data.juris.locality (bundle, whole process)" "$opa" eval -b "$tmp/juris.tar.gz" -i "$tmp/locality.json" data.juris.locality
echo "peak memory (max RSS) of a national report:"
/usr/bin/time -f "  juris report: %M KB" "$tmp/juris" report --as-of 2026-06-01 --format json > /dev/null
