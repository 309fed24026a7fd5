package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.localstack.EmbeddedKafkaBroker;
import io.newsflow.localstack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTest {

  @Test
  void upWithTheClusterIdWhileTheBrokerRunsAndDownSoonAfterItStops(@TempDir Path dir) {
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, 0).start();
    try (var indicator = new KafkaHealthIndicator(broker.bootstrapServers(), Duration.ofSeconds(5), Duration.ZERO)) {
      var up = indicator.health();
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);

      broker.close();
      var down = indicator.health();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsKey("error");
    } finally {
      broker.close();
    }
  }

  @Test
  void aProbeOfANonexistentBrokerAnswersDownWithinItsTimeout() {
    try (var indicator = new KafkaHealthIndicator("127.0.0.1:" + Ports.free(), Duration.ofMillis(500), Duration.ofSeconds(5))) {
      var first = indicator.health();
      assertThat(first.getStatus()).isEqualTo(Status.DOWN);
      // the answer is cached: a second probe within the cache period is the same answer, no second wait
      assertThat(indicator.health()).isSameAs(first);
    }
  }
}
