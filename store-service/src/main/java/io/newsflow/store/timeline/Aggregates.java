package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Dashboard figures, read from summaries the writer keeps: key documents (totals), month documents
 * (hourly counts, for volume series) and co-occurrence days. Duplicates are never counted.
 */
public final class Aggregates {

  public enum Dimension { ACTOR, THEME }

  public enum Interval { DAY, WEEK }

  public record ActorSummary(String actorId, String name, String type, long articleCount) {}

  public record ThemeSummary(String themeId, String label, long articleCount) {}

  public record Point(LocalDate date, long count) {}

  public record Series(String key, List<Point> points) {}

  public record Volume(List<Series> series) {}

  public record Pair(String a, String b, long count, Map<String, Long> themes) {}

  public record Cooccurrence(List<Pair> pairs) {}

  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> months;
  private final MongoCollection<Document> cooccurrence;

  public Aggregates(MongoDatabase db) {
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.cooccurrence = db.getCollection(Collections.COOCCURRENCE_DAYS);
  }

  public Optional<ActorSummary> actor(String actorId) {
    Document d = keys.find(Filters.eq("_id", TimelineKeys.actor(actorId))).first();
    return Optional.ofNullable(d).map(k -> new ActorSummary(actorId, k.getString("name"), k.getString("type"), count(k)));
  }

  /** Every theme with articles; the key collection is small (one document per actor, theme, source, language). */
  public List<ThemeSummary> themes() {
    List<ThemeSummary> out = new ArrayList<>();
    for (Document k : keys.find(Filters.eq("kind", "theme")).sort(Sorts.ascending("_id"))) {
      out.add(new ThemeSummary(k.getString("ref"), k.getString("label"), count(k)));
    }
    out.sort(Comparator.comparingLong(ThemeSummary::articleCount).reversed().thenComparing(ThemeSummary::themeId));
    return out;
  }

  /** Article counts per day or ISO week (Monday) for each key, zeros included; {@code to} exclusive. */
  public Volume volume(Dimension dimension, List<String> refs, LocalDate from, LocalDate to, Interval interval) {
    List<String> monthLabels = new ArrayList<>();
    for (LocalDate m = from.withDayOfMonth(1); m.isBefore(to); m = m.plusMonths(1)) {
      monthLabels.add(m.toString().substring(0, 7));
    }
    Map<String, String> keyOf = new LinkedHashMap<>();
    refs.forEach(r -> keyOf.put(r, dimension == Dimension.ACTOR ? TimelineKeys.actor(r) : TimelineKeys.theme(r)));
    List<String> ids = new ArrayList<>();
    keyOf.values().forEach(k -> monthLabels.forEach(m -> ids.add(TimelineKeys.monthId(k, m))));
    Map<String, Document> loaded = KeyedDocuments.load(months, ids);
    List<Series> series = new ArrayList<>();
    for (Map.Entry<String, String> ref : keyOf.entrySet()) {
      Map<LocalDate, Long> buckets = new TreeMap<>();
      for (LocalDate d = periodOf(from, interval); d.isBefore(to); d = interval == Interval.DAY ? d.plusDays(1) : d.plusWeeks(1)) {
        buckets.put(d, 0L);
      }
      for (String m : monthLabels) {
        Document month = loaded.get(TimelineKeys.monthId(ref.getValue(), m));
        if (month == null) {
          continue;
        }
        for (Map.Entry<String, Object> hour : month.get("unique", Document.class).entrySet()) {
          LocalDate day = LocalDate.parse(hour.getKey().substring(0, 10));
          if (!day.isBefore(from) && day.isBefore(to)) {
            buckets.merge(periodOf(day, interval), ((Number) hour.getValue()).longValue(), Long::sum);
          }
        }
      }
      List<Point> points = new ArrayList<>();
      buckets.forEach((d, n) -> points.add(new Point(d, n)));
      series.add(new Series(ref.getKey(), points));
    }
    return new Volume(series);
  }

  /**
   * The most frequent actor pairs in [from, to), optionally only those with {@code actor}: the sum of one
   * precomputed summary per day (see {@link CooccurrenceDays}), read by {@code _id $in}.
   */
  public Cooccurrence cooccurrence(String actor, LocalDate from, LocalDate to, int limit) {
    List<String> dayIds = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      dayIds.add(d.toString());
    }
    List<String> summaries = new ArrayList<>();
    for (Document day : KeyedDocuments.load(cooccurrence, dayIds,
        Projections.include(CooccurrenceDays.PAIRS, CooccurrenceDays.LEGACY_HOURS)).values()) {
      summaries.add(CooccurrenceDays.summaryOf(day));
    }
    return new Cooccurrence(PairCounts.top(summaries, actor, limit));
  }

  private static LocalDate periodOf(LocalDate day, Interval interval) {
    return interval == Interval.DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static long count(Document key) {
    Object n = key.get("unique");
    return n == null ? 0 : ((Number) n).longValue();
  }
}
