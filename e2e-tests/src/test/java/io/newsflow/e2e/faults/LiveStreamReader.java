package io.newsflow.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.model.json.EventJson;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads the gateway's live stream (Server-Sent Events) in the background and counts the articles it
 * delivers. Like a browser's EventSource it reconnects whenever the stream ends or the gateway is away
 * (killed, or the client was cut off for being slow), sending the last event id it saw.
 */
final class LiveStreamReader implements AutoCloseable {

  private final Map<String, Integer> seen = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile String lastEventId;
  private volatile Stream<String> body;
  private volatile boolean closed;
  private Thread thread;

  /** Starts reading from {@code gatewayUrl} until {@link #close}. */
  void connect(String gatewayUrl, String apiKey) {
    thread = Thread.ofPlatform().daemon().name("live-reader").start(() -> {
      while (!closed) {
        try {
          readOnce(gatewayUrl, apiKey);
        } catch (Exception awayOrCutOff) {
          // reconnect below
        }
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private void readOnce(String gatewayUrl, String apiKey) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/live"))
        .header("Accept", "text/event-stream").header("X-API-Key", apiKey);
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response = Http.CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      response.body().close();
      return;
    }
    connections.incrementAndGet();
    String id = null;
    try (Stream<String> lines = response.body()) {
      body = lines;
      for (var it = lines.iterator(); it.hasNext() && !closed; ) {
        String line = it.next();
        if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          record(line.substring(5).strip());
        } else if (line.isEmpty() && id != null) {
          lastEventId = id;
          id = null;
        }
      }
    }
  }

  private void record(String data) {
    try {
      JsonNode item = EventJson.mapper().readTree(data);
      if (item.hasNonNull("articleId")) {
        seen.merge(item.get("articleId").asText(), 1, Integer::sum);
      }
    } catch (Exception notAnArticle) {
      // keep-alives and markers
    }
  }

  /** Waits until a first stream is open, so that what is published next reaches it. */
  void awaitConnected(java.time.Duration timeout) throws Exception {
    if (!Http.within(timeout, () -> connections.get() > 0)) {
      throw new AssertionError("the live stream did not connect within " + timeout);
    }
  }

  /** How many times a stream was opened (1 + reconnects). */
  int connections() {
    return connections.get();
  }

  Map<String, Integer> seen() {
    return Map.copyOf(seen);
  }

  @Override
  public void close() {
    closed = true;
    Stream<String> b = body;
    if (b != null) {
      b.close();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}
