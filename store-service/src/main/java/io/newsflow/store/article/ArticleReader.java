package io.newsflow.store.article;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.newsflow.store.timeline.TimelineItem;
import java.util.ArrayList;
import java.util.Comparator;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/** Reads one article with the ids of its recorded duplicates, and stories with their articles. */
public final class ArticleReader {

  private final MongoCollection<Document> articles;
  private final MongoCollection<Document> duplicates;
  private final MongoCollection<Document> stories;
  private final MongoCollection<Document> items;

  public ArticleReader(MongoDatabase db) {
    this.articles = db.getCollection(Collections.ARTICLES);
    this.duplicates = db.getCollection(Collections.DUPLICATE_LINKS);
    this.stories = db.getCollection(Collections.STORIES);
    this.items = db.getCollection(Collections.TIMELINE_ITEMS);
  }

  /** A story and its articles, newest first; empty when no article carries the story id. */
  public Optional<StoryView> story(String storyId) {
    List<String> ids = ArticleLinks.read(stories, "articleIds", storyId);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    List<Document> found = new ArrayList<>();
    // the items are small documents, not the articles; read in chunks of a few hundred ids
    KeyedDocuments.load(items, ids, Projections.include("item")).values().forEach(d -> found.add(d.get("item", Document.class)));
    found.sort(Comparator.comparingLong((Document d) -> d.getLong("t")).reversed()
        .thenComparing((Document d) -> d.getString("articleId"), Comparator.reverseOrder()));
    return Optional.of(new StoryView(storyId, found.stream().map(Codecs::timelineItem).toList()));
  }

  /** {@code {"storyId", "articles": [TimelineItem]}}. */
  public record StoryView(String storyId, List<TimelineItem> articles) {}

  public Optional<ArticleView> find(String articleId) {
    Document d = articles.find(Filters.eq("_id", articleId)).first();
    if (d == null) {
      return Optional.empty();
    }
    List<String> dups = ArticleLinks.read(duplicates, "duplicates", articleId).stream().sorted().toList();
    return Optional.of(Codecs.articleView(d, dups));
  }
}
