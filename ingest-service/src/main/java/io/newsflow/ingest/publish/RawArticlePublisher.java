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
 * A poll takes a {@link #turn()} before it parses and assembles its feed and keeps it until its cursor is
 * saved: at most {@code maxConcurrent} polls hold assembled articles at once. (Polls run on virtual threads;
 * bounding only the send let hundreds of polls wait with their assembled articles in memory, and a
 * 1,000-feed burst drove ingest into back-to-back full GCs.)
 */
public final class RawArticlePublisher {

  private final RecordSender sender;
  private final Semaphore turns;

  public RawArticlePublisher(RecordSender sender, int maxConcurrent) {
    this.sender = sender;
    this.turns = new Semaphore(Math.max(1, maxConcurrent), true);
  }

  /** A held turn to assemble and publish; close it when the poll's cursor is saved. */
  @FunctionalInterface
  public interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits for a turn. @throws RecordSender.PublishException when interrupted while waiting */
  public Turn turn() {
    try {
      turns.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecordSender.PublishException(Topics.RAW_ARTICLES.name(), "(waiting for a turn)", e);
    }
    return turns::release;
  }

  /** @throws RecordSender.PublishException when any article was not acknowledged */
  public void publishAll(List<RawArticle> articles) {
    if (articles.isEmpty()) {
      return;
    }
    sender.sendAll(articles.stream()
        .map(a -> new ProducerRecord<>(Topics.RAW_ARTICLES.name(), a.articleId(), EventJson.toBytes(a)))
        .toList());
  }
}
