package io.newsflow.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date spellings pages really use. A value without a zone is taken as UTC (pages rarely
 * say which zone they mean, and a wrong hour beats no date); a date without a time is midnight UTC.
 */
final class DateParsing {

  // Offsets come as +06:00, +0600 and +06; the optional sections accept all three.
  private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .appendPattern("uuuu-MM-dd")
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .appendPattern("HH:mm")
      .optionalStart().appendPattern(":ss").optionalEnd()
      .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .optionalStart().appendZoneRegionId().optionalEnd()
      .toFormatter(Locale.ROOT);

  private static final Pattern DATE_ONLY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
  // /2024/09/12/, /2024-09-12/, /20240912/ ; the year range keeps ids and prices out
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/_-]|$)"
          + "|/((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])/");

  private DateParsing() {}

  /** @return the instant, or null when the text is not a date this reader knows */
  static Instant parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 64) {
      return null;
    }
    if (EPOCH.matcher(s).matches()) {
      long n = Long.parseLong(s);
      return s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    try {
      var parsed = ISO_LENIENT.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime z) {
        return z.toInstant();
      }
      if (parsed instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | ArithmeticException e) {
      // not ISO with a time; try the other spellings below
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // fall through
    }
    Matcher m = DATE_ONLY.matcher(s);
    if (m.lookingAt()) {
      return dateAt(m.group(1), m.group(2), m.group(3));
    }
    return null;
  }

  /** A date spelled in the page's URL path, the weakest source. */
  static Instant fromUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? dateAt(m.group(1), m.group(2), m.group(3)) : dateAt(m.group(4), m.group(5), m.group(6));
  }

  private static Instant dateAt(String y, String mo, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d))
          .atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
