# Sourced by ./newsflow: `./newsflow status`, a one-screen summary of a running system, read from each
# service's health (liveness, readiness and what it checks) and Prometheus endpoints, plus the failing
# feeds from ingest-service's internal API. Counters count since each service started; the stored-article
# total comes from MongoDB. Needs curl; jq (optional) adds the readiness checks and the failing feeds.
# Expects GATEWAY_PORT, INGEST_PORT, ENRICH_PORT, STORE_PORT and the colour variables of ./newsflow.

# GET $1; prints the body (also for 4xx/5xx answers), fails when nothing answered
status_get() { curl -sS --max-time "${2:-3}" "$1" 2>/dev/null; }

# Sums the samples of metric $2 in the exposition $1 whose labels contain every further argument
# (NaN samples skipped); prints ? when there is no such sample.
prom_sum() {
  local text=$1 name=$2; shift 2
  awk -v name="$name" -v pats="$*" '
    BEGIN { n = split(pats, p, " ") }
    /^#/ { next }
    { split($0, head, /[{ ]/); if (head[1] != name) next
      for (i = 1; i <= n; i++) if (index($0, p[i]) == 0) next
      if ($NF != "NaN") { s += $NF; found = 1 } }
    END { if (found) printf "%.0f", s; else printf "?" }' <<<"$text"
}

# "topic lag" lines of exposition $1: the lag by the group's committed offsets (newsflow_consumer_lag, what a
# restart resumes from) where the service reports it, else the Kafka client's records-lag (from the fetch
# position, which runs ahead of the work while a large batch is processed), per-partition values summed
prom_lag_by_topic() {
  awk '/^newsflow_consumer_lag\{/ && match($0, /topic="[^"]*"/) {
      t = substr($0, RSTART + 7, RLENGTH - 8); c[t] = ($NF == "NaN" ? "?" : sprintf("%.0f", $NF)); committed = 1 }
    /^kafka_consumer_fetch_manager_records_lag\{/ && match($0, /topic="[^"]*"/) {
      t = substr($0, RSTART + 7, RLENGTH - 8)
      if (index(t, ".") == 0) next  # the clients also report each topic with dots replaced by _
      if ($NF != "NaN") lag[t] += $NF; seen[t] = 1 }
    END { if (committed) { for (t in c) printf "%s %s\n", t, c[t] }
          else { for (t in seen) printf "%s %.0f (fetch position)\n", t, lag[t] } }' <<<"$1" | sort
}

# "UP"/"DOWN"/... of a health document, and "name=STATUS" of its components (jq only)
health_status() {
  [ -n "$1" ] || return 0
  if command -v jq >/dev/null 2>&1; then jq -r '.status // empty' <<<"$1" 2>/dev/null || true
  else grep -o '"status" *: *"[A-Z_]*"' <<<"$1" | tail -n 1 | sed 's/.*"\([A-Z_]*\)"$/\1/'; fi
}
health_checks() {
  command -v jq >/dev/null 2>&1 || return 0
  jq -r '[(.components // .details // {}) | to_entries[] | "\(.key)=\(.value.status // "?")"] | join(" ")' <<<"$1" 2>/dev/null
}

colour_status() {
  case $1 in UP) printf '%s%-5s%s' "$G" UP "$N" ;; "") printf '%s%-5s%s' "$R" DOWN "$N" ;; *) printf '%s%-5s%s' "$R" "$1" "$N" ;; esac
}

