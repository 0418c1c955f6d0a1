#!/usr/bin/env bash
# Prints the fingerprints that say whether a change left normfolio's output as it was: the sample's
# six editions (three audiences, Dutch and English) and the 1,000-document benchmark portfolio
# (auditor). Usage: Benchmarks/fingerprints.sh [BINARY]   (default: the release build)
# Each fingerprint is the SHA-256 of the sorted list of every output file's SHA-256. The sample is
# built from a copy without .git, so the manifest holds no commit and the figures do not change
# with every commit.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:-.build/release/normfolio}")
work=$(mktemp -d /tmp/normfolio-fingerprints-XXXXXX)
trap 'rm -rf "$work"' EXIT
for language in nl en; do
  mkdir -p "$work/sample-$language"
  tar --exclude=./.git --exclude=./.build --exclude='./.build-*' --exclude=./_site --exclude=./Benchmarks -cf - . \
    | tar -xf - -C "$work/sample-$language"
  sed -i "s/^language: .*/language: $language/" "$work/sample-$language/normfolio.yml"
done
fingerprint() { (cd "$1" && find . -type f | sort | xargs sha256sum | sha256sum | cut -c1-16); }
for language in nl en; do
  for audience in intranet accountant auditor; do
    "$binary" build "$work/sample-$language" --as-of 2026-12-01 --audience $audience -o "$work/out" > /dev/null 2>&1
    echo "sample $language $audience: $(fingerprint "$work/out")"
    rm -rf "$work/out"
  done
done
portfolio=Benchmarks/work/portfolio-1000
if [ ! -f "$portfolio/.complete" ]; then
  rm -rf "$portfolio" && mkdir -p "$portfolio" && python3 Benchmarks/generate.py 1000 "$portfolio" && touch "$portfolio/.complete"
fi
"$binary" build "$portfolio" --as-of 2026-12-01 --audience auditor -o "$work/out" > /dev/null 2>&1
echo "benchmark 1000 auditor: $(fingerprint "$work/out")"
