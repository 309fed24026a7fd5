package io.newsflow.store.actor;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.newsflow.store.mongo.Collections;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;

/**
 * Actors seen in stored articles, searchable by a prefix of any word of their name or of an alias (the
 * surface forms the enricher matched, which the writer keeps on each actor's key document), case- and
 * diacritic-insensitive, most-written-about first.
 *
 * <p>An in-memory index rebuilt from the actor key documents (one per actor: a few thousand at most, so a
 * few hundred KB) when older than the refresh interval: a search is a lookup in a sorted word map, never a
 * query per request. The rebuild reads the small key collection once; one caller rebuilds while the
 * others keep answering from the previous index.
 */
public final class ActorDirectory {

  /** One actor as the gateway lists it; {@code articleCount} leaves duplicates out. */
  public record ActorMatch(String actorId, String name, String type, long articleCount) {}

  private record Index(Instant builtAt, List<ActorMatch> byCount, NavigableMap<String, Set<Integer>> words) {}

  private final MongoCollection<Document> keys;
  private final Duration refresh;
  private final Clock clock;
  private final ReentrantLock rebuilding = new ReentrantLock();
  private volatile Index index;

  public ActorDirectory(MongoDatabase db, Duration refresh, Clock clock) {
    this.keys = db.getCollection(Collections.TIMELINE_KEYS);
    this.refresh = refresh;
    this.clock = clock;
  }

  /** Actors whose names or aliases have a word starting with each word of {@code query}. */
  public List<ActorMatch> search(String query, int limit) {
    List<String> wanted = ActorNames.words(query);
    Index current = current();
    if (wanted.isEmpty()) {
      return List.of();
    }
    Set<Integer> hits = null;
    for (String w : wanted) {
      Set<Integer> forWord = new LinkedHashSet<>();
      // every indexed word in [w, w + U+FFFF) starts with w
      current.words().subMap(w, true, w + Character.MAX_VALUE, false).values().forEach(forWord::addAll);
      if (hits == null) {
        hits = forWord;
      } else {
        hits.retainAll(forWord);
      }
    }
    // positions in byCount are ranks: the smallest positions are the most frequent actors
    return hits.stream().sorted().limit(limit).map(current.byCount()::get).toList();
  }

  /** The actors with the most (non-duplicate) articles. */
  public List<ActorMatch> top(int limit) {
    List<ActorMatch> all = current().byCount();
    return all.subList(0, Math.min(limit, all.size()));
  }

  /** Drops the index, so the next call rebuilds it (tests, and after a retention sweep). */
  public void invalidate() {
    index = null;
  }

  private Index current() {
    Index current = index;
    boolean stale = current == null || current.builtAt().plus(refresh).isBefore(clock.instant());
    if (!stale) {
      return current;
    }
    if (current == null) {
      rebuilding.lock(); // nothing to answer from yet: wait for the first build
    } else if (!rebuilding.tryLock()) {
      return current;
    }
    try {
      if (index == current) {
        index = build();
      }
      return index;
    } finally {
      rebuilding.unlock();
    }
  }

  private Index build() {
    Instant now = clock.instant();
    List<Document> docs = new ArrayList<>();
    keys.find(Filters.eq("kind", "actor")).projection(Projections.include("ref", "name", "type", "unique", "aliases"))
        .forEach(docs::add);
    List<ActorMatch> byCount = new ArrayList<>(docs.size());
    Map<String, List<String>> namesOf = new HashMap<>();
    for (Document d : docs) {
      Number n = d.get("unique", Number.class);
      if (n == null || n.longValue() == 0) {
        continue; // every article of this actor went (retention) or is a duplicate
      }
      ActorMatch m = new ActorMatch(d.getString("ref"), d.getString("name"), d.getString("type"), n.longValue());
      byCount.add(m);
      List<String> names = new ArrayList<>(d.getList("aliases", String.class, List.of()));
      names.add(m.name());
      names.add(m.actorId());
      namesOf.put(m.actorId(), names);
    }
    byCount.sort(Comparator.comparingLong(ActorMatch::articleCount).reversed().thenComparing(ActorMatch::actorId));
    NavigableMap<String, Set<Integer>> words = new TreeMap<>();
    for (int rank = 0; rank < byCount.size(); rank++) {
      for (String name : namesOf.get(byCount.get(rank).actorId())) {
        for (String w : ActorNames.words(name)) {
          words.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(rank);
        }
      }
    }
    return new Index(now, List.copyOf(byCount), words);
  }
}
