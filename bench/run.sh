#!/usr/bin/env bash
# End-to-end benchmark of govpub on SQLite: import of 1,000,000 sales lines, settlement,
# settlement workbook and reconciliation, timed with /usr/bin/time (wall s, peak RSS).
#
#   bench/run.sh [BUILD_DIR=build] [--rounds N=5] [--lines L=1000000] [--seed S=1]
#                [--keep] [--readme]
#
# Builds nothing: BUILD_DIR must already hold govpub and bench/generate_sales, e.g.
#   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
#   cmake --build build -j2 --target govpub bench_tools
# The data set is generated once into a temporary directory. Each round then takes a fresh
# database, loads the masters and the consignment lists (untimed) and times, in this order:
# two floors (`wc -l` of the ten sales files; `awk -F,` splitting their fields), then
# `import sales` of the ten files (one process each; the step's wall time is their sum, its
# RSS their maximum), `settle`, `report settlement` and `reconcile --json`. Rounds
# alternate the steps rather than repeating one step N times, so a slow phase of the
# machine spreads over all of them.
# Printed: the median, minimum and maximum wall time and the maximum peak RSS per step.
# With --readme, the figures replace the "## Figures" section of bench/README.md.
# Run nothing else heavy meanwhile: the figures are wall times.
set -euo pipefail

usage() {
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$script_dir")
command_line="bench/run.sh $*"

build_dir=""
rounds=5
lines=1000000
seed=1
keep=0
readme=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --rounds | -n) rounds=${2:?}; shift 2 ;;
    --rounds=*) rounds=${1#*=}; shift ;;
    --lines) lines=${2:?}; shift 2 ;;
    --lines=*) lines=${1#*=}; shift ;;
    --seed) seed=${2:?}; shift 2 ;;
    --seed=*) seed=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    --readme) readme=1; shift ;;
    -h | --help) usage ;;
    -*) echo "run.sh: unknown option $1" >&2; usage ;;
    *)
        [[ -z "$build_dir" ]] || { echo "run.sh: one build directory only" >&2; usage; }
        build_dir=$1; shift ;;
    esac
