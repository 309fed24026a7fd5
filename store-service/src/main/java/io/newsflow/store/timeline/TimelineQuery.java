package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Answers article timelines from the bucket read model with {@code _id} lookups only: the key documents
 * say which months hold items, the month documents which days (or, in older months, hours) and how many bucket
 * pages each has, and the bucket pages hold the items as small refs, merged and sorted newest first per day or
 * hour on reading (labels of one month are all days or all hours, so label order is time order); the
 * page's own items are then read by {@code _id $in} from the item documents. The most selective filter
 * drives the walk; the others are checked on each ref. An hour of many pages is merged page by page
 * ({@link PagedHour}).
 */
public final class TimelineQuery {

  private static final int MONTHS_PER_READ = 3;
  private static final int MAX_HOURS_PER_READ = 48;

  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> months;
  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> items;
  private final MongoCollection<Document> latest;
  private final int maxScannedItems;
  private final TextSearchTimeline textSearch;
  private final BooleanSupplier textSearchAvailable;

  /**
   * @param textSearchAvailable whether the server answers {@code $text} on the item titles (probed at
   *                            start-up, see {@code Indexes}); if not, free text matches title words in buckets
   */
  public TimelineQuery(MongoDatabase db, int maxScannedItems, BooleanSupplier textSearchAvailable) {
    this.textSearch = new TextSearchTimeline(db);
    this.textSearchAvailable = textSearchAvailable;
    this.buckets = db.getCollection(Collections.TIMELINE_BUCKETS);
    this.months = db.getCollection(Collections.TIMELINE_MONTHS);
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
    this.items = db.getCollection(Collections.TIMELINE_ITEMS);
    this.latest = db.getCollection(Collections.TIMELINE_LATEST);
    this.maxScannedItems = maxScannedItems;
  }

  public TimelinePage page(TimelineRequest r) {
    if (!r.titleWords().isEmpty() && textSearchAvailable.getAsBoolean()) {
      return textSearch.page(r);
    }
    DrivingKeys.Choice driving = DrivingKeys.choose(keys, r);
    Map<String, Document> roots = driving.roots();
    if (roots.isEmpty()) {
      return new TimelinePage(List.of(), null);
    }
    String monthsField = r.includeDuplicates() ? "monthsAll" : "monthsUnique";
    Instant upper = upperBound(r);
    String lowMonth = r.from() == null ? "" : TimelineKeys.month(r.from());
    String highMonth = upper == null ? "~" : TimelineKeys.month(upper);
    NavigableMap<String, Long> monthCounts = new TreeMap<>(Comparator.reverseOrder());
    for (Document root : roots.values()) {
      root.get(monthsField, Document.class).forEach((m, n) -> {
        if (m.compareTo(lowMonth) >= 0 && m.compareTo(highMonth) <= 0) {
          monthCounts.merge(m, ((Number) n).longValue(), Long::sum);
        }
      });
    }
    Walk walk = new Walk(r, roots.keySet(), itemFilter(r), driving.share());
    roots.forEach((key, root) -> {
      if (Boolean.TRUE.equals(root.get(LatestItems.FLAG))) {
        walk.withLatest.add(key);
      }
    });
    List<String> ordered = new ArrayList<>(monthCounts.keySet());
    for (int i = 0; i < ordered.size() && !walk.isDone(); ) {
      // the key documents count each month's refs: read just the months expected to fill the page (a dense key's
      // newest month alone; month documents of a busy key are several KB each), at most MONTHS_PER_READ at once
      int end = i;
      double expected = 0;
      while (end < ordered.size() && end - i < MONTHS_PER_READ && expected < walk.wanted()) {
        expected += monthCounts.get(ordered.get(end)) * walk.share;
        end++;
      }
      walkMonths(walk, ordered.subList(i, end), upper);
      i = end;
    }
    return walk.page();
  }

