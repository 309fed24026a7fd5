package io.newsflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

  @Test
  void withoutOnlyBothPartsRunAndTheReadyFileIsTheOneTheNewsflowScriptWaitsFor() {
    LocalStackOptions o = LocalStackOptions.parse("--data", "d", "--kafka-port", "19092", "--mongo-port", "27018");
    assertThat(o.dataDir()).isEqualTo(Path.of("d"));
    assertThat(o.kafkaPort()).isEqualTo(19092);
    assertThat(o.mongoPort()).isEqualTo(27018);
    assertThat(o.runsKafka()).isTrue();
    assertThat(o.runsMongo()).isTrue();
    assertThat(o.readyFileName()).isEqualTo("local-stack.env");
  }

  @Test
  void onlyRunsOnePartWithAReadyFileOfItsOwn() {
    LocalStackOptions kafka = LocalStackOptions.parse("--only", "kafka", "--kafka-port", "0");
    assertThat(kafka.runsKafka()).isTrue();
    assertThat(kafka.runsMongo()).isFalse();
    assertThat(kafka.readyFileName()).isEqualTo("local-stack-kafka.env");
    LocalStackOptions mongo = LocalStackOptions.parse("--only", "mongo");
    assertThat(mongo.runsKafka()).isFalse();
    assertThat(mongo.runsMongo()).isTrue();
    assertThat(mongo.readyFileName()).isEqualTo("local-stack-mongo.env");
  }

  @Test
  void refusesWhatItDoesNotUnderstandAndSaysWhat() {
    assertThatThrownBy(() -> LocalStackOptions.parse("--only", "zookeeper")).hasMessageContaining("kafka or mongo");
    assertThatThrownBy(() -> LocalStackOptions.parse("--kafka-port", "90x")).hasMessageContaining("--kafka-port");
    assertThatThrownBy(() -> LocalStackOptions.parse("--mongo-port", "70000")).hasMessageContaining("0 to 65535");
    assertThatThrownBy(() -> LocalStackOptions.parse("--data")).hasMessageContaining("--data needs a value");
    assertThatThrownBy(() -> LocalStackOptions.parse("--verbose", "1")).hasMessageContaining("unknown option --verbose");
  }
}
