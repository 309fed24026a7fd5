package io.newsflow.gateway.http;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place request input is checked. Every method either returns the value (normalised) or
 * throws {@link InvalidParameterException} naming the parameter, so nothing unchecked reaches a back-end.
 */
public final class Validate {

  /** Gazetteer and taxonomy ids: {@code KAZ}, {@code org.csto}, {@code military-exercises}; as store-service checks them. */
  private static final Pattern TAG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  /** Article, story and feed ids are hex hashes or {@code f-} prefixed; allow a little more for future ids. */
  private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9._~:+/=-]{1,1024}");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");
  public static final int MAX_REPEATS = 20;

  private Validate() {}

  public static List<String> tagIds(String parameter, @Nullable List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> ids = values.stream().flatMap(v -> List.of(v.split(",")).stream())
        .map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    if (ids.size() > MAX_REPEATS) {
      throw new InvalidParameterException(parameter, "at most " + MAX_REPEATS + " values, got " + ids.size());
    }
    for (String id : ids) {
      if (!TAG_ID.matcher(id).matches()) {
        throw new InvalidParameterException(parameter, "not a valid id: '" + shorten(id) + "'");
      }
    }
    return ids;
  }

  /** For store-service parameters that take a single value. */
  public static @Nullable String atMostOne(String parameter, List<String> values) {
    if (values.size() > 1) {
      throw new InvalidParameterException(parameter, "at most one value here, got " + values.size());
    }
    return values.isEmpty() ? null : values.getFirst();
  }

  public static String resourceId(String parameter, @Nullable String value) {
    if (value == null || !RESOURCE_ID.matcher(value).matches()) {
      throw new InvalidParameterException(parameter, "not a valid id: '" + shorten(value) + "'");
    }
    return value;
  }

  public static @Nullable String optionalResourceId(String parameter, @Nullable String value) {
    return value == null || value.isBlank() ? null : resourceId(parameter, value.strip());
  }

  public static @Nullable String cursor(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!CURSOR.matcher(value).matches()) {
      throw new InvalidParameterException("cursor", "not a cursor returned as nextCursor");
    }
    return value;
  }

  public static @Nullable String language(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!LANGUAGE.matcher(value.strip()).matches()) {
      throw new InvalidParameterException("language", "not a language code like 'en' or 'ru': '" + shorten(value) + "'");
    }
    return value.strip();
  }

  public static @Nullable String text(String parameter, @Nullable String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > maxLength) {
      throw new InvalidParameterException(parameter, "at most " + maxLength + " characters");
    }
    if (v.chars().anyMatch(c -> c < 0x20)) {
      throw new InvalidParameterException(parameter, "control characters are not allowed");
    }
    return v;
  }

  public static @Nullable Integer limit(@Nullable String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < 1 || n > max) {
        throw new InvalidParameterException("limit", "must be between 1 and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("limit", "not a whole number: '" + shorten(value) + "'");
    }
  }

  public static @Nullable Boolean flag(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidParameterException(parameter, "must be true or false");
    };
  }

  public static @Nullable String oneOf(String parameter, @Nullable String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value.strip())) {
      throw new InvalidParameterException(parameter, "must be one of " + allowed + ", was '" + shorten(value) + "'");
    }
    return value.strip();
  }

  /**
   * Checks an optional {@code from}/{@code to} pair: each an ISO-8601 instant or date, from before to.
   * Returns them unchanged, since store-service accepts both forms.
   */
  public static String[] range(@Nullable String from, @Nullable String to, boolean datesOnly) {
    Instant start = moment("from", from, datesOnly);
    Instant end = moment("to", to, datesOnly);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidParameterException("to", "must be after from (" + from + "), was " + to);
    }
    return new String[] {blankToNull(from), blankToNull(to)};
  }

  private static @Nullable Instant moment(String parameter, @Nullable String value, boolean datesOnly) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      if (datesOnly) {
        throw new InvalidParameterException(parameter, "not an ISO-8601 date like 2024-09-12: '" + shorten(v) + "'");
      }
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new InvalidParameterException(parameter,
            "not an ISO-8601 date or instant like 2024-09-12 or 2024-09-12T07:30:00Z: '" + shorten(v) + "'");
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  static String shorten(@Nullable String v) {
    if (v == null) {
      return "";
    }
    return v.length() > 60 ? v.substring(0, 60) + "…" : v;
  }
}
