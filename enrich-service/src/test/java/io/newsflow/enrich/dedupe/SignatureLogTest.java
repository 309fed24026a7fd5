package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The reader skips only its own instance's records undecoded; another instance's records and records
 * written before the header existed must still be read, or the index would miss what others judged.
 */
class SignatureLogTest {

  private static final byte[] ME = "enrich-me".getBytes(StandardCharsets.UTF_8);

  private static ConsumerRecord<String, byte[]> record(String writer) {
    ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("newsflow.enrich.signatures.v1", 0, 0, "a-1", new byte[0]);
    if (writer != null) {
      record.headers().add(SignatureLog.INSTANCE_HEADER, writer.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  @Test
  void ownRecordsAreRecognisedByTheirHeader() {
    assertThat(SignatureLog.writtenBy(record("enrich-me"), ME)).isTrue();
  }

  @Test
  void othersAndOlderRecordsWithoutTheHeaderAreRead() {
    assertThat(SignatureLog.writtenBy(record("enrich-other"), ME)).isFalse();
    assertThat(SignatureLog.writtenBy(record("enrich-m"), ME)).isFalse();
    assertThat(SignatureLog.writtenBy(record(null), ME)).isFalse();
  }
}
