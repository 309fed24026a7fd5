package io.newsflow.store.timeline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.newsflow.store.mongo.Codecs;
import io.newsflow.store.mongo.Collections;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Free text on titles through the server's {@code $text} index on the item documents, for servers that
 * have one (real MongoDB; the embedded server has none, and {@link TimelineQuery} matches title words in
 * the buckets instead). One query: the text match, the other filters on the item's fields, newest first
 * after the cursor. Each word is searched as a quoted phrase, so all must occur (as in the fallback) and
 * none is read as a negation; the words come from {@link TitleWords}, letters and digits only.
 */
final class TextSearchTimeline {

  private final MongoCollection<Document> items;

  TextSearchTimeline(MongoDatabase db) {
    this.items = db.getCollection(Collections.TIMELINE_ITEMS);
  }

  TimelinePage page(TimelineRequest r) {
    List<Document> found = new ArrayList<>();
    items.find(filter(r)).projection(Projections.include("item", "timelineAt"))
        .sort(Sorts.descending("timelineAt", "_id")).limit(r.limit() + 1).batchSize(r.limit() + 1).forEach(found::add);
    List<TimelineItem> page = found.stream().limit(r.limit()).map(d -> Codecs.timelineItem(d.get("item", Document.class))).toList();
    String next = null;
    if (found.size() > r.limit()) {
      Document last = found.get(r.limit() - 1);
      next = new TimelineCursor(last.getDate("timelineAt").getTime(), last.getString("_id")).encode();
    }
    return new TimelinePage(page, next);
  }

  /** The query document; built from typed, validated values only. */
  static Bson filter(TimelineRequest r) {
    List<Bson> and = new ArrayList<>();
    and.add(Filters.text(r.titleWords().stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" "))));
    if (!r.includeDuplicates()) {
      and.add(Filters.ne("item.verdict", "DUPLICATE"));
    }
    if (!r.actors().isEmpty()) {
      and.add(r.allActors() ? Filters.all("item.actors.actorId", r.actors()) : Filters.in("item.actors.actorId", r.actors()));
    }
    if (!r.themes().isEmpty()) {
      and.add(Filters.in("item.themes.themeId", r.themes()));
    }
    if (r.source() != null) {
      and.add(Filters.eq("item.feedId", r.source()));
    }
    if (r.language() != null) {
      and.add(Filters.eq("item.language", r.language()));
    }
    if (r.from() != null) {
      and.add(Filters.gte("timelineAt", Date.from(r.from())));
    }
    if (r.to() != null) {
      and.add(Filters.lt("timelineAt", Date.from(r.to())));
    }
    if (r.cursor() != null) {
      Date at = new Date(r.cursor().t());
      and.add(Filters.or(Filters.lt("timelineAt", at), Filters.and(Filters.eq("timelineAt", at), Filters.lt("_id", r.cursor().id()))));
    }
    return Filters.and(and);
  }
}
