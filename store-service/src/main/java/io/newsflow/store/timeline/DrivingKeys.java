package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import io.newsflow.store.mongo.KeyedDocuments;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Which keys' buckets a timeline page walks (of the filters given, the one with the fewest items) and how many
 * of their refs the other filters are expected to keep. The share is estimated from the key documents' totals as
 * if the filters were independent ({@code a:KAZ} in 60 % of articles, {@code t:trade} in 12 %: a walk of
 * {@code t:trade} keeps ~60 % of its refs), so the first read of a walk asks for enough days to fill the page
 * instead of doubling its reads round after round. An estimate only decides how much is read per round trip,
 * never what is shown: every ref is still tested against every filter.
 */
final class DrivingKeys {

  /** The least share assumed: one ref in 64 (a read is bounded by the days per read anyway). */
  static final double MIN_SHARE = 1.0 / 64;

  /** The walked keys' documents (empty: a required filter matches nothing) and the share of refs expected to pass. */
  record Choice(Map<String, Document> roots, double share) {}

  private DrivingKeys() {}

  static Choice choose(MongoCollection<Document> keys, TimelineRequest r) {
    List<List<String>> options = new ArrayList<>();
    List<String> actorKeys = r.actors().stream().map(TimelineKeys::actor).toList();
    if (!actorKeys.isEmpty()) {
      options.add(r.allActors() ? List.of(actorKeys.getFirst()) : actorKeys);
      if (r.allActors()) {
        actorKeys.forEach(k -> options.add(List.of(k)));
      }
    }
    List<String> themeKeys = r.themes().stream().map(TimelineKeys::theme).toList();
    if (!themeKeys.isEmpty()) {
      options.add(themeKeys);
    }
    if (r.source() != null) {
      options.add(List.of(TimelineKeys.source(r.source())));
    }
    if (r.language() != null) {
      options.add(List.of(TimelineKeys.language(r.language())));
    }
    if (r.source() != null && r.language() != null) {
      options.add(List.of(TimelineKeys.sourceLanguage(r.source(), r.language())));
    }
    if (options.isEmpty()) {
      options.add(List.of(TimelineKeys.ALL));
    }
    Set<String> wanted = new HashSet<>();
    options.forEach(wanted::addAll);
    wanted.add(TimelineKeys.ALL); // the denominator of the shares, in the same read
    Map<String, Document> roots = KeyedDocuments.load(keys, wanted);
    List<String> best = null;
    long bestCost = Long.MAX_VALUE;
    for (List<String> option : options) {
      long cost = 0;
      boolean anyPresent = false;
      for (String k : option) {
        if (roots.containsKey(k)) {
          anyPresent = true;
          cost += total(roots.get(k));
        }
      }
      if (!anyPresent) {
        return new Choice(Map.of(), 1); // a required filter matches nothing at all
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = option;
      }
    }
    Map<String, Document> chosen = new LinkedHashMap<>();
    for (String k : best) {
      if (roots.containsKey(k)) {
        chosen.put(k, roots.get(k));
      }
    }
    return new Choice(chosen, share(r, best, roots));
  }

  /** The share of the walked keys' refs that the filters they do not stand for are expected to keep. */
  static double share(TimelineRequest r, List<String> driving, Map<String, Document> roots) {
    long everything = total(roots.get(TimelineKeys.ALL));
    if (everything <= 0) {
      return 1;
    }
    double share = 1;
    List<String> actorKeys = r.actors().stream().map(TimelineKeys::actor).toList();
    if (r.allActors()) {
      for (String k : actorKeys) {
        share *= driving.contains(k) ? 1 : fraction(roots, List.of(k), everything);
      }
    } else if (!actorKeys.isEmpty() && !driving.equals(actorKeys)) {
      share *= fraction(roots, actorKeys, everything);
    }
    List<String> themeKeys = r.themes().stream().map(TimelineKeys::theme).toList();
    if (!themeKeys.isEmpty() && !driving.equals(themeKeys)) {
      share *= fraction(roots, themeKeys, everything);
    }
    boolean pair = r.source() != null && r.language() != null
        && driving.contains(TimelineKeys.sourceLanguage(r.source(), r.language()));
    if (r.source() != null && !pair && !driving.contains(TimelineKeys.source(r.source()))) {
      share *= fraction(roots, List.of(TimelineKeys.source(r.source())), everything);
    }
    if (r.language() != null && !pair && !driving.contains(TimelineKeys.language(r.language()))) {
      share *= fraction(roots, List.of(TimelineKeys.language(r.language())), everything);
    }
    return Math.max(MIN_SHARE, Math.min(1, share));
  }

  private static double fraction(Map<String, Document> roots, List<String> keys, long everything) {
    long n = 0;
    for (String k : keys) {
      n += total(roots.get(k));
    }
    return Math.min(1, (double) n / everything);
  }

  static long total(Document key) {
    Object n = key == null ? null : key.get("total");
    return n instanceof Number number ? number.longValue() : 0;
  }
}
