package io.newsflow.enrich.pipeline;

import io.newsflow.model.article.EnrichedArticle;
import io.newsflow.model.topic.Topics;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes enriched articles keyed by article id, so every version of one article stays in order. */
public final class EnrichedArticlePublisher {

  private final KafkaTemplate<String, byte[]> template;

  public EnrichedArticlePublisher(KafkaTemplate<String, byte[]> template) {
    this.template = template;
  }

  /** Completes when the broker has the record (acks=all), or exceptionally. */
  public CompletableFuture<?> publish(EnrichedArticle article) {
    return template.send(Topics.ENRICHED_ARTICLES.name(), article.articleId(), EnrichedArticleWriter.toBytes(article));
  }

  /**
   * Sends what the producer holds back for batching (this service's dedupe signatures share the
   * producer), so a batch's last records do not wait out the linger.
   */
  public void flush() {
    template.flush();
  }
}
