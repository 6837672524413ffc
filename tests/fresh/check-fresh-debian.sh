#!/usr/bin/env bash
# Checks that a clean clone of this repository's committed HEAD sets itself up on a bare Debian 12
# (debootstrap --variant=minbase bookworm): runs .ci/run, or the given command, in a chroot as root.
#
#   bash tests/fresh/check-fresh-debian.sh [--reuse ROOT] [--keep] [COMMAND...]
#
#   --reuse ROOT  run in an existing root (e.g. one kept by a failed run) instead of a fresh one
#   --keep        keep the root after a passing run (a failing run always keeps it)
#   COMMAND...    run this in /src instead of `bash .ci/run`, e.g. `bash scripts/setup.sh`
#
# Environment: FRESH_CACHE (default /var/tmp/newsq-fresh) holds the pristine root tarball and the
# roots of the runs. Needs root, debootstrap, git, tar, gzip and the host's Debian mirror.
set -euo pipefail

SUITE=bookworm
CACHE=${FRESH_CACHE:-/var/tmp/newsq-fresh}
TARBALL="$CACHE/$SUITE-minbase-$(dpkg --print-architecture).tar.gz"
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

root=""
reuse=""
keep=false
command=(bash .ci/run)
mounted=()
status=""
phases=()
commit=""

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0" >&2
    exit 2
}

parse_args() {
    while (($#)); do
        case "$1" in
        --reuse) [[ $# -ge 2 ]] || usage; reuse=$2; shift 2 ;;
        --keep) keep=true; shift ;;
        -h | --help) usage ;;
        --) shift; break ;;
        -*) usage ;;
        *) break ;;
        esac
    done
    if (($#)); then command=("$@"); fi
}

log() { printf '[fresh %s] %s\n' "$(elapsed $SECONDS)" "$*"; }
elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Runs "$@" and records how long it took under the name $1.
phase() {
    local name=$1 start=$SECONDS
    shift
    log "== $name"
    "$@"
    phases+=("$name $(elapsed $((SECONDS - start)))")
}

require_host_tools() {
    [[ $(id -u) -eq 0 ]] || { echo "must run as root (debootstrap, mount, chroot)" >&2; exit 2; }
    local tool
    for tool in debootstrap git tar gzip flock mount umount chroot apt-get dpkg; do
        command -v "$tool" >/dev/null || { echo "missing host tool: $tool" >&2; exit 2; }
    done
}

# The host's enabled Debian sources for $SUITE and $SUITE-*, one "URI SUITE COMPONENTS..." a line,
# as apt itself resolves them from sources.list and sources.list.d (both formats).
host_sources() {
    apt-get indextargets --no-release-info --format '$(REPO_URI) $(RELEASE) $(COMPONENT)' \
        'Created-By: Packages' 2>/dev/null |
        awk -v suite="$SUITE" '($2 == suite || index($2, suite "-") == 1) && !seen[$0]++ {
                key = $1 " " $2
                if (!(key in comps)) order[++n] = key
                comps[key] = comps[key] " " $3
            }
            END { for (i = 1; i <= n; i++) print order[i] comps[order[i]] }'
}

host_mirror() { host_sources | awk -v suite="$SUITE" '$2 == suite { print $1; exit }'; }

debootstrap_root() {
    local dir=$1 mirror
    mirror=$(host_mirror)
    log "debootstrap --variant=minbase $SUITE from ${mirror:-the default mirror}"
    debootstrap --variant=minbase "$SUITE" "$dir" ${mirror:+"$mirror"}
}

# Fills $root from the cached tarball, creating the tarball first when there is none. The lock
# keeps concurrent runs from bootstrapping twice; the rename keeps a half-written tarball unseen.
unpack_root() {
    mkdir -p "$CACHE/roots"
    exec {lock}>"$CACHE/lock"
    flock "$lock"
    if [[ ! -s $TARBALL ]]; then
        local pristine
        pristine=$(new_root_dir pristine)
        debootstrap_root "$pristine"
        tar -C "$pristine" --numeric-owner --xattrs -czf "$TARBALL.tmp" .
        mv "$TARBALL.tmp" "$TARBALL"
        rm -rf --one-file-system "$pristine"
    fi
    flock -u "$lock"
    root=$(new_root_dir root)
    tar -C "$root" --numeric-owner --xattrs -xzf "$TARBALL"
}

