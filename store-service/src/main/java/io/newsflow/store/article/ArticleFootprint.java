package io.newsflow.store.article;

import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.TimelineBuckets.Placement;
import io.newsflow.store.timeline.TimelineKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Where one version of an article sits in the read models: its timeline hour and keys, its story and
 * original, and its event buckets. A new version is written by removing the article from the footprints
 * of the versions before it and adding it at its own.
 */
public record ArticleFootprint(Placement placement, String storyId, String duplicateOf, List<String> eventBuckets) {

  public ArticleFootprint {
    eventBuckets = List.copyOf(eventBuckets);
  }

  public static ArticleFootprint of(EnrichedArticle e) {
    Placement placement = new Placement(TimelineKeys.hour(Codecs.timelineTime(e)), List.copyOf(TimelineKeys.keysOf(e).keySet()));
    return new ArticleFootprint(placement, e.dedupe().storyId(), e.dedupe().isDuplicate() ? e.dedupe().duplicateOf() : null,
        eventBuckets(e.events(), EventTimeline.publishedDay(e)));
  }

  /** This footprint with the timeline placement the writer chose (null: as it is). */
  ArticleFootprint withPlacement(Placement chosen) {
    return chosen == null ? this : new ArticleFootprint(chosen, storyId, duplicateOf, eventBuckets);
  }

  /** The footprint of a stored article document (fields {@code timeline}, {@code dedupe}, {@code events}). */
  static ArticleFootprint ofArticleDocument(Document d) {
    Document dedupe = d.get("dedupe", Document.class);
    boolean duplicate = dedupe != null && "DUPLICATE".equals(dedupe.getString("verdict"));
    List<DatedEvent> events = new ArrayList<>();
    d.getList("events", Document.class, List.of()).forEach(e -> events.add(Codecs.value(e, DatedEvent.class)));
    Placement placement = Placement.fromDocument(d.get("timeline", Document.class));
    return new ArticleFootprint(placement,
        dedupe == null ? null : dedupe.getString("storyId"), duplicate ? dedupe.getString("duplicateOf") : null,
        storedEventBuckets(events, publishedDay(d, placement)));
  }

  /** The footprint as the item document keeps it (see {@link TimelineItems}). */
  Document toDocument() {
    return new Document("placement", placement.toDocument()).append("storyId", storyId).append("duplicateOf", duplicateOf)
        .append("eventBuckets", eventBuckets);
  }

  static ArticleFootprint fromDocument(Document d) {
    return new ArticleFootprint(Placement.fromDocument(d.get("placement", Document.class)), d.getString("storyId"),
        d.getString("duplicateOf"), d.getList("eventBuckets", String.class, List.of()));
  }

  private static List<String> eventBuckets(List<DatedEvent> events, LocalDate published) {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.addAll(EventTimeline.bucketsOf(e, published)));
    return List.copyOf(ids);
  }

  /**
   * The event buckets of an article document without an item document (a batch cut short, or stored before
   * footprints): those of every bucket rule so far, so that a new version removes its refs wherever the writer of
   * the stored version put them.
   */
  private static List<String> storedEventBuckets(List<DatedEvent> events, LocalDate published) {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.addAll(EventTimeline.storedBucketsOf(e, published)));
    return List.copyOf(ids);
  }

  /**
   * The publication day (UTC) of an article document: its {@code timelineAt}, or the day of its timeline hour
   * ({@code 2024-09-12T07}, from the same time), which the writer's projection of stored versions reads.
   */
  private static LocalDate publishedDay(Document d, Placement placement) {
    Date timelineAt = d.getDate("timelineAt");
    if (timelineAt != null) {
      return LocalDate.ofInstant(timelineAt.toInstant(), ZoneOffset.UTC);
    }
    return placement == null || placement.hour() == null || placement.hour().length() < 10 ? null
        : LocalDate.parse(placement.hour().substring(0, 10));
  }
}
