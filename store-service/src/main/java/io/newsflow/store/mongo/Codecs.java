package io.newsflow.store.mongo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Dedupe;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.article.ThemeTag;
import io.newsflow.model.json.EventJson;
import io.newsflow.store.article.ArticleView;
import io.newsflow.store.timeline.TimelineItem;
import io.newsflow.store.timeline.TitleWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Conversions between events, stored documents and views. Top-level times are BSON dates (range
 * queries and retention on real MongoDB need them); nested tags go through the event codec's mapper so
 * their field names stay those of the contract.
 */
public final class Codecs {

  public static final int EXCERPT_LENGTH = 300;
  private static final ObjectMapper MAPPER = EventJson.mapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private Codecs() {}

  /** The time an article sits at on timelines: published, else fetched. */
  public static Instant timelineTime(EnrichedArticle e) {
    return e.article().publishedAt() != null ? e.article().publishedAt() : e.article().fetchedAt();
  }

  /** The article document without its history and placement fields (the writer adds those). */
  public static Document articleDocument(EnrichedArticle e) {
    RawArticle a = e.article();
    return new Document("_id", e.articleId())
        .append("eventId", e.eventId())
        .append("revision", a.revision())
        .append("occurredAt", date(e.occurredAt()))
        .append("title", a.title())
        .append("url", a.url())
        .append("canonicalUrl", a.canonicalUrl())
        .append("sourceName", a.sourceName())
        .append("feedId", a.feedId())
        .append("feedUrl", a.feedUrl())
        .append("authors", a.authors())
        .append("publishedAt", date(a.publishedAt()))
        .append("modifiedAt", date(a.modifiedAt()))
        .append("fetchedAt", date(a.fetchedAt()))
        .append("language", a.language())
        .append("summary", a.summary())
        .append("text", a.text())
        .append("imageUrl", a.imageUrl())
        .append("contentHash", a.contentHash())
        .append("flags", a.flags())
        .append("actors", documents(e.actors()))
        .append("themes", documents(e.themes()))
        .append("events", documents(e.events()))
        .append("dedupe", document(e.dedupe()))
        .append("gazetteerVersion", e.gazetteerVersion())
        .append("taxonomyVersion", e.taxonomyVersion())
        .append("timelineAt", date(timelineTime(e)));
  }

  public static ArticleView articleView(Document d, List<String> duplicates) {
    return new ArticleView(
        d.getString("_id"), d.getString("title"), d.getString("url"), d.getString("canonicalUrl"),
        d.getString("sourceName"), d.getString("feedId"), d.getList("authors", String.class, List.of()),
        instant(d.getDate("publishedAt")), instant(d.getDate("modifiedAt")), instant(d.getDate("fetchedAt")),
        d.getString("language"), d.getString("summary"), d.getString("text"), d.getString("imageUrl"),
        values(d.getList("actors", Document.class, List.of()), ActorTag.class),
        values(d.getList("themes", Document.class, List.of()), ThemeTag.class),
        values(d.getList("events", Document.class, List.of()), DatedEvent.class),
        MAPPER.convertValue(d.get("dedupe", Document.class), Dedupe.class),
        d.getInteger("revision", 1), d.getInteger("versionCount", 1),
        instant(d.getDate("firstSeenAt")), instant(d.getDate("lastChangedAt")), duplicates);
  }

  /** The summary of an article that timeline buckets hold, as a stored item. */
  public static Document itemDocument(EnrichedArticle e) {
    RawArticle a = e.article();
    String body = a.summary() != null && !a.summary().isBlank() ? a.summary() : a.text();
    String excerpt = body.length() <= EXCERPT_LENGTH ? body : body.substring(0, EXCERPT_LENGTH).strip() + "…";
    TimelineItem item = new TimelineItem(
        e.articleId(), a.title(), a.url(), a.sourceName(), a.feedId(), a.publishedAt(), a.language(), excerpt,
        e.actors().stream().map(t -> new TimelineItem.ActorRef(t.actorId(), t.name(), t.salience())).toList(),
        e.themes().stream().map(t -> new TimelineItem.ThemeRef(t.themeId(), t.label(), t.score(),
            t.evidence().stream().map(s -> s.text()).distinct().toList())).toList(),
        e.dedupe().storyId(), e.dedupe().verdict().name());
    Document d = document(item);
    // t and dup are the item's sort key and default filter; kept beside the view fields
    d.put("t", timelineTime(e).toEpochMilli());
    d.put("dup", e.dedupe().isDuplicate());
    return d;
  }

  /**
   * What an hour bucket holds for one article: its sort key and the fields timeline filters test, not the
   * list-view item (read by {@code _id $in} from {@code timeline_items} for the page's items only). Small
   * refs keep buckets small: a busy hour's bucket is rewritten on every batch and read on every page. The
   * server tests only {@code articleId} ({@code $pull}), {@code t} (retention) and reads back {@code t} and
   * {@code dup} (counts); the filter fields (feed, language, actors, themes, title words: ~25 values with 12
   * actors) are only ever tested here, so they are {@link Packed}: the server's work per ref on every rewrite of
   * its page falls from ~30 values to 4. Read them with {@link #refFields}.
   */
  public static Document refDocument(EnrichedArticle e) {
    RawArticle a = e.article();
    return new Document("articleId", e.articleId())
        .append("t", timelineTime(e).toEpochMilli())
        .append("dup", e.dedupe().isDuplicate())
        .append(Packed.FIELD, Packed.pack(new Document("feedId", a.feedId())
            .append("language", a.language())
            .append("actorIds", e.actors().stream().map(ActorTag::actorId).distinct().toList())
            .append("themeIds", e.themes().stream().map(ThemeTag::themeId).distinct().toList())
            .append("words", TitleWords.of(a.title()))));
  }

  /**
   * The filter fields of a bucket ref ({@code feedId}, {@code language}, {@code actorIds}, {@code themeIds},
   * {@code words}), packed or (a ref written before packing) the ref itself.
   */
  public static Document refFields(Document ref) {
    return Packed.open(ref);
  }

  public static TimelineItem timelineItem(Document item) {
    return MAPPER.convertValue(item, TimelineItem.class);
  }

  /** The value as a document whose nested objects are documents too, as if read back from the server. */
  public static Document document(Object value) {
    return value == null ? null : (Document) deep(MAPPER.convertValue(value, MAP));
  }

  private static Object deep(Object value) {
    if (value instanceof Map<?, ?> map) {
      Document d = new Document();
      map.forEach((k, v) -> d.put((String) k, deep(v)));
      return d;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(deep(v)));
      return out;
    }
    return value;
  }

  private static List<Document> documents(List<?> values) {
    List<Document> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(document(v));
    }
    return out;
  }

  public static <T> T value(Document d, Class<T> type) {
    return MAPPER.convertValue(d, type);
  }

  private static <T> List<T> values(List<Document> docs, Class<T> type) {
    return docs.stream().map(d -> MAPPER.convertValue(d, type)).toList();
  }

  public static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
