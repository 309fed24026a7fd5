package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import io.newsflow.store.mongo.KeyedDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;

/**
 * Actor co-occurrence, kept so that a dashboard query reads one small document per day. Two kinds of
 * document: per page of the {@code all} timeline ({@code 2024-09-12T07#0}) the pairs its (non-duplicate)
 * articles name together, recomputed from the page whenever the page is rewritten; and per day
 * ({@code 2024-09-12}) the sum over every page of the day, recomputed from those parts. Both are values set from
 * content, so applying a batch again gives the same state; neither grows with the number of articles, only
 * with the pairs seen (at most {@link PairCounts#MAX_PAIRS} each).
 */
public final class CooccurrenceDays implements ArticleWriter.ReadModel {

  static final String PAIRS = "pairs";
  static final String LEGACY_HOURS = "hours";
  /** A part's token: new on every write of the part, so that a writer reads a part's text only when it changed. */
  static final String TOKEN = "v";
  /** Parts per read of their texts: up to ~0.5 MB each, so one reply stays far below the wire server's 48 MB limit. */
  static final int PARTS_PER_READ = 40;

  private final MongoCollection<Document> days;
  private final DaySums sums = new DaySums();

  public CooccurrenceDays(MongoDatabase db) {
    this.days = db.getCollection(Collections.COOCCURRENCE_DAYS);
  }

  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, TimelineBuckets.Applied timeline) {
    if (timeline.allPages().isEmpty()) {
      return;
    }
    Map<String, PairCounts> fresh = new LinkedHashMap<>();
    Map<String, DaySums.Part> freshParts = new HashMap<>();
    boolean exact = true;
    for (Document page : timeline.allPages()) {
      PairCounts part = pairs(page);
      String label = TimelineBuckets.pageLabelOf(page);
      fresh.put(label, part);
      freshParts.put(label, new DaySums.Part(UUID.randomUUID().toString(), part.encode()));
      // a part of more pairs than its text keeps is summed as counted, not as stored (see DaySums)
      exact &= part.size() <= PairCounts.MAX_PAIRS;
    }
    // the other pages of the same days: first only their tokens (a few bytes each), then the texts of the parts this
    // writer has not summed as they are stored now; and the day documents of days with hours written before parts
    List<String> others = new ArrayList<>();
    timeline.allPagesByDay().values().forEach(labels -> labels.stream().filter(l -> !fresh.containsKey(l)).forEach(others::add));
    Map<String, Document> tokens = KeyedDocuments.load(days, others, Projections.include(TOKEN));
    Set<String> needed = new HashSet<>();
    Set<String> legacyDays = new java.util.LinkedHashSet<>();
    timeline.allPagesByDay().forEach((day, labels) -> {
      Map<String, String> stored = new HashMap<>();
      for (String label : labels) {
        Document d = tokens.get(label);
        if (d != null) {
          stored.put(label, d.getString(TOKEN));
        } else if (!fresh.containsKey(label)) {
          legacyDays.add(day);
        }
      }
      needed.addAll(sums.textsNeeded(day, stored));
    });
    Map<String, Document> texts = KeyedDocuments.load(days, needed, Projections.include(PAIRS, TOKEN), PARTS_PER_READ);
    Map<String, Document> legacy = legacyDays.isEmpty() ? Map.of() : KeyedDocuments.load(days, legacyDays, Projections.include(LEGACY_HOURS));
    List<WriteModel<Document>> writes = new ArrayList<>(fresh.size() + timeline.allPagesByDay().size());
    freshParts.forEach((label, part) -> writes.add(KeyedDocuments.upsert(label, List.of(Updates.set("day", label.substring(0, 10)),
        Updates.set("part", true), Updates.set(PAIRS, part.text()), Updates.set(TOKEN, part.token())))));
    boolean exactParts = exact;
    timeline.allPagesByDay().forEach((day, labels) -> {
      Map<String, DaySums.Part> parts = new LinkedHashMap<>();
      for (String label : labels) {
        Document text = texts.get(label);
        Document token = tokens.get(label);
        parts.put(label, freshParts.containsKey(label) ? freshParts.get(label)
            // read now: its stored token, or for a part written before tokens, its text
            : text != null ? new DaySums.Part(text.getString(TOKEN) != null ? text.getString(TOKEN) : text.getString(PAIRS), text.getString(PAIRS))
            // unchanged since this writer summed it: the remembered text is meant
            : token != null ? new DaySums.Part(token.getString(TOKEN), null)
            : null);
      }
      PairCounts total = sums.total(day, parts, label -> {
        PairCounts part = fresh.get(label);
        Document d = texts.get(label);
        return part != null ? part : d != null ? PairCounts.decode(d.getString(PAIRS)) : legacyHour(legacy.get(day), label);
      }, exactParts);
      writes.add(KeyedDocuments.upsert(day, List.of(Updates.set("day", day), Updates.set(PAIRS, total.encode()))));
    });
    KeyedDocuments.write(days, writes);
  }

  /** An hour's pairs as a day document kept them before parts existed (one list per hour, the hour's one page). */
  private static PairCounts legacyHour(Document day, String label) {
    Document hours = day == null ? null : day.get(LEGACY_HOURS, Document.class);
    Object list = hours == null || !label.endsWith("#0") ? null : hours.get(label.substring(11, 13));
    return list == null ? new PairCounts() : PairCounts.ofLegacy(List.of(list));
  }

  /** The summary of a day document, from its pairs or, for a day written before summaries, its hour lists. */
  static String summaryOf(Document day) {
    String pairs = day.getString(PAIRS);
    Document hours = day.get(LEGACY_HOURS, Document.class);
    return pairs != null || hours == null ? pairs : PairCounts.ofLegacy(hours.values()).encode();
  }

  /** The pairs of one {@code all} page's refs, duplicates left out. */
  static PairCounts pairs(Document page) {
    PairCounts counts = new PairCounts();
    for (Document item : page.getList("items", Document.class, List.of())) {
      if (!item.getBoolean("dup", false)) {
        Document fields = Codecs.refFields(item);
        counts.addArticle(fields.getList("actorIds", String.class), fields.getList("themeIds", String.class));
      }
    }
    return counts;
  }
}
