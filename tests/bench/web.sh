#!/usr/bin/env bash
# Measures the web input: the article extractor alone (pages/s and MB/s over real pages, the
# benchmark's when ../shared/data/article-extraction exists, else the HTML fixtures), then
# indexing the same generated articles from JSON Lines and from a WARC of HTML pages (one gzip
# member per record), alternating, R times; prints the medians and the WARC's time as a multiple
# of the JSON Lines'.
#
# Usage: web.sh [N] [--reps R]
#   N           articles to generate (default 3000)
#   --reps R    repetitions (default 3)
# Environment:
#   BUILD_DIR   build tree holding bench-web, bench-newsq and newsq-gen (default: ../../build)
#   SEED        corpus generator seed (default 1)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
docs=3000
reps=3
source "$here/common.sh"
parse_docs_and_reps "$@"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in tests/bench/bench-web tests/bench/bench-newsq corpus/generator/newsq-gen; do
    cp "$build_dir/$tool" "$work/"
done

pages=("$here"/../../../shared/data/article-extraction/html/*.html.gz)
[[ -e ${pages[0]} ]] || pages=("$here"/../fixtures/html/*.html)
echo "== extraction alone, ${#pages[@]} pages"
"$work/bench-web" extract "${pages[@]}" --repeat 5

"$work/newsq-gen" --count "$docs" --seed "${SEED:-1}" --out "$work/corpus.jsonl"
"$work/bench-web" warc "$work/corpus.jsonl" "$work/corpus.warc.gz" >&2

seconds() {
    rm -rf "$work/db"
    "$work/bench-newsq" index "$1" "$work/db" | tr '\t' '\n' | sed -n 's/^seconds=//p'
}

jsonl=()
warc=()
for ((rep = 1; rep <= reps; rep++)); do
    jsonl+=("$(seconds "$work/corpus.jsonl")")
    warc+=("$(seconds "$work/corpus.warc.gz")")
    printf 'rep %d: JSON Lines %.2f s, WARC %.2f s\n' "$rep" "${jsonl[-1]}" "${warc[-1]}" >&2
done
j=$(printf '%s\n' "${jsonl[@]}" | median)
w=$(printf '%s\n' "${warc[@]}" | median)
printf '== indexing %d articles, median of %d: JSON Lines %.2f s (%.0f docs/s), WARC %.2f s (%.0f docs/s) = %.2f x\n' \
    "$docs" "$reps" "$j" "$(awk -v n="$docs" -v s="$j" 'BEGIN { print n / s }')" \
    "$w" "$(awk -v n="$docs" -v s="$w" 'BEGIN { print n / s }')" \
    "$(awk -v j="$j" -v w="$w" 'BEGIN { print w / j }')"
