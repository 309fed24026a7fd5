package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.EncodedOnce;
import io.newsflow.store.mongo.KeyedDocuments;
import io.newsflow.store.mongo.Packed;
import io.newsflow.store.mongo.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * Maintains the timeline read model: bucket pages of article refs per key and hour (at most {@link #PAGE_CAP}
 * refs each, see {@link Pages}), the month directory ({@link TimelineMonths}) and the key totals
 * ({@link KeyTotals}). Pages change by atomic {@code $pull} and {@code $push} (remove the article, add its
 * new ref; see {@link #rewritePages} for why a plain push never lists an article twice) and counts are recomputed
 * from the pages' content, so a batch interrupted half-way can be applied again. One round trip per collection and
 * step; every write is filtered on {@code _id} alone.
 */
public final class TimelineBuckets {

  /** Refs per bucket page: ~250 bytes each, so a page stays under ~100 KB however busy its hour. */
  public static final int PAGE_CAP = 250;
  /** Pages per read: 200 full pages are ~20 MB, below the wire server's 48 MB reply limit (and most pages are small). */
  static final int PAGES_PER_READ = 200;

  /**
   * Where an article sits: its hour, every key it is listed under and, when known, the page of each key's
   * bucket ({@code pages} parallel to {@code keys}; empty when unknown, so every page of the hour is searched).
   */
  public record Placement(String hour, List<String> keys, List<Integer> pages) {

    public Placement {
      keys = List.copyOf(keys);
      pages = List.copyOf(pages);
    }

    public Placement(String hour, List<String> keys) {
      this(hour, keys, List.of());
    }

    /** Whether the page of each key is recorded; a placement without is a version whose writes were cut short. */
    boolean pagesKnown() {
      return pages.size() == keys.size();
    }

    public Document toDocument() {
      Document d = new Document("hour", hour).append("keys", keys);
      return pages.isEmpty() ? d : d.append("pages", pages);
    }

    public static Placement fromDocument(Document d) {
      return d == null ? null
          : new Placement(d.getString("hour"), d.getList("keys", String.class), d.getList("pages", Integer.class, List.of()));
    }
  }

  /**
   * One article's move on the timelines.
   *
   * @param previous  where earlier versions may sit (the last complete one, and a newer one whose read-model
   *                  writes may have been cut short), empty for a first version
   * @param next      where the new version goes (its pages are chosen here)
   * @param ref       the new bucket entry (see {@code Codecs.refDocument})
   * @param keyFields display fields per key of {@code next}
   */
  public record Change(String articleId, List<Placement> previous, Placement next, Document ref,
      Map<String, Document> keyFields) {

    public Change {
      previous = List.copyOf(previous);
    }
  }

  /**
   * What a batch did: the rewritten pages of the {@code all} key (read back, from which other summaries are
   * derived), every {@code all} page of each day they belong to ({@code 2024-09-12T07#0} labels), and where each
   * article's refs now are.
   */
  public record Applied(List<Document> allPages, Map<String, List<String>> allPagesByDay, Map<String, Placement> placed) {

    public static final Applied NONE = new Applied(List.of(), Map.of(), Map.of());
  }

  static final Comparator<Document> NEWEST_FIRST = Comparator
      .comparingLong((Document d) -> d.getLong("t")).reversed()
      .thenComparing((Document d) -> d.getString("articleId"), Comparator.reverseOrder());

  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> months;
  private final LatestItems latest;
  private final KeyTotals keys;
  private final int cap;

  /** @param latest the writer's newest-items lists, which it pushes to after its item documents */
  public TimelineBuckets(MongoDatabase db, LatestItems latest) {
    this(db, latest, PAGE_CAP);
  }

  TimelineBuckets(MongoDatabase db, LatestItems latest, int cap) {
    this.buckets = db.getCollection(Collections.TIMELINE_BUCKETS);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.latest = latest;
    this.keys = new KeyTotals(db.getCollection(Collections.TIMELINE_KEYS));
    this.cap = cap;
  }

  /** A page of one key-label's bucket: {@code base} is the key-label ({@code a:KAZ|2024-09-12}); {@code hour} the label. */
  record PageRef(String key, String hour, int page) {

    String base() {
      return TimelineKeys.bucketId(key, hour);
    }

    String id() {
      return Pages.id(base(), page);
    }
  }

  public Applied apply(List<Change> changes) {
    if (changes.isEmpty()) {
      return Applied.NONE;
    }
    Set<String> monthIds = new LinkedHashSet<>();
    for (Change c : changes) {
      List<Placement> all = new ArrayList<>(c.previous());
      all.add(c.next());
      all.forEach(p -> {
        String month = TimelineKeys.monthOfHour(p.hour());
        // the all month says the month's layout (TimelineMonths.usesDays): read it whatever the keys
        monthIds.add(TimelineKeys.monthId(TimelineKeys.ALL, month));
        p.keys().forEach(k -> monthIds.add(TimelineKeys.monthId(k, month)));
      });
    }
    Map<String, Document> directory = KeyedDocuments.load(months, monthIds);
    Pages.Allocator slots = new Pages.Allocator(cap, base -> {
      int split = base.lastIndexOf('|');
      String label = base.substring(split + 1);
      return TimelineMonths.slots(directory.get(TimelineKeys.monthId(base.substring(0, split), TimelineKeys.monthOfHour(label))), label);
    });
    Map<String, PageRef> touched = new LinkedHashMap<>();
    Map<String, Set<String>> removals = new LinkedHashMap<>();
    Map<String, List<Document>> additions = new LinkedHashMap<>();
    Map<String, Placement> placed = new HashMap<>();
    Map<String, Document> keyFields = new HashMap<>();
    for (Change c : changes) {
      for (Placement p : c.previous()) {
        // a placement with pages was chosen by this writer (its label as written); one without is the article's
        // own hour, whose label is the one its month uses
        String label = p.pagesKnown() ? p.hour() : labelOf(directory, p.hour());
        for (int i = 0; i < p.keys().size(); i++) {
          String key = p.keys().get(i);
          List<Integer> pages = new ArrayList<>();
          if (p.pagesKnown()) {
            pages.add(p.pages().get(i));
          } else {
            // a version whose writes were cut short: its pages are unknown, so it is taken off all of them
            for (int n = 0; n < Pages.count(slots.slots(TimelineKeys.bucketId(key, label)), cap); n++) {
              pages.add(n);
            }
          }
          for (int page : pages) {
            PageRef ref = new PageRef(key, label, page);
            touched.putIfAbsent(ref.id(), ref);
            removals.computeIfAbsent(ref.id(), k -> new HashSet<>()).add(c.articleId());
          }
        }
      }
      String label = labelOf(directory, c.next().hour());
      List<Integer> pages = new ArrayList<>(c.next().keys().size());
      for (String key : c.next().keys()) {
        PageRef ref = new PageRef(key, label, slots.take(TimelineKeys.bucketId(key, label)));
        touched.putIfAbsent(ref.id(), ref);
        additions.computeIfAbsent(ref.id(), k -> new ArrayList<>()).add(c.ref());
        pages.add(ref.page());
      }
      placed.put(c.articleId(), new Placement(label, c.next().keys(), pages));
      c.keyFields().forEach((key, fields) -> keyFields.merge(key, fields, KeyTotals::mergeFields));
    }
    Set<String> recounted = recountedBases(touched.values(), removals.keySet(), directory, slots);
    MonthWrites monthWrites = new MonthWrites(months, cap);
    monthWrites.reserve(directory, slots);
    Map<String, Document> written = rewritePages(removals, additions, touched, recounted);
    // earlier versions leave the busy keys' newest items before their new items exist (LatestItems)
    latest.pull(changes);
    List<Document> monthDocs = monthWrites.write(touched, recounted, written, additions, directory, slots);
    // a version whose pages are unknown was cut short, maybe between the month and the key documents (KeyTotals)
    boolean resync = changes.stream().anyMatch(c -> c.previous().stream().anyMatch(p -> !p.pagesKnown()));
    keys.rewrite(monthDocs, directory, keyFields, LatestItems.pushedKeys(changes), resync);
    return new Applied(touched.values().stream().filter(r -> TimelineKeys.ALL.equals(r.key()))
        .map(r -> written.get(r.id())).filter(d -> d != null).toList(), allPagesByDay(touched.values(), monthDocs), placed);
  }

  private static String labelOf(Map<String, Document> directory, String hour) {
    String label = TimelineMonths.label(hour, TimelineMonths.usesDays(
        directory.get(TimelineKeys.monthId(TimelineKeys.ALL, TimelineKeys.monthOfHour(hour)))));
    return TimelineKeys.isDayLabel(hour) ? hour : label;
  }

  /**
   * The key-labels whose counts are recomputed from their pages' content, read back after the write: those a
   * page of which loses refs (a new version, a replay of a cut-short batch), those of several pages (their
   * per-page counts and time spans), and the {@code all} key's (whose pages the co-occurrence summaries are
   * computed from). Every other touched key-label only gains refs of first versions, and is counted with
   * {@code $inc} without a read: the usual batch, where most pages are sparse keys' with a few refs.
   */
  private Set<String> recountedBases(Iterable<PageRef> touched, Set<String> removed, Map<String, Document> directory,
      Pages.Allocator slots) {
    Set<String> recounted = new HashSet<>();
    for (PageRef ref : touched) {
      Document month = directory.get(TimelineKeys.monthId(ref.key(), TimelineKeys.monthOfHour(ref.hour())));
      if (removed.contains(ref.id()) || TimelineKeys.ALL.equals(ref.key()) || Pages.count(slots.slots(ref.base()), cap) > 1
          || TimelineMonths.pageCounts(month, ref.hour()) != null) {
        recounted.add(ref.base());
      }
    }
    return recounted;
  }

  /**
   * Per page that may hold an earlier version of an article of the batch one {@code $pull} of those articles, then per
   * page one {@code $push} of the new refs, in one ordered bulk, pulls first. A push, not {@code $addToSet} (an equality
   * test of each new ref against every ref of the page: the embedded server's largest single cost, a whole-document
   * comparison on MongoDB too), because no page that may hold a ref of an article stays unpulled before its push:
   * a first version claimed by its insert ({@code ArticleDocuments}) has no ref anywhere; a new version of a complete
   * one pulls the exact pages its item names; a replay of a batch cut short at any write, or a version over one cut
   * short, has a placement without pages and pulls every page the month directory lists, which lists every page a
   * batch may write ({@link MonthWrites#reserve} runs before the pages); the same version into the same page is pulled,
   * then pushed ({@code CutShortBatchTest}). Two store instances writing one article at once were never made safe by
   * {@code $addToSet}: the loser of the insert pulls, then pushes to a page it picks from its own read of the
   * directory, which the winner's push may reach before or after, on that page or another. Readers list an article
   * once whatever its refs ({@code TimelineQuery} dedupes by article id); its next version pulls every ref, and a
   * count may be one too high until then. The recounted pages are then read back by {@code _id $in}; refs of a page
   * are in no particular order (readers sort a label's refs).
   */
  private Map<String, Document> rewritePages(Map<String, Set<String>> removals, Map<String, List<Document>> additions,
      Map<String, PageRef> touched, Set<String> recounted) {
    List<WriteModel<Document>> writes = new ArrayList<>(removals.size() + additions.size());
    removals.forEach((id, articleIds) ->
        writes.add(KeyedDocuments.update(id, List.of(Updates.pull("items", Filters.in("articleId", articleIds))))));
    EncodedOnce refs = new EncodedOnce(buckets); // an article's one ref goes to each of its keys' pages
    additions.forEach((id, items) -> {
      PageRef ref = touched.get(id);
      Document meta = new Document("key", ref.key()).append("hour", Date.from(TimelineKeys.labelStart(ref.hour())))
          .append("label", ref.hour()).append("page", ref.page());
      BsonDocument update = new BsonDocument("$setOnInsert", refs.toBson(meta));
      update.putAll(refs.pushEach("items", items));
      writes.add(KeyedDocuments.upsert(id, update));
    });
    KeyedDocuments.write(buckets, writes);
    // read back only what is computed from them: the count and time span of each page (MonthWrites), and the actors
    // and themes of the all key's, from which co-occurrence is summed (packed with the other filter fields since
    // Codecs.refDocument packs them: one binary a ref, not decoded here unless the ref counts)
    List<String> readAll = new ArrayList<>();
    List<String> readCounts = new ArrayList<>();
    touched.values().stream().filter(r -> recounted.contains(r.base()))
        .forEach(r -> (TimelineKeys.ALL.equals(r.key()) ? readAll : readCounts).add(r.id()));
    Map<String, Document> read = new HashMap<>(KeyedDocuments.load(buckets, readAll, Projections.include("key", "label", "page",
        "items.t", "items.dup", "items.actorIds", "items.themeIds", "items." + Packed.FIELD), PAGES_PER_READ));
    read.putAll(KeyedDocuments.load(buckets, readCounts, Projections.include("items.t", "items.dup"), PAGES_PER_READ));
    return read;
  }

  /** Per day of a rewritten {@code all} page, the labels of every {@code all} page of that day. */
  private Map<String, List<String>> allPagesByDay(Iterable<PageRef> touched, List<Document> monthDocs) {
    Map<String, List<String>> byDay = new LinkedHashMap<>();
    for (PageRef ref : touched) {
      String day = ref.hour().substring(0, 10);
      if (!TimelineKeys.ALL.equals(ref.key()) || byDay.containsKey(day)) {
        continue;
      }
      String monthId = TimelineKeys.monthId(TimelineKeys.ALL, TimelineKeys.monthOfHour(ref.hour()));
      Document month = monthDocs.stream().filter(m -> monthId.equals(TimelineKeys.monthId(m.getString("key"), m.getString("month"))))
          .findFirst().orElseThrow();
      List<String> labels = new ArrayList<>();
      for (String hour : TimelineMonths.hoursOfDay(month, day)) {
        Number slots = TimelineMonths.field(month, TimelineMonths.SLOTS, hour);
        int pages = slots == null ? 1 : Pages.count(slots.longValue(), cap);
        for (int p = 0; p < pages; p++) {
          labels.add(pageLabel(hour, p));
        }
      }
      byDay.put(day, labels);
    }
    return byDay;
  }

  /** {@code 2024-09-12T07#0}: one page of an hour, without its key. */
  public static String pageLabel(String hour, int page) {
    return hour + "#" + page;
  }

  /** The page label of a bucket page document (one written before paging is page 0 of its hour). */
  static String pageLabelOf(Document bucket) {
    String label = bucket.getString("label");
    if (label == null) {
      String id = bucket.getString("_id");
      label = id.substring(id.lastIndexOf('|') + 1);
    }
    return pageLabel(label, bucket.getInteger("page", 0));
  }
}
