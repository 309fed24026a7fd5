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
    Document story = stories.find(Filters.eq("_id", storyId)).first();
    List<String> ids = story == null ? List.of() : story.getList("articleIds", String.class, List.of());
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    List<Document> found = new ArrayList<>();
    // a story is at most a few hundred articles; their items are small documents, not the articles
    items.find(Filters.in("_id", ids)).projection(Projections.include("item")).batchSize(ids.size())
        .forEach(d -> found.add(d.get("item", Document.class)));
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
    Document links = duplicates.find(Filters.eq("_id", articleId)).first();
    List<String> dups = links == null ? List.of() : links.getList("duplicates", String.class, List.of()).stream().sorted().toList();
    return Optional.of(Codecs.articleView(d, dups));
  }
}
