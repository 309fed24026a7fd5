package io.newsflow.store.mongo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Numbered pages of a list that grows without bound (an hour's article refs of one timeline key, a day's
 * events, a story's article ids), so that no document grows past a fixed number of entries. Page 0 keeps the
 * list's own id ({@code a:KAZ|2024-09-12T07}, as before paging existed), page n appends {@code #n}. Entries
 * take numbered slots in arrival order and slot s lives on page {@code s / cap}; the number of slots handed
 * out so far is kept in a directory document the reader finds by key (the month document of a timeline key,
 * the event index, a story's first page), so reads stay {@code _id $in} lookups of known ids.
 */
public final class Pages {

  private Pages() {}

  public static String id(String base, int page) {
    return page == 0 ? base : base + "#" + page;
  }

  /** Pages that slots {@code 0 .. slots-1} occupy; at least one, the list's own document. */
  public static int count(long slots, int cap) {
    return slots <= cap ? 1 : (int) ((slots + cap - 1) / cap);
  }

  /** Every page id of a list whose directory has handed out {@code slots} slots. */
  public static List<String> ids(String base, long slots, int cap) {
    int n = count(slots, cap);
    List<String> ids = new ArrayList<>(n);
    for (int p = 0; p < n; p++) {
      ids.add(id(base, p));
    }
    return ids;
  }

  /**
   * Hands out slots of many lists within one batch, starting from the counts their directories held when
   * read. Two writers that read the same count before either wrote fill the same page, which then holds up to
   * twice the cap: a bound that grows with concurrent writers of one list, never with the list.
   */
  public static final class Allocator {

    private final int cap;
    private final Function<String, Long> stored;
    private final Map<String, Long> next = new LinkedHashMap<>();
    private final Map<String, Long> initial = new HashMap<>();

    /** @param stored slots handed out before this batch, per list id (0 for a new list) */
    public Allocator(int cap, Function<String, Long> stored) {
      this.cap = cap;
      this.stored = stored;
    }

    /** The page of the next slot of {@code base}. */
    public int take(String base) {
      long slot = next.computeIfAbsent(base, b -> initial.computeIfAbsent(b, stored));
      next.put(base, slot + 1);
      return (int) (slot / cap);
    }

    /** Slots handed out so far of {@code base}, counting those from before this batch. */
    public long slots(String base) {
      Long n = next.get(base);
      return n != null ? n : initial.computeIfAbsent(base, stored);
    }

    /** Lists that took slots in this batch, with their new counts (to store with {@code $max}). */
    public Map<String, Long> taken() {
      return next;
    }

    public int cap() {
      return cap;
    }
  }
}
