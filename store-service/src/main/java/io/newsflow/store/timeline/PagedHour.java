package io.newsflow.store.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;

/**
 * Reads a day (or, in older months, an hour) of many bucket pages newest first without reading all of them: the month document keeps
 * each page's oldest and newest ref time, pages are read in order of their newest ref, and a ref is handed
 * on once no unread page can hold a newer one. Feeds deliver roughly in time order, so pages filled in
 * arrival order cover nearly disjoint spans and the first page of 50 refs reads one or two pages of an hour
 * of thousands; a page without known bounds (written before they were kept) is read first.
 */
final class PagedHour {

  /**
   * Pages read per round trip while merging: one, since a day of a busy key is several full pages of ~60 KB and the
   * newest alone usually fills a page of 50 (a second page costs a round trip only when it does not).
   */
  static final int PAGES_PER_READ = 1;

  /** One page and the span of its refs' times (unknown: {@code Long.MIN_VALUE .. Long.MAX_VALUE}). */
  record Page(String id, long minT, long maxT) {}

  private PagedHour() {}

  /**
   * Offers the refs of {@code pages} to {@code offer} in newest-first order, in several calls, until
   * {@code done}; pages wholly outside [{@code lowT}, {@code highT}] are not read.
   */
  static void offer(List<Page> pages, long lowT, long highT, Function<List<String>, Map<String, Document>> load,
      Consumer<List<Document>> offer, BooleanSupplier done) {
    List<Page> ordered = new ArrayList<>(pages.stream().filter(p -> p.minT() <= highT && p.maxT() >= lowT).toList());
    ordered.sort(Comparator.comparingLong(Page::maxT).reversed());
    PriorityQueue<Document> pool = new PriorityQueue<>(TimelineBuckets.NEWEST_FIRST);
    Set<String> seen = new HashSet<>();
    int i = 0;
    while (i < ordered.size() && !done.getAsBoolean()) {
      List<Page> group = ordered.subList(i, Math.min(ordered.size(), i + PAGES_PER_READ));
      i += group.size();
      Map<String, Document> loaded = load.apply(group.stream().map(Page::id).toList());
      for (Page p : group) {
        Document page = loaded.get(p.id());
        if (page != null) {
          for (Document ref : page.getList("items", Document.class)) {
            // an article listed under several of the walked keys is offered once
            if (seen.add(ref.getString("articleId"))) {
              pool.add(ref);
            }
          }
        }
      }
      long unreadNewest = i < ordered.size() ? ordered.get(i).maxT() : Long.MIN_VALUE;
      List<Document> ready = new ArrayList<>();
      while (!pool.isEmpty() && pool.peek().getLong("t") > unreadNewest) {
        ready.add(pool.poll());
      }
      offer.accept(ready);
    }
  }
}
