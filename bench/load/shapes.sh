#!/usr/bin/env bash
# Sequential latency per query shape, store-service directly vs through the gateway (one request at a
# time, so no queueing): shows which timeline queries are expensive and what the gateway adds.
#   bench/load/shapes.sh STORE_PORT GATEWAY_PORT [REQUESTS_PER_SHAPE]
set -euo pipefail
STORE=$1 GATEWAY=$2 N=${3:-30}
SHAPES=(
  "actor=KAZ&limit=50"
  "actor=KAZ&limit=100"
  "actor=MNG&limit=50"
  "actor=KAZ&theme=trade&limit=50"
  "actor=PAK&theme=nuclear&limit=50"
  "actor=RUS&actor=PAK&actorMode=all&limit=50"
  "limit=50"
)
time_of() { # prints p50 / p90 / max in ms of N sequential GETs of $1
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "$1"; done | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print("%.1f / %.1f / %.1f" % (t[len(t) // 2], t[int(len(t) * 0.9) - 1], t[-1]))'
}
echo "| query | store p50 / p90 / max ms | gateway p50 / p90 / max ms |"
echo "|---|---|---|"
for q in "${SHAPES[@]}"; do
  curl -s -o /dev/null "http://127.0.0.1:$GATEWAY/api/v1/timeline?$q" # first call warms caches and JIT
  echo "| \`$q\` | $(time_of "http://127.0.0.1:$STORE/internal/v1/timeline?$q") | $(time_of "http://127.0.0.1:$GATEWAY/api/v1/timeline?$q") |"
done
