# Sourced by the scripts that need a running `newsq serve` (tests/readme, tests/bench).
# start_newsq_serve NEWSQ OUT [OPTION…]: starts NEWSQ serve on a free port in the background,
# its standard output going to the file OUT; sets $server to its pid and $url to its address
# (http://127.0.0.1:PORT, no trailing slash). Returns 1 when it has not started within 10 s.
start_newsq_serve() {
    local newsq=$1 out=$2
    shift 2
    "$newsq" serve --port 0 "$@" >"$out" &
    server=$!
    url=
    for _ in $(seq 100); do
        url=$(grep -o 'http://[^ ]*' "$out" || true)
        [ -n "$url" ] && break
        sleep 0.1
    done
    url=${url%/}
    [ -n "$url" ] || { echo "$(basename "$0"): newsq serve did not start" >&2; return 1; }
}
