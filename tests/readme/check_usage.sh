#!/usr/bin/env bash
# Runs every command of the README's Usage block against a fresh index of corpus/samples, then
# those of its "Shards" block on that index, then the curl examples of its "HTTP API" block against `newsq serve` on that index (on a free port
# instead of 8080), so the examples stay runnable: each must exit 0.
#   usage: check_usage.sh SOURCE_DIR BUILD_DIR
set -euo pipefail

root=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NEWSQ_INDEX="$work/index"

# The first ```sh block after the heading $1, comments dropped, with paths made absolute.
block() {
    awk -v heading="$1" '$0 ~ "^## " heading { found = 1 } found && /^```sh/ { inside = 1; next }
                         inside && /^```/ { exit } inside { print }' "$root/README.md" |
        sed -e 's/[[:space:]]*# .*$//' -e '/^$/d' -e "s#^build/#$build/#" -e "s# corpus/# $root/corpus/#g"
}
commands=$(block Usage)
[ -n "$commands" ] || { echo "no Usage block found in README.md"; exit 1; }
shards=$(block Shards)
[ -n "$shards" ] || { echo "no Shards block found in README.md"; exit 1; }
api=$(block "HTTP API" | grep -v ' serve ')
[ -n "$api" ] || { echo "no HTTP API block found in README.md"; exit 1; }

cd "$work"
failures=0
count=0
run_all() {
    while IFS= read -r command; do
        count=$((count + 1))
        if bash -c "$command" > "$work/out" 2>&1; then
            echo "ok: $command"
        else
            echo "FAILED (exit $?): $command"
            sed 's/^/  /' "$work/out"
            failures=$((failures + 1))
        fi
    done <<< "$1"
}
run_all "$commands"
run_all "$shards"

source "$root/tests/newsq_serve.sh"
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
start_newsq_serve "$build/query/newsq" "$work/serve.out"
run_all "${api//http:\/\/127.0.0.1:8080/$url}"
echo "README usage: $((count - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
