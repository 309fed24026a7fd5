package io.newsflow.store.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Counts of actor pairs named together, with the themes of the articles naming them, and their stored form:
 * one line per pair, {@code a TAB b TAB n TAB theme=n theme=n}. A text field rather than nested documents
 * because the embedded server's cost is per stored element: thirty days of ~400 pairs with their themes read
 * as thirty strings instead of ~100,000 elements. Ids are escaped ({@code %XX}) if they hold a separator.
 */
final class PairCounts {

  /** Pairs kept per stored document, the most frequent first: ~100 bytes each, so ~0.5 MB at most. */
  static final int MAX_PAIRS = 5_000;

  private static final class Count {
    long n;
    // a hash map while counting: a day's summary merges ~40 parts of ~2,000 pairs each per batch, and a tree map's
    // ordered inserts were most of that (BENCHMARKS.md, "Client CPU in the burst"); ordered only for output (top).
    // Mutable tallies, so that counting an article boxes no Long per pair and theme.
    final Map<String, long[]> themes = new HashMap<>(8);

    void addTheme(String theme, long n) {
      long[] t = themes.get(theme);
      if (t == null) {
        themes.put(theme, new long[] {n});
      } else {
        t[0] += n;
      }
    }
  }

  // by first actor, then second (a < b): an article of 12 actors looks up 11 first actors and 66 pairs, and builds
  // no key per pair (a concatenated key was built and hashed for each of the 66)
  private final Map<String, Map<String, Count>> pairs = new HashMap<>();

  /** One article: every pair of its (distinct) actors, ordered a &lt; b, once, with each of its (distinct) themes. */
  void addArticle(List<String> actorIds, List<String> themeIds) {
    String[] actors = actorIds.toArray(new String[0]);
    Arrays.sort(actors);
    String[] themes = themeIds.stream().distinct().toArray(String[]::new); // once per article, not per pair
    for (int i = 0; i < actors.length; i++) {
      if (i > 0 && actors[i].equals(actors[i - 1])) {
        continue;
      }
      Map<String, Count> withA = null;
      for (int j = i + 1; j < actors.length; j++) {
        if (actors[j].equals(actors[j - 1])) {
          continue; // a repeat of b, or of a itself
        }
        if (withA == null) {
          withA = pairs.computeIfAbsent(actors[i], k -> new HashMap<>());
        }
        Count c = withA.computeIfAbsent(actors[j], k -> new Count());
        c.n++;
        for (String t : themes) {
          c.addTheme(t, 1);
        }
      }
    }
  }

  private Count count(String a, String b) {
    return pairs.computeIfAbsent(a, k -> new HashMap<>()).computeIfAbsent(b, k -> new Count());
  }

  /**
   * Pairs as documents written before summaries were text ({@code {a, b, n, themes: [{id, n}]}}, one list per
   * hour of a day document): read so that a store written before keeps its history.
   */
  static PairCounts ofLegacy(Collection<?> hourLists) {
    PairCounts counts = new PairCounts();
    for (Object list : hourLists) {
      for (Object o : (List<?>) list) {
        Document p = (Document) o;
        Count c = counts.count(p.getString("a"), p.getString("b"));
        c.n += p.get("n", Number.class).longValue();
        p.getList("themes", Document.class, List.of()).forEach(t -> c.addTheme(t.getString("id"), t.get("n", Number.class).longValue()));
      }
    }
    return counts;
  }

  void addAll(PairCounts other) {
    other.pairs.forEach((a, withA) -> {
      Map<String, Count> mine = pairs.computeIfAbsent(a, k -> new HashMap<>());
      withA.forEach((b, o) -> {
        Count c = mine.computeIfAbsent(b, k -> new Count());
        c.n += o.n;
        o.themes.forEach((t, n) -> c.addTheme(t, n[0]));
      });
    });
  }

  /**
   * Takes away counts added before (a part summed into a day's total); pairs and themes that reach zero go. False, with
   * this left part-way, when {@code other} holds more than this: then it was not added here, and the caller sums again.
   */
  boolean subtract(PairCounts other) {
    for (Map.Entry<String, Map<String, Count>> withA : other.pairs.entrySet()) {
      Map<String, Count> mine = pairs.get(withA.getKey());
      for (Map.Entry<String, Count> e : withA.getValue().entrySet()) {
        Count c = mine == null ? null : mine.get(e.getKey());
        Count o = e.getValue();
        if (c == null || c.n < o.n) {
          return false;
        }
        c.n -= o.n;
        for (Map.Entry<String, long[]> t : o.themes.entrySet()) {
          long[] have = c.themes.get(t.getKey());
          long left = (have == null ? 0 : have[0]) - t.getValue()[0];
          if (left < 0) {
            return false;
          }
          if (left == 0) {
            c.themes.remove(t.getKey());
          } else {
            have[0] = left;
          }
        }
        if (c.n == 0) {
          mine.remove(e.getKey());
          if (mine.isEmpty()) {
            pairs.remove(withA.getKey());
          }
        }
      }
    }
    return true;
  }

