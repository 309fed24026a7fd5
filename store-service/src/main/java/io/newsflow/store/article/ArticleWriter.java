package io.newsflow.store.article;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.timeline.LatestItems;
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
import java.util.Set;
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
      Date firstSeenAt, ArticleFootprint footprint) {

    public StoredChange {
      previous = List.copyOf(previous);
    }

    /** With the new version's footprint computed once, here (the article, its item and the timeline each need it). */
    public StoredChange(EnrichedArticle article, List<ArticleFootprint> previous, Write write, int versionCount, Date firstSeenAt) {
      this(article, previous, write, versionCount, firstSeenAt, ArticleFootprint.of(article));
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
    LatestItems latest = new LatestItems(db.getCollection(Collections.TIMELINE_LATEST));
    this.timeline = new TimelineBuckets(db, latest);
    this.items = new TimelineItems(db, latest);
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
    // Every article's item is looked up first: an article whose item is found has refs on the timelines whatever
    // became of its document, and is taken off them first. An article without one is a first version (the usual
    // case), inserted without reading it: its refs are added and counted by $inc (TimelineBuckets), and an insert
    // that finds the article stored after all (a batch cut short before its items, another store instance) sends
    // it back here to be decided on its stored version. So a batch of new articles reads 1 document per article.
    Map<String, Document> placed = KeyedDocuments.load(db.getCollection(Collections.TIMELINE_ITEMS), latest.keySet(),
        Projections.include("revision", "occurredAt", "footprint"));
    Map<String, Document> stored = placed.isEmpty() ? Map.of() : loadArticles(placed.keySet());
    Date now = Date.from(clock.instant());
    Decisions decided = new Decisions(batch.size() - latest.size(), now);
    latest.values().forEach(e -> decided.add(e, stored.get(e.articleId()), placed.get(e.articleId())));
    Set<String> taken = documents.write(decided.accepted, now);
    if (!taken.isEmpty()) {
      decided.accepted.removeIf(c -> taken.contains(c.article().articleId()));
      Map<String, Document> found = loadArticles(taken);
      Decisions again = new Decisions(0, now);
      for (String id : taken) {
        if (!found.containsKey(id)) {
          throw new ConcurrentUpdateException(Collections.ARTICLES, List.of(id + " was deleted while stored"), null);
        }
        again.add(latest.get(id), found.get(id), placed.get(id));
      }
      if (!documents.write(again.accepted, now).isEmpty()) {
        throw new ConcurrentUpdateException(Collections.ARTICLES, List.of("an insert found a stored article twice"), null);
      }
      decided.accepted.addAll(again.accepted);
      decided.replays += again.replays;
      decided.stale += again.stale;
    }
    List<StoredChange> accepted = decided.accepted;
    if (accepted.isEmpty()) {
      return new WriteSummary(0, decided.replays, decided.stale);
    }
    List<Change> changes = new ArrayList<>(accepted.size());
    for (StoredChange c : accepted) {
      changes.add(new Change(c.article().articleId(), c.previous().stream().map(ArticleFootprint::placement).filter(Objects::nonNull).toList(),
          c.footprint().placement(), Codecs.refDocument(c.article()), TimelineKeys.keysOf(c.article())));
    }
    TimelineBuckets.Applied applied = timeline.apply(changes);
    for (ReadModel model : readModels) {
      model.apply(accepted, applied);
    }
    items.write(accepted, applied.placed(), placed.keySet());
    return new WriteSummary(accepted.size(), decided.replays, decided.stale);
  }

  private Map<String, Document> loadArticles(Set<String> ids) {
    return KeyedDocuments.load(db.getCollection(Collections.ARTICLES), ids,
        Projections.include("revision", "occurredAt", "versionCount", "firstSeenAt", "timeline", "dedupe", "events"));
  }

  /** What becomes of each article of a batch, from its stored document and item (null: none found). */
  private static final class Decisions {
    final List<StoredChange> accepted = new ArrayList<>();
    final Date now;
    int replays;
    int stale;

    Decisions(int replays, Date now) {
      this.replays = replays;
      this.now = now;
    }

    void add(EnrichedArticle e, Document article, Document item) {
      List<ArticleFootprint> previous = new ArrayList<>();
      if (item != null) {
        previous.add(ArticleFootprint.fromDocument(item.get("footprint", Document.class)));
      }
      if (article == null) {
        accepted.add(new StoredChange(e, previous, StoredChange.Write.INSERT, 1, now));
        return;
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
