#!/usr/bin/env bash
# Times a release `normfolio build` on synthetic portfolios and prints documents per second and
# peak memory. Usage: Benchmarks/run.sh [N ...]   (default: 1000 10000; run `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/normfolio
[ -x "$binary" ] || swift build -c release --product normfolio
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=Benchmarks/work
mkdir -p "$work"
printf '%-10s %-10s %-10s %-12s %-10s\n' documents audience seconds "docs/s" "peak MB"
for n in "${sizes[@]}"; do
  portfolio="$work/portfolio-$n"
  if [ ! -f "$portfolio/.complete" ]; then
    rm -rf "$portfolio" && mkdir -p "$portfolio"
    python3 Benchmarks/generate.py "$n" "$portfolio"
    touch "$portfolio/.complete"
  fi
  for audience in auditor; do
    python3 - "$binary" "$portfolio" "$audience" "$n" <<'PY'
import resource, subprocess, sys, time
binary, portfolio, audience, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
runs = []
for _ in range(3):
    start = time.perf_counter()
    subprocess.run([binary, "build", portfolio, "--audience", audience, "-o", portfolio + "/_site"],
                   check=True, stdout=subprocess.DEVNULL)
    runs.append(time.perf_counter() - start)
best = sorted(runs)[1]  # the median of three
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("%-10d %-10s %-10.2f %-12.0f %-10.0f" % (n, audience, best, n / best, peak))
PY
  done
done
