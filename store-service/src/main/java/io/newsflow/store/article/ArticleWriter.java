package io.newsflow.store.article;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import io.newsflow.store.timeline.TimelineBuckets;
import io.newsflow.store.timeline.TimelineBuckets.Change;
import io.newsflow.store.timeline.TimelineBuckets.Placement;
import io.newsflow.store.timeline.TimelineKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Stores a batch of enriched articles: idempotent by article id, never letting a stale version
 * overwrite a newer one. The read models (timeline buckets, stories, duplicate links, events) are written
 * before the article documents: if anything fails half-way the batch is retried, the stored article still
 * shows the old version, and every read-model write is repeatable.
 */
public final class ArticleWriter {

  /** What one batch did. */
  public record WriteSummary(int stored, int replays, int stale) {}

  private final MongoCollection<Document> articles;
  private final TimelineBuckets timeline;
  private final List<ReadModel> readModels;
  private final Clock clock;

  /** A read model kept beside the timeline, fed with the same changes. */
  public interface ReadModel {
    void apply(List<StoredChange> changes, List<Document> allBuckets);
  }

  /** An accepted new version, with what was stored before it (null when new). */
  public record StoredChange(EnrichedArticle article, Document previous) {}

  public ArticleWriter(MongoDatabase db, List<ReadModel> readModels, Clock clock) {
    this.articles = db.getCollection(Collections.ARTICLES);
    this.timeline = new TimelineBuckets(db);
    this.readModels = List.copyOf(readModels);
    this.clock = clock;
  }

  public WriteSummary write(List<EnrichedArticle> batch) {
    Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
    int replays = 0;
    for (EnrichedArticle e : batch) {
      EnrichedArticle seen = latest.get(e.articleId());
      if (seen == null || isNewer(e, seen.article().revision(), seen.occurredAt())) {
        latest.put(e.articleId(), e);
      }
    }
    Map<String, Document> stored = loadVersions(latest.keySet());
    List<StoredChange> accepted = new ArrayList<>();
    int stale = 0;
    for (EnrichedArticle e : latest.values()) {
      Document previous = stored.get(e.articleId());
      if (previous == null || isNewer(e, previous.getInteger("revision"), previous.getDate("occurredAt").toInstant())) {
        accepted.add(new StoredChange(e, previous));
      } else if (previous.getInteger("revision") == e.article().revision()
          && previous.getDate("occurredAt").toInstant().equals(e.occurredAt())) {
        replays++;
      } else {
        stale++;
      }
    }
    replays += batch.size() - latest.size();
    if (accepted.isEmpty()) {
      return new WriteSummary(0, replays, stale);
    }
    List<Change> changes = new ArrayList<>(accepted.size());
    for (StoredChange c : accepted) {
      Map<String, org.bson.Document> keys = TimelineKeys.keysOf(c.article());
      Placement next = new Placement(TimelineKeys.hour(Codecs.timelineTime(c.article())), List.copyOf(keys.keySet()));
      Placement previous = c.previous() == null ? null : Placement.fromDocument(c.previous().get("timeline", Document.class));
      changes.add(new Change(c.article().articleId(), previous, next, Codecs.itemDocument(c.article()), keys));
    }
    List<Document> allBuckets = timeline.apply(changes);
    for (ReadModel model : readModels) {
      model.apply(accepted, allBuckets);
    }
    writeArticles(accepted, changes);
    return new WriteSummary(accepted.size(), replays, stale);
  }

  /** Newer means a higher revision, or the same revision enriched later (a re-enrichment). */
  static boolean isNewer(EnrichedArticle e, int revision, Instant occurredAt) {
    int rev = e.article().revision();
    return rev > revision || (rev == revision && e.occurredAt().isAfter(occurredAt));
  }

  private Map<String, Document> loadVersions(Iterable<String> ids) {
    List<String> list = new ArrayList<>();
    ids.forEach(list::add);
    Map<String, Document> found = new HashMap<>();
    articles.find(Filters.in("_id", list))
        .projection(Projections.include("revision", "occurredAt", "versionCount", "firstSeenAt", "timeline", "dedupe", "events"))
        .forEach(d -> found.put(d.getString("_id"), d));
    return found;
  }

  private void writeArticles(List<StoredChange> accepted, List<Change> changes) {
    Date now = Date.from(clock.instant());
    List<WriteModel<Document>> writes = new ArrayList<>(accepted.size());
    int replaces = 0;
    for (int i = 0; i < accepted.size(); i++) {
      StoredChange c = accepted.get(i);
      Document doc = Codecs.articleDocument(c.article()).append("timeline", changes.get(i).next().toDocument())
          .append("item", changes.get(i).item()).append("lastChangedAt", now);
      if (c.previous() == null) {
        writes.add(new InsertOneModel<>(doc.append("versionCount", 1).append("firstSeenAt", now)));
      } else {
        doc.append("versionCount", c.previous().getInteger("versionCount", 1) + 1)
            .append("firstSeenAt", c.previous().getDate("firstSeenAt"));
        // guarded by the version read: a concurrent writer's newer version is never overwritten
        writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", doc.get("_id")),
            Filters.eq("revision", c.previous().getInteger("revision")),
            Filters.eq("occurredAt", c.previous().getDate("occurredAt"))), doc));
        replaces++;
      }
    }
    try {
      int matched = articles.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount();
      if (matched != replaces) {
        throw new ConcurrentUpdateException(Collections.ARTICLES, List.of((replaces - matched) + " articles"), null);
      }
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().allMatch(err -> err.getCode() == 11000)) {
        throw new ConcurrentUpdateException(Collections.ARTICLES,
            e.getWriteErrors().stream().map(BulkWriteError::getMessage).toList(), e);
      }
      throw e;
    }
  }
}
