#!/usr/bin/env bash
# CTest interop.quest: Xapian's own `quest` searches an index built by newsindex from
# tests/fixtures/articles, knowing only what README.md ("The index") documents: the index
# directory opens as it is (XAPIANDB stub), body and title words are unprefixed with positions,
# title words also under S, sections under XSECTION and sources under XSOURCE in lower case,
# dates under D, ids under Q, and the document data is the article as JSON.
# Usage: quest.sh INDEX_DIR
set -euo pipefail
index=$1
export LC_ALL=C
failures=0
# The documented layout: a stub file naming the live database, which quest opens through the
# directory.
if [[ ! -f "$index/XAPIANDB" ]]; then
    echo "FAILED: no XAPIANDB stub file in $index"
    exit 1
fi

# expect "ID…" QUEST_ARGS…: the ids in the data of quest's matches are exactly these (sorted).
expect() {
    local want=$1
    shift
    local got
    got=$(quest -d "$index" -m 100 "$@" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 | sort |
        paste -sd' ') || true
    if [[ "$got" != "$want" ]]; then
        echo "FAILED: quest $*"
        echo "  expected: $want"
        echo "  got:      $got"
        failures=$((failures + 1))
    fi
}

# A phrase of body words ("forensic specialists" in the spun copy, so only the original).
expect "hh-2022-0317-tribunal" '"forensic experts"'
# A phrase filtered by section: every article of that section holding it, and nothing else.
expect "hh-2022-0305-awkward hh-2022-0317-tribunal hh-explainer-war-crimes" \
    -b section:XSECTION '"war crimes" section:world'
expect "cw-2023-0112-committee" -b section:XSECTION '"war crimes" section:politics'
# Headline words, stemmed and as a phrase: the spun copy has no headline.
expect "hh-2022-0317-tribunal" -p title:S 'title:tribunal'
expect "hh-2022-0317-tribunal" -p title:S 'title:"opens inquiry"'
# Other filters: a source with a space, a day, an id.
expect "hh-2022-0305-awkward hh-2022-0317-tribunal hh-explainer-war-crimes" \
    -b source:XSOURCE 'source:"harbor herald"'
expect "hh-2022-0317-tribunal" -b date:D 'crimes date:20220317'
expect "hh-2022-0317-tribunal" -b id:Q 'id:hh-2022-0317-tribunal'

if ((failures > 0)); then
    echo "$failures quest checks failed"
    exit 1
fi
echo "all quest checks passed"
