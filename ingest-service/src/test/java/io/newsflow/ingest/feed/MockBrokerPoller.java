package io.newsflow.ingest.feed;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.extract.ArticleExtractor;
import io.newsflow.ingest.http.AddressGuard;
import io.newsflow.ingest.http.HostPoliteness;
import io.newsflow.ingest.http.SafeHttpClient;
import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.ingest.publish.RawArticlePublisher;
import io.newsflow.ingest.support.TestWebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A real {@link FeedPoller} (HTTP, parser, change detector, cursor store) over a broker that acknowledges
 * every record and keeps it, or refuses every send while {@link #down} is set: what the poller's tests
 * need to see what was published and what the cursor remembered.
 */
final class MockBrokerPoller {

  final List<ProducerRecord<String, byte[]>> acknowledged = new CopyOnWriteArrayList<>();
  volatile boolean down;

  /** A client that may fetch from the test server only. */
  static SafeHttpClient http(TestWebServer web) {
    IngestProperties.Http config = new IngestProperties.Http("newsflow-ingest/test", false, List.of("127.0.0.1:" + web.port()),
        Duration.ofSeconds(2), Duration.ofSeconds(10), 1_000_000, 8192, 100, 3, 4, Duration.ZERO);
    return new SafeHttpClient(config, AddressGuard.from(config), new HostPoliteness(4, Duration.ZERO));
  }

  /** @param minPollInterval the feeds' default lower bound (no jitter) */
  @SuppressWarnings("unchecked")
  FeedPoller poller(SafeHttpClient http, Duration minPollInterval) {
    KafkaTemplate<String, byte[]> template = mock(KafkaTemplate.class);
    when(template.send(any(ProducerRecord.class))).thenAnswer(call -> {
      ProducerRecord<String, byte[]> record = call.getArgument(0);
      if (down) {
        return CompletableFuture.failedFuture(new TimeoutException("broker unreachable"));
      }
      acknowledged.add(record);
      RecordMetadata meta = new RecordMetadata(new TopicPartition(record.topic(), 0), acknowledged.size(), 0, 0L, 0, 0);
      return CompletableFuture.completedFuture(new SendResult<>(record, meta));
    });
    RecordSender sender = new RecordSender(template, Duration.ofSeconds(2));
    IngestProperties.Schedule schedule = new IngestProperties.Schedule(minPollInterval, Duration.ofHours(6),
        Duration.ofMillis(250), 0, Duration.ofHours(6), 600, 1000);
    ArticleAssembler assembler = new ArticleAssembler(http, new ArticleExtractor(), 600);
    return new FeedPoller(http, new FeedParser(Clock.systemUTC()), new ItemChangeDetector(assembler, Clock.systemUTC()),
        new RawArticlePublisher(sender, 8), new CursorStore(sender, "newsflow.ingest.cursors", Duration.ofMinutes(5)),
        new PollScheduling(schedule, RandomGenerator.getDefault()), Clock.systemUTC(), 1000);
  }
}
