#!/usr/bin/env bash
# Indexes the two seed documents the project was specified from (an article and a spun copy of
# it, in ../shared/seeds) and checks what newsindex and newsq make of them, then what the
# analysis stage makes of them (check-seeds: quotes, boilerplate, people and places) and the
# near-duplicate detection (eval-dedup --seeds: the copy is found through the LSH bands).
#   usage: check_seeds.sh SEEDS_DIR BUILD_DIR
set -euo pipefail

seeds=$1
build=$2
index=$(mktemp -d)
trap 'rm -rf "$index"' EXIT
original=000_9df1945755b2818f.txt
spun=003_0fafb07de12b38bd.txt
checks=0
failures=0

check() {
    local what=$1 expected=$2 actual=$3
    checks=$((checks + 1))
    if [ "$expected" = "$actual" ]; then
        echo "ok: $what"
    else
        echo "FAILED: $what"
        echo "  expected: $(printf '%q' "$expected")"
        echo "  actual:   $(printf '%q' "$actual")"
        failures=$((failures + 1))
    fi
}

search() {
    "$build/query/newsq" --index "$index" "$@" || [ $? -eq 1 ]
}

"$build/indexer/newsindex" add --index "$index" -q "$seeds"
check "both seeds indexed, ids from their file names" "$original $spun" \
    "$(search '' --all --format ids | sort | tr '\n' ' ' | sed 's/ $//')"
check "the article's section line is its section" "$original" \
    "$(search 'section:World' --format ids)"
check "the article's headline is its title" "$original" \
    "$(search 'title:"war crime"' --format ids)"
check "the spun copy has neither section nor headline" "rank,id,date,section,source,title,url,score
1,$spun,,,,,,0.0000" "$(search "id:$spun" --format csv | tr -d '\r')"
check "the exact phrase is in both (the spun copy keeps the quotes verbatim)" "$original $spun" \
    "$(search '"war crimes"' --all --format ids | sort | tr '\n' ' ' | sed 's/ $//')"
check "the spinner's \"struggle crimes\" is only in the copy" "$spun" \
    "$(search '"struggle crimes"' --format ids)"
check "the article's quote is found as a phrase in both" "2" \
    "$(search '"intentionally targeting civilians is a war crime"' --all --format ids | wc -l)"
check "the article's web boilerplate is not indexed" "" \
    "$(search '"leave a reply" OR "exit mobile version" OR "latest headlines"' --format ids)"
check "the copy is a near-duplicate: one hit for the story" "1" \
    "$(search '"war crimes"' --format ids | wc -l)"
check "both seeds are one cluster, the article canonical" "$original" \
    "$("$build/query/newsq" similar "$spun" --index "$index" | sed -n 's/^cluster [^:]*: canonical //p')"

echo "index and search of the seeds: $((checks - failures)) passed, $failures failed"

analysis=0
"$build/tests/eval/check-seeds" "$seeds" || analysis=$?
duplicates=0
"$build/tests/eval/eval-dedup" --seeds "$seeds" || duplicates=$?
[ "$failures" -eq 0 ] && [ "$analysis" -eq 0 ] && [ "$duplicates" -eq 0 ]
