package io.newsflow.ingest.publish;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes raw articles keyed by article id and returns only when the broker acknowledged all of them.
 * At most {@code maxConcurrent} polls publish at once: polls run on virtual threads, and a burst of
 * hundreds of full feeds handed to the producer together overfilled its buffer, so records expired in it
 * and whole polls failed and were sent again.
 */
public final class RawArticlePublisher {

  private final RecordSender sender;
  private final Semaphore turns;

  public RawArticlePublisher(RecordSender sender, int maxConcurrent) {
    this.sender = sender;
    this.turns = new Semaphore(Math.max(1, maxConcurrent), true);
  }

  /** @throws RecordSender.PublishException when any article was not acknowledged */
  public void publishAll(List<RawArticle> articles) {
    if (articles.isEmpty()) {
      return;
    }
    List<ProducerRecord<String, byte[]>> records = articles.stream()
        .map(a -> new ProducerRecord<>(Topics.RAW_ARTICLES.name(), a.articleId(), EventJson.toBytes(a)))
        .toList();
    try {
      turns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordSender.PublishException(Topics.RAW_ARTICLES.name(), records.getFirst().key(), e);
    }
    try {
      sender.sendAll(records);
    } finally {
      turns.release();
    }
  }
}
