#!/usr/bin/env bash
# Builds the fuzz harnesses with clang and libFuzzer (NEWSQ_FUZZ) and runs each in turn.
#
#   tests/fuzz/run.sh [SECONDS_PER_HARNESS] [BUILD_DIR] [HARNESS…]
#
# SECONDS_PER_HARNESS defaults to 30, BUILD_DIR to build-fuzz; HARNESS… picks some (default:
# all, as tests/fuzz/CMakeLists.txt lists them). One harness at a time on one core, each on a
# scratch copy of its seeds and regressions, so tests/ is never written to. Prints executions,
# exec/s and coverage per harness; exits 1 when one crashed, leaked, timed out or ran out of
# memory, naming the input saved under BUILD_DIR/fuzz-artifacts/HARNESS/. Copy that input to
# tests/fuzz/regressions/HARNESS/ with the fix: `ctest -L fuzz` then replays it in every build.
# JOBS sets the build's parallelism (default 2).
set -euo pipefail

seconds=${1:-30}
build=${2:-build-fuzz}
shift $(($# < 2 ? $# : 2))
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
case $build in /*) ;; *) build=$PWD/$build ;; esac

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DNEWSQ_FUZZ=ON -DNEWSQ_BUILD_BENCHMARKS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -D_GLIBCXX_ASSERTIONS" >/dev/null
cmake --build "$build" --target fuzz_harnesses -j "${JOBS:-2}"

work=$(mktemp -d "${TMPDIR:-/tmp}/newsq-fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp"
export TMPDIR=$work/tmp
export UBSAN_OPTIONS=print_stacktrace=1

# A number from libFuzzer's final statistics (-print_final_stats) in the log $1.
final_stat() { sed -n "s/^stat::$2: *//p" "$1" | tail -n 1; }

failed=0
printf '%-16s %10s %8s %7s %7s  %s\n' harness executions exec/s cov ft result
while IFS='|' read -r name program dict seeds; do
    if (($# > 0)) && [[ " $* " != *" $name "* ]]; then
        continue
    fi
    corpus=$work/corpus/$name
    artifacts=$build/fuzz-artifacts/$name
    log=$build/fuzz-logs/$name.log
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    rm -f "$artifacts"/{crash,leak,timeout,oom}-*
    # The seeds and regressions, flattened into one directory (libFuzzer writes new inputs
    # to the first corpus directory it is given).
    IFS='|' read -r -a paths <<<"$seeds"
    n=0
    for path in "${paths[@]}"; do
        [[ -e $path ]] || continue # a harness without regressions
        while IFS= read -r -d '' file; do
            cp "$file" "$corpus/$((n++))-$(basename "$file")"
        done < <(find "$path" -type f -print0)
    done
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$artifacts/")
    if [[ -n $dict ]]; then
        options+=(-dict="$dict")
    fi
    status=0
    "$program" "${options[@]}" "$corpus" >"$log" 2>&1 </dev/null || status=$?

    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    found=$(find "$artifacts" -maxdepth 1 -type f \
        \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)
    result=ok
    if ((status != 0)) || [[ -n $found ]]; then
        failed=1
        result="FAILED (exit $status) ${found:-no input saved}; log: $log"
    fi
    printf '%-16s %10s %8s %7s %7s  %s\n' "$name" "$(final_stat "$log" number_of_executed_units)" \
        "$(final_stat "$log" average_exec_per_sec)" "${cov:--}" "${ft:--}" "$result"
done <"$build/tests/fuzz/harnesses.txt"
exit $failed
