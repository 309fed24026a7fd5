package io.newsflow.bench.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Store-service's MongoDB command times by collection and command, read from its Prometheus scrape
 * ({@code mongodb_driver_commands_seconds}, Micrometer's command listener on the store's client): where the
 * store's time goes in a run, which a store-only harness with other articles cannot tell.
 */
final class StoreCommands {

  /** Calls and seconds of one (collection, command). */
  record Timing(long count, double seconds) {
    Timing minus(Timing before) {
      return before == null ? this : new Timing(count - before.count, seconds - before.seconds);
    }
  }

  private static final Pattern LINE = Pattern.compile(
      "^mongodb_driver_commands_seconds_(count|sum)\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);
  private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private StoreCommands() {}

  /** Totals by "collection command" (summed over statuses and servers). */
  static Map<String, Timing> parse(String scrape) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, double[]> sums = new TreeMap<>();
    Matcher m = LINE.matcher(scrape);
    while (m.find()) {
      String collection = "?";
      String command = "?";
      Matcher t = TAG.matcher(m.group(2));
      while (t.find()) {
        if (t.group(1).equals("collection")) {
          collection = t.group(2);
        } else if (t.group(1).equals("command")) {
          command = t.group(2);
        }
      }
      String key = collection + " " + command;
      double value = Double.parseDouble(m.group(3));
      if (m.group(1).equals("count")) {
        counts.computeIfAbsent(key, k -> new long[1])[0] += (long) value;
      } else {
        sums.computeIfAbsent(key, k -> new double[1])[0] += value;
      }
    }
    Map<String, Timing> out = new TreeMap<>();
    counts.forEach((key, n) -> out.put(key, new Timing(n[0], sums.getOrDefault(key, new double[1])[0])));
    return out;
  }

  /** What happened between two scrapes. */
  static Map<String, Timing> between(Map<String, Timing> before, Map<String, Timing> after) {
    Map<String, Timing> out = new TreeMap<>();
    after.forEach((key, t) -> {
      Timing d = t.minus(before.get(key));
      if (d.count() > 0) {
        out.put(key, d);
      }
    });
    return out;
  }
}
