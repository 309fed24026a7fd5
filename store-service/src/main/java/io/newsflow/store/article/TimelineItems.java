package io.newsflow.store.article;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.article.ArticleWriter.StoredChange;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.timeline.LatestItems;
import io.newsflow.store.timeline.TimelineBuckets.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The item documents: per article the list-view item that timelines and stories show, with the version and
 * footprint whose read models are complete. Written last in a batch, after the article documents and the
 * read models: a timeline shows an article only once its item exists, so never before the article is
 * readable, and a batch cut short before this step is found unfinished (item version behind the article's)
 * and applied again.
 */
final class TimelineItems {

  private final MongoCollection<Document> items;
  private final LatestItems latest;

  TimelineItems(MongoDatabase db, LatestItems latest) {
    this.items = db.getCollection(Collections.TIMELINE_ITEMS);
    this.latest = latest;
  }

  /**
   * @param placed where each article's timeline refs went (with their pages), kept for its next version's removal
   * @param stored the articles whose item was found when the batch began: the others' items are inserted, which
   *               costs the server no lookup before the write (an upsert does one); a second store instance that
   *               inserted the same item meanwhile makes the insert fail, and the batch is retried
   */
  void write(List<StoredChange> accepted, Map<String, Placement> placed, Set<String> stored) {
    List<WriteModel<Document>> writes = new ArrayList<>(accepted.size());
    Map<String, List<Document>> byKey = new LinkedHashMap<>();
    ReplaceOptions upsert = new ReplaceOptions().upsert(true);
    for (StoredChange c : accepted) {
      Document doc = new Document("_id", c.article().articleId())
          .append("revision", c.article().article().revision())
          .append("occurredAt", Codecs.date(c.article().occurredAt()))
          .append("timelineAt", Codecs.date(Codecs.timelineTime(c.article())))
          .append("footprint", c.footprint().withPlacement(placed.get(c.article().articleId())).toDocument())
          .append("item", Codecs.itemDocument(c.article()));
      writes.add(stored.contains(c.article().articleId()) ? new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")), doc, upsert)
          : new InsertOneModel<>(doc));
      Placement placement = placed.get(c.article().articleId());
      if (placement != null) {
        placement.keys().forEach(k -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(doc.get("item", Document.class)));
      }
    }
    if (writes.isEmpty()) {
      return;
    }
    try {
      items.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      if (e.getWriteErrors().stream().allMatch(err -> err.getCode() == KeyedDocuments.DUPLICATE_KEY)) {
        throw new ConcurrentUpdateException(Collections.TIMELINE_ITEMS,
            e.getWriteErrors().stream().map(BulkWriteError::getMessage).toList(), e);
      }
      throw e;
    }
    // after the item documents, so that an item served from there exists (see LatestItems)
    latest.push(byKey);
  }
}