# mktemp makes a 0700 directory; as the root's "/" that would lock out every user but root (_apt).
new_root_dir() {
    local dir
    dir=$(mktemp -d "$CACHE/roots/$1.XXXXXX")
    chmod 755 "$dir"
    echo "$dir"
}

prepare_root() {
    if [[ -n $reuse ]]; then
        [[ -x $reuse/usr/bin/apt-get ]] || { echo "--reuse $reuse: not a Debian root" >&2; exit 2; }
        root=$(cd "$reuse" && pwd)
        keep=true
        log "reusing $root"
    else
        unpack_root
    fi
    configure_apt
}

# A freshly installed Debian 12 also has the -updates and -security suites configured, which
# debootstrap leaves out; give the root the host's.
configure_apt() {
    local sources
    sources=$(host_sources)
    [[ -n $sources ]] || return 0
    sed 's/^/deb /' <<<"$sources" >"$root/etc/apt/sources.list"
    rm -f "$root"/etc/apt/sources.list.d/*.sources "$root"/etc/apt/sources.list.d/*.list
}

clone_source() {
    local repo
    repo=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel)
    rm -rf --one-file-system "$root/src"
    git clone -q "$repo" "$root/src"
    commit=$(git -C "$root/src" rev-parse HEAD)
    log "testing $repo at $(git -C "$root/src" log -1 --format='%H (%cd) %s')"
}

# mount_at DIR MOUNT-ARGS...: mounts onto $root/DIR and remembers it for unmount_all.
mount_at() {
    local target=$root$1
    shift
    mount "$@" "$target"
    mounted+=("$target")
}

mount_into_root() {
    cp -L /etc/resolv.conf "$root/etc/resolv.conf"
    mount_at /proc -t proc proc
    mount_at /sys -t sysfs sysfs
    mount_at /dev --bind /dev
    # Where /dev is a shared mount, the tmpfs below would otherwise also cover the host's /dev/shm.
    mount --make-private "$root/dev"
    mount_at /dev/pts --bind /dev/pts
    mount_at /dev/shm -t tmpfs -o mode=1777 shm
}

# Newest first; a lazy unmount if need be, so that a process left inside cannot keep them busy.
unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
    done
    mounted=()
}

run_in_root() {
    local start=$SECONDS
    set +e
    chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin CI=true \
        bash -c 'cd /src && exec "$@"' bash "${command[@]}" 2>&1 |
        while IFS= read -r line || [[ -n $line ]]; do
            printf '[%s] %s\n' "$(elapsed $((SECONDS - start)))" "$line"
        done
    status=${PIPESTATUS[0]}
    set -e
    log "command exited with status $status"
}

on_exit() {
    local rc=$?
    unmount_all
    [[ -n $status ]] || status=$rc
    for p in "${phases[@]}"; do log "time: $p"; done
    log "time: total $(elapsed $SECONDS)"
    if [[ $status -eq 0 ]]; then
        if [[ -n $root ]] && ! $keep; then rm -rf --one-file-system "$root"; fi
        log "PASS: '${command[*]}' at ${commit:-?} (exit status 0)"
    else
        [[ -z $root ]] || log "root kept for inspection: $root (rerun with --reuse $root)"
        log "FAIL: '${command[*]}' at ${commit:-?} (exit status $status)"
    fi
    exit "$status"
}

main() {
    parse_args "$@"
    require_host_tools
    trap on_exit EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    phase "prepare root" prepare_root
    phase "clone HEAD" clone_source
    mount_into_root
    phase "run: ${command[*]}" run_in_root
}

main "$@"
