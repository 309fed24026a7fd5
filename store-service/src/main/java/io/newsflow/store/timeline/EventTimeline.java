package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.EncodedOnce;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Pages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The dated-event read model: a compact ref per event an article states (event id, day, article id, publication
 * time; its themes in actor pages, for the actor + theme filter), in buckets per key ({@code all}, actor, theme)
 * and label of the event's start (a part of its month, its month or its year, by its distance from the article's
 * publication: {@link EventLabels}), in pages of at most {@value #PAGE_CAP} refs (see {@link Pages}), plus one index
 * document per key listing its labels and their slots (under {@code days}, from when labels were days). The event
 * itself (sentence, expression, dates, tags) and the article's title are read at query time from the article
 * document, which holds them already: an article states ~12 events, each listed under ~4 keys, so full items made
 * this the largest write of a batch, and every page update makes the server rewrite the whole page (see
 * {@code BENCHMARKS.md}, "Dated events as refs"). Pages change by {@code $pull} (of earlier versions) and then
 * {@code $push} of deterministic refs (see {@link #apply}), so repeatable; refs are in no particular order in a page
 * and readers sort a month's refs together. Pages written before refs hold full items (same field names plus the event's details): the
 * reader takes those as they are, and a revision of their article replaces them by refs.
 * Events of duplicates are left out, as duplicates are left off timelines.
 */
public final class EventTimeline implements ArticleWriter.ReadModel {

  /**
   * Refs per bucket page: ~150 bytes each, so a full page is ~60 KB, less than the 150 full items (~0.6 KB) of
   * before; a day's events are read in fewer pages, and the page a batch appends to is at most that size.
   */
  public static final int PAGE_CAP = 400;
  /**
   * The cap of keys whose index was written before refs (it has no {@code cap} field): their days' slots were
   * handed out at 150 a page, so their pages stay numbered that way (refs are added to them as well).
   */
  static final int LEGACY_PAGE_CAP = 150;

  private static final String ACTOR_KEY_PREFIX = TimelineKeys.actor("");

  static final Comparator<Document> LATEST_EVENT_FIRST = Comparator
      .comparingLong((Document d) -> d.getLong("day")).reversed()
      .thenComparing((Document d) -> d.getString("eventId"), Comparator.reverseOrder());

  private final MongoCollection<Document> buckets;

  public EventTimeline(MongoDatabase db) {
    this.buckets = db.getCollection(Collections.EVENT_BUCKETS);
  }

  static String bucketId(String key, String day) {
    return key + "|" + day;
  }

  static String indexId(String key) {
    return key;
  }

  /**
   * One ordered bulk: the index documents' slots first, then the earlier versions of the batch's articles pulled off
   * every page of their days ({@code $pull} by article id), then the new refs pushed. A plain {@code $push}, not
   * {@code $addToSet} (an equality test of each new ref against every ref of a page of up to {@value #PAGE_CAP}), as
   * in {@link TimelineBuckets}: a first version claimed by its insert has no ref anywhere; any other change (a
   * revision, a replay of a batch cut short at any write, a second store instance that lost the insert) comes with
   * the footprint of every version that may have refs, whose days are pulled on every page the index lists before
   * the push; and the index lists every page a batch may have written, because its slots are raised in front of the
   * pages in the same ordered bulk (an ordered bulk cut short has applied a prefix). Readers skip a repeated event id
   * ({@code EventTimelineQuery}), which two store instances writing one article at once can still leave, as before.
   */
  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, TimelineBuckets.Applied timeline) {
    Map<String, Set<String>> removals = new LinkedHashMap<>();
    Map<String, List<Document>> additions = new LinkedHashMap<>();
    for (ArticleWriter.StoredChange c : changes) {
      String articleId = c.article().articleId();
      c.previous().forEach(p -> p.eventBuckets().forEach(bucket ->
          removals.computeIfAbsent(bucket, k -> new HashSet<>()).add(articleId)));
      if (c.article().dedupe().isDuplicate()) {
        continue;
      }
      List<DatedEvent> events = c.article().events();
      LocalDate published = publishedDay(c.article());
      for (int i = 0; i < events.size(); i++) {
        // one ref object per shape (with the event's themes, without), so that EncodedOnce encodes each once
        Document[] shapes = new Document[2];
        for (String bucket : bucketsOf(events.get(i), published)) {
          String key = keyOf(bucket);
          int shape = withThemes(events.get(i), key) ? 1 : 0;
          if (shapes[shape] == null) {
            shapes[shape] = ref(c.article(), events.get(i), i, key);
          }
          additions.computeIfAbsent(bucket, k -> new ArrayList<>()).add(shapes[shape]);
        }
      }
    }
    if (removals.isEmpty() && additions.isEmpty()) {
      return;
    }
    Set<String> keys = new LinkedHashSet<>();
    removals.keySet().forEach(b -> keys.add(keyOf(b)));
    additions.keySet().forEach(b -> keys.add(keyOf(b)));
    Map<String, Document> indexes = KeyedDocuments.load(buckets, keys);
    Slots slots = new Slots(indexes);
    List<WriteModel<Document>> pulls = new ArrayList<>(removals.size());
    // an earlier version's refs may be on any page of its day: pages are not recorded per event
    removals.forEach((bucket, articleIds) -> Pages.ids(bucket, slots.slots(bucket), slots.cap(bucket)).forEach(page ->
        pulls.add(KeyedDocuments.update(page, List.of(Updates.pull("items", Filters.in("articleId", articleIds)))))));
    Map<String, Document> pages = new LinkedHashMap<>();
    additions.forEach((bucket, refs) -> refs.forEach(ref -> {
      int page = slots.take(bucket);
      pages.computeIfAbsent(Pages.id(bucket, page), k -> new Document("key", keyOf(bucket)).append("day", dayOf(bucket))
          .append("page", page).append("items", new ArrayList<Document>())).getList("items", Document.class).add(ref);
    }));
    List<WriteModel<Document>> writes = indexWrites(slots);
    writes.addAll(pulls);
    EncodedOnce encoded = new EncodedOnce(buckets);
    pages.forEach((id, page) -> {
      BsonDocument update = new BsonDocument("$setOnInsert",
          encoded.toBson(new Document("key", page.get("key")).append("day", page.get("day")).append("page", page.get("page"))));
      update.putAll(encoded.pushEach("items", page.getList("items", Document.class)));
      writes.add(KeyedDocuments.upsert(id, update));
    });
    KeyedDocuments.write(buckets, writes);
  }

  /**
   * Each key's index document lists the days that have a bucket, with the slots handed out in that day's
   * pages (raised with {@code $max}; the reader derives the page ids from it). A day emptied by a new version
   * stays listed and reads as an empty bucket; the retention sweep removes days whose buckets it empties.
   */
  private static List<WriteModel<Document>> indexWrites(Slots slots) {
    Map<String, Long> slotsByBucket = new LinkedHashMap<>(slots.current.taken());
    slotsByBucket.putAll(slots.legacy.taken());
    Map<String, List<Bson>> byKey = new LinkedHashMap<>();
    slotsByBucket.forEach((bucket, n) ->
        byKey.computeIfAbsent(keyOf(bucket), k -> new ArrayList<>()).add(Updates.max("days." + dayOf(bucket), n)));
    List<WriteModel<Document>> writes = new ArrayList<>(byKey.size());
    byKey.forEach((key, updates) -> {
      // an upsert with days.<day> creates the days object itself: no separate skeleton write
      List<Bson> all = new ArrayList<>(updates);
      all.add(Updates.setOnInsert(new Document("kind", "index").append("cap", PAGE_CAP)));
      writes.add(KeyedDocuments.upsert(indexId(key), all));
    });
    return writes;
  }

  /** Refs per page of a key's days: {@link #PAGE_CAP}, or {@link #LEGACY_PAGE_CAP} for an index written before refs. */
  static int capOf(Document index) {
    return index == null ? PAGE_CAP : index.getInteger("cap", LEGACY_PAGE_CAP);
  }

  /** Slot allocation per bucket, at the cap of the bucket's key. */
  private static final class Slots {
    final Map<String, Document> indexes;
    final Pages.Allocator current;
    final Pages.Allocator legacy;

    Slots(Map<String, Document> indexes) {
      this.indexes = indexes;
      this.current = new Pages.Allocator(PAGE_CAP, bucket -> storedSlots(indexes.get(keyOf(bucket)), dayOf(bucket)));
      this.legacy = new Pages.Allocator(LEGACY_PAGE_CAP, bucket -> storedSlots(indexes.get(keyOf(bucket)), dayOf(bucket)));
    }

    int cap(String bucket) {
      return capOf(indexes.get(keyOf(bucket)));
    }

    private Pages.Allocator of(String bucket) {
      return cap(bucket) == PAGE_CAP ? current : legacy;
    }

    int take(String bucket) {
      return of(bucket).take(bucket);
    }

    long slots(String bucket) {
      return of(bucket).slots(bucket);
    }
  }

  /** Slots of a day's pages; an index written before paging says 1 for a day, and its one page is page 0. */
  static long storedSlots(Document index, String day) {
    Document days = index == null ? null : index.get("days", Document.class);
    Number n = days == null ? null : days.get(day, Number.class);
    return n == null ? 0 : n.longValue();
  }

  static String keyOf(String bucket) {
    return bucket.substring(0, bucket.lastIndexOf('|'));
  }

  static String dayOf(String bucket) {
    return bucket.substring(bucket.lastIndexOf('|') + 1);
  }

  /** The buckets of an event stated by an article published on {@code published}: under its label ({@link #label}). */
  public static List<String> bucketsOf(DatedEvent e, LocalDate published) {
    return bucketsAt(e, label(e.start(), published));
  }

  /**
   * Every bucket an earlier version of this code may have put an event in, besides the current rule's: its day (every
   * event before month buckets; near events until month parts) and the day-or-month rule's month. For an article
   * whose footprint is rebuilt from its document alone ({@code published} null when unknown: days only).
   */
  public static List<String> storedBucketsOf(DatedEvent e, LocalDate published) {
    Set<String> ids = new LinkedHashSet<>(bucketsAt(e, e.start().toString()));
    if (published != null) {
      ids.addAll(bucketsAt(e, EventLabels.dayOrMonthLabel(e.start(), published)));
      ids.addAll(bucketsOf(e, published));
    }
    return List.copyOf(ids);
  }

  private static List<String> bucketsAt(DatedEvent e, String label) {
    List<String> ids = new ArrayList<>();
    ids.add(bucketId(TimelineKeys.ALL, label));
    e.actors().stream().distinct().forEach(a -> ids.add(bucketId(TimelineKeys.actor(a), label)));
    e.themes().stream().distinct().forEach(t -> ids.add(bucketId(TimelineKeys.theme(t), label)));
    return ids;
  }

  /**
   * The bucket label of an event starting on {@code start} in an article published on {@code published}: a part of
   * its month ({@code 2024-09/2}) near the publication, its month ({@code 2022-01}) within a calendar year of it, its
   * year ({@code 2019}) further away (see {@link EventLabels}). Decided from the article alone, so a replay or revision
   * removes exactly what its version added; readers take these and the day labels of before.
   */
  public static String label(LocalDate start, LocalDate published) {
    return EventLabels.label(start, published);
  }

  /** The publication day (UTC) the bucket rule measures from: the article's timeline time. */
  public static LocalDate publishedDay(EnrichedArticle a) {
    return LocalDate.ofInstant(Codecs.timelineTime(a), ZoneOffset.UTC);
  }

  /**
   * The ref of event {@code index} of an article under {@code key}: what the reader sorts, filters and pages by,
   * and finds the event with in the article document. Field names are those of the full items of before, so
   * {@code $pull} by article id and the retention sweep's {@code $pull} by publication time match both shapes.
   */
  static Document ref(EnrichedArticle a, DatedEvent e, int index, String key) {
    Document ref = new Document("eventId", eventId(a.articleId(), index))
        .append("day", e.start().toEpochDay())
        .append("articleId", a.articleId())
        .append("publishedAt", Codecs.timelineTime(a).toString());
    return withThemes(e, key) ? ref.append("themes", e.themes()) : ref;
  }

  /** Whether a ref under this key carries the event's themes: only the actor + theme query filters refs by theme, and it reads the actor's pages. */
  private static boolean withThemes(DatedEvent e, String key) {
    return key.startsWith(ACTOR_KEY_PREFIX) && !e.themes().isEmpty();
  }

  static String eventId(String articleId, int index) {
    return articleId + ":" + index;
  }

  /** The index of the event in its article's {@code events}, from an event id; -1 when it is not one. */
  static int eventIndex(String eventId) {
    int colon = eventId.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(eventId.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
