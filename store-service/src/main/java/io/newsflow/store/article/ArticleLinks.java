package io.newsflow.store.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.model.article.Dedupe;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import io.newsflow.store.timeline.TimelineBuckets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Keeps story membership and duplicate links: per story id its article ids, per original article the
 * ids of its duplicates, in pages of at most {@link #PAGE_CAP} ids (a wire story reprinted by a thousand
 * feeds would otherwise make one ever-growing document). The owner's own document is page 0 and keeps the
 * slots handed out ({@code slots}, see {@link Pages}). {@code $addToSet} and {@code $pull} make both safe to
 * repeat; the link exists even when the duplicate arrives before its original.
 */
public final class ArticleLinks implements ArticleWriter.ReadModel {

  /** Ids per page: ~45 bytes each, so ~9 KB a page. */
  public static final int PAGE_CAP = 200;
  static final String SLOTS = "slots";

  private final MongoCollection<Document> stories;
  private final MongoCollection<Document> duplicates;

  public ArticleLinks(MongoDatabase db) {
    this.stories = db.getCollection(Collections.STORIES);
    this.duplicates = db.getCollection(Collections.DUPLICATE_LINKS);
  }

  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, TimelineBuckets.Applied timeline) {
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

  /** Every id of an owner (story or original article), from all its pages; empty when it has none. */
  static List<String> read(MongoCollection<Document> collection, String field, String owner) {
    Document head = collection.find(Filters.eq("_id", owner)).first();
    if (head == null) {
      return List.of();
    }
    Set<String> ids = new LinkedHashSet<>(head.getList(field, String.class, List.of()));
    List<String> more = Pages.ids(owner, slots(head), PAGE_CAP).stream().skip(1).toList();
    if (!more.isEmpty()) {
      KeyedDocuments.load(collection, more).values().forEach(page -> ids.addAll(page.getList(field, String.class, List.of())));
    }
    return List.copyOf(ids);
  }

  private static long slots(Document head) {
    Number n = head == null ? null : head.get(SLOTS, Number.class);
    // an owner written before paging: one page, whose size stands in for its slots
    return n != null ? n.longValue() : 0;
  }

  /** Link changes of one batch grouped by owner: one update per owner page, not one per article. */
  private static final class Links {
    final String field;
    final Map<String, Set<String>> removed = new LinkedHashMap<>();
    final Map<String, List<String>> added = new LinkedHashMap<>();

    Links(String field) {
      this.field = field;
    }

    /**
     * A new version leaves the owners of its earlier versions, its current owner included: a version whose
     * writes were cut short may sit on another page of it than the one it is given now.
     */
    void move(String id, List<String> oldOwners, String newOwner) {
      for (String oldOwner : oldOwners) {
        if (oldOwner != null) {
          removed.computeIfAbsent(oldOwner, k -> new LinkedHashSet<>()).add(id);
        }
      }
      if (newOwner != null) {
        added.computeIfAbsent(newOwner, k -> new ArrayList<>()).add(id);
      }
    }

    void write(MongoCollection<Document> collection) {
      if (removed.isEmpty() && added.isEmpty()) {
        return;
      }
      Set<String> owners = new LinkedHashSet<>(removed.keySet());
      owners.addAll(added.keySet());
      Map<String, Document> heads = KeyedDocuments.load(collection, owners, Projections.include(SLOTS, field));
      Pages.Allocator slots = new Pages.Allocator(PAGE_CAP, owner -> {
        Document head = heads.get(owner);
        return head == null ? 0 : head.containsKey(SLOTS) ? slots(head) : head.getList(field, String.class, List.of()).size();
      });
      List<WriteModel<Document>> writes = new ArrayList<>();
      removed.forEach((owner, ids) -> Pages.ids(owner, slots.slots(owner), PAGE_CAP).forEach(page ->
          writes.add(KeyedDocuments.update(page, List.of(Updates.pullAll(field, List.copyOf(ids)))))));
      Map<String, List<String>> pages = new LinkedHashMap<>();
      added.forEach((owner, ids) -> ids.forEach(id ->
          pages.computeIfAbsent(Pages.id(owner, slots.take(owner)), k -> new ArrayList<>()).add(id)));
      // one update per document: an owner's first page is its own document, which also keeps the slots
      Map<String, List<org.bson.conversions.Bson>> updates = new LinkedHashMap<>();
      pages.forEach((page, ids) -> updates.computeIfAbsent(page, k -> new ArrayList<>()).add(Updates.addEachToSet(field, ids)));
      slots.taken().forEach((owner, n) -> updates.computeIfAbsent(owner, k -> new ArrayList<>()).add(Updates.max(SLOTS, n)));
      updates.forEach((id, u) -> writes.add(KeyedDocuments.upsert(id, u)));
      // ordered: pulls first, so an article moving between two pages of the same batch is never removed after being added
      KeyedDocuments.write(collection, writes);
    }
  }
}
