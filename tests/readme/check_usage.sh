#!/usr/bin/env bash
# Runs every command of the README's Usage block against a fresh index of corpus/samples, so
# the examples stay runnable: each must exit 0.
#   usage: check_usage.sh SOURCE_DIR BUILD_DIR
set -euo pipefail

root=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NEWSQ_INDEX="$work/index"

# The first ```sh block after the "## Usage" heading, with paths made absolute.
commands=$(awk '/^## Usage/ { usage = 1 } usage && /^```sh/ { inside = 1; next }
                inside && /^```/ { exit } inside { print }' "$root/README.md" |
    sed -e 's/[[:space:]]*#.*$//' -e '/^$/d' -e "s#^build/#$build/#" -e "s# corpus/# $root/corpus/#g")
[ -n "$commands" ] || { echo "no Usage block found in README.md"; exit 1; }

cd "$work"
failures=0
count=0
while IFS= read -r command; do
    count=$((count + 1))
    if bash -c "$command" > "$work/out" 2>&1; then
        echo "ok: $command"
    else
        echo "FAILED (exit $?): $command"
        sed 's/^/  /' "$work/out"
        failures=$((failures + 1))
    fi
done <<< "$commands"
echo "README usage: $((count - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