newsflow_status() {
  printf '%snewsflow status%s  %s%s · %s%s\n' "$B" "$N" "$D" "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$DATA" "$N"
  local name port live ready checks body
  local -A METRICS=()
  printf '  %-15s %-6s %-5s %-5s %s\n' service port live ready "readiness checks"
  for name in api-gateway ingest-service enrich-service store-service; do
    case $name in
      api-gateway) port=$GATEWAY_PORT ;; ingest-service) port=$INGEST_PORT ;;
      enrich-service) port=$ENRICH_PORT ;; store-service) port=$STORE_PORT ;;
    esac
    if [ "$name" = api-gateway ]; then
      body=$(status_get "http://127.0.0.1:$port/health") || body=""
      live=""; [ -n "$body" ] && live=UP
      ready=$(health_status "$body")
      METRICS[$name]=$(status_get "http://127.0.0.1:$port/prometheus" 5) || METRICS[$name]=""
    else
      live=$(health_status "$(status_get "http://127.0.0.1:$port/actuator/health/liveness")")
      body=$(status_get "http://127.0.0.1:$port/actuator/health/readiness") || body=""
      ready=$(health_status "$body")
      METRICS[$name]=$(status_get "http://127.0.0.1:$port/actuator/prometheus" 5) || METRICS[$name]=""
    fi
    checks=$(health_checks "$body") || checks=""
    printf '  %-15s %-6s %s %s %s\n' "$name" "$port" "$(colour_status "$live")" "$(colour_status "$ready")" \
      "$(sed -e "s/=UP/ ${G}✓${N}/g" -e "s/=\([A-Z_]*\)/ ${R}\1${N}/g" <<<"$checks")"
  done

  local ingest=${METRICS[ingest-service]} enrich=${METRICS[enrich-service]} store=${METRICS[store-service]} gw=${METRICS[api-gateway]}
  printf '%sarticles%s %s(counters since each service started)%s\n' "$B" "$N" "$D" "$N"
  printf '  published %s → enriched %s (new %s · duplicates %s · updates %s · replays skipped %s) → stored %s (replays %s · stale %s)\n' \
    "$(prom_sum "$ingest" newsflow_articles_total 'stage="published"')" \
    "$(prom_sum "$enrich" newsflow_articles_total 'stage="enriched"')" \
    "$(prom_sum "$enrich" newsflow_dedupe_verdicts_total 'verdict="NEW"')" \
    "$(prom_sum "$enrich" newsflow_dedupe_verdicts_total 'verdict="DUPLICATE"')" \
    "$(prom_sum "$enrich" newsflow_dedupe_verdicts_total 'verdict="UPDATE"')" \
    "$(prom_sum "$enrich" newsflow_articles_total 'stage="replayed"')" \
    "$(prom_sum "$store" newsflow_articles_total 'stage="stored"')" \
    "$(prom_sum "$store" newsflow_articles_total 'stage="replayed"')" \
    "$(prom_sum "$store" newsflow_articles_total 'stage="stale"')"
  local total count sum
  total=$(prom_sum "$store" newsflow_store_articles)
  count=$(awk '/^newsflow_enrich_latency_seconds_count/ {c += $NF} /^newsflow_enrich_latency_seconds_sum/ {s += $NF}
    END { if (c > 0) printf "%.2f ms mean over %d", 1000 * s / c, c }' <<<"$enrich")
  local dlt_raw dlt_enriched
  dlt_raw=$(prom_sum "$enrich" newsflow_deadletters_total); [ "$dlt_raw" = "?" ] && [ -n "$enrich" ] && dlt_raw=0
  dlt_enriched=$(prom_sum "$store" newsflow_deadletters_total); [ "$dlt_enriched" = "?" ] && [ -n "$store" ] && dlt_enriched=0
  # counters appear with the first dead letter, so a service that answered and has none reports 0
  printf '  in MongoDB %s · enrichment latency %s · dead-lettered: raw %s, enriched %s\n' "${total:-?}" "${count:-?}" \
    "$dlt_raw" "$dlt_enriched"

  printf '%sconsumer lag%s %s(records between the committed offsets and the log end, per topic)%s\n' "$B" "$N" "$D" "$N"
  local svc lines
  for svc in enrich-service store-service; do
    lines=$(prom_lag_by_topic "${METRICS[$svc]}")
    if [ -n "$lines" ]; then
      while read -r topic lag; do printf '  %-15s %-32s %s\n' "$svc" "$topic" "$lag"; done <<<"$lines"
    else
      printf '  %-15s %s\n' "$svc" "$(if [ -n "${METRICS[$svc]}" ]; then echo "no per-topic figures yet (max $(prom_sum "${METRICS[$svc]}" kafka_consumer_fetch_manager_records_lag_max))"; else echo "not reachable"; fi)"
    fi
  done

  printf '%sfeeds%s  ok %s · failing %s · paused %s · due now %s · polls ok %s, failed %s · suspected gaps %s\n' "$B" "$N" \
    "$(prom_sum "$ingest" newsflow_feeds 'state="ok"')" "$(prom_sum "$ingest" newsflow_feeds 'state="failing"')" \
    "$(prom_sum "$ingest" newsflow_feeds 'state="paused"')" "$(prom_sum "$ingest" newsflow_feeds_due)" \
    "$(prom_sum "$ingest" newsflow_feeds_fetched_total)" "$(prom_sum "$ingest" newsflow_feeds_failed_total)" \
    "$(prom_sum "$ingest" newsflow_feeds_gaps_suspected_total)"
  if command -v jq >/dev/null 2>&1 && body=$(curl -fsS --max-time 5 "http://127.0.0.1:$INGEST_PORT/internal/v1/feeds" 2>/dev/null); then
    jq -r '.[] | select(.state == "ACTIVE" and (.health.consecutiveFailures // 0) > 0) |
      "  \($R)✗\($N) \((.title // .url) | .[0:40]) · \(.health.lastErrorCategory // "?") × \(.health.consecutiveFailures) · \(.health.lastErrorMessage // "" | .[0:60])"' \
      --arg R "$R" --arg N "$N" <<<"$body" 2>/dev/null | head -n 8 || true
    # feeds whose window turned over between two polls: items may have been missed (newest such gap first)
    jq -r '[.[] | select((.health.suspectedGaps // 0) > 0)] | sort_by(.health.lastSuspectedGapAt) | reverse | .[] |
      "  \($Y)!\($N) \((.title // .url) | .[0:40]) · suspected gaps \(.health.suspectedGaps), last \(.health.lastSuspectedGapAt)"' \
      --arg Y "$R" --arg N "$N" <<<"$body" 2>/dev/null | head -n 5 || true
  fi

  if [ -n "$gw" ]; then
    printf '%sgateway%s  %s\n' "$B" "$N" "$(awk '/^http_server_requests_seconds_count\{/ { c += $NF; if ($0 ~ /status="5/) e += $NF; if ($0 ~ /status="4/) f += $NF }
      /^http_server_requests_seconds_sum\{/ { s += $NF }
      END { if (c > 0) printf "%d requests · 4xx %d · 5xx %d · mean %.1f ms", c, f, e, 1000 * s / c; else print "no requests yet" }' <<<"$gw")"
  fi
}
