#!/usr/bin/env bash
# Coverage-guided fuzzing of normfolio with libFuzzer and AddressSanitizer (see docs/fuzzing.md).
#   Tests/Fuzz/run.sh FUZZER SECONDS TARGET...
# Each target runs for SECONDS, starting from its committed seeds and regressions and the corpus
# earlier runs grew (kept next to the fuzzer, in .build-fuzz/debug/fuzz/corpus/, not committed). A crash stops the run; its input
# is saved under .build-fuzz/debug/fuzz/crashes/TARGET/ and the run fails.
set -euo pipefail
fuzzer=$1; seconds=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
work="$(dirname "$fuzzer")/fuzz"
status=0
for target in "$@"; do
  corpus="$work/corpus/$target"; crashes="$work/crashes/$target"
  mkdir -p "$corpus" "$crashes"
  echo "== fuzzing $target for $seconds s"
  # Seeds and regression cases are read, never written: libFuzzer adds new inputs to the first folder only.
  if ! SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
      "$fuzzer" "$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
      -dict="$here/normfolio.dict" -artifact_prefix="$crashes/" -print_final_stats=1 \
      "$corpus" "$here/Seeds/$target" $( [ -d "$here/Regressions/$target" ] && echo "$here/Regressions/$target" ) \
      2> "$work/$target.log"; then
    tail -n 60 "$work/$target.log"
    echo "!! $target: crash saved in $crashes" >&2
    status=1
  else
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|cov:" "$work/$target.log" | tail -n 3
  fi
done
exit $status
