#!/usr/bin/env bash
# Installs what is missing from Debian's packages, builds govpub, and (unless --no-demo)
# runs the demo year on the embedded SQLite database. Run from anywhere, as root or with sudo.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

demo=1
tests=OFF
build_dir=build
for arg in "$@"; do
    case "$arg" in
    --no-demo) demo=0 ;;
    --with-tests) tests=ON ;;
    --build-dir=*) build_dir="${arg#*=}" ;;
    *) echo "usage: config/setup.sh [--no-demo] [--with-tests] [--build-dir=DIR]" >&2; exit 2 ;;
    esac
done

sudo_if_needed() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null; then
        sudo "$@"
    else
        echo "config/setup.sh: packages are missing and this user cannot install them:" \
             "run it as root, or install sudo" >&2
        exit 1
    fi
}

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' config/debian-packages.txt | grep -v '^$')
missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "== installing from Debian: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "== building into $build_dir"
# The test programs are built only for tests/run.sh; an office install needs govpub alone.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING="$tests" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"

if [ "$demo" = 1 ]; then
    echo "== running the demo year"
    "$build_dir/govpub" demo --out out
fi
