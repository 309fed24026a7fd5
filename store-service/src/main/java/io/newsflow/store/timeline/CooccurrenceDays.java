package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.newsflow.store.article.ArticleWriter;
import io.newsflow.store.mongo.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Actor co-occurrence per day: for every rewritten "all" hour bucket, the pairs of actors its (non
 * duplicate) articles name together, with their themes, are recomputed from the bucket and set on that
 * day's document under the hour. Setting a value computed from the whole bucket makes it repeatable.
 */
public final class CooccurrenceDays implements ArticleWriter.ReadModel {

  private final MongoCollection<Document> days;

  public CooccurrenceDays(MongoDatabase db) {
    this.days = db.getCollection(Collections.COOCCURRENCE_DAYS);
  }

  @Override
  public void apply(List<ArticleWriter.StoredChange> changes, List<Document> allBuckets) {
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (Document bucket : allBuckets) {
      String hour = TimelineBuckets.hourOf(bucket);
      String day = hour.substring(0, 10);
      writes.add(new UpdateOneModel<>(Filters.eq("_id", day),
          Updates.combine(Updates.set("day", day), Updates.set("hours." + hour.substring(11), pairs(bucket))),
          new UpdateOptions().upsert(true)));
    }
    if (!writes.isEmpty()) {
      days.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
  }

  /** Pairs as a list (actor ids such as "org.csto" cannot be field names), ordered a < b. */
  static List<Document> pairs(Document bucket) {
    Map<String, Map<String, Integer>> themesByPair = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (Document item : bucket.getList("items", Document.class)) {
      if (item.getBoolean("dup", false)) {
        continue;
      }
      TreeSet<String> actors = new TreeSet<>();
      actors.addAll(item.getList("actorIds", String.class));
      List<String> themes = item.getList("themeIds", String.class);
      List<String> sorted = new ArrayList<>(actors);
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          String pair = sorted.get(i) + "\u0000" + sorted.get(j);
          counts.merge(pair, 1, Integer::sum);
          Map<String, Integer> t = themesByPair.computeIfAbsent(pair, k -> new TreeMap<>());
          themes.forEach(theme -> t.merge(theme, 1, Integer::sum));
        }
      }
    }
    List<Document> out = new ArrayList<>(counts.size());
    counts.forEach((pair, n) -> {
      String[] ab = pair.split("\u0000", 2);
      List<Document> themes = new ArrayList<>();
      themesByPair.get(pair).forEach((t, c) -> themes.add(new Document("id", t).append("n", c)));
      out.add(new Document("a", ab[0]).append("b", ab[1]).append("n", n).append("themes", themes));
    });
    return out;
  }
}
