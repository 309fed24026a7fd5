package io.newsflow.ops.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads sample values out of a Prometheus text exposition, as the operations tests assert on them. */
public final class PrometheusText {

  private PrometheusText() {}

  /**
   * The value of the first sample of {@code name} whose label set contains {@code labels} (any sample
   * of it when {@code labels} is empty); 0 when there is none, since a counter not yet registered reads
   * as zero to a scraper. NaN (a gauge whose source is gone) is returned as NaN, so it never passes for
   * a number.
   */
  public static double value(String exposition, String name, String labels) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(exposition);
    while (m.find()) {
      if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
        return m.group(2).equals("NaN") ? Double.NaN : Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
