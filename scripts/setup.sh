#!/usr/bin/env bash
# Sets newsq up on Debian 12: installs what is missing, builds (Release), indexes the bundled
# corpus into the default index and runs a first query. With --test it then runs every test.
#
#   bash scripts/setup.sh          set up and search for "war crimes"
#   bash scripts/setup.sh --test   set up and run the whole test suite
#
# Environment: BUILD_DIR (default build), NEWSQ_INDEX (default index location, see README).
set -euo pipefail

run_tests=false
for arg in "$@"; do
    case "$arg" in
    --test) run_tests=true ;;
    *) echo "usage: $0 [--test]" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-"$root/build"}

packages=(
    g++ cmake make pkg-config
    libxapian-dev libcli11-dev libfmt-dev doctest-dev nlohmann-json3-dev
    zlib1g-dev libxxhash-dev libsqlite3-dev libcpp-httplib-dev liblinear-dev libgumbo-dev libcld2-dev
    xapian-tools
)
# Only the tests and benchmarks need these: a browser for the search page, Xapian's Python
# bindings for the interoperability test, curl for the README's API examples, wrk for the HTTP
# load benchmark, clang and its libFuzzer runtime for the fuzz harnesses (tests/fuzz/run.sh).
test_packages=(chromium chromium-driver python3-selenium python3-xapian curl wrk
               clang libclang-rt-14-dev)

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return
    echo "Installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if $run_tests; then
    install_missing "${packages[@]}" "${test_packages[@]}"
else
    install_missing "${packages[@]}"
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" -j "$jobs"

"$build/indexer/newsindex" update "$root/corpus/samples"
"$build/query/newsq" "war crimes" --limit 5

if $run_tests; then
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
fi
