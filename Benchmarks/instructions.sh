#!/usr/bin/env bash
# Counts the instructions of one release `normfolio build --audience auditor` of the synthetic
# N-document portfolio (default 1,000) with valgrind's callgrind, and prints the total (`Ir`).
# Unlike wall time, the count hardly depends on what else the machine is doing, so two commits can
# be compared in one run on a busy machine (docs/performance.md, "Instruction counts").
# Usage: Benchmarks/instructions.sh [N] [BINARY] [--profile]
#   --profile  also prints callgrind_annotate's top entries, inclusive and self.
# valgrind 3.19 cannot read DWARF 5, which Swift 6 writes: a copy of the binary without its
# debugging information is measured (symbol names stay, so the profile is readable).
set -euo pipefail
cd "$(dirname "$0")/.."
n=1000
binary=.build/release/normfolio
profile=false
for argument in "$@"; do
  case "$argument" in
    --profile) profile=true ;;
    [0-9]*) n=$argument ;;
    *) binary=$argument ;;
  esac
done
[ -x "$binary" ] || swift build -c release --product normfolio
command -v valgrind >/dev/null 2>&1 || { echo "Installing valgrind (needs apt-get)…" >&2;
  $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq valgrind >&2; }
portfolio=Benchmarks/work/portfolio-$n
if [ ! -f "$portfolio/.complete" ]; then
  rm -rf "$portfolio" && mkdir -p "$portfolio" && python3 Benchmarks/generate.py "$n" "$portfolio" && touch "$portfolio/.complete"
fi
work=$(mktemp -d /tmp/normfolio-instructions-XXXXXX)
trap 'rm -rf "$work"' EXIT
objcopy --strip-debug "$binary" "$work/normfolio"
# Output to tmpfs where there is one: writing is not what is counted, but a slow disk slows valgrind.
output="$work/site"
[ -d /dev/shm ] && output=$(mktemp -d /dev/shm/normfolio-instructions-XXXXXX) && trap 'rm -rf "$work" "$output"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$work/normfolio" build "$portfolio" \
  --audience auditor -o "$output/site" > /dev/null 2> "$work/valgrind.log" || { cat "$work/valgrind.log" >&2; exit 1; }
total=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$work/callgrind.out" | head -1 | cut -d' ' -f1)
printf 'instructions (callgrind Ir) of build --audience auditor, %d documents: %s (%.2f G)\n' "$n" "$total" \
  "$(echo "$total / 1000000000" | bc -l)"
if $profile; then
  demangle=cat
  command -v swift-demangle >/dev/null 2>&1 && demangle="swift-demangle --simplified"
  for inclusive in yes no; do
    echo
    callgrind_annotate --inclusive=$inclusive "$work/callgrind.out" > "$work/annotated" 2>/dev/null
    grep -E '^ *[0-9,]+ \(' "$work/annotated" | sed -n 1,40p | $demangle | cut -c1-220
  done
  cp "$work/callgrind.out" "Benchmarks/work/callgrind-$n.out"
  echo "(the whole profile: Benchmarks/work/callgrind-$n.out, for callgrind_annotate or kcachegrind)"
fi
