package io.newsflow.store.article;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/** Kafka adapter: hands each poll of enriched articles to {@link ArticleBatchConsumer}. */
public class EnrichedArticleListener {

  private final ArticleBatchConsumer consumer;

  public EnrichedArticleListener(ArticleBatchConsumer consumer) {
    this.consumer = consumer;
  }

  @KafkaListener(
      id = "store-enriched-articles",
      topics = "#{T(io.newsflow.model.topic.Topics).ENRICHED_ARTICLES.name()}",
      groupId = "${newsflow.store.consumer-group:newsflow-store}",
      batch = "true")
  public void onBatch(List<ConsumerRecord<String, byte[]>> records) {
    consumer.consume(records);
  }
}
