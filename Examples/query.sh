#!/usr/bin/env bash
# Send request lines to a running `baogao serve` and print the JSON answers.
#
#   Examples/query.sh 'SEARCH LIMIT=3 三保' 'GET 000_d12f06acd0fd881e.txt#1' STATS
#   BAOGAO_PORT=7878 BAOGAO_HOST=127.0.0.1 Examples/query.sh PING
#
# Uses bash's /dev/tcp, so it needs no netcat. With netcat-openbsd
# (apt-get install -y netcat-openbsd) the same is one line:
#
#   printf 'SEARCH 三保\n' | nc -q1 127.0.0.1 7878
#
# Every request is sent, then QUIT, so the server answers all of them in
# order and closes; we read until it does.
set -euo pipefail
host=${BAOGAO_HOST:-127.0.0.1}
port=${BAOGAO_PORT:-7878}
if [ $# -eq 0 ]; then
    echo "usage: $0 'SEARCH <query>' ['STATS' ...]" >&2
    exit 2
fi
exec 3<>"/dev/tcp/$host/$port"
if [ -n "${BAOGAO_TOKEN:-}" ]; then printf 'AUTH %s\n' "$BAOGAO_TOKEN" >&3; fi
for request in "$@"; do printf '%s\n' "$request" >&3; done
printf 'QUIT\n' >&3
# Drop the answers to AUTH and QUIT; print the rest.
cat <&3 | grep -v -e '"result":{"bye":true}' -e '"result":{"authenticated":true}' || true
exec 3<&-
