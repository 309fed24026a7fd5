#!/usr/bin/env bash
# Gateway load test (issue 6, "Load"): seeds N articles through store-service's ArticleWriter into an
# in-memory MongoDB-wire server, starts Kafka (local-stack), store-service and api-gateway on free
# 127.0.0.1 ports, writes the weighted URL population (urls.py), then holds a fixed rate with wrk
# (timeline.lua paces every connection) against GET /api/v1/timeline. The measured part runs under
# flock /tmp/newsflow-bench.lock (one benchmark at a time on the shared machine). Every process it
# starts runs under `timeout` and is killed on exit, so a run always stops by itself.
#
#   bench/load/run.sh                    # 100,000 articles, 500 requests/s, two 60 s measured runs
#   ARTICLES=20000 DURATION=20s bench/load/run.sh
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
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-20s}              # unmeasured wrk run first (JIT, caches, the gateway joining the topic)
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-50}     # free connections for the pacing: rate x latency is far below this
RATE=${RATE:-500}                  # requests per second, held by timeline.lua
TAIL=${TAIL:-0.05}                 # share of requests on rare queries (cache misses); urls.py explains the mix
CACHE_TTL=${CACHE_TTL:-}           # the gateway's NEWSFLOW_READ_CACHE_TTL; empty keeps its default
TRICKLE=${TRICKLE:-0.5}            # new articles per second on the enriched topic while wrk runs (0: none)
GZIP_SHARE=${GZIP_SHARE:-0.7}      # share of requests taking gzip in the third run (the dashboard's browsers)
LOCK=${LOCK:-/tmp/newsflow-bench.lock}
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
# A copy of store-service's classes and jars, so that a rebuild of that module meanwhile changes nothing here.
cp -r "$ROOT/store-service/target/classes" "$WORK/store-classes"
cp -r "$ROOT/store-service/target/test-classes" "$WORK/store-test-classes"
cp "$ROOT/store-service/target/store-service-exec.jar" "$ROOT/api-gateway/target/api-gateway-all.jar" "$WORK/"
# local-stack's own classpath too: the embedded server's jars do not always reach store-service's test scope
(cd "$ROOT" && ./mvnw -q -o -pl local-stack dependency:build-classpath -Dmdep.outputFile="$WORK/cp-stack.txt" >/dev/null)
CP="$WORK/store-classes:$WORK/store-test-classes:$(cat "$WORK/cp.txt"):$(cat "$WORK/cp-stack.txt")"
mkdir -p "$WORK/classes"
"$JAVA_HOME/bin/javac" -d "$WORK/classes" -cp "$CP" "$HERE/src/io/newsflow/store/bench/LoadSeeder.java" \
  "$HERE/src/io/newsflow/store/bench/LoadTrickle.java"

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
SEEDED=$(sed -n 's/^articles=\([0-9]*\).*/\1/p' "$WORK/seeded")
grep -q "ready" "$WORK/stack.log" || sleep 5

MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/newsflow" SERVER_PORT=$STORE_PORT KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  timeout "$LIFETIME_S" "$JAVA" -Xmx1g -jar "$WORK/store-service-exec.jar" >"$WORK/store.log" 2>&1 &
PIDS+=($!)
STORE_PID=$!
await_http "http://127.0.0.1:$STORE_PORT/internal/v1/timeline?limit=1" 180

# The per-address limit is raised so that wrk (one address) measures latency, not the limiter's 429s.
GATEWAY_ENV=(MICRONAUT_SERVER_PORT=$GATEWAY_PORT NEWSFLOW_STORE_URL="http://127.0.0.1:$STORE_PORT"
  NEWSFLOW_INGEST_URL="http://127.0.0.1:1" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
  NEWSFLOW_RATE_LIMIT_PER_ADDRESS=100000000)
[[ -n "$CACHE_TTL" ]] && GATEWAY_ENV+=(NEWSFLOW_READ_CACHE_TTL="$CACHE_TTL")
env "${GATEWAY_ENV[@]}" timeout "$LIFETIME_S" "$JAVA" -Xmx1g -jar "$WORK/api-gateway-all.jar" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!
await_http "http://127.0.0.1:$GATEWAY_PORT/api/v1/timeline?limit=1" 180
log "gateway: NEWSFLOW_READ_CACHE_TTL=${CACHE_TTL:-default} NEWSFLOW_RATE_LIMIT_PER_ADDRESS=100000000; store and gateway -Xmx1g"

BASE="http://127.0.0.1:$GATEWAY_PORT"
python3 "$HERE/urls.py" "$BASE" "$WORK/urls.tsv" "$TAIL" | tee -a "$OUT"
python3 "$HERE/urls.py" "$BASE" "$WORK/urls-heavy-tail.tsv" 0.20 | tee -a "$OUT"
# 200 of the tail's rare queries (urls.py writes the tail last; its weights are all equal)
tail -n 200 "$WORK/urls-heavy-tail.tsv" >"$WORK/urls-tail.tsv"

