package io.newsflow.store.article;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.timeline.TimelineBuckets;
import io.newsflow.store.timeline.TimelineBuckets.Change;
import io.newsflow.store.timeline.TimelineKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Stores a batch of enriched articles: idempotent by article id, never letting a stale version overwrite
 * a newer one. Three steps, in this order: the article documents (readable from here), the read models
 * (timeline buckets, stories, duplicate links, events, co-occurrence), then the item documents, which make
 * the article visible on timelines and mark its read models complete. A batch cut short anywhere is
 * found unfinished by comparing the item's version with the article's, and applied again: every step is
 * repeatable.
 */
public final class ArticleWriter {

  /** What one batch did. */
  public record WriteSummary(int stored, int replays, int stale) {}

  /** A read model kept beside the timeline, fed with the same changes. */
  public interface ReadModel {
    void apply(List<StoredChange> changes, TimelineBuckets.Applied timeline);
  }

  /**
   * An accepted version: the footprints it replaces in the read models (empty for a first version), how
   * its article document is written, and the history fields it carries.
   */
  public record StoredChange(EnrichedArticle article, List<ArticleFootprint> previous, Write write, int versionCount,
      Date firstSeenAt) {

    public StoredChange {
      previous = List.copyOf(previous);
    }

    /** INSERT a new article, REPLACE an older version, NONE when only its read models are unfinished. */
    public enum Write { INSERT, REPLACE, NONE }
  }

  private final MongoDatabase db;
  private final ArticleDocuments documents;
  private final TimelineBuckets timeline;
  private final TimelineItems items;
  private final List<ReadModel> readModels;
  private final Clock clock;

  public ArticleWriter(MongoDatabase db, List<ReadModel> readModels, Clock clock) {
    this.db = db;
    this.documents = new ArticleDocuments(db);
    this.timeline = new TimelineBuckets(db);
    this.items = new TimelineItems(db);
    this.readModels = List.copyOf(readModels);
    this.clock = clock;
  }

  /** How an older version is kept from overwriting a newer one on this server (see {@link ArticleDocuments}). */
  public String staleVersionGuard() {
    return documents.usesPipelineUpdates() ? "update pipeline ($cond on stored revision)" : "read, then write by _id";
  }

  public WriteSummary write(List<EnrichedArticle> batch) {
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
    for (EnrichedArticle e : batch) {
      EnrichedArticle seen = latest.get(e.articleId());
      if (seen == null || isNewer(e, seen.article().revision(), seen.occurredAt())) {
        latest.put(e.articleId(), e);
      }
    }
    Map<String, Document> stored = KeyedDocuments.load(db.getCollection(Collections.ARTICLES), latest.keySet(),
        Projections.include("revision", "occurredAt", "versionCount", "firstSeenAt", "timeline", "dedupe", "events"));
    // Item documents are written after their article and deleted before it (retention), so an article that is
    // not stored has no item: only stored articles are looked up. A batch of new articles (the usual one) saves
    // one _id lookup per article, a ninth of the documents a batch touches (BENCHMARKS.md, "Writer throughput").
    Map<String, Document> placed = stored.isEmpty() ? Map.of()
        : KeyedDocuments.load(db.getCollection(Collections.TIMELINE_ITEMS), stored.keySet(),
            Projections.include("revision", "occurredAt", "footprint"));
    Date now = Date.from(clock.instant());
    List<StoredChange> accepted = new ArrayList<>();
    int replays = batch.size() - latest.size();
    int stale = 0;
    for (EnrichedArticle e : latest.values()) {
      Document article = stored.get(e.articleId());
      Document item = placed.get(e.articleId());
      List<ArticleFootprint> previous = new ArrayList<>();
      if (item != null) {
        previous.add(ArticleFootprint.fromDocument(item.get("footprint", Document.class)));
      }
      if (article == null) {
        accepted.add(new StoredChange(e, previous, StoredChange.Write.INSERT, 1, now));
        continue;
      }
      int revision = article.getInteger("revision");
      Instant occurredAt = article.getDate("occurredAt").toInstant();
      boolean complete = item != null && sameVersion(item, revision, occurredAt);
      if (isNewer(e, revision, occurredAt)) {
        if (!complete) {
          // the stored version's read-model writes may have been cut short: take it off wherever it got to
          previous.add(ArticleFootprint.ofArticleDocument(article));
        }
        accepted.add(new StoredChange(e, previous, StoredChange.Write.REPLACE, article.getInteger("versionCount", 1) + 1,
            article.getDate("firstSeenAt")));
      } else if (e.article().revision() == revision && asStored(e.occurredAt()).equals(asStored(occurredAt))) {
        if (complete) {
          replays++;
        } else {
          // its read-model writes were cut short, and may have put it on pages other than those it gets now
          previous.add(ArticleFootprint.ofArticleDocument(article));
          accepted.add(new StoredChange(e, previous, StoredChange.Write.NONE, article.getInteger("versionCount", 1),
              article.getDate("firstSeenAt")));
        }
      } else {
        stale++;
      }
    }
    if (accepted.isEmpty()) {
      return new WriteSummary(0, replays, stale);
    }
    documents.write(accepted, now);
    List<Change> changes = new ArrayList<>(accepted.size());
    for (StoredChange c : accepted) {
      changes.add(new Change(c.article().articleId(), c.previous().stream().map(ArticleFootprint::placement).filter(Objects::nonNull).toList(),
          ArticleFootprint.of(c.article()).placement(), Codecs.refDocument(c.article()), TimelineKeys.keysOf(c.article())));
    }
    TimelineBuckets.Applied applied = timeline.apply(changes);
    for (ReadModel model : readModels) {
      model.apply(accepted, applied);
    }
    items.write(accepted, applied.placed());
    return new WriteSummary(accepted.size(), replays, stale);
  }

  /**
   * Newer means a higher revision, or the same revision enriched later (a re-enrichment). Times are compared as
   * stored: BSON dates keep milliseconds while enrich stamps microseconds, so a replay of the very event that was
   * stored must not look later than its own stored copy.
   */
  static boolean isNewer(EnrichedArticle e, int revision, Instant occurredAt) {
    int rev = e.article().revision();
    return rev > revision || (rev == revision && asStored(e.occurredAt()).isAfter(asStored(occurredAt)));
  }

  private static Instant asStored(Instant t) {
    return t.truncatedTo(ChronoUnit.MILLIS);
  }

  private static boolean sameVersion(Document item, int revision, Instant occurredAt) {
    return item.getInteger("revision") == revision && item.getDate("occurredAt").toInstant().equals(occurredAt);
  }
}
