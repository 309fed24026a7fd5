package io.newsflow.ingest.support;

import io.newsflow.ingest.IngestApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One running ingest-service in this JVM, on a free port, talking to the test broker. */
public final class IngestInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** A JSON response. */
  public record Response(int status, String body) {}

  public IngestInstance(String bootstrapServers, Map<String, String> extra) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", "0");
    props.put("spring.kafka.bootstrap-servers", bootstrapServers);
    props.put("newsflow.ingest.schedule.tick", "PT0.1S");
    props.put("newsflow.ingest.schedule.jitter", "0");
    props.put("newsflow.ingest.http.per-host-min-delay", "PT0S");
    props.put("newsflow.ingest.http.per-host-concurrency", "8");
    props.put("newsflow.ingest.kafka.session-timeout", "PT6S");
    props.put("logging.level.org.apache.kafka", "WARN");
    props.putAll(extra);
    // as command-line arguments: they outrank application.yml, unlike builder default properties
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    context = new SpringApplicationBuilder(IngestApplication.class).run(args);
    base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public Response post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response patch(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
