# Helpers the benchmark scripts source.

# Reads "[N] [--reps R]" into $docs and $reps (their defaults set before), and each option the
# calling script names in the associative array $value_options (option → variable, e.g.
# ([--shards]=shard_list)) into its variable; prints the calling script's header comment for
# --help. An unknown option exits 2.
parse_docs_and_reps() {
    while (($#)); do
        case $1 in
        --reps) reps=$2; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        --*)
            if [[ -v value_options[$1] ]] && (($# >= 2)); then
                printf -v "${value_options[$1]}" '%s' "$2"
                shift 2
            else
                echo "$(basename "$0"): unknown option or missing value: $1" >&2
                exit 2
            fi
            ;;
        *) docs=$1; shift ;;
        esac
    done
    check_counts
}

# Exits 2 unless the article count $docs and repetitions $reps are positive integers.
check_counts() {
    [[ $docs =~ ^[1-9][0-9]*$ && $reps =~ ^[1-9][0-9]*$ ]] || {
        echo "$(basename "$0"): N and R must be positive integers" >&2
        exit 2
    }
}

# A work directory in $work, removed at exit, holding copies of newsindex and newsq-gen from
# $build_dir (so a rebuild during the run cannot swap them).
make_work_dir() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    cp "$build_dir/indexer/newsindex" "$build_dir/corpus/generator/newsq-gen" "$work/"
}

# Prints the seconds "$@" takes to run.
seconds_of() {
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

# The median of the numbers on standard input, one per line.
median() {
    sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints the calling script's name and a message on standard error and exits 2.
die() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}

# The path of the executable $1 under $build_dir.
find_tool() {
    local path
    path=$(find "$build_dir" -type f -name "$1" -perm -u+x -print -quit 2>/dev/null || true)
    [[ -n $path ]] || die "$1 not found under $build_dir (build it, or set BUILD_DIR)"
    echo "$path"
}

# Disk usage of a file or directory in MiB, as apparent size (du -sb).
mib_of() {
    du -sb "$1" | awk '{ printf "%.1f", $1 / 1048576 }'
}
