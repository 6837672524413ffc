#!/usr/bin/env bash
# One run at scale: indexes N generated articles with the minimal Xapian indexer (the floor, also
# compacted with xapian-compact), SQLite FTS5 and `newsindex rebuild`, one after the other, and
# times query classes on each index before removing it: words and phrases on all three; on newsq also filtered, faceted (every facet
# and a monthly timeline over the whole match set) and with every copy instead of collapsed
# ones (newsq's default). Prints docs/s, MB/s, wall and CPU time, peak RSS and index size per
# engine, and query p50/p99 per class, with newsq's ratios to the floor.
#
# Usage: scale.sh [N] [--query-repeat R]
#   N                 articles to generate (default 1000000)
#   --query-repeat R  passes over each query class (default 3)
# Environment:
#   BUILD_DIR   build tree holding newsindex, newsq-gen and the bench-* tools (default: ../../build)
#   BENCH_DIR   keep the corpus and results here (an existing corpus of the same size is reused);
#               default: a temporary directory removed at the end
#   JOBS        --jobs of newsindex rebuild (default: nproc)
#   SHARDS      --shards of newsindex rebuild (default 1)
#   SEED        corpus generator seed (default 1)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
jobs=${JOBS:-$(nproc)}
shard_count=${SHARDS:-1}
seed=${SEED:-1}
docs=1000000
reps=1
query_repeat=3
source "$here/common.sh"
declare -A value_options=([--query-repeat]=query_repeat)
parse_docs_and_reps "$@"

for value in "$query_repeat" "$jobs" "$shard_count"; do
    [[ $value =~ ^[1-9][0-9]*$ ]] || die "--query-repeat, JOBS and SHARDS must be positive integers"
done

if [[ -n ${BENCH_DIR:-} ]]; then
    work=$BENCH_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
for tool in newsindex newsq-gen bench-xapian bench-sqlite bench-newsq; do
    cp "$(find_tool "$tool")" "$work/"
done
corpus=$work/corpus-$docs-seed$seed.jsonl
if [[ ! -s $corpus ]]; then
    echo "generating $docs articles into $corpus" >&2
    "$work/newsq-gen" --count "$docs" --seed "$seed" --out "$corpus.part"
    mv "$corpus.part" "$corpus"
fi
input_mb=$(stat -c %s "$corpus" | awk '{ print $1 / 1e6 }')

# The query classes, from queries.txt: words (and AND/OR/NOT), phrases, and for newsq the words
# again filtered to one section.
grep -v '^#' "$here/queries.txt" | grep -v '^$' | grep -v '"' >"$work/words.txt"
grep -v '^#' "$here/queries.txt" | grep '"' >"$work/phrases.txt"
sed 's/^.*$/(&) section:world/' "$work/words.txt" >"$work/filtered.txt"

field() {
    tr '\t' '\n' <<<"$2" | sed -n "s/^$1=//p"
}

# Records "engine key value" lines in $work/figures.
record() {
    echo "$1 $2 $3" >>"$work/figures"
}

# Records the index figures of a bench-* result line.
record_index() {
    local engine=$1 line=$2 key
    for key in seconds cpu_seconds peak_rss_mib docs_per_s mb_per_s; do
        record "$engine" "$key" "$(field "$key" "$line")"
    done
}

# Each engine in turn indexes the corpus, answers the query classes, and its index is removed
# before the next one starts, so the disk holds one at a time.
run_floor() {
    local line
    echo "floor: indexing" >&2
    line=$("$work/bench-xapian" index "$corpus" "$work/floor")
    record_index floor "$line"
    record floor index_mib "$(mib_of "$work/floor")"
    xapian-compact "$work/floor" "$work/floor-compact" >/dev/null
    record floor compact_mib "$(mib_of "$work/floor-compact")"
    rm -rf "$work/floor-compact"
    for class in words phrases; do
        time_class floor "$class" "$class" bench-xapian "$work/floor"
    done
    rm -rf "$work/floor"
}

