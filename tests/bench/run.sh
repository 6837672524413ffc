#!/usr/bin/env bash
# Benchmarks newsq against a minimal Xapian indexer and SQLite FTS5 on one generated corpus and
# prints the medians across repetitions side by side, with ratios against the Xapian baseline,
# then what newsq's analysis stage costs: newsq indexing with it and without it (newsq-bare), and
# what its language detection costs: with it and without it (newsq-nolang).
#
# Usage: run.sh [N] [--reps R]
#   N               articles to generate (default 10000)
#   --reps R        repetitions of every index + query run (default 3)
# Environment:
#   BUILD_DIR       build tree holding newsq-gen and the bench-* tools (default: ../../build)
#   BENCH_DIR       keep the corpus and results here (and reuse the corpus); default: a temporary
#                   directory removed at the end, with results under ${TMPDIR:-/tmp}
#   RESULTS         file for the raw result lines (default: see BENCH_DIR)
#   QUERY_REPEAT    passes over the query set per query run (default 5)
#   SEED            corpus generator seed (default 1)
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-$here/../../build}
queries=$here/queries.txt
query_repeat=${QUERY_REPEAT:-5}
seed=${SEED:-1}
engines=(xapian newsq newsq-bare newsq-nolang sqlite)
# newsq-bare and newsq-nolang are bench-newsq indexing with the analysis stage off and with
# language detection off; they run no queries.
declare -A tool_names=([xapian]=bench-xapian [newsq]=bench-newsq [newsq-bare]=bench-newsq
    [newsq-nolang]=bench-newsq [sqlite]=bench-sqlite)
declare -A index_flags=([newsq-bare]=--no-analysis [newsq-nolang]=--no-language)
docs=10000
reps=3

source "$here/common.sh"

