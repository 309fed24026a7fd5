#!/usr/bin/env bash
# End-to-end benchmark (issue 7): local-stack + the four services as child processes, a local feed server
# with a generated corpus, OPML registration through the gateway, then the corpus released and followed
# through Kafka until store-service has committed every article. See bench/e2e/README.md.
#
#   bench/e2e/run.sh                                        # 5,000 articles / 50 feeds, all released at once
#   ARTICLES=100000 FEEDS=1000 POLL_INTERVAL=PT5S bench/e2e/run.sh
#   RATE=200 ARTICLES=12000 FEEDS=50 POLL_INTERVAL=PT1S WINDOW=40 GATEWAY_SAMPLE_EVERY=50 bench/e2e/run.sh
#
# Needs the jars: ./mvnw -q -o -pl local-stack,ingest-service,enrich-service,store-service,api-gateway package -DskipTests
# Timed runs go under the shared bench lock: flock /tmp/newsflow-bench.lock bench/e2e/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/e2e"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export WORK=${WORK:-$(mktemp -d /tmp/newsflow-bench-e2e.XXXXXX)}
# a snapshot of the jars: other builds in the same checkout may replace them while the run is going
export REPO="$WORK/jars"
for jar in local-stack/target/local-stack-exec.jar ingest-service/target/ingest-service-exec.jar \
    enrich-service/target/enrich-service-exec.jar store-service/target/store-service-exec.jar api-gateway/target/api-gateway-all.jar; do
  [[ -f "$ROOT/$jar" ]] || { echo "missing $jar: build the jars first (see the top of this script)" >&2; exit 1; }
  mkdir -p "$REPO/$(dirname "$jar")" && cp "$ROOT/$jar" "$REPO/$jar"
  unzip -qq -l "$REPO/$jar" >/dev/null || { echo "$jar is not a complete jar (being rebuilt?); try again" >&2; exit 1; }
  (cd "$ROOT" && echo "$jar $(stat -c %y "$jar")") >> "$WORK/jars.txt"
done
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
export OUT=${OUT:-$HERE/results/run-$STAMP.md}
export LIFETIME_S=${LIFETIME_S:-2400}   # hard cap: the harness (and with it every child) is stopped after this
mkdir -p "$HERE/results" "$HERE/target"

# compile the harness (its own small Maven module, outside the reactor) and resolve its classpath
(cd "$ROOT" && ./mvnw -q -o -f bench/e2e/pom.xml compile dependency:build-classpath \
  -Dmdep.outputFile="$HERE/target/classpath.txt" >/dev/null)
CP="$HERE/target/classes:$(cat "$HERE/target/classpath.txt")"

echo "work folder $WORK, report $OUT, $(uptime)"
status=0
timeout --signal=TERM --kill-after=60 "$LIFETIME_S" "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -cp "$CP" \
  io.newsflow.bench.e2e.BenchE2E 2>&1 | tee "$WORK/harness.log" || status=$?
{ echo; echo "Jars (snapshot taken at the start; build time):"; echo '```'; cat "$WORK/jars.txt"; echo '```'; } >> "$OUT" 2>/dev/null || true
cp "$WORK/harness.log" "${OUT%.md}.harness.txt" 2>/dev/null || true
# keep the service logs next to the report only when asked; they are large
if [[ -n "${KEEP_LOGS:-}" ]]; then cp -r "$WORK/logs" "${OUT%.md}.logs"; fi
[[ -z "${KEEP_WORK:-}" ]] && rm -rf "$WORK"
exit $status
