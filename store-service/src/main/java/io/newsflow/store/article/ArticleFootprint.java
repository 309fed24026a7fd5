package io.newsflow.store.article;

import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.timeline.EventTimeline;
import io.newsflow.store.timeline.TimelineBuckets.Placement;
import io.newsflow.store.timeline.TimelineKeys;
import java.util.ArrayList;
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
        eventBuckets(e.events()));
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
    return new ArticleFootprint(Placement.fromDocument(d.get("timeline", Document.class)),
        dedupe == null ? null : dedupe.getString("storyId"), duplicate ? dedupe.getString("duplicateOf") : null,
        eventBuckets(events));
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

  private static List<String> eventBuckets(List<DatedEvent> events) {
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(e -> ids.addAll(EventTimeline.bucketsOf(e)));
    return List.copyOf(ids);
  }
}
