#!/usr/bin/env bash
# Extraction benchmark: newsflow's ArticleExtractor vs Mozilla Readability (jsdom), same scorer.
#   bench/extraction/run.sh quality      # F1 on both corpora (runs Readability first if its output is missing)
#   bench/extraction/run.sh speed [N] [newsflow|readability|both]   # pages/s on one core, heap after each round
# Needs: ingest-service compiled (target/classes), node + `npm install` in bench/extraction/node.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${CORPUS_DIR:-$repo/../shared/corpus}"
out="$here/out"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mkdir -p "$out" "$here/classes"
if [ ! -s "$out/classpath.txt" ]; then
  (cd "$repo" && ./mvnw -q -pl ingest-service dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=runtime)
fi
cp="${EXTRACTOR_CLASSES:-$repo/ingest-service/target/classes}:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/javac" -d "$here/classes" -cp "$cp" "$here"/src/*.java
run_java() { taskset -c 0 "$JAVA_HOME/bin/java" -Xmx512m -cp "$here/classes:$cp" ExtractionBenchmark "$@"; }
case "${1:-quality}" in
  quality)
    if [ ! -s "$out/readability-aeb.jsonl" ]; then
      (cd "$here/node" && node --expose-gc readability-extract.mjs extract "$corpus" "$out")
    fi
    run_java quality "$corpus" "$out" ;;
  speed)
    rounds="${2:-10}"
    which="${3:-both}"   # newsflow | readability | both
    if [ "$which" != readability ]; then run_java speed "$corpus" "$rounds"; fi
    if [ "$which" != newsflow ]; then
      (cd "$here/node" && taskset -c 0 node --expose-gc readability-extract.mjs speed "$corpus" "$(( rounds < 3 ? rounds : 3 ))")
    fi ;;
  *) echo "usage: $0 quality | speed [ROUNDS]" >&2; exit 2 ;;
esac
