package io.newsflow.store.config;

import com.mongodb.WriteConcern;
import java.util.Locale;

/** Turns the configured write concern name into the driver's value, rejecting unknown names at start-up. */
public final class WriteConcerns {

  private WriteConcerns() {}

  public static WriteConcern parse(String name) {
    String value = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "acknowledged", "w1", "1" -> WriteConcern.ACKNOWLEDGED;
      case "majority" -> WriteConcern.MAJORITY;
      case "journaled" -> WriteConcern.JOURNALED;
      default -> {
        if (value.matches("[2-9]")) {
          yield new WriteConcern(Integer.parseInt(value));
        }
        // w:0 is refused on purpose: offsets are committed after the write is acknowledged
        throw new IllegalArgumentException(
            "newsflow.store.write-concern must be acknowledged, majority, journaled or 2..9, was '" + name + "'");
      }
    };
  }
}
