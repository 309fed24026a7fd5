package io.newsflow.ops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void closesEveryResourceInOrderAndReportsTheFirstFailure() {
    List<String> closed = new ArrayList<>();
    AutoCloseable app = () -> {
      closed.add("app");
      throw new IllegalStateException("app did not stop");
    };
    AutoCloseable broker = () -> closed.add("broker");
    AutoCloseable mongo = () -> {
      closed.add("mongo");
      throw new IllegalStateException("mongo did not stop");
    };
    assertThatThrownBy(() -> Shutdown.inOrder(app, null, broker, mongo))
        .hasMessage("app did not stop")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("mongo did not stop"));
    assertThat(closed).containsExactly("app", "broker", "mongo");
  }
}
