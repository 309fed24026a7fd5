package io.newsflow.store.article;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import io.newsflow.store.article.StoreErrorClassifier.Outcome;
import io.newsflow.store.ops.StoreMeters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One poll's records to MongoDB: malformed records to the dead-letter topic, the rest written in one batch.
 *
 * <p>What a failed write leads to is {@link StoreErrorClassifier}'s call:
 * <ul>
 * <li>the database unreachable or busy ({@link Outcome#RETRY}): rethrown, so the container retries the whole batch
 *     with back-off and commits nothing, for as long as the outage lasts;</li>
 * <li>a record the database refuses for good ({@link Outcome#DEAD_LETTER}): the batch is written one article at a
 *     time, and the article that fails is dead-lettered alone;</li>
 * <li>a race or a failure nobody foresaw ({@link Outcome#RETRY_THEN_ISOLATE}): retried like an outage, since a race
 *     with another store instance clears on the next attempt; but once the same batch has failed
 *     {@code isolateAfter} times in a row it is no race, and one article must not stop the store for good: the
 *     batch is written one article at a time, and an article that fails twice more on its own is dead-lettered
 *     with the failure, from where it can be replayed once the cause is fixed. Nothing is skipped silently.</li>
 * </ul>
 */
public class ArticleBatchConsumer {

  private static final Logger log = LoggerFactory.getLogger(ArticleBatchConsumer.class);

  /** The write path, as this class needs it ({@link ArticleWriter#write} in the service). */
  @FunctionalInterface
  public interface Writes {
    ArticleWriter.WriteSummary write(List<EnrichedArticle> batch);
  }

  private final Writes writer;
  private final DeadLetters deadLetters;
  private final int isolateAfter;
  /**
   * Per consumer thread (one container may run several): the batch that failed last, how often in a row, and the
   * records of it already dead-lettered, which a retry of the batch does not send again (each record once).
   */
  private final ThreadLocal<Failing> failing = new ThreadLocal<>();

  private record Failing(String batch, int times, Set<String> deadLettered) {}

  /**
   * @param isolateAfter failed attempts of one batch, with a failure that is not an outage, before it is written one
   *                     article at a time (at least 1)
   */
  public ArticleBatchConsumer(Writes writer, DeadLetters deadLetters, int isolateAfter) {
    if (isolateAfter < 1) {
      throw new IllegalArgumentException("isolateAfter must be at least 1, was " + isolateAfter);
    }
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.isolateAfter = isolateAfter;
  }

  public ArticleWriter.WriteSummary consume(List<ConsumerRecord<String, byte[]>> records) {
    String batch = describe(records);
    Failing before = failing.get();
    boolean again = before != null && before.batch().equals(batch);
    // a retried batch (an outage) comes back whole: its malformed records were dead-lettered by the first attempt
    Set<String> deadLettered = again ? before.deadLettered() : new HashSet<>();
    List<EnrichedArticle> articles = new ArrayList<>(records.size());
    List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      if (deadLettered.contains(at(record))) {
        continue;
      }
      MDC.put(StoreMeters.ARTICLE_ID, record.key());
      try {
        articles.add(EventJson.fromBytes(record.value(), EnrichedArticle.class));
        sources.add(record);
      } catch (EventDecodingException e) {
        deadLetters.send(record, "malformed", e);
        deadLettered.add(at(record));
      } finally {
        MDC.remove(StoreMeters.ARTICLE_ID);
      }
    }
    try {
      ArticleWriter.WriteSummary summary = writer.write(articles);
      StoreMeters.written(summary);
      log.debug("batch of {}: {}", records.size(), summary);
      failing.remove();
      return summary;
    } catch (RuntimeException e) {
      Outcome outcome = StoreErrorClassifier.classify(e);
      int attempt = again ? before.times() + 1 : 1;
      failing.set(new Failing(batch, attempt, deadLettered));
      if (outcome == Outcome.DEAD_LETTER) {
        log.warn("batch {} refused ({}); writing one at a time to isolate the record", batch, e.getMessage(), e);
        // another article of the batch may fail otherwise when written alone: counted like the batch's own failures
        ArticleWriter.WriteSummary summary = writeOneByOne(articles, sources, attempt >= isolateAfter, deadLettered);
        failing.remove();
        return summary;
      }
      if (outcome == Outcome.RETRY || attempt < isolateAfter) {
        // the container retries the whole batch after a back-off and commits nothing meanwhile; say why each time,
        // so a batch that keeps failing shows its cause in the log rather than only a consumer that stopped moving
        log.warn("batch {} not stored (attempt {}), retried after a back-off: {}", batch, attempt, e.toString(), e);
        throw e;
      }
      log.error("batch {} failed {} times in a row ({}); writing it one article at a time and dead-lettering an article "
          + "that still fails", batch, attempt, e.toString(), e);
      ArticleWriter.WriteSummary summary = writeOneByOne(articles, sources, true, deadLettered);
      failing.remove();
      return summary;
    }
  }

  /**
   * @param isolating    whether a failure that is not an outage dead-letters the article (after one more attempt) instead
   *                     of failing the batch again
   * @param deadLettered this batch's records dead-lettered by an earlier attempt (skipped), and by this one ({@link #at})
   */
  private ArticleWriter.WriteSummary writeOneByOne(List<EnrichedArticle> articles,
      List<ConsumerRecord<String, byte[]>> sources, boolean isolating, Set<String> deadLettered) {
    int stored = 0;
    int replays = 0;
    int stale = 0;
    for (int i = 0; i < articles.size(); i++) {
      if (deadLettered.contains(at(sources.get(i)))) {
        continue;
      }
      MDC.put(StoreMeters.ARTICLE_ID, articles.get(i).articleId());
      try {
        ArticleWriter.WriteSummary s = writeAlone(articles.get(i), isolating);
        StoreMeters.written(s);
        stored += s.stored();
        replays += s.replays();
        stale += s.stale();
      } catch (RuntimeException e) {
        Outcome outcome = StoreErrorClassifier.classify(e);
        if (outcome == Outcome.RETRY || (outcome == Outcome.RETRY_THEN_ISOLATE && !isolating)) {
          throw e;
        }
        deadLetters.send(sources.get(i), outcome == Outcome.DEAD_LETTER ? "rejected by database"
            : "failed on every attempt, alone and in its batch (" + e.getClass().getSimpleName() + ")", e);
        deadLettered.add(at(sources.get(i)));
      } finally {
        MDC.remove(StoreMeters.ARTICLE_ID);
      }
    }
    return new ArticleWriter.WriteSummary(stored, replays, stale);
  }

  /** One article's write; while isolating, a failure that is not an outage gets one more attempt first. */
  private ArticleWriter.WriteSummary writeAlone(EnrichedArticle article, boolean isolating) {
    try {
      return writer.write(List.of(article));
    } catch (RuntimeException e) {
      if (!isolating || StoreErrorClassifier.classify(e) != Outcome.RETRY_THEN_ISOLATE) {
        throw e;
      }
      log.warn("article failed alone ({}); one more attempt before it is dead-lettered", e.toString());
      return writer.write(List.of(article));
    }
  }

  /** Where a record is: a batch holds records of several partitions, whose offsets overlap. */
  private static String at(ConsumerRecord<String, byte[]> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** Topic, partition and offset range of a batch: what identifies it when the container hands it over again. */
  private static String describe(List<ConsumerRecord<String, byte[]>> records) {
    if (records.isEmpty()) {
      return "(no records)";
    }
    return records.size() + " records " + at(records.get(0)) + ".." + at(records.get(records.size() - 1));
  }
}
