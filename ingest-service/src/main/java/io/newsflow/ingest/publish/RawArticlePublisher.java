package io.newsflow.ingest.publish;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.article.RawArticle;
import io.newsflow.model.json.EventJson;
import io.newsflow.model.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes raw articles keyed by article id and returns only when the broker acknowledged all of them. */
public final class RawArticlePublisher {

  private final RecordSender sender;

  public RawArticlePublisher(RecordSender sender) {
    this.sender = sender;
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
