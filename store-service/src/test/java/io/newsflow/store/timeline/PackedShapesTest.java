package io.newsflow.store.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.Articles;
import io.newsflow.store.article.ArticleLinks;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.InMemoryMongo;
import io.newsflow.store.mongo.Indexes;
import io.newsflow.store.mongo.Packed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bucket refs and newest-items entries are stored packed ({@link Packed}): the server sees four fields per entry, and
 * every read answers as it did with the fields themselves. A store whose pages and lists were written before packing
 * (the same content, unpacked) and then takes the same later batches (first versions and revisions) on top gives the
 * same pages, cursors and co-occurrence as a store written packed throughout.
 */
class PackedShapesTest {

  static final Instant DAY = Instant.parse("2024-09-12T00:00:00Z");
  static final String[] ACTORS = {"KAZ", "RUS", "CHN", "org.csto", "UZB", "person.tokayev"};
  static final String[] THEMES = {"energy-transit", "trade", "military-exercises"};
  static final AtomicInteger databases = new AtomicInteger();

  @RegisterExtension
  static final InMemoryMongo mongo = new InMemoryMongo();

  /** Articles every 4 minutes from {@code first}; actors, themes, feed and language vary with the number. */
  static List<EnrichedArticle> articles(int first, int count, int revision) {
    List<EnrichedArticle> out = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      Instant published = DAY.plusSeconds(240L * i);
      Articles a = Articles.article("steppe-" + i)
          .title((i % 4 == 0 ? "Astana pipeline talks" : i % 4 == 1 ? "CSTO drills near Almaty" : "Caspian cargo report") + " " + i
              + (revision > 1 ? " (corrected)" : ""))
          .publishedAt(published.toString()).occurredAt(published.plusSeconds(60L * revision).toString()).revision(revision)
          .feed("f-steppe-" + (i % 3)).language(i % 5 == 0 ? "ru" : "en");
      for (int k = 0; k < 1 + i % 4; k++) {
        String actor = ACTORS[(i * 7 + k * 5 + (revision - 1) * 2) % ACTORS.length];
        a.actor(actor, actor, "STATE", 0.9 - k * 0.1);
      }
      a.theme(THEMES[i % THEMES.length], THEMES[i % THEMES.length], 2.0, "pipeline");
      if (i % 17 == 5) {
        a.duplicateOf("steppe-" + (i - 1));
      }
      out.add(a.build());
    }
    return out;
  }

  static MongoDatabase store() {
    MongoDatabase db = mongo.client().getDatabase("packed_" + databases.incrementAndGet());
    Indexes.ensure(db);
    return db;
  }

  static ArticleWriter writer(MongoDatabase db) {
    return new ArticleWriter(db, List.of(new ArticleLinks(db), new CooccurrenceDays(db)), Clock.systemUTC());
  }

  @Test
  void aStoreWrittenBeforePackingAnswersEveryTimelineAsOneWrittenPacked() {
    MongoDatabase packed = store();
    MongoDatabase older = store();
    for (MongoDatabase db : List.of(packed, older)) {
      writer(db).write(articles(0, 200, 1));
    }
    Document page = packed.getCollection(Collections.TIMELINE_BUCKETS).find(Filters.eq("key", "all")).first();
    assertThat(page.getList("items", Document.class).getFirst().keySet()).containsExactly("articleId", "t", "dup", Packed.FIELD);
    assertThat(packed.getCollection(Collections.TIMELINE_LATEST).find(Filters.eq("_id", "all")).first()
        .getList("items", Document.class).getFirst().keySet()).containsExactly("t", "articleId", "dup", Packed.FIELD);
    assertThat(unpackAll(older)).as("refs and entries rewritten to the shape of before").isGreaterThan(200);

    // later batches on top: new articles in the same hours and revisions that change actors, title and time
    List<EnrichedArticle> later = new ArrayList<>(articles(200, 100, 1));
    later.addAll(articles(150, 40, 2));
    for (MongoDatabase db : List.of(packed, older)) {
      writer(db).write(later);
    }

    List<TimelineRequest> requests = List.of(
        TimelineRequest.latest(50),
        request(List.of("KAZ"), false, List.of(), null, null, List.of(), true),
        request(List.of("KAZ", "RUS"), true, List.of(), null, null, List.of(), false),
        request(List.of("CHN"), false, List.of("trade"), null, null, List.of(), false),
        request(List.of(), false, List.of(), "f-steppe-1", "ru", List.of(), false),
        request(List.of(), false, List.of(), null, null, List.of("pipeline"), false),
        request(List.of("org.csto"), false, List.of(), null, "en", List.of("drills"), false));
    for (TimelineRequest r : requests) {
      List<TimelinePage> fromPacked = pages(packed, r);
      List<TimelinePage> fromOlder = pages(older, r);
      assertThat(fromPacked).as("%s", r).isNotEmpty().allMatch(p -> !p.items().isEmpty());
      assertThat(fromOlder).as("%s", r).isEqualTo(fromPacked);
    }
    // the filters really select: every item of the actor + theme pages names both
    for (TimelinePage p : pages(packed, requests.get(3))) {
      assertThat(p.items()).allMatch(i -> i.actors().stream().anyMatch(a -> a.actorId().equals("CHN"))
          && i.themes().stream().anyMatch(t -> t.themeId().equals("trade")));
    }
    LocalDate day = LocalDate.of(2024, 9, 12);
    assertThat(new Aggregates(older).cooccurrence(null, day, day.plusDays(2), 30))
        .isEqualTo(new Aggregates(packed).cooccurrence(null, day, day.plusDays(2), 30));
    assertThat(new Aggregates(packed).cooccurrence(null, day, day.plusDays(2), 30).pairs()).isNotEmpty();
  }

  /** Every page of a request, following the cursor to the end. */
  static List<TimelinePage> pages(MongoDatabase db, TimelineRequest first) {
    TimelineQuery query = new TimelineQuery(db, 20_000, () -> false);
    List<TimelinePage> pages = new ArrayList<>();
    TimelineRequest r = first;
    for (int n = 0; n < 20; n++) {
      TimelinePage page = query.page(r);
      pages.add(page);
      if (page.nextCursor() == null) {
        break;
      }
      r = new TimelineRequest(r.actors(), r.allActors(), r.themes(), r.source(), r.language(), r.titleWords(), r.from(), r.to(),
          r.limit(), TimelineCursor.decode(page.nextCursor()), r.includeDuplicates());
    }
    return pages;
  }

  static TimelineRequest request(List<String> actors, boolean all, List<String> themes, String source, String language,
      List<String> words, boolean duplicates) {
    return new TimelineRequest(actors, all, themes, source, language, words, null, null, 20, null, duplicates);
  }

  /** Rewrites every packed ref and list entry of a store as it was stored before packing; returns how many. */
  static int unpackAll(MongoDatabase db) {
    int n = 0;
    for (String collection : List.of(Collections.TIMELINE_BUCKETS, Collections.TIMELINE_LATEST)) {
      MongoCollection<Document> docs = db.getCollection(collection);
      for (Document d : docs.find()) {
        List<Document> items = new ArrayList<>();
        for (Document entry : d.getList("items", Document.class)) {
          if (entry.get(Packed.FIELD) instanceof Binary) {
            n++;
            Document fields = Packed.open(entry);
            items.add(collection.equals(Collections.TIMELINE_LATEST) ? fields
                : new Document("articleId", entry.get("articleId")).append("t", entry.get("t")).append("dup", entry.get("dup"))
                    .append("feedId", fields.get("feedId")).append("language", fields.get("language"))
                    .append("actorIds", fields.get("actorIds")).append("themeIds", fields.get("themeIds"))
                    .append("words", fields.get("words")));
          } else {
            items.add(entry);
          }
        }
        d.put("items", items);
        docs.replaceOne(Filters.eq("_id", d.get("_id")), d);
      }
    }
    return n;
  }
}
