#!/usr/bin/env bash
# MariaDB: `govpub import sales` of 1,000,000 lines against `LOAD DATA LOCAL INFILE` of the
# same rows into the same table (issue 3: at most 3x), on a throwaway server.
#
#   bench/mariadb.sh [BUILD_DIR=build] [--rounds N=3] [--lines L=1000000] [--seed S=1]
#
# Builds nothing: BUILD_DIR must hold govpub and bench/generate_sales (see bench/run.sh).
# Starts its own mariadbd (tests/support/mariadb.sh: a fresh data directory, a unix socket, no
# TCP, the tests' settings) and stops it at the end. Each round:
#   1. a fresh database with the masters and the consignment lists (untimed), then the ten
#      sales files through `govpub import sales`, one process each (timed: the sum);
#   2. the rows govpub stored are written out as they are in the table (untimed, once), a
#      second fresh database gets the same masters and the sales files' import_file rows
#      (untimed), and `LOAD DATA LOCAL INFILE` puts the same rows into the same `sale` table,
#      with the same keys and indexes, in one statement (timed).
# LOAD DATA is the floor: it parses tab-separated rows and inserts them, without reading
# CSV/Big5/XLSX, validating, resolving prices, checking duplicates or archiving the file.
# Printed: the median, minimum and maximum of each and the ratio of the medians.
set -euo pipefail

usage() {
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$script_dir")
build_dir=""
rounds=3
lines=1000000
seed=1
while [[ $# -gt 0 ]]; do
    case "$1" in
    --rounds) rounds=${2:?}; shift 2 ;;
    --lines) lines=${2:?}; shift 2 ;;
    --seed) seed=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    -*) echo "mariadb.sh: unknown option $1" >&2; usage ;;
    *) build_dir=$1; shift ;;
    esac
done
build_dir=${build_dir:-build}
if [[ ! -d "$build_dir" && "$build_dir" != /* && -d "$repo_dir/$build_dir" ]]; then
    build_dir="$repo_dir/$build_dir"
fi
build_dir=$(cd "$build_dir" 2>/dev/null && pwd) || { echo "mariadb.sh: no build directory" >&2; exit 2; }
for exe in govpub bench/generate_sales; do
    [[ -x "$build_dir/$exe" ]] || {
        echo "mariadb.sh: $build_dir/$exe missing: cmake --build $build_dir --target govpub bench_tools" >&2
        exit 2
    }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/govpub-bench-mariadb.XXXXXX")
server="$work/server"
cleanup() {
    bash "$repo_dir/tests/support/mariadb.sh" stop "$server" || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/bin"
cp "$build_dir/govpub" "$build_dir/bench/generate_sales" "$work/bin/"
govpub="$work/bin/govpub"

bash "$repo_dir/tests/support/mariadb.sh" start "$server"
sock="$server/sock"
sql() { mariadb --no-defaults -S "$sock" -uroot "$@"; }

# seconds CMD...: runs CMD, fails the benchmark if it fails, prints the wall time.
seconds() {
    local start end
    start=$(date +%s.%N)
    if ! "$@" >"$work/out.txt" 2>&1; then
        echo "mariadb.sh: failed: $*" >&2
        tail -n 20 "$work/out.txt" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

# fresh NAME: an empty utf8mb4 database with govpub's schema and the masters; prints its URL.
fresh() {
    sql -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    local url="mysql://root@localhost/$1?socket=$sock"
    GOVPUB_DATA_DIR="$work/files-$1" "$govpub" --db "$url" init >/dev/null
    for kind in agencies stores publications consignment; do
        GOVPUB_DATA_DIR="$work/files-$1" "$govpub" --db "$url" import "$kind" "$work/data/$kind.csv" >/dev/null
    done
    echo "$url"
}

echo "== generating $lines sales lines (seed $seed)" >&2
"$work/bin/generate_sales" "$work/data" "$lines" "$seed" >/dev/null
sales_files=("$work/data"/sales_S*.csv)
columns="store, sale_date, gpn, quantity, catalogue_list_price, stated_list_price, sale_price, txn_id, import_sha256, line_no"

: >"$work/results.tsv"
for ((round = 1; round <= rounds; round++)); do
    url=$(fresh bench_govpub)
    total=0
    for f in "${sales_files[@]}"; do
        t=$(GOVPUB_DATA_DIR="$work/files-bench_govpub" seconds "$govpub" --db "$url" import sales "$f")
        total=$(awk -v a="$total" -v b="$t" 'BEGIN { printf "%.2f", a + b }')
    done
    stored=$(sql -N -B bench_govpub -e "SELECT COUNT(*) FROM sale")
    [[ "$stored" -eq "$lines" ]] || { echo "mariadb.sh: $stored rows stored, $lines generated" >&2; exit 1; }
    if [[ ! -f "$work/rows.tsv" ]]; then
        # --raw keeps the \N that LOAD DATA reads as NULL.
        sql -N -B --raw bench_govpub -e "SELECT store, sale_date, gpn, quantity, catalogue_list_price,
            IFNULL(stated_list_price, '\\\\N'), IFNULL(sale_price, '\\\\N'), IFNULL(txn_id, '\\\\N'),
            import_sha256, line_no FROM sale ORDER BY id" >"$work/rows.tsv"
        mariadb-dump --no-defaults -S "$sock" -uroot --no-create-info --skip-comments \
            --where="kind = 'sales'" bench_govpub import_file >"$work/import_file.sql"
    fi
    fresh bench_load >/dev/null
    sql bench_load <"$work/import_file.sql"
    load=$(seconds sql --local-infile=1 bench_load -e \
        "LOAD DATA LOCAL INFILE '$work/rows.tsv' INTO TABLE sale ($columns)")
    loaded=$(sql -N -B bench_load -e "SELECT COUNT(*) FROM sale")
    [[ "$loaded" -eq "$lines" ]] || { echo "mariadb.sh: LOAD DATA stored $loaded rows" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$round" "$total" "$load" >>"$work/results.tsv"
    echo "== round $round/$rounds: govpub import $total s, LOAD DATA $load s" >&2
done

version=$(sql -N -B -e "SELECT VERSION()")
awk -F'\t' -v lines="$lines" -v version="$version" -v cores="$(nproc)" '
    function median(list, n,    v, i, j, t) {
        split(list, v, " ")
        for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > t + 0; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    function low(list,    v, n, i, m) { n = split(list, v, " "); m = v[1]; for (i = 2; i <= n; i++) if (v[i] + 0 < m + 0) m = v[i]; return m }
    function high(list,    v, n, i, m) { n = split(list, v, " "); m = v[1]; for (i = 2; i <= n; i++) if (v[i] + 0 > m + 0) m = v[i]; return m }
    { g = g " " $2; l = l " " $3; n++ }
    END {
        mg = median(g, n); ml = median(l, n)
        printf "MariaDB %s, %d cores, %d lines, %d rounds:\n", version, cores, lines, n
        printf "| %-38s | %8s | %6s | %6s |\n", "step", "median s", "min s", "max s"
        printf "|%s|%s|%s|%s|\n", "----------------------------------------", "---------:", "-------:", "-------:"
        printf "| %-38s | %8.2f | %6.2f | %6.2f |\n", "govpub import sales (10 files, total)", mg, low(g), high(g)
        printf "| %-38s | %8.2f | %6.2f | %6.2f |\n", "LOAD DATA LOCAL INFILE (same rows)", ml, low(l), high(l)
        printf "ratio of the medians: %.2fx\n", mg / ml
    }' "$work/results.tsv"
