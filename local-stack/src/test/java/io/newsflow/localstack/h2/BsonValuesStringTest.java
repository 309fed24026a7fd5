package io.newsflow.localstack.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

/** Strings in the typed form are H2's char-by-char form, byte for byte, and read back whole (lone surrogates too). */
class BsonValuesStringTest {

  private static final List<String> STRINGS = List.of("", "kz-1042", "?", "what? CSTO?", "Kazakhstan".repeat(5_000),
      "Токаев", "Almaty — Astana", "café", "\uD83C\uDDF0\uD83C\uDDFF flag", "lone high \uD800", "\uDC00 lone low",
      "?\uD800", "\uD800?", "a?\uDBFF?b", "\u007F\u0080", "2026-11-27T16:00:00Z");

  @Test
  void everyStringIsWrittenAsH2WritesItAndReadsBackTheSame() {
    for (String value : STRINGS) {
      WriteBuffer typed = new WriteBuffer(16);
      BsonValues.write(typed, value);
      WriteBuffer h2 = new WriteBuffer(16);
      h2.put(BsonValues.STRING).putVarInt(value.length()).putStringData(value, value.length());
      assertThat(bytes(typed)).as("bytes of %s", value).isEqualTo(bytes(h2));
      assertThat(BsonValues.read(ByteBuffer.wrap(bytes(typed)))).isEqualTo(value);
    }
  }

  private static byte[] bytes(WriteBuffer buffer) {
    ByteBuffer written = buffer.getBuffer();
    return Arrays.copyOf(written.array(), written.position());
  }
}
