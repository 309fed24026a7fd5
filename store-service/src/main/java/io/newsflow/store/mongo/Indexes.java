package io.newsflow.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every secondary index the store needs, in one ordered list, each named for the query it serves.
 * Reads of the timeline, stories, events, actors and themes are {@code _id} lookups and need no
 * secondary index; these serve the retention sweep, listings and free text on titles.
 */
public final class Indexes {

  private static final Logger log = LoggerFactory.getLogger(Indexes.class);

  /** Name of the text index; the free-text query path is used only when it exists and answers. */
  public static final String TITLE_TEXT = "timeline_items_free_text_on_title";

  /** One index: where, what and why (the name). */
  public record IndexSpec(String collection, String name, Bson keys, IndexOptions options) {}

  public static final List<IndexSpec> ALL = List.of(
      new IndexSpec(Collections.ARTICLES, "articles_retention_by_timeline_time",
          com.mongodb.client.model.Indexes.ascending("timelineAt"), new IndexOptions()),
      // language_override points at a field that never exists: articles carry BCP 47 tags ("kk", "ky")
      // that MongoDB's stemmers do not know and would refuse on insert; "none" keeps every word as typed
      // on the item documents: a match is a complete timeline entry, and the other timeline filters are item fields
      new IndexSpec(Collections.TIMELINE_ITEMS, TITLE_TEXT,
          com.mongodb.client.model.Indexes.text("item.title"),
          new IndexOptions().defaultLanguage("none").languageOverride("textIndexLanguage")),
      new IndexSpec(Collections.TIMELINE_ITEMS, "timeline_items_retention_by_timeline_time",
          com.mongodb.client.model.Indexes.ascending("timelineAt"), new IndexOptions()),
      new IndexSpec(Collections.TIMELINE_BUCKETS, "timeline_buckets_retention_by_hour",
          com.mongodb.client.model.Indexes.ascending("hour"), new IndexOptions()),
      new IndexSpec(Collections.TIMELINE_MONTHS, "timeline_months_retention_by_month",
          com.mongodb.client.model.Indexes.ascending("month"), new IndexOptions()),
      new IndexSpec(Collections.TIMELINE_KEYS, "timeline_keys_list_by_kind",
          com.mongodb.client.model.Indexes.ascending("kind", "_id"), new IndexOptions()),
      new IndexSpec(Collections.EVENT_BUCKETS, "event_buckets_by_day",
          com.mongodb.client.model.Indexes.ascending("day"), new IndexOptions()),
      new IndexSpec(Collections.COOCCURRENCE_DAYS, "cooccurrence_days_retention_by_day",
          com.mongodb.client.model.Indexes.ascending("day"), new IndexOptions()));

  /** What the server accepted. */
  public record IndexReport(int created, boolean textSearch) {}

  private Indexes() {}

  /** Creates every index (a no-op for those that exist with the same definition) and probes {@code $text}. */
  public static IndexReport ensure(MongoDatabase db) {
    int created = 0;
    boolean textIndex = false;
    for (IndexSpec spec : ALL) {
      try {
        db.getCollection(spec.collection()).createIndex(spec.keys(), spec.options().name(spec.name()));
        created++;
        textIndex |= spec.name().equals(TITLE_TEXT);
      } catch (MongoException e) {
        if (!spec.name().equals(TITLE_TEXT)) {
          throw e;
        }
        log.warn("server refused the text index {} ({}); free text falls back to matching title words in timeline buckets",
            TITLE_TEXT, e.getMessage());
      }
    }
    boolean textSearch = textIndex && probeTextSearch(db);
    log.info("indexes ensured: {} of {}; $text search {}", created, ALL.size(),
        textSearch ? "available" : "unavailable, using the title-word fallback");
    return new IndexReport(created, textSearch);
  }

  /**
   * Runs one {@code $text} query on a scratch collection holding one document: the embedded server accepts
   * a text index and answers {@code $text} on an empty collection, but fails once it has to match a document.
   */
  private static boolean probeTextSearch(MongoDatabase db) {
    MongoCollection<Document> probe = db.getCollection("text_search_probe");
    try {
      probe.createIndex(com.mongodb.client.model.Indexes.text("t"));
      probe.replaceOne(Filters.eq("_id", 1), new Document("_id", 1).append("t", "Kazakhstan"), new ReplaceOptions().upsert(true));
      return probe.find(Filters.text("kazakhstan")).first() != null;
    } catch (MongoException e) {
      return false;
    } finally {
      try {
        probe.drop();
      } catch (MongoException e) {
        log.debug("could not drop the text search probe: {}", e.getMessage());
      }
    }
  }

}