  /** Pairs counted. */
  int size() {
    int size = 0;
    for (Map<String, Count> withA : pairs.values()) {
      size += withA.size();
    }
    return size;
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /** The {@code limit} most frequent pairs, optionally only those naming {@code actor}. */
  List<Aggregates.Pair> top(String actor, int limit) {
    record Ranked(String a, String b, Count c) {}
    List<Ranked> ranked = new ArrayList<>();
    pairs.forEach((a, withA) -> withA.forEach((b, c) -> {
      if (actor == null || actor.equals(a) || actor.equals(b)) {
        ranked.add(new Ranked(a, b, c));
      }
    }));
    ranked.sort(Comparator.comparingLong((Ranked r) -> r.c().n).reversed().thenComparing(Ranked::a).thenComparing(Ranked::b));
    List<Aggregates.Pair> out = new ArrayList<>(Math.min(limit, ranked.size()));
    for (Ranked r : ranked.subList(0, Math.min(limit, ranked.size()))) {
      Map<String, Long> themes = new TreeMap<>();
      r.c().themes.forEach((t, n) -> themes.put(t, n[0]));
      out.add(new Aggregates.Pair(r.a(), r.b(), r.c().n, java.util.Collections.unmodifiableMap(themes)));
    }
    return List.copyOf(out);
  }

  String encode() {
    StringBuilder text = new StringBuilder();
    for (Aggregates.Pair p : top(null, MAX_PAIRS)) {
      text.append(escape(p.a())).append('\t').append(escape(p.b())).append('\t').append(p.count()).append('\t');
      String sep = "";
      for (Map.Entry<String, Long> t : p.themes().entrySet()) {
        text.append(sep).append(escape(t.getKey())).append('=').append(t.getValue());
        sep = " ";
      }
      text.append('\n');
    }
    return text.toString();
  }

  static PairCounts decode(String text) {
    PairCounts counts = new PairCounts();
    scan(text, (a, b, n, line, themesFrom, themesTo) -> {
      Count c = counts.count(a, b);
      c.n += n;
      addThemes(line, themesFrom, themesTo, c::addTheme);
    });
    return counts;
  }

  /**
   * The {@code limit} most frequent pairs over several stored summaries (the days of a dashboard range),
   * optionally only those naming {@code actor}. Counts are summed first and themes parsed only for the pairs
   * returned: a month of summaries holds ~10,000 pair lines, a dashboard shows twenty.
   */
  static List<Aggregates.Pair> top(List<String> encoded, String actor, int limit) {
    Map<String, long[]> counts = new HashMap<>();
    for (String text : encoded) {
      scan(text, (a, b, n, line, from, to) -> {
        if (actor == null || actor.equals(a) || actor.equals(b)) {
          counts.computeIfAbsent(a + "\u0000" + b, k -> new long[1])[0] += n;
        }
      });
    }
    List<String> best = counts.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed().thenComparing(Map.Entry::getKey))
        .limit(limit).map(Map.Entry::getKey).toList();
    Map<String, Map<String, Long>> themes = new HashMap<>();
    best.forEach(pair -> themes.put(pair, new TreeMap<>()));
    for (String text : encoded) {
      scan(text, (a, b, n, line, from, to) -> {
        Map<String, Long> t = themes.get(a + "\u0000" + b);
        if (t != null) {
          addThemes(line, from, to, (id, count) -> t.merge(id, count, Long::sum));
        }
      });
    }
    List<Aggregates.Pair> out = new ArrayList<>(best.size());
    for (String pair : best) {
      String[] ab = pair.split("\u0000", 2);
      out.add(new Aggregates.Pair(ab[0], ab[1], counts.get(pair)[0], java.util.Collections.unmodifiableMap(themes.get(pair))));
    }
    return out;
  }

  /** One stored line: its pair, count, and where its themes are in the text. */
  private interface Line {
    void visit(String a, String b, long n, String text, int themesFrom, int themesTo);
  }

  private static void scan(String text, Line visitor) {
    if (text == null) {
      return;
    }
    int pos = 0;
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      end = end < 0 ? text.length() : end;
      int t1 = text.indexOf('\t', pos);
      int t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
      int t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
      if (t1 > pos && t3 > t2 && t3 < end) {
        visitor.visit(unescape(text.substring(pos, t1)), unescape(text.substring(t1 + 1, t2)),
            Long.parseLong(text, t2 + 1, t3, 10), text, t3 + 1, end);
      }
      pos = end + 1;
    }
  }

  private static void addThemes(String text, int from, int to, java.util.function.ObjLongConsumer<String> into) {
    int pos = from;
    while (pos < to) {
      int space = text.indexOf(' ', pos);
      int end = space < 0 || space > to ? to : space;
      int eq = text.lastIndexOf('=', end - 1);
      if (eq > pos) {
        into.accept(unescape(text.substring(pos, eq)), Long.parseLong(text, eq + 1, end, 10));
      }
      pos = end + 1;
    }
  }

  private static String escape(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (char ch : id.toCharArray()) {
      if (ch == '%' || ch == '\t' || ch == '\n' || ch == ' ' || ch == '=' || ch == '\u0000') {
        out.append('%').append(String.format("%02X", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static String unescape(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '%' && i + 2 < text.length()) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
