package io.newsflow.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.kafka.RecordSender;
import io.newsflow.model.SampleEvents;
import io.newsflow.model.article.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

class RawArticlePublisherTest {

  @Test
  void onlyTheAllowedNumberOfPollsHoldATurnToAssembleAndPublish() throws Exception {
    // the broker never answers on its own: each acknowledged batch is completed by the test
    // (KafkaTemplate closes the factory's producer after each send; a real factory's is shared and stays open)
    MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
      @Override
      public void close(Duration timeout) {}
    };
    var template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
    var publisher = new RawArticlePublisher(new RecordSender(template, Duration.ofSeconds(30)), 2);
    ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor();
    List<Future<?>> running = new ArrayList<>();
    for (int poll = 0; poll < 5; poll++) {
      List<RawArticle> articles = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        articles.add(SampleEvents.rawArticle("https://steppe-herald.example/news/" + poll + "-" + i, "Poll " + poll, "Text " + i));
      }
      running.add(polls.submit(() -> {
        try (RawArticlePublisher.Turn turn = publisher.turn()) { // as FeedPoller holds it: parse, assemble, publish
          publisher.publishAll(articles);
        }
      }));
    }
    int acknowledged = 0;
    for (int round = 0; round < 100 && acknowledged < 15; round++) {
      Thread.sleep(200); // let every waiting poll try to get in
      int sent = producer.history().size();
      assertThat(sent - acknowledged).as("records handed over but not yet acknowledged").isLessThanOrEqualTo(2 * 3);
      while (producer.completeNext()) {
        acknowledged++;
      }
    }
    assertThat(acknowledged).as("acknowledged records").isEqualTo(15);
    for (Future<?> f : running) {
      f.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    polls.close();
    assertThat(producer.history()).hasSize(15);
  }
}