parse_args() {
    while (($#)); do
        case $1 in
        --reps)
            (($# >= 2)) || die "--reps needs a value"
            reps=$2
            shift 2
            ;;
        -h | --help)
            sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
            exit 0
            ;;
        *)
            docs=$1
            shift
            ;;
        esac
    done
    [[ $docs =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, not '$docs'"
    [[ $reps =~ ^[1-9][0-9]*$ ]] || die "--reps must be a positive integer, not '$reps'"
}

# The value of KEY in a result line of key=value fields.
field() {
    tr '\t' '\n' <<<"$2" | sed -n "s/^$1=//p"
}

# Copies of the tools in the work directory, so a rebuild during a long run cannot swap a binary
# between repetitions (the newsq library is linked statically).
isolate_tools() {
    local engine copy
    mkdir -p "$work/bin"
    for engine in "${engines[@]}"; do
        copy=$work/bin/${tool_names[$engine]}
        cp "$(find_tool "${tool_names[$engine]}")" "$copy"
        tools[$engine]=$copy
    done
}

setup_dirs() {
    local stamp
    stamp=$(date +%Y%m%d-%H%M%S)
    if [[ -n ${BENCH_DIR:-} ]]; then
        work=$BENCH_DIR
        mkdir -p "$work"
        results=${RESULTS:-$work/results-$stamp.tsv}
    else
        work=$(mktemp -d)
        trap 'rm -rf "$work"' EXIT
        results=${RESULTS:-${TMPDIR:-/tmp}/newsq-bench-$stamp.tsv}
    fi
    : >"$results"
}

generate_corpus() {
    local gen
    corpus=$work/corpus-$docs-seed$seed.jsonl
    if [[ ! -s $corpus ]]; then
        gen=$work/bin/newsq-gen
        cp "$(find_tool newsq-gen)" "$gen"
        echo "generating $docs articles into $corpus" >&2
        "$gen" --count "$docs" --seed "$seed" --out "$corpus.part"
        mv "$corpus.part" "$corpus"
    fi
}

# Runs one verb of one engine and appends its result line, tagged with the repetition.
run_verb() {
    local rep=$1 engine=$2 verb=$3 line flags=()
    shift 3
    [[ $verb == index && -n ${index_flags[$engine]:-} ]] && flags=("${index_flags[$engine]}")
    line=$("${tools[$engine]}" "$verb" "${flags[@]}" "$@")
    printf 'rep=%s\t%s\n' "$rep" "$line" >>"$results"
    if [[ $verb == index ]]; then
        printf '  %-10s index  %10s docs/s  %8s MiB RSS\n' "$engine" \
            "$(field docs_per_s "$line")" "$(field peak_rss_mib "$line")" >&2
    else
        printf '  %-10s query  %10s us p50  %8s us p99\n' "$engine" \
            "$(field p50_us "$line")" "$(field p99_us "$line")" >&2
    fi
}

# Every repetition runs every engine, each starting from a fresh index, in an order rotated per
# repetition so neither machine noise nor a warm page cache favours one engine.
run_all() {
    local rep i engine db
    for ((rep = 1; rep <= reps; rep++)); do
        echo "repetition $rep/$reps" >&2
        for ((i = 0; i < ${#engines[@]}; i++)); do
            engine=${engines[(i + rep - 1) % ${#engines[@]}]}
            db=$work/db-$engine
            rm -rf "$db"
            run_verb "$rep" "$engine" index "$corpus" "$db"
            if [[ $engine != newsq-bare && $engine != newsq-nolang ]]; then
                run_verb "$rep" "$engine" query "$db" "$queries" --repeat "$query_repeat"
            fi
            rm -rf "$db"
        done
    done
}

# "engine verb key median" for every numeric field, across repetitions.
medians() {
    awk -F'\t' '{
        engine = ""; verb = ""
        for (i = 1; i <= NF; i++) {
            split($i, kv, "=")
            if (kv[1] == "engine") engine = kv[2]
            if (kv[1] == "verb") verb = kv[2]
        }
        for (i = 1; i <= NF; i++) {
            split($i, kv, "=")
            if (kv[2] ~ /^-?[0-9.]+$/ && kv[1] != "rep")
                print engine "\t" verb "\t" kv[1] "\t" kv[2]
        }
    }' "$results" |
        sort -t$'\t' -k1,1 -k2,2 -k3,3 -k4,4g |
        awk -F'\t' '
        function flush() {
            if (n == 0) return
            m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
            print group "\t" m
        }
        { key = $1 "\t" $2 "\t" $3
          if (key != group) { flush(); group = key; n = 0 }
          v[++n] = $4 }
        END { flush() }'
}

# The side-by-side table: one row per measure, engines as columns, then ratios to Xapian.
print_table() {
    awk -F'\t' -v reps="$reps" -v repeat="$query_repeat" -v load="$load" '
        { value[$1, $2, $3] = $4 }
        function cell(x) { return x == "" ? "-" : sprintf(x == int(x) ? "%d" : "%.1f", x) }
        function ratio(a, b) {
            return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2f", a / b)
        }
        function row(verb, key, label, with_ratio,   x, n, s) {
            x = value["xapian", verb, key]
            n = value["newsq", verb, key]
            s = value["sqlite", verb, key]
            printf "%-22s %12s %12s %12s", label, cell(x), cell(n), cell(s)
            if (with_ratio) printf " %14s %14s", ratio(n, x), ratio(s, x)
            printf "\n"
        }
        END {
            printf "newsq benchmark: %d articles (%.1f MB), medians of %d repetition(s); " \
                   "query runs: %d passes over the query set\n", \
                   value["xapian", "index", "docs"], value["xapian", "index", "input_mb"], \
                   reps, repeat
            printf "load average (1 min) before and after: %s\n\n", load
            printf "%-22s %12s %12s %12s %14s %14s\n", "", "xapian", "newsq", "sqlite", \
                   "newsq/xapian", "sqlite/xapian"
            row("index", "docs", "index docs", 0)
            row("index", "seconds", "index seconds", 1)
            row("index", "cpu_seconds", "index CPU seconds", 1)
            row("index", "docs_per_s", "index docs/s", 1)
            row("index", "mb_per_s", "index MB/s", 1)
            row("index", "peak_rss_mib", "index peak RSS MiB", 1)
            row("index", "index_mib", "index size MiB", 1)
            row("query", "p50_us", "query p50 us", 1)
            row("query", "p90_us", "query p90 us", 1)
            row("query", "p99_us", "query p99 us", 1)
            row("query", "mean_us", "query mean us", 1)
            row("query", "cpu_seconds", "query CPU seconds", 1)
            row("query", "peak_rss_mib", "query peak RSS MiB", 1)
            row("query", "hits", "query hits/pass", 1)
            row("query", "errors", "query errors/pass", 0)
            cost("newsq-bare", "analysis", "analysis", "30")
            cost("newsq-nolang", "language detection", "detection", "5")
        }
        # newsq indexing with and without a part of its work; cost = time with / time without - 1.
        function cost(other, what, name, target,   with, without) {
            printf "\nnewsq %s cost: indexing with %s (newsq) and without (%s)\n", what, name, other
            printf "%-22s %12s %12s %14s\n", "", "newsq", other, "cost"
            cost_row(other, "seconds", "index seconds")
            cost_row(other, "cpu_seconds", "index CPU seconds")
            with = value["newsq", "index", "docs_per_s"]
            without = value[other, "index", "docs_per_s"]
            printf "%-22s %12s %12s %14s\n", "index docs/s (ratio)", cell(with), cell(without), \
                   ratio(with, without)
            cost_row(other, "peak_rss_mib", "index peak RSS MiB")
            cost_row(other, "index_mib", "index size MiB")
            printf "%s cost = median time with / median time without - 1; target: <= %s%% " \
                   "of wall time\n", name, target
        }
        function cost_row(other, key, label,   with, without) {
            with = value["newsq", "index", key]
            without = value[other, "index", key]
            printf "%-22s %12s %12s %14s\n", label, cell(with), cell(without), \
                   (with == "" || without == "" || without == 0) ? "-" : \
                   sprintf("%+.1f%%", (with / without - 1) * 100)
        }'
}

main() {
    parse_args "$@"
    declare -gA tools=()
    local load
    setup_dirs
    isolate_tools
    generate_corpus
    load=$(cut -d' ' -f1 /proc/loadavg)
    run_all
    load="$load, $(cut -d' ' -f1 /proc/loadavg)"
    echo >&2
    medians | print_table
    echo
    echo "raw result lines: $results"
}

main "$@"
