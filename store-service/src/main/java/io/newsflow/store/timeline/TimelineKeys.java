package io.newsflow.store.timeline;

import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.ThemeTag;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Names of timeline keys and their buckets. A key is one way to list articles: {@code all}, an actor
 * ({@code a:KAZ}), a theme ({@code t:energy-transit}), a source feed ({@code s:f-…}), a language
 * ({@code l:en}) or both of the last two ({@code sl:f-…/en}). A bucket is one key's articles of one UTC day
 * ({@code a:KAZ|2024-09-12}, a day label) or, in months written before day buckets, of one UTC hour
 * ({@code a:KAZ|2024-09-12T07}, an hour label); {@link TimelineMonths} says which a month uses.
 */
public final class TimelineKeys {

  public static final String ALL = "all";
  /** Key-document field of an actor's surface forms seen in articles (for actor search), at most {@link #MAX_ALIASES}. */
  public static final String ALIASES = "aliases";
  static final int MAX_ALIASES = 32;
  static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private TimelineKeys() {}

  public static String actor(String actorId) {
    return "a:" + actorId;
  }

  public static String theme(String themeId) {
    return "t:" + themeId;
  }

  public static String source(String feedId) {
    return "s:" + feedId;
  }

  public static String language(String language) {
    return "l:" + language;
  }

  /**
   * A source feed and a language together ({@code sl:f-astana-daily/ru}): an article has one of each, so this
   * costs one ref per article and answers the pair with one key instead of walking one and filtering on the
   * other (which reads the feed's whole history when the pair matches nothing).
   */
  public static String sourceLanguage(String feedId, String language) {
    return "sl:" + feedId + "/" + language;
  }

  public static String hour(Instant t) {
    return HOUR.format(t);
  }

  public static String month(Instant t) {
    return MONTH.format(t);
  }

  /** The month ("2024-09") of a day or hour label ("2024-09-12", "2024-09-12T07"). */
  static String monthOfHour(String label) {
    return label.substring(0, 7);
  }

  /** Whether a bucket label names a whole day ("2024-09-12") rather than an hour ("2024-09-12T07"). */
  static boolean isDayLabel(String label) {
    return label.length() == 10;
  }

  /** The first instant a day or hour label covers. */
  static Instant labelStart(String label) {
    return Instant.parse(isDayLabel(label) ? label + "T00:00:00Z" : label + ":00:00Z");
  }

  /**
   * Whether a day or hour label covers any hour of {@code lowHour .. highHour} (hour labels; "" and "~" for
   * open ends). Hour labels of the same day sort after their day label, so a day is compared by its first and
   * last hour.
   */
  static boolean overlaps(String label, String lowHour, String highHour) {
    return isDayLabel(label)
        ? (label + "T23").compareTo(lowHour) >= 0 && (label + "T00").compareTo(highHour) <= 0
        : label.compareTo(lowHour) >= 0 && label.compareTo(highHour) <= 0;
  }

  static String bucketId(String key, String hour) {
    return key + "|" + hour;
  }

  static String monthId(String key, String month) {
    return key + "|" + month;
  }

  /** Every key an article is listed under, with the display fields its key document keeps. */
  public static Map<String, Document> keysOf(EnrichedArticle e) {
    Map<String, Document> keys = new LinkedHashMap<>();
    keys.put(ALL, new Document("kind", "all"));
    keys.put(source(e.article().feedId()), new Document("kind", "source").append("ref", e.article().feedId())
        .append("name", e.article().sourceName()));
    if (e.article().language() != null && !e.article().language().isBlank()) {
      keys.put(language(e.article().language()), new Document("kind", "language").append("ref", e.article().language()));
      keys.put(sourceLanguage(e.article().feedId(), e.article().language()), new Document("kind", "source-language")
          .append("ref", e.article().feedId()).append("language", e.article().language()));
    }
    for (ActorTag a : e.actors()) {
      keys.put(actor(a.actorId()), new Document("kind", "actor").append("ref", a.actorId())
          .append("name", a.name()).append("type", a.type())
          .append(ALIASES, a.spans().stream().map(s -> s.text().strip()).filter(t -> !t.isEmpty() && !t.equals(a.name()))
              .distinct().toList()));
    }
    for (ThemeTag t : e.themes()) {
      keys.put(theme(t.themeId()), new Document("kind", "theme").append("ref", t.themeId()).append("label", t.label()));
    }
    return keys;
  }
}
