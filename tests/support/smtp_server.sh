#!/usr/bin/env bash
# A real SMTP server for the notice tests: `start DIR [PORT] [OPTIONS…]` starts
# tests/support/smtp_server.py (Debian's python3-aiosmtpd) on 127.0.0.1:PORT (a free port when
# PORT is 0 or missing), waits until it listens and prints the port; each message it accepts
# lands in DIR/messages/. `stop DIR` stops it and keeps DIR, so a test can start it again on the
# same port and the messages received so far stay. Options: see smtp_server.py.
set -euo pipefail
action="${1:?usage: smtp_server.sh start DIR [PORT] [OPTIONS…] | stop DIR}"
dir="${2:?usage: smtp_server.sh start DIR [PORT] [OPTIONS…] | stop DIR}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Whether process $1 still runs: a zombie waiting for whoever reaps orphans has let go of its
# port already, so it counts as gone.
running() {
    local pid_ comm state
    read -r pid_ comm state _ <"/proc/$1/stat" 2>/dev/null || return 1
    [ "$state" != Z ]
}

stop() {
    if [ -f "$dir/pid" ]; then
        local pid
        pid="$(cat "$dir/pid")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            running "$pid" || break
            sleep 0.05
        done
        rm -f "$dir/pid"
    fi
    rm -f "$dir/port"
}

case "$action" in
start)
    port="${3:-0}"
    shift $(($# < 3 ? $# : 3))
    stop
    mkdir -p "$dir"
    # Debian's interpreter by its full path: an earlier python3 on PATH may not see aiosmtpd
    # (FACTS.md). Its output goes to a file so that whoever runs this script is not left
    # waiting on a pipe the server keeps open.
    /usr/bin/python3 "$here/smtp_server.py" "$dir" "$port" "$@" </dev/null >>"$dir/server.log" 2>&1 &
    echo $! >"$dir/pid"
    for _ in $(seq 1 200); do
        if [ -f "$dir/port" ]; then
            cat "$dir/port"
            exit 0
        fi
        running "$(cat "$dir/pid")" || break
        sleep 0.05
    done
    echo "smtp_server.sh: the server did not start; see $dir/server.log" >&2
    cat "$dir/server.log" >&2 || true
    stop
    exit 1
    ;;
stop) stop ;;
*) echo "usage: smtp_server.sh start DIR [PORT] [OPTIONS…] | stop DIR" >&2; exit 2 ;;
esac
