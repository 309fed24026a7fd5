package io.newsflow.enrich.config;

import io.newsflow.enrich.ops.EnrichMeters;
import io.newsflow.enrich.pipeline.ErrorClassifier;
import io.newsflow.model.topic.Topics;
import io.newsflow.model.topic.Topics.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The contract's dead-letter headers, filled from the error classifier's verdict. */
final class DeadLetterHeadersFunction implements BiFunction<ConsumerRecord<?, ?>, Exception, Headers> {

  static final String SERVICE = "enrich-service";

  private final ErrorClassifier classifier;

  DeadLetterHeadersFunction(ErrorClassifier classifier) {
    this.classifier = classifier;
  }

  @Override
  public Headers apply(ConsumerRecord<?, ?> record, Exception failure) {
    RecordHeaders headers = new RecordHeaders();
    add(headers, DeadLetterHeaders.REASON, classifier.reason(failure));
    add(headers, DeadLetterHeaders.EXCEPTION, classifier.exceptionClass(failure));
    add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
    add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(record.partition()));
    add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(record.offset()));
    add(headers, DeadLetterHeaders.SERVICE, SERVICE);
    EnrichMeters.deadLettered(Topics.RAW_ARTICLES.deadLetter(), classifier.classify(failure).label(),
        String.valueOf(record.key()), record.topic() + "-" + record.partition() + "@" + record.offset(), classifier.reason(failure));
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
  }
}
