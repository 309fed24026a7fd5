package io.newsflow.enrich.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the one instant shape the codec writes, {@code 2024-09-12T08:30:00Z} with an optional fraction
 * of up to nine digits, without {@link java.time.format.DateTimeFormatter}: a raw article holds three
 * or four instants, and the formatter's parse was about 3 % of the whole enrichment. Anything else
 * (a leap second, a five-digit year, an impossible date) gives null, and the caller leaves it to
 * {@link Instant#parse}, so every value read here is the one that would have read.
 */
final class UtcInstants {

  private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
      10, 1};

  private UtcInstants() {}

  static Instant parseCommonShape(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || n == 21 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z' || n > 20 && s.charAt(19) != '.') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int fractionDigits = n > 20 ? n - 21 : 0;
    int fraction = fractionDigits > 0 ? digits(s, 20, fractionDigits) : 0;
    if ((year | month | day | hour | minute | second | fraction) < 0 || month < 1 || month > 12 || day < 1
        || day > Month.of(month).length(Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, (long) fraction * NANOS_PER_DIGIT[fractionDigits]);
  }

  /** The decimal value of {@code count} digits from {@code from}, or -1 if one is not an ASCII digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
