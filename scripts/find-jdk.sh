# Sourced by ./newsflow and .ci/run: prints the home of a JDK of at least 21, or fails with a clear message.
# Order: $JAVA_HOME if new enough, then `java` on PATH, then the newest JDK under /usr/lib/jvm.

newsflow_java_major() { # $1 = java binary
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'
}

newsflow_find_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(newsflow_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$min" ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(newsflow_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge "$min" ]; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(newsflow_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  echo "newsflow needs a JDK of at least $min: set JAVA_HOME to one (none found on PATH or under /usr/lib/jvm)" >&2
  return 1
}
