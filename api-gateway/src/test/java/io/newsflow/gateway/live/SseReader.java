package io.newsflow.gateway.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a text/event-stream the way a browser's EventSource would: events of id, event name and data. */
final class SseReader implements AutoCloseable {

  record SseEvent(String id, String name, String data) {}

  private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;
  private volatile Stream<String> lines;

  SseReader(String url, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(r -> {
      lines = r.body();
      List<String> block = new ArrayList<>();
      lines.forEach(line -> {
        if (line.isEmpty()) {
          dispatch(block);
          block.clear();
        } else {
          block.add(line);
        }
      });
    });
  }

  int status() throws Exception {
    return response.get(10, TimeUnit.SECONDS).statusCode();
  }

  /** The next event with data, skipping keep-alive comments; fails after the timeout. */
  SseEvent next(Duration timeout) throws InterruptedException {
    SseEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  SseEvent poll(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void dispatch(List<String> block) {
    String id = null;
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : block) {
      if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }
    if (!data.isEmpty()) {
      events.add(new SseEvent(id, name, data.toString()));
    }
  }

  @Override
  public void close() {
    response.cancel(true);
    if (lines != null) {
      lines.close();
    }
  }
}