done
build_dir=${build_dir:-build}
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --rounds wants a positive number" >&2; exit 2; }
[[ "$lines" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --lines wants a positive number" >&2; exit 2; }

# A relative build directory is looked up from here, then from the repository.
if [[ ! -d "$build_dir" && "$build_dir" != /* && -d "$repo_dir/$build_dir" ]]; then
    build_dir="$repo_dir/$build_dir"
fi
build_dir=$(cd "$build_dir" 2>/dev/null && pwd) || {
    echo "run.sh: no build directory '$build_dir'" >&2
    exit 2
}
govpub="$build_dir/govpub"
generate="$build_dir/bench/generate_sales"
for exe in "$govpub" "$generate"; do
    [[ -x "$exe" ]] || {
        echo "run.sh: $exe missing: cmake --build $build_dir --target govpub bench_tools" >&2
        exit 2
    }
done

if [[ ! -x /usr/bin/time ]]; then
    echo "run.sh: /usr/bin/time missing; installing the 'time' package" >&2
    as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get install -y -q time >/dev/null ||
        { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q time >/dev/null; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/govpub-bench.XXXXXX")
cleanup() {
    if [[ $keep -eq 1 ]]; then
        echo "run.sh: kept $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# Copies of the programs, so that a rebuild during the run cannot change what is measured.
built_at=$(date -u -r "$govpub" '+%F %H:%M UTC')
mkdir -p "$work/bin"
cp "$govpub" "$generate" "$work/bin/"
govpub="$work/bin/govpub"
generate="$work/bin/generate_sales"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
revision=$(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git -C "$repo_dir" status --porcelain --untracked-files=no -- . ':!bench/README.md' 2>/dev/null)" ]]; then
    revision="$revision with uncommitted changes"
fi

data="$work/data"
results="$work/results.tsv" # round  step  wall_s  rss_kib
: >"$results"

# group N: 1234567 -> 1,234,567
group() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta' <<<"$1"; }

# timed STEP OUTFILE CMD...: runs CMD under /usr/bin/time, stops the benchmark if it fails,
# leaves the figures in $wall and $rss.
wall=0
rss=0
timed() {
    local step=$1 out=$2
    shift 2
    if ! /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$out" 2>"$work/stderr.txt"; then
        echo "run.sh: $step failed: $*" >&2
        tail -n 20 "$work/stderr.txt" "$out" >&2 || true
        tail -n 1 "$work/time.txt" >&2 || true
        exit 1
    fi
    read -r wall rss < <(tail -n 1 "$work/time.txt")
}

# quiet CMD...: an untimed step; its output is shown only if it fails.
quiet() {
    if ! "$@" >"$work/untimed.txt" 2>&1; then
        echo "run.sh: failed: $*" >&2
        tail -n 20 "$work/untimed.txt" >&2
        exit 1
    fi
}

echo "== generating $lines sales lines (seed $seed) into $data" >&2
quiet "$generate" "$data" "$lines" "$seed"
sales_files=("$data"/sales_S*.csv)
[[ ${#sales_files[@]} -eq 10 ]] || { echo "run.sh: expected 10 sales files" >&2; exit 1; }

for ((round = 1; round <= rounds; round++)); do
    dir="$work/round"
    rm -rf "$dir"
    mkdir -p "$dir"
    export GOVPUB_DATA_DIR="$dir/files"
    db="sqlite:$dir/govpub.db"

    # Untimed: a fresh database with the masters and the consignment lists.
    quiet "$govpub" --db "$db" init
    for kind in agencies stores publications consignment; do
        quiet "$govpub" --db "$db" import "$kind" "$data/$kind.csv"
    done

    # The floor: reading the same 1 M lines without doing anything with them.
    timed read-floor "$dir/wc.txt" wc -l "${sales_files[@]}"
    printf '%s\tread-floor\t%s\t%s\n' "$round" "$wall" "$rss" >>"$results"
    read_lines=$(awk 'END { print $1 - 10 }' "$dir/wc.txt") # minus the ten headers
    # A second floor: splitting every line into its fields (summing the quantities).
    # shellcheck disable=SC2016 # an awk program
    timed split-floor "$dir/awk.txt" awk -F, 'FNR > 1 { n += $6 } END { print n }' "${sales_files[@]}"
    printf '%s\tsplit-floor\t%s\t%s\n' "$round" "$wall" "$rss" >>"$results"

    import_wall=0
    import_rss=0
    for f in "${sales_files[@]}"; do
        timed "import sales $(basename "$f")" "$dir/import.txt" \
            "$govpub" --db "$db" import sales "$f"
        printf '%s\timport:%s\t%s\t%s\n' "$round" "$(basename "$f" .csv)" "$wall" "$rss" >>"$results"
        import_wall=$(awk -v a="$import_wall" -v b="$wall" 'BEGIN { printf "%.2f", a + b }')
        if ((rss > import_rss)); then import_rss=$rss; fi
    done
    printf '%s\timport\t%s\t%s\n' "$round" "$import_wall" "$import_rss" >>"$results"

    # Every line must have arrived (and none twice).
    if command -v sqlite3 >/dev/null; then
        stored=$(sqlite3 "$dir/govpub.db" 'SELECT COUNT(*) FROM sale')
        [[ "$stored" -eq "$read_lines" ]] || {
            echo "run.sh: $stored sales stored, $read_lines in the files" >&2
            exit 1
        }
    fi

    timed settle "$dir/settle.txt" \
        "$govpub" --db "$db" settle --period 2026H1 --as-of 2026-06-10
    printf '%s\tsettle\t%s\t%s\n' "$round" "$wall" "$rss" >>"$results"

    timed report "$dir/report.txt" \
        "$govpub" --db "$db" report settlement --period 2026H1 --out "$dir/settlement.xlsx"
    printf '%s\treport\t%s\t%s\n' "$round" "$wall" "$rss" >>"$results"
    [[ -s "$dir/settlement.xlsx" ]] || { echo "run.sh: no settlement.xlsx" >&2; exit 1; }

    timed reconcile "$dir/reconcile.json" \
        "$govpub" --db "$db" reconcile --as-of 2026-06-10 --json
    printf '%s\treconcile\t%s\t%s\n' "$round" "$wall" "$rss" >>"$results"

    awk -F'\t' -v r="$round" -v n="$rounds" '
        $1 == r && $2 !~ /:/ { s = s sprintf("  %s %ss", $2, $3) }
        END { printf "== round %d/%d:%s\n", r, n, s }' "$results" >&2
done

# The table: median / min / max wall time, max peak RSS, and lines per second.
table=$(awk -F'\t' -v lines="$read_lines" '
    function median(list, n,    v, i, j, t) {
        split(list, v, " ")
        for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] + 0 > t + 0; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    {
        step = $2
        if (!(step in count)) { order[++steps] = step }
        times[step] = times[step] " " $3; count[step]++
        if (!(step in lo) || $3 + 0 < lo[step]) lo[step] = $3 + 0
        if ($3 + 0 > hi[step]) hi[step] = $3 + 0
        if ($4 + 0 > rss[step]) rss[step] = $4 + 0
    }
    function grouped(x,    s) {
        s = sprintf("%d", x)
        while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
        return s
    }
    END {
        name["read-floor"] = "reading floor (wc -l, 10 files)"
        name["split-floor"] = "splitting floor (awk -F, sum qty)"
        name["import"] = "import sales (10 files, total)"
        name["settle"] = "settle --period 2026H1"
        name["report"] = "report settlement (xlsx)"
        name["reconcile"] = "reconcile --json"
        printf "| %-34s | %9s | %7s | %7s | %13s | %12s |\n", "step", "median s", "min s", "max s", "peak RSS MiB", "lines/s"
        printf "|%s|%s|%s|%s|%s|%s|\n", "------------------------------------", "----------:", "--------:", "--------:", "--------------:", "-------------:"
        for (k = 1; k <= steps; k++) {
            s = order[k]
            if (s ~ /:/) continue
            m = median(times[s], count[s])
            rate = (s == "import" || s ~ /floor/) && m > 0 ? grouped(lines / m) : ""
            printf "| %-34s | %9.2f | %7.2f | %7.2f | %13.1f | %12s |\n", name[s], m, lo[s], hi[s], rss[s] / 1024, rate
        }
        for (k = 1; k <= steps; k++) {
            s = order[k]
            if (s !~ /^import:/) continue
            m = median(times[s], count[s])
            detail = detail sprintf("%s %.2f s, ", substr(s, 8), m)
        }
        printf "\nImport per file (median): %s.\n", substr(detail, 1, length(detail) - 2)
    }' "$results")

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
build_type=$(awk -F= '/^CMAKE_BUILD_TYPE:/ { print $2 }' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler=$(awk -F= '/^CMAKE_CXX_COMPILER:/ { print $2 }' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler_version=$("${compiler:-c++}" --version 2>/dev/null | head -n 1 || true)
sqlite_version=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || true)
machine="$(nproc) cores ($cpu), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME"); build type ${build_type:-unset}, ${compiler_version:-unknown compiler}${sqlite_version:+, SQLite $sqlite_version}"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section=$(
    cat <<EOF
## Figures

Measured $(date -u +%F) with \`$command_line\`: $(group "$read_lines") sales lines (seed
$seed), $rounds alternating rounds, each on a fresh SQLite database with the masters and
consignment lists loaded untimed; wall time and peak RSS from \`/usr/bin/time -f "%e %M"\`.

- Machine: $machine.
- Source: commit $revision; \`$(basename "$build_dir")/govpub\` built $built_at.
- Load average before / after the run: $load_before / $load_after.

$table
EOF
)
echo
echo "$section"

if [[ $readme -eq 1 ]]; then
    readme_file="$script_dir/README.md"
    # Replace the "## Figures" section (up to the next "## " heading), or append one.
    awk -v section_file=<(echo "$section") '
        BEGIN { while ((getline l < section_file) > 0) section = section l "\n" }
        /^## Figures[[:space:]]*$/ { printf "%s", section; skipping = 1; done = 1; next }
        skipping && /^## / { skipping = 0; print "" }
        !skipping { print }
        END { if (!done) printf "\n%s", section }
    ' "$readme_file" >"$work/README.md"
    cat "$work/README.md" >"$readme_file"
    echo "run.sh: figures written to $readme_file" >&2
fi
