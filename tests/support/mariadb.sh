#!/usr/bin/env bash
# A throwaway MariaDB server for the tests: `start DIR` installs a fresh data directory in DIR
# and starts mariadbd on the unix socket DIR/sock (no TCP); `stop DIR` stops it and removes
# DIR. The tests find the socket through GOVPUB_TEST_MYSQL_SOCKET (see tests/CMakeLists.txt).
set -euo pipefail
action="${1:?usage: mariadb.sh start|stop DIR}"
dir="${2:?usage: mariadb.sh start|stop DIR}"

stop() {
    if [ -f "$dir/pid" ]; then
        local pid
        pid="$(cat "$dir/pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -rf "$dir"
}

case "$action" in
start)
    stop
    mkdir -p "$dir"
    command -v mariadbd >/dev/null || PATH="$PATH:/usr/sbin"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1
    # tmp_table_size: settlement-size aggregates stay in memory (FACTS.md).
    mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/sock" --skip-networking \
        --user="$(id -un)" --pid-file="$dir/pid" --log-error="$dir/error.log" \
        --innodb-buffer-pool-size=256M --tmp-table-size=256M --max-heap-table-size=256M \
        --innodb-flush-log-at-trx-commit=1 </dev/null >"$dir/server.out" 2>&1 &
    # Its own output goes to files, so that ctest, which reads this script's output, does not
    # wait on a pipe the server keeps open.
    for _ in $(seq 1 300); do
        mariadb-admin --no-defaults -S "$dir/sock" -uroot ping >/dev/null 2>&1 && exit 0
        sleep 0.1
    done
    echo "mariadb.sh: the server did not start; see $dir/error.log" >&2
    cat "$dir/error.log" >&2 || true
    exit 1
    ;;
stop) stop ;;
*) echo "usage: mariadb.sh start|stop DIR" >&2; exit 2 ;;
esac
