package io.newsflow.enrich.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written reader must agree with {@link Instant#parse} wherever it answers, and answer on the codec's shape. */
class UtcInstantsTest {

  @Test
  void agreesWithInstantParseOnWhatTheCodecWritesAndOnNearMisses() {
    Random random = new Random(3);
    for (int n = 0; n < 200_000; n++) {
      Instant value = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L), random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String written = value.toString();
      assertThat(UtcInstants.parseCommonShape(written)).as(written).isEqualTo(value);
      String mangled = mangle(written, random);
      Instant expected = parseOrNull(mangled);
      Instant read = UtcInstants.parseCommonShape(mangled);
      if (read != null) {
        assertThat(read).as("for %s", mangled).isEqualTo(expected);
      }
    }
  }

  @Test
  void leavesImpossibleAndUnusualValuesToInstantParse() {
    for (String odd : new String[] {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
        "2024-01-01T00:00:60Z", "2024-01-01T00:00:00+01:00", "+12024-01-01T00:00:00Z", "2024-01-01T00:00:00.Z",
        "2024-01-01T00:00Z", "2024-0a-01T00:00:00Z", "2024-01-01t00:00:00Z"}) {
      assertThat(UtcInstants.parseCommonShape(odd)).as(odd).isNull();
    }
    assertThat(UtcInstants.parseCommonShape("2024-02-29T23:59:59.000000001Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.000000001Z"));
  }

  private static String mangle(String s, Random random) {
    char[] chars = s.toCharArray();
    int at = random.nextInt(chars.length);
    chars[at] = "0123456789:-.TZ+x".charAt(random.nextInt(17));
    return new String(chars);
  }

  private static Instant parseOrNull(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
