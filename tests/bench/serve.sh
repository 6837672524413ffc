#!/usr/bin/env bash
# Load test of `newsq serve` on loopback with wrk: 8 concurrent connections for D seconds per
# endpoint, repeated; prints the median requests/s, p50 and p99 latency and the error count of
# each endpoint, and each endpoint's throughput as a ratio of /api/health (the server with no
# search work: HTTP, routing and JSON only), measured in the same run. Any error fails the run.
#
# Usage: serve.sh [N] [--reps R] [--seconds D] [--connections C]
#   N                articles to generate and index (default 10000)
#   --reps R         repetitions (default 3)
#   --seconds D      duration of each wrk run (default 10)
#   --connections C  concurrent clients (default 8)
# Environment:
#   BUILD_DIR   build tree holding newsindex, newsq and newsq-gen (default: ../../build)
#   SEED        corpus generator seed (default 1)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
docs=10000
reps=3
duration=10
connections=8
while (($#)); do
    case $1 in
    --reps) reps=$2; shift 2 ;;
    --seconds) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) docs=$1; shift ;;
    esac
done
command -v wrk >/dev/null || { echo "serve.sh: needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }
source "$here/common.sh"
check_counts
make_work_dir
cp "$build_dir/query/newsq" "$work/"
"$work/newsq-gen" --count "$docs" --seed "${SEED:-1}" --out "$work/corpus.jsonl"
"$work/newsindex" add "$work/corpus.jsonl" --index "$work/index" -q

source "$here/../newsq_serve.sh"
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
start_newsq_serve "$work/newsq" "$work/serve.out" --index "$work/index" --workers "$connections"
id=$("$work/newsq" --index "$work/index" --format ids --limit 1 war)

# name, path (or query file) and extra parameters for the query file's searches
endpoints=(
    "health|/api/health|"
    "search|$here/queries.txt|"
    "search+facets|$here/queries.txt|&facets=8&timeline=month"
    "article|/api/article?id=$id|"
    "similar|/api/similar?id=$id|"
)

declare -A rps p50 p99
failed=0
for ((rep = 1; rep <= reps; rep++)); do
    for entry in "${endpoints[@]}"; do
        IFS='|' read -r name target extra <<<"$entry"
        if [[ $target == /api/* ]]; then
            line=$(wrk -t2 -c"$connections" -d"${duration}s" -s "$here/serve.lua" "$url$target" | tail -1)
        else
            line=$(wrk -t2 -c"$connections" -d"${duration}s" -s "$here/serve.lua" "$url" -- "$target" "$extra" | tail -1)
        fi
        echo "rep $rep $name: $line" >&2
        [[ $line =~ errors=0$ ]] || failed=1
        rps[$name]+="$(sed 's/.*rps=\([^ ]*\).*/\1/' <<<"$line") "
        p50[$name]+="$(sed 's/.*p50_ms=\([^ ]*\).*/\1/' <<<"$line") "
        p99[$name]+="$(sed 's/.*p99_ms=\([^ ]*\).*/\1/' <<<"$line") "
    done
done

med() { tr ' ' '\n' <<<"$1" | grep . | median; }
base=$(med "${rps[health]}")
printf '%d articles, %d connections, %d s per run, median of %d runs\n' "$docs" "$connections" "$duration" "$reps"
printf '%-14s %10s %9s %9s %12s\n' endpoint 'req/s' 'p50 ms' 'p99 ms' 'vs health'
for entry in "${endpoints[@]}"; do
    name=${entry%%|*}
    r=$(med "${rps[$name]}")
    printf '%-14s %10.0f %9.2f %9.2f %12.3f\n' "$name" "$r" "$(med "${p50[$name]}")" \
        "$(med "${p99[$name]}")" "$(awk -v r="$r" -v b="$base" 'BEGIN { print r / b }')"
done
((failed == 0)) || { echo "serve.sh: some requests failed (see the errors= counts above)" >&2; exit 1; }
