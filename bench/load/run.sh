#!/usr/bin/env bash
# Gateway load test (issue 6, "Load"): seeds N articles through store-service's ArticleWriter into an
# in-memory MongoDB-wire server, starts Kafka (local-stack), store-service and api-gateway on free
# 127.0.0.1 ports, then runs wrk against GET /api/v1/timeline. Every process it starts runs under
# `timeout` and is killed on exit, so a run always stops by itself.
#
#   bench/load/run.sh                    # 100,000 articles, 2 x 30 s measured runs
#   ARTICLES=20000 DURATION=10s bench/load/run.sh
#
# Needs: the jars built (./mvnw -q -o -DskipTests install), wrk (apt-get install -y wrk), python3, curl.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/load"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
ARTICLES=${ARTICLES:-100000}
DAYS=${DAYS:-730}                  # the store benchmark's span: ~137 articles a day
SEED_BUDGET_S=${SEED_BUDGET_S:-720} # stop seeding after this and test what was written
SEEDER_HEAP=${SEEDER_HEAP:-11g}    # the in-memory backend holds ~75 KB per article with its read models
DURATION=${DURATION:-30s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
LIFETIME_S=${LIFETIME_S:-2400}     # hard cap on every process started here
WORK=$(mktemp -d /tmp/newsflow-load.XXXXXX)
OUT="$HERE/results/run-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$HERE/results"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 2
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

log() { echo "$*" | tee -a "$OUT"; }

# waits until a URL answers 200, or gives up after $2 seconds
await_http() {
  local url=$1 limit=$2 start=$SECONDS
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    (( SECONDS - start > limit )) && { echo "no answer from $url after ${limit}s" >&2; return 1; }
    sleep 1
  done
}

for jar in store-service/target/store-service-exec.jar api-gateway/target/api-gateway-all.jar local-stack/target/local-stack-exec.jar; do
  [[ -f "$ROOT/$jar" ]] || { echo "missing $jar: build first (./mvnw -q -o -DskipTests install)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk not installed: apt-get install -y wrk" >&2; exit 1; }

read -r MONGO_PORT KAFKA_PORT STORE_PORT GATEWAY_PORT < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

log "# newsflow gateway load test, $(date -u +%FT%TZ)"
log "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"

# The seeder reuses store-service's test generator (SyntheticCorpus), so it runs on that module's test classpath.
(cd "$ROOT" && ./mvnw -q -o -pl store-service dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" \
  -Dmdep.includeScope=test >/dev/null)
CP="$ROOT/store-service/target/classes:$ROOT/store-service/target/test-classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" "$HERE/src/io/newsflow/store/bench/LoadSeeder.java"

timeout "$LIFETIME_S" "$JAVA" -Xmx"$SEEDER_HEAP" -XX:+UseParallelGC -cp "$WORK/classes:$CP" io.newsflow.store.bench.LoadSeeder \
  "$MONGO_PORT" "$ARTICLES" "$DAYS" "$SEED_BUDGET_S" "$LIFETIME_S" "$WORK/seeded" >"$WORK/seeder.log" 2>&1 &
PIDS+=($!)
# MONGODB_URI set: local-stack starts only Kafka
MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/newsflow" timeout "$LIFETIME_S" "$JAVA" -Xmx512m \
  -jar "$ROOT/local-stack/target/local-stack-exec.jar" --data "$WORK/stack" --kafka-port "$KAFKA_PORT" --mongo-port 0 \
  >"$WORK/stack.log" 2>&1 &
PIDS+=($!)

start=$SECONDS
until [[ -f "$WORK/seeded" ]]; do
  (( SECONDS - start > SEED_BUDGET_S + 120 )) && { tail -n 20 "$WORK/seeder.log" >&2; exit 1; }
  kill -0 "${PIDS[0]}" 2>/dev/null || { echo "seeder died" >&2; tail -n 20 "$WORK/seeder.log" >&2; exit 1; }
  sleep 5
done
log "seeded (in-memory MongoDB-wire backend): $(cat "$WORK/seeded")"
grep -q "ready" "$WORK/stack.log" || sleep 5

MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/newsflow" SERVER_PORT=$STORE_PORT KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  timeout "$LIFETIME_S" "$JAVA" -Xmx1g -jar "$ROOT/store-service/target/store-service-exec.jar" >"$WORK/store.log" 2>&1 &
PIDS+=($!)
await_http "http://127.0.0.1:$STORE_PORT/internal/v1/timeline?limit=1" 180

# The per-address limit is raised so that wrk (one address) measures latency, not the limiter's 429s.
MICRONAUT_SERVER_PORT=$GATEWAY_PORT NEWSFLOW_STORE_URL="http://127.0.0.1:$STORE_PORT" \
  NEWSFLOW_INGEST_URL="http://127.0.0.1:1" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  NEWSFLOW_RATE_LIMIT_PER_ADDRESS=100000000 \
  timeout "$LIFETIME_S" "$JAVA" -Xmx1g -jar "$ROOT/api-gateway/target/api-gateway-all.jar" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
await_http "http://127.0.0.1:$GATEWAY_PORT/api/v1/timeline?limit=1" 180
log "gateway: NEWSFLOW_RATE_LIMIT_PER_ADDRESS=100000000; store and gateway -Xmx1g"

BASE="http://127.0.0.1:$GATEWAY_PORT"
run_wrk() {
  local name=$1 duration=$2 conns=$3; shift 3
  log ""
  log "## $name: wrk -t$THREADS -c$conns -d$duration -s timeline.lua $* ($(uptime | sed 's/.*load/load/'))"
  env "$@" timeout 120 wrk -t"$THREADS" -c"$conns" -d"$duration" --timeout 5s --latency -s "$HERE/timeline.lua" "$BASE" \
    2>&1 | tee -a "$OUT"
}
run_wrk "warm-up (not measured)" 20s "$CONNECTIONS" REVALIDATE=0 >/dev/null
run_wrk "varied queries, no If-None-Match" "$DURATION" "$CONNECTIONS" REVALIDATE=0
run_wrk "revalidating client, If-None-Match (304 when unchanged)" "$DURATION" "$CONNECTIONS" REVALIDATE=1
run_wrk "varied queries, 2 connections (lighter load)" "$DURATION" 2 REVALIDATE=0
log ""
log "store-service direct (no gateway), one request: $(curl -s -o /dev/null -w '%{time_total}s' \
  "http://127.0.0.1:$STORE_PORT/internal/v1/timeline?actor=KAZ&limit=50")"
log "results in $OUT"