# the JVMs themselves (children of their `timeout`), for their CPU time
STORE_JVM=$(pgrep -P "$STORE_PID" | head -n 1)
GATEWAY_JVM=$(pgrep -P "$GATEWAY_PID" | head -n 1)
# CPU seconds (user+sys) a process has used, from /proc
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
# "requests backendLoads" of the gateway's read cache since start, from /health
cache_counts() { curl -fsS "$BASE/health/liveness" | python3 -c '
import json, sys
d = json.load(sys.stdin)["details"]["readCache"]["details"]
print(d["requests"], d["backendLoads"])'; }
# the change-signal figures: whether the gateway follows the topic, changes seen, reads refreshed or dropped
cache_changes() { curl -fsS "$BASE/health/liveness" | python3 -c '
import json, sys
d = json.load(sys.stdin)["details"]["readCache"]["details"]
print(" ".join("%s=%s" % (k, d[k]) for k in ("followingChanges", "changesSeen", "refreshedOnChange", "droppedOnChange")))'; }

run_wrk() {
  local name=$1 duration=$2 rate=$3 urls=$4 gzip=${5:-0}
  log ""
  log "## $name: RATE=$rate GZIP_SHARE=$gzip wrk -t$THREADS -c$CONNECTIONS -d$duration --latency -s timeline.lua ($(uptime | sed 's/.*load/load/'))"
  read -r req0 loads0 < <(cache_counts)
  local g0 s0; g0=$(cpu_s "$GATEWAY_JVM"); s0=$(cpu_s "$STORE_JVM")
  URLS=$urls RATE=$rate THREADS=$THREADS GZIP_SHARE=$gzip timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency \
    -s "$HERE/timeline.lua" "$BASE" 2>&1 | tee -a "$OUT"
  read -r req1 loads1 < <(cache_counts)
  local g1 s1; g1=$(cpu_s "$GATEWAY_JVM"); s1=$(cpu_s "$STORE_JVM")
  log "$(python3 -c "
r, l = $req1 - $req0, $loads1 - $loads0
print('STORE reads=%d store_calls=%d store_share=%.4f gateway_cpu_s=%.1f store_cpu_s=%.1f gateway_cpu_ms_per_request=%.3f store_cpu_ms_per_call=%.1f' % (
    r, l, l / max(r, 1), $g1 - $g0, $s1 - $s0, 1000 * ($g1 - $g0) / max(r, 1), 1000 * ($s1 - $s0) / max(l, 1)))")"
  log "CHANGES since gateway start: $(cache_changes)"
  log "after: $(uptime | sed 's/.*load/load/')"
}

# One benchmark at a time on this machine: wait for the lock, hold it for the wrk runs only.
exec 9>"$LOCK"
log "waiting for $LOCK ($(date -u +%T))"
flock 9
log "holding $LOCK from $(date -u +%T)"
if [[ "$TRICKLE" != "0" ]]; then
  # new articles through Kafka and store-service while wrk runs: the gateway's change signals
  timeout 900 "$JAVA" -Xmx256m -cp "$WORK/classes:$CP" io.newsflow.store.bench.LoadTrickle "127.0.0.1:$KAFKA_PORT" \
    "$TRICKLE" "$SEEDED" "$ARTICLES" "$DAYS" 900 >"$WORK/trickle.log" 2>&1 &
  PIDS+=($!)
  log "publishing $TRICKLE new articles/s on the enriched topic (articles $SEEDED onwards of the seeded stream)"
fi
run_wrk "warm-up (not measured)" "$WARMUP" "$RATE" "$WORK/urls.tsv" >/dev/null
log "gateway read cache after warm-up: $(cache_changes)"
run_wrk "mix with ${TAIL} tail, at $RATE/s" "$DURATION" "$RATE" "$WORK/urls.tsv"
run_wrk "heavy tail (0.20), at $RATE/s" "$DURATION" "$RATE" "$WORK/urls-heavy-tail.tsv"
run_wrk "mix with ${TAIL} tail, $GZIP_SHARE of requests taking gzip, at $RATE/s" "$DURATION" "$RATE" "$WORK/urls.tsv" "$GZIP_SHARE"
# The store's own latency on the queries that miss the cache (the tail), one at a time: what a cold
# read costs at least, whatever the gateway does.
log ""
log "store-service direct, the tail's queries one at a time (ms p50 / p90 / p99 / max of $(grep -c . "$WORK/urls-tail.tsv")): $(
  while IFS=$'\t' read -r _ path _; do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$STORE_PORT/internal/v1/timeline?${path#*\?}"
  done <"$WORK/urls-tail.tsv" | python3 -c '
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
pick = lambda q: t[min(len(t) - 1, int(len(t) * q))]
print("%.1f / %.1f / %.1f / %.1f" % (pick(0.5), pick(0.9), pick(0.99), t[-1]))') ($(uptime | sed 's/.*load/load/'))"
flock -u 9
log "published on the enriched topic: $(tail -n 1 "$WORK/trickle.log" 2>/dev/null)"
log "results in $OUT"
