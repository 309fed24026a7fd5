package io.newsflow.gateway.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the gateway's Micronaut tests: both back-ends are {@link FakeBackend}s, the live stream is
 * off unless a test turns it on, and {@link #http} talks to the embedded server on its random port.
 * The read cache is off unless a test turns it on. Subclasses carry {@code @MicronautTest} and may
 * add properties with {@link #extraProperties()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GatewayTest implements TestPropertyProvider {

  protected final FakeBackend store = new FakeBackend();
  protected final FakeBackend ingest = new FakeBackend();
  protected Http http;

  @Inject
  protected EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> props = new HashMap<>();
    props.put("newsflow.gateway.store-url", store.url());
    props.put("newsflow.gateway.ingest-url", ingest.url());
    props.put("newsflow.gateway.live-enabled", "false");
    // These suites check what reaches the back-ends per request; ReadCacheApiTest turns the cache on.
    props.put("newsflow.gateway.read-cache-ttl", "0s");
    props.putAll(extraProperties());
    return props;
  }

  protected Map<String, String> extraProperties() {
    return Map.of();
  }

  @BeforeEach
  void resetBackends() {
    store.reset();
    ingest.reset();
    http = new Http(server.getURL().toString());
  }

  @AfterAll
  void stopBackends() {
    store.close();
    ingest.close();
  }
}
