package io.newsflow.store.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Typed parsing of query parameters: every value is checked here and nowhere turned into a query document. */
final class QueryParams {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
  static final int MAX_VALUES = 20;

  private QueryParams() {}

  static List<String> ids(String name, List<String> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_VALUES) {
      throw new InvalidParameterException(name, values.size() + " values", "at most " + MAX_VALUES + " values");
    }
    return values.stream().map(v -> id(name, v)).distinct().toList();
  }

  static String id(String name, String value) {
    if (value == null) {
      return null;
    }
    if (!ID.matcher(value).matches()) {
      throw new InvalidParameterException(name, value, "must be an id of letters, digits and . _ : - (at most 128)");
    }
    return value;
  }

  static String language(String value) {
    if (value == null) {
      return null;
    }
    if (!LANGUAGE.matcher(value).matches()) {
      throw new InvalidParameterException("language", value, "must be a BCP 47 language tag such as en or ru");
    }
    return value;
  }

  /** An ISO-8601 instant, or a date meaning its start in UTC. */
  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, value, "must be an ISO-8601 instant (2024-09-12T07:30:00Z) or date (2024-09-12)");
    }
  }

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value) : LocalDate.ofInstant(Instant.parse(value), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(name, value, "must be an ISO-8601 date (2024-09-12)");
    }
  }

  static int limit(String value, int defaultValue, int max) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidParameterException("limit", value, "must be an integer from 1 to " + max);
  }

  static boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new InvalidParameterException(name, value, "must be true or false");
    };
  }

  static <E> E oneOf(String name, String value, E defaultValue, List<String> names, List<E> values) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    int i = names.indexOf(value.strip().toLowerCase(java.util.Locale.ROOT));
    if (i < 0) {
      throw new InvalidParameterException(name, value, "must be one of " + names);
    }
    return values.get(i);
  }

  static void range(Instant from, Instant to) {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidParameterException("from", from.toString(), "must be before to=" + to);
    }
  }
}
