package io.newsflow.store.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.model.article.Dedupe;
import io.newsflow.store.mongo.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;

/**
 * Keeps story membership and duplicate links: per story id its article ids, per original article the
 * ids of its duplicates. {@code $addToSet} and {@code $pull} make both safe to repeat; the link exists
 * even when the duplicate arrives before its original.
 */
public final class ArticleLinks implements ArticleWriter.ReadModel {

  private final MongoCollection<Document> stories;
  private final MongoCollection<Document> duplicates;

  public ArticleLinks(MongoDatabase db) {
    this.stories = db.getCollection(Collections.STORIES);
    this.duplicates = db.getCollection(Collections.DUPLICATE_LINKS);
  }

  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, List<Document> allBuckets) {
    Links storyLinks = new Links("articleIds");
    Links duplicateLinks = new Links("duplicates");
    for (ArticleWriter.StoredChange c : changes) {
      String id = c.article().articleId();
      Dedupe now = c.article().dedupe();
      List<String> oldStories = c.previous().stream().map(ArticleFootprint::storyId).distinct().toList();
      List<String> oldOriginals = c.previous().stream().map(ArticleFootprint::duplicateOf).distinct().toList();
      storyLinks.move(id, oldStories, now.storyId());
      duplicateLinks.move(id, oldOriginals, now.isDuplicate() ? now.duplicateOf() : null);
    }
    storyLinks.write(stories);
    duplicateLinks.write(duplicates);
  }

  /** Link changes of one batch grouped by owner: one update per story, not one per article. */
  private static final class Links {
    final String field;
    final Map<String, List<String>> removed = new LinkedHashMap<>();
    final Map<String, List<String>> added = new LinkedHashMap<>();

    Links(String field) {
      this.field = field;
    }

    void move(String id, List<String> oldOwners, String newOwner) {
      for (String oldOwner : oldOwners) {
        if (oldOwner != null && !Objects.equals(oldOwner, newOwner)) {
          removed.computeIfAbsent(oldOwner, k -> new ArrayList<>()).add(id);
        }
      }
      if (newOwner != null) {
        added.computeIfAbsent(newOwner, k -> new ArrayList<>()).add(id);
      }
    }

    void write(MongoCollection<Document> collection) {
      List<WriteModel<Document>> writes = new ArrayList<>();
      removed.forEach((owner, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", owner), Updates.pullAll(field, ids))));
      added.forEach((owner, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", owner),
          Updates.addEachToSet(field, ids), new UpdateOptions().upsert(true))));
      if (!writes.isEmpty()) {
        // pulls first: an article moving between two owners of the same batch is never removed after being added
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(true));
      }
    }
  }
}