  private void walkMonths(Walk walk, List<String> monthLabels, Instant upper) {
    List<String> ids = new ArrayList<>();
    for (String key : walk.keys) {
      for (String m : monthLabels) {
        ids.add(TimelineKeys.monthId(key, m));
      }
    }
    String countsField = walk.request.includeDuplicates() ? "all" : "unique";
    String lowHour = walk.request.from() == null ? "" : TimelineKeys.hour(walk.request.from());
    String highHour = upper == null ? "~" : TimelineKeys.hour(upper);
    Map<String, List<PagedHour.Page>> pagesByHour = new LinkedHashMap<>();
    Set<String> busyHours = new HashSet<>();
    Map<String, Long> hourCounts = new java.util.HashMap<>();
    NavigableSet<String> hours = new TreeSet<>(Comparator.reverseOrder());
    for (Document month : KeyedDocuments.load(months, ids).values()) {
      for (String h : month.get(countsField, Document.class).keySet()) {
        if (TimelineKeys.overlaps(h, lowHour, highHour)) {
          hours.add(h);
          hourCounts.merge(h, ((Number) month.get(countsField, Document.class).get(h)).longValue(), Long::sum);
          pagesByHour.computeIfAbsent(h, k -> new ArrayList<>())
              .addAll(TimelineMonths.pages(month, month.getString("key"), h, TimelineBuckets.PAGE_CAP));
          if (TimelineMonths.pageCounts(month, h) != null) {
            busyHours.add(h);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>(hours);
    int round = 0;
    for (int i = 0; i < ordered.size() && !walk.isDone(); round++) {
      // the month documents know each hour's size: read just enough hours to fill the page, more in later
      // rounds when filters reject items
      double wanted = walk.wanted() * (1 << Math.min(round, 6));
      int end = i;
      double expected = 0;
      while (end < ordered.size() && end - i < MAX_HOURS_PER_READ && expected < wanted) {
        expected += hourCounts.getOrDefault(ordered.get(end), 0L) * walk.share;
        end++;
      }
      List<String> hourGroup = ordered.subList(i, end);
      i = end;
      List<String> bucketIds = new ArrayList<>();
      hourGroup.stream().filter(h -> !busyHours.contains(h))
          .forEach(h -> pagesByHour.get(h).forEach(p -> bucketIds.add(p.id())));
      Map<String, Document> loaded = KeyedDocuments.load(buckets, bucketIds, null, TimelineBuckets.PAGES_PER_READ);
      for (String h : hourGroup) {
        if (busyHours.contains(h)) {
          PagedHour.offer(pagesByHour.get(h), walk.fromMillis, walk.highestT(upper),
              pageIds -> KeyedDocuments.load(buckets, pageIds), walk::offer, walk::isDone);
          if (walk.isDone()) {
            return;
          }
          continue;
        }
        List<Document> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : pagesByHour.get(h).stream().map(PagedHour.Page::id).toList()) {
          Document bucket = loaded.get(id);
          if (bucket != null) {
            for (Document item : bucket.getList("items", Document.class)) {
              if (seen.add(item.getString("articleId"))) {
                items.add(item);
              }
            }
          }
        }
        items.sort(TimelineBuckets.NEWEST_FIRST);
        walk.offer(items);
        if (walk.isDone()) {
          return;
        }
      }
    }
  }

  private static Instant upperBound(TimelineRequest r) {
    Instant upper = r.to() == null ? null : r.to().minusMillis(1);
    if (r.cursor() != null) {
      Instant c = Instant.ofEpochMilli(r.cursor().t());
      upper = upper == null || c.isBefore(upper) ? c : upper;
    }
    return upper;
  }

  /**
   * Tests a bucket ref (see {@code Codecs.refDocument}) against the filters that did not drive the walk, on its
   * filter fields, unpacked once per ref and only when a filter needs them.
   */
  private static Predicate<Document> itemFilter(TimelineRequest r) {
    Predicate<Document> p = null;
    if (!r.actors().isEmpty()) {
      Set<String> wanted = Set.copyOf(r.actors());
      p = and(p, fields -> {
        List<String> present = fields.getList("actorIds", String.class);
        return r.allActors() ? present.containsAll(wanted) : present.stream().anyMatch(wanted::contains);
      });
    }
    if (!r.themes().isEmpty()) {
      Set<String> wanted = Set.copyOf(r.themes());
      p = and(p, fields -> fields.getList("themeIds", String.class).stream().anyMatch(wanted::contains));
    }
    if (r.source() != null) {
      p = and(p, fields -> r.source().equals(fields.getString("feedId")));
    }
    if (r.language() != null) {
      p = and(p, fields -> r.language().equalsIgnoreCase(fields.getString("language")));
    }
    if (!r.titleWords().isEmpty()) {
      p = and(p, fields -> fields.getList("words", String.class).containsAll(r.titleWords()));
    }
    Predicate<Document> onFields = p;
    return onFields == null ? ref -> true : ref -> onFields.test(Codecs.refFields(ref));
  }

  private static Predicate<Document> and(Predicate<Document> p, Predicate<Document> q) {
    return p == null ? q : p.and(q);
  }

  /** The state of one page walk: the items taken so far and how much was examined. */
  private final class Walk {
    final TimelineRequest request;
    final Set<String> keys;
    final Predicate<Document> filter;
    /** The share of the walked refs the filters are expected to keep (see {@link DrivingKeys}). */
    final double share;
    final long fromMillis;
    final long toMillis;
    final List<Document> taken = new ArrayList<>();
    final Map<String, Document> resolved = new java.util.HashMap<>();
    /** The walked keys that have a list of newest items ({@link LatestItems}). */
    final Set<String> withLatest = new HashSet<>();
    /** The walked keys' newest items by article id, once read (empty where not read). */
    Map<String, Document> newest;
    int scanned;
    Document lastExamined;

    Walk(TimelineRequest request, Set<String> keys, Predicate<Document> filter, double share) {
      this.request = request;
      this.keys = keys;
      this.filter = filter;
      this.share = share;
      this.fromMillis = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
      this.toMillis = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli();
    }

    void offer(List<Document> newestFirst) {
      for (Document item : newestFirst) {
        long t = item.getLong("t");
        String id = item.getString("articleId");
        if (t >= toMillis || t < fromMillis || (request.cursor() != null && !request.cursor().isBefore(t, id))) {
          continue;
        }
        scanned++;
        lastExamined = item;
        if ((request.includeDuplicates() || !item.getBoolean("dup", false)) && filter.test(item)) {
          taken.add(item);
          if (taken.size() > request.limit()) {
            resolve();
          }
        }
        if (isDone()) {
          return;
        }
      }
    }

    /** Refs still to take: the page and one more, which says whether a next page exists. */
    int wanted() {
      return request.limit() + 1 - taken.size();
    }

    boolean isDone() {
      return taken.size() > request.limit() || scanned >= maxScannedItems;
    }

    /** The latest ref time this walk can still take: before {@code to} and not after the cursor. */
    long highestT(Instant upper) {
      return upper == null ? Long.MAX_VALUE : upper.toEpochMilli();
    }

    /**
     * Reads the list-view items of the refs taken so far: from the walked keys' newest items ({@link LatestItems}) on a
     * first page of at most two keys whose refs mostly pass the filters, where a busy key's page finds them all in one
     * document, and the others by {@code _id $in}. A ref whose item does not exist yet belongs to an article whose
     * batch is still being written, and is left out until it does.
     */
    void resolve() {
      List<Document> open = taken.stream().filter(ref -> !resolved.containsKey(ref.getString("articleId"))).toList();
      if (open.isEmpty()) {
        return;
      }
      if (newest == null) {
        boolean first = request.cursor() == null && request.to() == null && keys.size() <= 2 && share >= 0.5;
        // only keys a batch pushed have a list: a sparse key's first page costs no read that finds nothing
        newest = first && !withLatest.isEmpty()
            ? LatestItems.itemsOf(KeyedDocuments.load(latest, withLatest.stream().map(LatestItems::id).toList()).values())
            : Map.of();
      }
      List<String> missing = new ArrayList<>();
      for (Document ref : open) {
        Document cached = newest.get(ref.getString("articleId"));
        // the same version as the ref: listed by the same batch (a revision pulls the old item first); checked anyway
        if (cached != null && cached.get("t").equals(ref.get("t")) && cached.getBoolean("dup", false) == ref.getBoolean("dup", false)) {
          resolved.put(ref.getString("articleId"), new Document("item", cached));
        } else {
          missing.add(ref.getString("articleId"));
        }
      }
      if (!missing.isEmpty()) {
        resolved.putAll(KeyedDocuments.load(items, missing, Projections.include("item")));
        taken.removeIf(ref -> !resolved.containsKey(ref.getString("articleId")));
      }
    }

    TimelinePage page() {
      resolve();
      List<TimelineItem> items = taken.stream().limit(request.limit())
          .map(ref -> Codecs.timelineItem(resolved.get(ref.getString("articleId")).get("item", Document.class))).toList();
      Document last = null;
      if (taken.size() > request.limit()) {
        last = taken.get(request.limit() - 1);
      } else if (scanned >= maxScannedItems) {
        last = lastExamined; // partial page: continue after what was examined
      }
      String next = last == null ? null : new TimelineCursor(last.getLong("t"), last.getString("articleId")).encode();
      return new TimelinePage(items, next);
    }
  }
}
