#!/usr/bin/env bash
# Measures what the nightly job costs: `newsindex update` into a fresh index (first run) and the
# same update again (second run, nothing changed), repeated; prints the median of each and the
# second run's time as a share of the first's. The target is at most 10%.
#
# Usage: update.sh [N] [--reps R]
#   N           articles to generate (default 10000)
#   --reps R    repetitions (default 3)
# Environment:
#   BUILD_DIR   build tree holding newsindex and newsq-gen (default: ../../build)
#   SEED        corpus generator seed (default 1)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
docs=10000
reps=3
source "$here/common.sh"
parse_docs_and_reps "$@"
make_work_dir
"$work/newsq-gen" --count "$docs" --seed "${SEED:-1}" --out "$work/corpus.jsonl"

seconds() {
    seconds_of "$work/newsindex" update "$work/corpus.jsonl" --index "$1" -q
}

first=()
second=()
for ((rep = 1; rep <= reps; rep++)); do
    rm -rf "$work/index"
    first+=("$(seconds "$work/index")")
    second+=("$(seconds "$work/index")")
    printf 'rep %d: first %.2f s, second %.2f s\n' "$rep" "${first[-1]}" "${second[-1]}" >&2
done
f=$(printf '%s\n' "${first[@]}" | median)
s=$(printf '%s\n' "${second[@]}" | median)
printf 'update of %d articles, median of %d: first run %.2f s, second run %.2f s = %.1f%% of the first\n' \
    "$docs" "$reps" "$f" "$s" "$(awk -v f="$f" -v s="$s" 'BEGIN { print 100 * s / f }')"
