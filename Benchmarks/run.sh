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
if $serve; then
  for n in "${sizes[@]}"; do python3 Benchmarks/serve.py "$binary" "$(portfolio "$n")"; done
  exit 0
fi
# Side by side, alternating runs (Benchmarks/measure.py): normfolio on the benchmark portfolio, to
# disk (what users get) and to tmpfs (normfolio's own work, without the noise of a virtual
# machine's disk); normfolio on the same portfolio without its registers; Hugo (Debian's, a
# minimal layout) on the same Markdown files, to tmpfs; and bare libcmark parsing those files on
# one core, the floor to compare with.
command -v hugo >/dev/null 2>&1 || { echo "Installing hugo (needs apt-get)…" >&2;
  $( [ "$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq hugo >&2; }
cmark_parse=$(realpath "$work")/cmark-parse
[ "$cmark_parse" -nt Benchmarks/cmark_parse.c ] || cc -O2 -o "$cmark_parse" Benchmarks/cmark_parse.c $(pkg-config --cflags --libs libcmark)
shm=/tmp
[ -d /dev/shm ] && shm=/dev/shm
printf '%-10s %-26s %-9s %-9s %-8s %-8s %-10s\n' documents build seconds fastest "docs/s" "peak MB" "of Hugo"
for n in "${sizes[@]}"; do
  portfolio=$(portfolio "$n")
  # The same portfolio without its registers, and a Hugo site over the same Markdown files.
  plain="$work/plain-$n" hugo_site="$work/hugo-$n"
  if [ ! -f "$plain/.complete" ]; then
    rm -rf "$plain" && cp -r "$portfolio" "$plain" && rm -rf "$plain/_site" \
      && find "$plain/Content/registers" -maxdepth 1 \( -name '*.yml' -o -name '*.csv' \) -delete && touch "$plain/.complete"
  fi
  if [ ! -f "$hugo_site/.complete" ]; then
    rm -rf "$hugo_site" && mkdir -p "$hugo_site/layouts/_default"
    mkdir -p "$hugo_site/content" && target=$(realpath "$hugo_site/content")
    (cd "$portfolio/Content" && find . -name '*.md' -print0 | xargs -0 cp --parents -t "$target")
    printf 'baseURL = "http://example.org/"\ntitle = "Benchmark"\nbuildFuture = true\ndisableKinds = ["taxonomy", "term"]\n' > "$hugo_site/hugo.toml"
    printf '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><h1>{{ .Title }}</h1>\n{{ .Content }}\n</body></html>\n' \
      > "$hugo_site/layouts/_default/single.html"
    printf '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n<body><h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n</body></html>\n' \
      > "$hugo_site/layouts/_default/list.html"
    touch "$hugo_site/.complete"
  fi
  python3 Benchmarks/measure.py 5 \
    "normfolio_(disk)=$binary build $portfolio --audience auditor -o $portfolio/_site" \
    "normfolio_(tmpfs)=$binary build $portfolio --audience auditor -o $shm/normfolio-bench-$n" \
    "normfolio_without_registers=$binary build $plain --audience auditor -o $shm/normfolio-bench-plain-$n" \
    "hugo_(tmpfs)=hugo --quiet --source $hugo_site --destination $shm/hugo-bench-$n" > "$work/measured"
  hugo_seconds=$(awk '$1 == "hugo_(tmpfs)" { print $2 }' "$work/measured")
  while read -r name median fastest peak; do
    printf '%-10s %-26s %-9s %-9s %-8.0f %-8s %-10.2f\n' "$n" "${name//_/ }" "$median" "$fastest" "$(echo "$n / $median" | bc -l)" \
      "$peak" "$(echo "$median / $hugo_seconds" | bc -l)"
  done < "$work/measured"
  cmark=$(find "$portfolio/Content" -name '*.md' | sort | "$cmark_parse")
  printf '%-10s %-26s %-9s\n' "$n" "bare cmark (one core)" "${cmark#* }"
  rm -rf "$shm/normfolio-bench-$n" "$shm/normfolio-bench-plain-$n" "$shm/hugo-bench-$n"
done
# The instruction count hardly varies between runs, whatever else the machine does.
Benchmarks/instructions.sh 1000 "$binary"