run_sqlite() {
    local line
    echo "sqlite: indexing" >&2
    line=$("$work/bench-sqlite" index "$corpus" "$work/fts5.sqlite")
    record_index sqlite "$line"
    record sqlite index_mib "$(mib_of "$work/fts5.sqlite")"
    for class in words phrases; do
        time_class sqlite "$class" "$class" bench-sqlite "$work/fts5.sqlite"
    done
    rm -f "$work/fts5.sqlite"
}

run_newsq() {
    local wall user sys kib db=$work/newsq
    echo "newsq: indexing (rebuild --jobs $jobs --shards $shard_count)" >&2
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$work/newsindex" rebuild -q \
        --index "$db" --jobs "$jobs" --shards "$shard_count" "$corpus" ||
        die "newsindex rebuild failed"
    read -r wall user sys kib <"$work/time"
    record newsq seconds "$wall"
    record newsq cpu_seconds "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
    record newsq peak_rss_mib "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')"
    record newsq docs_per_s "$(awk -v n="$docs" -v w="$wall" 'BEGIN { print n / w }')"
    record newsq mb_per_s "$(awk -v m="$input_mb" -v w="$wall" 'BEGIN { print m / w }')"
    record newsq index_mib "$(mib_of "$db")"
    for class in words phrases filtered; do
        time_class newsq "$class" "$class" bench-newsq "$db"
    done
    time_class newsq faceted words bench-newsq "$db" --faceted
    time_class newsq every-copy words bench-newsq "$db" --all
    rm -rf "$db"
}

# Times class $2, the queries of file $3, on engine $1's index $5 with tool $4; flags after.
time_class() {
    local engine=$1 class=$2 file=$3 tool=$4 db=$5 line
    shift 5
    line=$("$work/$tool" query "$@" "$db" "$work/$file.txt" --repeat "$query_repeat")
    record "$engine" "$class-p50" "$(field p50_us "$line")"
    record "$engine" "$class-p99" "$(field p99_us "$line")"
    echo "  $engine $class: p50 $(field p50_us "$line") us, p99 $(field p99_us "$line") us" >&2
}

print_table() {
    awk -v docs="$docs" -v mb="$input_mb" -v load="$1" -v repeat="$query_repeat" '
        { v[$1, $2] = $3 }
        function cell(x) { return x == "" ? "-" : sprintf(x == int(x) ? "%d" : "%.1f", x) }
        function row(key, label,   f, n) {
            f = v["floor", key]; n = v["newsq", key]
            printf "%-26s %12s %12s %12s %14s\n", label, cell(f), cell(v["sqlite", key]), cell(n),
                   (f == "" || n == "" || f == 0) ? "-" : sprintf("%.2f", n / f)
        }
        END {
            printf "scale run: %d articles (%.1f MB), one run; query classes timed over %d pass(es)\n",
                   docs, mb, repeat
            printf "load average (1 min) before and after: %s\n\n", load
            printf "%-26s %12s %12s %12s %14s\n", "", "floor", "sqlite", "newsq", "newsq/floor"
            row("docs_per_s", "index docs/s"); row("mb_per_s", "index MB/s")
            row("seconds", "index wall s"); row("cpu_seconds", "index CPU s")
            row("peak_rss_mib", "index peak RSS MiB"); row("index_mib", "index size MiB")
            printf "%-26s %12s %12s %12s %14s\n", "index size, compacted MiB",
                   cell(v["floor", "compact_mib"]), "-", cell(v["newsq", "index_mib"]),
                   sprintf("%.2f", v["newsq", "index_mib"] / v["floor", "compact_mib"])
            split("words phrases filtered faceted every-copy", classes, " ")
            for (i = 1; i <= 5; i++) {
                row(classes[i] "-p50", "query " classes[i] " p50 us")
                row(classes[i] "-p99", "query " classes[i] " p99 us")
            }
        }' "$work/figures"
}

: >"$work/figures"
rm -rf "$work/floor" "$work/fts5.sqlite" "$work/newsq"
load=$(cut -d' ' -f1 /proc/loadavg)
run_floor
run_sqlite
run_newsq
load="$load, $(cut -d' ' -f1 /proc/loadavg)"
echo >&2
print_table "$load"
