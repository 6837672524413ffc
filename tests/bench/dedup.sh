#!/usr/bin/env bash
# Measures what near-duplicate detection costs at indexing time.
#  1. Cost: `newsindex add` of N generated articles into a fresh index with detection and with
#     --no-duplicates, alternating, R times; prints the medians and with / without - 1
#     (target: at most 30%).
#  2. Growth (--scale): for each index size S, builds an index of S articles, then times adding
#     the same 1,000 new articles with detection and without; prints the time per added article
#     for each size, which must not grow with S.
#
# Usage: dedup.sh [N] [--reps R] [--scale "S1 S2 …"]
#   N            articles for the cost run (default 10000)
#   --reps R     repetitions (default 3)
#   --scale L    index sizes for the growth run (default: none)
# Environment:
#   BUILD_DIR    build tree holding newsindex and newsq-gen (default: ../../build)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
docs=10000
reps=3
sizes=""
source "$here/common.sh"
declare -A value_options=([--scale]=sizes)
parse_docs_and_reps "$@"
make_work_dir

# Seconds taken by `newsindex add FILE --index DIR [FLAGS…]`.
timed_add() {
    local file=$1 dir=$2
    shift 2
    seconds_of "$work/newsindex" add "$file" --index "$dir" -q "$@"
}

cost() {
    local on=() off=() rep
    "$work/newsq-gen" --count "$docs" --seed 1 --out "$work/corpus.jsonl"
    for ((rep = 1; rep <= reps; rep++)); do
        rm -rf "$work/on" "$work/off"
        if ((rep % 2)); then
            on+=("$(timed_add "$work/corpus.jsonl" "$work/on")")
            off+=("$(timed_add "$work/corpus.jsonl" "$work/off" --no-duplicates)")
        else
            off+=("$(timed_add "$work/corpus.jsonl" "$work/off" --no-duplicates)")
            on+=("$(timed_add "$work/corpus.jsonl" "$work/on")")
        fi
        printf 'rep %d: with %.2f s, without %.2f s\n' "$rep" "${on[-1]}" "${off[-1]}" >&2
    done
    local with without
    with=$(printf '%s\n' "${on[@]}" | median)
    without=$(printf '%s\n' "${off[@]}" | median)
    printf 'add of %d articles, median of %d: with detection %.2f s, without %.2f s: cost %+.1f%%\n' \
        "$docs" "$reps" "$with" "$without" "$(awk -v a="$with" -v b="$without" 'BEGIN { print 100 * (a / b - 1) }')"
}

growth() {
    local size with without
    "$work/newsq-gen" --count 1000 --seed 2 --start-id 90000000 --out "$work/added.jsonl"
    for size in $sizes; do
        rm -rf "$work/base"
        "$work/newsq-gen" --count "$size" --seed 3 --out "$work/base.jsonl"
        "$work/newsindex" add "$work/base.jsonl" --index "$work/base" -q --no-analysis
        rm -f "$work/base.jsonl"
        cp -r "$work/base" "$work/base-off"
        with=$(timed_add "$work/added.jsonl" "$work/base")
        without=$(timed_add "$work/added.jsonl" "$work/base-off" --no-duplicates)
        rm -rf "$work/base-off"
        printf 'index of %d articles: adding 1000 takes %.2f ms/article with detection, %.2f without\n' \
            "$size" "$with" "$without"
    done
}

cost
[[ -z $sizes ]] || growth
