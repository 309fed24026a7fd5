package io.newsflow.store.article;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.json.EventDecodingException;
import io.newsflow.model.json.EventJson;
import io.newsflow.store.ops.StoreMeters;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One poll's records to MongoDB: malformed records to the dead-letter topic, the rest written in one
 * batch. A transient failure is rethrown so the container retries the whole batch with back-off and
 * commits nothing; a record the database refuses for good is found by writing one at a time and
 * dead-lettered alone.
 */
public class ArticleBatchConsumer {

  private static final Logger log = LoggerFactory.getLogger(ArticleBatchConsumer.class);

  private final ArticleWriter writer;
  private final DeadLetters deadLetters;

  public ArticleBatchConsumer(ArticleWriter writer, DeadLetters deadLetters) {
    this.writer = writer;
    this.deadLetters = deadLetters;
  }

  public ArticleWriter.WriteSummary consume(List<ConsumerRecord<String, byte[]>> records) {
    List<EnrichedArticle> articles = new ArrayList<>(records.size());
    List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.size());
    for (ConsumerRecord<String, byte[]> record : records) {
      MDC.put(StoreMeters.ARTICLE_ID, record.key());
      try {
        articles.add(EventJson.fromBytes(record.value(), EnrichedArticle.class));
        sources.add(record);
      } catch (EventDecodingException e) {
        deadLetters.send(record, "malformed", e);
      } finally {
        MDC.remove(StoreMeters.ARTICLE_ID);
      }
    }
    try {
      ArticleWriter.WriteSummary summary = writer.write(articles);
      StoreMeters.written(summary);
      log.debug("batch of {}: {}", records.size(), summary);
      return summary;
    } catch (RuntimeException e) {
      if (StoreErrorClassifier.isRetryable(e)) {
        throw e;
      }
      log.warn("batch refused ({}); writing one at a time to isolate the record", e.getMessage());
      return writeOneByOne(articles, sources);
    }
  }

  private ArticleWriter.WriteSummary writeOneByOne(List<EnrichedArticle> articles,
      List<ConsumerRecord<String, byte[]>> sources) {
    int stored = 0;
    int replays = 0;
    int stale = 0;
    for (int i = 0; i < articles.size(); i++) {
      MDC.put(StoreMeters.ARTICLE_ID, articles.get(i).articleId());
      try {
        ArticleWriter.WriteSummary s = writer.write(List.of(articles.get(i)));
        StoreMeters.written(s);
        stored += s.stored();
        replays += s.replays();
        stale += s.stale();
      } catch (RuntimeException e) {
        if (StoreErrorClassifier.isRetryable(e)) {
          throw e;
        }
        deadLetters.send(sources.get(i), "rejected by database", e);
      } finally {
        MDC.remove(StoreMeters.ARTICLE_ID);
      }
    }
    return new ArticleWriter.WriteSummary(stored, replays, stale);
  }
}
