#!/usr/bin/env bash
# Times a release `normfolio build` on synthetic portfolios and prints documents per second and
# peak memory, then the instruction count of the 1,000-document build (Benchmarks/instructions.sh),
# which compares commits even on a busy machine.
# Usage: Benchmarks/run.sh [N ...] [--serve|--pdf|--scale]   (default: 1000 10000; run `make bench`)
# With --scale it prints time and memory per document for each size (default 1000 10000 40000;
# run `make bench-scale`), to show that both grow linearly.
# With --serve it times the live preview instead: from saving a document to the page showing it
# (Benchmarks/serve.py; run `make bench-serve`). With --pdf it times `build --pdf` once on the
# sample and on the first size's portfolio (the 1,000-document handbook; run `make bench-pdf`).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=.build/release/normfolio
[ -x "$binary" ] || swift build -c release --product normfolio
sizes=()
serve=false
pdf=false
scale=false
for argument in "$@"; do
  case "$argument" in
    --serve) serve=true ;;
    --pdf) pdf=true ;;
    --scale) scale=true ;;
    *) sizes+=("$argument") ;;
  esac
done
if [ ${#sizes[@]} -eq 0 ]; then
  if $scale; then sizes=(1000 10000 40000); else sizes=(1000 10000); fi
fi
work=Benchmarks/work
mkdir -p "$work"
# The synthetic portfolio of N documents, made once (Benchmarks/work/portfolio-N).
portfolio() {
  local portfolio="$work/portfolio-$1"
  if [ ! -f "$portfolio/.complete" ]; then
    rm -rf "$portfolio" && mkdir -p "$portfolio" && python3 Benchmarks/generate.py "$1" "$portfolio" && touch "$portfolio/.complete"
  fi
  echo "$portfolio"
}
if $scale; then
  # Output to tmpfs where there is one: the disk of a virtual machine varies by a factor of ten.
  output=/tmp
  [ -d /dev/shm ] && output=/dev/shm
  printf '%-10s %-10s %-10s %-12s %-10s %-10s\n' documents seconds fastest "ms/document" "peak MB" "KB/document"
  results=()
  for n in "${sizes[@]}"; do
    site="$output/normfolio-scale-$n"
    runs=5
    [ "$n" -gt 20000 ] && runs=3
    result=$(python3 Benchmarks/measure.py $runs normfolio="$binary build $(portfolio "$n") --audience auditor -o $site")
    rm -rf "$site"
    read -r _ median fastest peak <<< "$result"
    printf '%-10s %-10s %-10s %-12.3f %-10s %-10.1f\n' "$n" "$median" "$fastest" "$(echo "$median * 1000 / $n" | bc -l)" \
      "$peak" "$(echo "$peak * 1024 / $n" | bc -l)"
    results+=("$n:$median")
  done
  # Linear growth: the time per document at the largest size against the next largest.
  if [ ${#results[@]} -ge 2 ]; then
    last=${results[-1]} before=${results[-2]}
    printf 'time per document at %s against %s: %+.0f%%\n' "${last%%:*}" "${before%%:*}" \
      "$(echo "(${last#*:} / ${last%%:*}) / (${before#*:} / ${before%%:*}) * 100 - 100" | bc -l)"
  fi
  exit 0
fi
if $pdf; then
  [ ${#sizes[@]} -gt 0 ] || sizes=(1000)
  portfolio=$(portfolio "${sizes[0]}")
  printf '%-28s %-10s %-10s %-12s %-14s %-10s\n' portfolio audience seconds "report pages" "handbook pages" "peak MB"
  for entry in "sample:." "${sizes[0]}-documents:$portfolio"; do
    python3 - "$binary" "${entry#*:}" "${entry%%:*}" <<'PY'
import resource, shutil, subprocess, sys, time, tempfile
binary, portfolio, name = sys.argv[1:4]
output = tempfile.mkdtemp(prefix="normfolio-bench-pdf-")
start = time.perf_counter()
subprocess.run([binary, "build", portfolio, "--audience", "auditor", "--pdf", "-o", output + "/site"],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
seconds = time.perf_counter() - start
def pages(name):
    info = subprocess.run(["pdfinfo", output + "/site/export/" + name], capture_output=True, text=True).stdout
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
# The largest resident memory of normfolio or of a WeasyPrint it waited for.
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("%-28s %-10s %-10.1f %-12s %-14s %-10.0f" % (name, "auditor", seconds, pages("rapport.pdf"), pages("handboek.pdf"), peak))
shutil.rmtree(output, ignore_errors=True)
PY
  done
  exit 0
fi
$serve || printf '%-10s %-8s %-10s %-10s %-12s %-10s\n' documents output audience seconds "docs/s" "peak MB"
for n in "${sizes[@]}"; do
  portfolio=$(portfolio "$n")
  if $serve; then
    python3 Benchmarks/serve.py "$binary" "$portfolio"
    continue
  fi
  # Output on disk (what users get), and on tmpfs when there is one (normfolio's own work,
  # without the noise of a virtual machine's disk).
  outputs=("disk:$portfolio/_site")
  [ -d /dev/shm ] && outputs+=("tmpfs:/dev/shm/normfolio-bench-$n")
  for target in "${outputs[@]}"; do
    python3 - "$binary" "$portfolio" auditor "$n" "${target%%:*}" "${target#*:}" <<'PY'
import resource, shutil, subprocess, sys, time
binary, portfolio, audience, n, kind, output = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
runs = []
for _ in range(5):
    start = time.perf_counter()
    subprocess.run([binary, "build", portfolio, "--audience", audience, "-o", output],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs.append(time.perf_counter() - start)
median = sorted(runs)[2]  # the median of five
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print("%-10d %-8s %-10s %-10.2f %-12.0f %-10.0f" % (n, kind, audience, median, n / median, peak))
if kind == "tmpfs":
    shutil.rmtree(output, ignore_errors=True)
PY
  done
done
# The instruction count hardly varies between runs, whatever else the machine does.
$serve || Benchmarks/instructions.sh 1000 "$binary"
