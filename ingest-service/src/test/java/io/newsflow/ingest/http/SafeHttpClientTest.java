package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.config.IngestProperties;
import io.newsflow.ingest.support.TestWebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a hostile local server: every abuse ends in a categorised failure, none hangs. */
class SafeHttpClientTest {

  TestWebServer web;
  SafeHttpClient client;

  @BeforeEach
  void start() {
    web = new TestWebServer();
    client = client(1, Duration.ZERO, Duration.ofSeconds(2));
  }

  SafeHttpClient client(int perHost, Duration minDelay, Duration deadline) {
    IngestProperties.Http http = new IngestProperties.Http("newsflow-ingest/test (+https://example.org/newsflow)", false,
        List.of("127.0.0.1:" + web.port()), Duration.ofSeconds(2), deadline, 1_000_000, 8192, 100, 3, perHost, minDelay);
    return new SafeHttpClient(http, AddressGuard.from(http), new HostPoliteness(perHost, minDelay));
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    web.close();
  }

  @Test
  void fetchesWithAnHonestUserAgentAndDecompressesGzip() throws IOException {
    byte[] gz = gzip("<rss version=\"2.0\"><channel><title>ok</title></channel></rss>".getBytes(StandardCharsets.UTF_8));
    web.route("/feed", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, gz.length);
      ex.getResponseBody().write(gz);
    });
    FetchedResponse r = client.get(URI.create(web.url("/feed")), Map.of());
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<title>ok</title>");
    assertThat(web.requests("/feed").getFirst().headers().get("user-agent")).contains("newsflow");
  }

  @Test
  void gzipBombIsCutOffAtTheDecodedSizeCap() throws IOException {
    byte[] bomb = gzip(new byte[50_000_000]);
    assertThat(bomb.length).isLessThan(100_000);
    web.route("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      ex.sendResponseHeaders(200, bomb.length);
      ex.getResponseBody().write(bomb);
    });
    assertFails(() -> client.get(URI.create(web.url("/bomb")), Map.of()), FailureCategory.TOO_LARGE);
  }

  @Test
  void deflateIsDecodedZlibWrappedOrRawAndItsBombsAreCutOff() throws IOException {
    byte[] feed = "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
    for (boolean raw : new boolean[] {false, true}) {
      byte[] small = deflate(feed, raw);
      byte[] bomb = deflate(new byte[50_000_000], raw);
      web.route("/deflate-" + raw, ex -> {
        ex.getResponseHeaders().set("Content-Encoding", "deflate");
        ex.sendResponseHeaders(200, small.length);
        ex.getResponseBody().write(small);
      });
      web.route("/deflate-bomb-" + raw, ex -> {
        ex.getResponseHeaders().set("Content-Encoding", "Deflate");
        ex.sendResponseHeaders(200, bomb.length);
        ex.getResponseBody().write(bomb);
      });
      assertThat(new String(client.get(URI.create(web.url("/deflate-" + raw)), Map.of()).body(), StandardCharsets.UTF_8))
          .as("raw=%s", raw).contains("<title>ok</title>");
      assertFails(() -> client.get(URI.create(web.url("/deflate-bomb-" + raw)), Map.of()), FailureCategory.TOO_LARGE);
    }
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(out, new java.util.zip.Deflater(9, raw))) {
      d.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void brotliSentUnaskedIsACategorisedErrorAndNeverDecoded() {
    // the first bytes of a real brotli stream of 50 MB of zeros would be tiny; any bytes will do, they must not be read
    byte[] notDecoded = {(byte) 0x8b, 0x7f, (byte) 0xff, 0x1f, 0x00, 0x03};
    web.route("/br", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "br");
      ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
      ex.sendResponseHeaders(200, notDecoded.length);
      ex.getResponseBody().write(notDecoded);
    });
    web.route("/plain", ex -> {
      byte[] ok = "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, ok.length);
      ex.getResponseBody().write(ok);
    });
    FetchException e = catchFetch(() -> client.get(URI.create(web.url("/br")), Map.of()));
    assertThat(e.category()).isEqualTo(FailureCategory.PARSE);
    assertThat(e.getMessage()).contains("Content-Encoding br");
    assertThat(web.requests("/br").getFirst().headers().get("accept-encoding")).contains("gzip").doesNotContain("br");
    // the refusal stops nothing: the same client goes on fetching
    assertThat(new String(client.get(URI.create(web.url("/plain")), Map.of()).body(), StandardCharsets.UTF_8)).contains("<title>ok</title>");
  }

  @Test
  void oversizedHeaderIsRefused() {
    web.route("/headers", ex -> {
      ex.getResponseHeaders().set("X-Padding", "a".repeat(20_000));
      ex.sendResponseHeaders(200, -1);
    });
    assertFails(() -> client.get(URI.create(web.url("/headers")), Map.of()), FailureCategory.TOO_LARGE);
  }

  @Test
  void redirectLoopsAndLongChainsStop() {
    web.route("/a", ex -> redirect(ex, "/b")).route("/b", ex -> redirect(ex, "/a"));
    assertThatThrownBy(() -> client.get(URI.create(web.url("/a")), Map.of())).hasMessageContaining("redirect loop");
    for (int i = 0; i < 6; i++) {
      String next = "/chain" + (i + 1);
      web.route("/chain" + i, ex -> redirect(ex, next));
    }
    assertThatThrownBy(() -> client.get(URI.create(web.url("/chain0")), Map.of())).hasMessageContaining("more than 3 redirects");
  }

  @Test
  void redirectToAPrivateAddressIsBlockedAtThatHop() {
    web.route("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"))
        .route("/to-localhost", ex -> redirect(ex, "http://localhost:" + web.port() + "/feed"))
        .route("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
    assertFails(() -> client.get(URI.create(web.url("/to-metadata")), Map.of()), FailureCategory.BLOCKED);
    assertFails(() -> client.get(URI.create(web.url("/to-localhost")), Map.of()), FailureCategory.BLOCKED);
    assertFails(() -> client.get(URI.create(web.url("/to-file")), Map.of()), FailureCategory.BLOCKED);
    assertThat(web.requests("/feed")).isEmpty();
  }

  @Test
  void tricklingBodyIsAbortedAtTheOverallDeadline() {
    web.route("/slow", ex -> {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (int i = 0; i < 100; i++) {
        out.write('x');
        out.flush();
        sleep(100);
      }
      out.close();
    });
    SafeHttpClient quick = client(1, Duration.ZERO, Duration.ofSeconds(1));
    assertFails(() -> quick.get(URI.create(web.url("/slow")), Map.of()), FailureCategory.TIMEOUT);
  }

  @Test
  void pollsQueuedBehindTheHostLimitDoNotTimeOutBeforeTheirTurn() throws Exception {
    byte[] body = "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
    web.route("/steady", ex -> {
      sleep(400); // each answer alone is well inside the deadline; five in a row are not
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    });
    SafeHttpClient oneAtATime = client(1, Duration.ZERO, Duration.ofSeconds(1));
    List<CompletableFuture<FetchedResponse>> polls = new java.util.ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 5; i++) {
        polls.add(CompletableFuture.supplyAsync(() -> oneAtATime.get(URI.create(web.url("/steady")), Map.of()), threads));
      }
      for (CompletableFuture<FetchedResponse> poll : polls) {
        assertThat(poll.get().status()).isEqualTo(200);
      }
    } finally {
      oneAtATime.close();
    }
    assertThat(web.requests("/steady")).hasSize(5);
  }

  @Test
  void retryAfterIsReadAsADelay() {
    web.route("/busy", ex -> {
      ex.getResponseHeaders().set("Retry-After", "120");
      ex.sendResponseHeaders(503, -1);
    }).route("/limited", ex -> {
      ex.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT");
      ex.sendResponseHeaders(429, -1);
    }).route("/gone", ex -> ex.sendResponseHeaders(410, -1));
    FetchException busy = catchFetch(() -> client.get(URI.create(web.url("/busy")), Map.of()));
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(catchFetch(() -> client.get(URI.create(web.url("/limited")), Map.of())).retryAfter()).isGreaterThan(Duration.ofDays(300));
    FetchException gone = catchFetch(() -> client.get(URI.create(web.url("/gone")), Map.of()));
    assertThat(gone.category()).isEqualTo(FailureCategory.HTTP_STATUS);
    assertThat(gone.retryAfter()).isNull();
    assertThat(gone).hasMessageContaining("status=410");
  }

  @Test
  void conditionalGetHonoursNotModified() {
    web.text("/etag", "<rss/>", "application/rss+xml", true);
    FetchedResponse first = client.get(URI.create(web.url("/etag")), Map.of());
    FetchedResponse second = client.get(URI.create(web.url("/etag")), Map.of("If-None-Match", first.header("etag")));
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.isNotModified()).isTrue();
  }

  @Test
  void requestsToOneHostAreSpacedByTheMinimumDelay() throws Exception {
    SafeHttpClient polite = client(1, Duration.ofMillis(300), Duration.ofSeconds(5));
    web.text("/p", "x", "text/plain", false);
    CompletableFuture<?>[] all = new CompletableFuture<?>[3];
    for (int i = 0; i < all.length; i++) {
      all[i] = CompletableFuture.runAsync(() -> polite.get(URI.create(web.url("/p")), Map.of()));
    }
    CompletableFuture.allOf(all).get();
    List<TestWebServer.Seen> seen = web.requests("/p");
    assertThat(seen).hasSize(3);
    for (int i = 1; i < seen.size(); i++) {
      assertThat(Duration.ofNanos(seen.get(i).atNanos() - seen.get(i - 1).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
    polite.close();
  }

  @Test
  void unknownHostIsADnsFailure() {
    assertFails(() -> client.get(URI.create("http://no-such-host.invalid/feed"), Map.of()), FailureCategory.DNS);
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    ex.sendResponseHeaders(302, -1);
  }

  private static void assertFails(ThrowableAssert.ThrowingCallable call, FailureCategory category) {
    assertThatThrownBy(call).isInstanceOf(FetchException.class)
        .satisfies(e -> assertThat(((FetchException) e).category()).as(e.getMessage()).isEqualTo(category));
  }

  private static FetchException catchFetch(Runnable call) {
    try {
      call.run();
    } catch (FetchException e) {
      return e;
    }
    throw new AssertionError("expected a FetchException");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
