package io.newsflow.store.article;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.article.ArticleWriter.StoredChange;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.ConcurrentUpdateException;
import io.newsflow.store.mongo.KeyedDocuments;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Writes article documents, every write filtered on {@code _id} alone, never letting an older version
 * overwrite a newer one. A first version is a plain insert on every server, which a stored version of the
 * article makes fail with a duplicate key: the writer then reads that article and decides again.
 *
 * <p>Where the server runs update pipelines (MongoDB 4.2 and later), each write is one atomic
 * {@code updateOne({_id}, [{$replaceWith: {$cond: [newer than the stored revision/occurredAt, new, $$ROOT]}}],
 * upsert)}: the server compares versions and writes in one step, so a writer that read an old version
 * (a consumer fenced off by a rebalance but still finishing its batch) can never overwrite a newer one; the
 * write is counted as refused when it modified nothing, and the batch is retried, where the version read
 * then classes it as stale. The new document is wrapped in {@code $literal}, so no stored text (a title
 * such as "$5bn deal") is ever read as an expression.
 *
 * <p>The embedded MongoDB-wire server rejects update pipelines (probed once); there the write is a plain
 * insert or replace by {@code _id}, conditional on the version read just before. That is correct with one
 * writer per article, which Kafka gives (the article id is the record key, one consumer per partition),
 * and the embedded server only serves the local single-instance run.
 */
final class ArticleDocuments {

  private static final String PROBE_ID = "\u0000pipeline-update-probe";

  private final MongoCollection<Document> articles;
  private volatile Boolean pipelineUpdates;

  ArticleDocuments(MongoDatabase db) {
    this.articles = db.getCollection(Collections.ARTICLES);
  }

  /** Whether this server applies update pipelines; probed on first use (the server is up by then). */
  boolean usesPipelineUpdates() {
    Boolean known = pipelineUpdates;
    if (known == null) {
      try {
        articles.updateOne(Filters.eq("_id", PROBE_ID), List.of(new Document("$set", new Document("probe", new Document("$literal", 1)))));
        known = true;
      } catch (MongoCommandException e) {
        known = false;
      }
      pipelineUpdates = known;
    }
    return known;
  }

  /**
   * Writes the article documents of the accepted changes and returns the ids of the first versions whose insert
   * found the article already stored (a duplicate key): the writer inserts an article whose item it did not find
   * without reading it first, and decides again for these. Throws {@link ConcurrentUpdateException} if a
   * replacement was refused.
   */
  Set<String> write(List<StoredChange> accepted, Date now) {
    boolean pipeline = usesPipelineUpdates();
    List<WriteModel<Document>> writes = new ArrayList<>(accepted.size());
    List<String> ids = new ArrayList<>(accepted.size());
    int replaces = 0;
    for (StoredChange c : accepted) {
      if (c.write() == StoredChange.Write.NONE) {
        continue;
      }
      Document doc = Codecs.articleDocument(c.article()).append("timeline", c.footprint().placement().toDocument())
          .append("lastChangedAt", now);
      ids.add(c.article().articleId());
      if (c.write() == StoredChange.Write.INSERT) {
        // an insert never overwrites: on any server a stored version makes it fail with a duplicate key
        writes.add(new InsertOneModel<>(doc.append("versionCount", 1).append("firstSeenAt", now)));
        continue;
      }
      replaces++;
      if (pipeline) {
        writes.add(guardedUpsert(c, doc, now));
      } else {
        writes.add(new ReplaceOneModel<>(Filters.eq("_id", doc.get("_id")),
            doc.append("versionCount", c.versionCount()).append("firstSeenAt", c.firstSeenAt())));
      }
    }
    Set<String> taken = new HashSet<>();
    if (writes.isEmpty()) {
      return taken;
    }
    BulkWriteResult result;
    try {
      result = articles.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    } catch (MongoBulkWriteException e) {
      for (BulkWriteError err : e.getWriteErrors()) {
        if (err.getCode() != KeyedDocuments.DUPLICATE_KEY) {
          throw e;
        }
        if (!(writes.get(err.getIndex()) instanceof InsertOneModel)) {
          // two guarded upserts of a new article raced: the batch is retried and finds it stored
          throw new ConcurrentUpdateException(Collections.ARTICLES, List.of(err.getMessage()), e);
        }
        taken.add(ids.get(err.getIndex()));
      }
      result = e.getWriteResult();
    }
    int applied = pipeline ? result.getModifiedCount() + result.getUpserts().size() : result.getMatchedCount();
    if (applied != replaces) {
      throw new ConcurrentUpdateException(Collections.ARTICLES, List.of((replaces - applied) + " articles changed meanwhile"), null);
    }
    return taken;
  }

  /**
   * Replace-if-newer as one atomic update by {@code _id}; on an upsert {@code $$ROOT} is {@code {_id}}, whose
   * missing revision counts as older than any.
   */
  static WriteModel<Document> guardedUpsert(StoredChange c, Document doc, Date now) {
    int revision = c.article().article().revision();
    Date occurredAt = Codecs.date(c.article().occurredAt());
    Document newer = new Document("$or", List.of(
        new Document("$gt", List.of(revision, new Document("$ifNull", List.of("$revision", -1)))),
        new Document("$and", List.of(new Document("$eq", List.of(revision, "$revision")),
            new Document("$gt", List.of(occurredAt, "$occurredAt"))))));
    Document next = new Document("$mergeObjects", List.of(new Document("$literal", doc), new Document()
        .append("versionCount", new Document("$add", List.of(new Document("$ifNull", List.of("$versionCount", 0)), 1)))
        .append("firstSeenAt", new Document("$ifNull", List.of("$firstSeenAt", new Document("$literal", now))))));
    return new UpdateOneModel<>(Filters.eq("_id", doc.get("_id")),
        List.of(new Document("$replaceWith", new Document("$cond", List.of(newer, next, "$$ROOT")))),
        new UpdateOptions().upsert(true));
  }
}
