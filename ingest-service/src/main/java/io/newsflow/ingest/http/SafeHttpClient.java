package io.newsflow.ingest.http;

import io.newsflow.ingest.config.IngestProperties;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.util.Timeout;

/**
 * The only way ingest-service reaches the web. Every request goes through the address guard (at DNS
 * resolution, so on every redirect hop), the per-host politeness limits, a cap on header and decoded
 * body sizes, a redirect limit with loop detection, and one deadline for the whole fetch that aborts
 * the connection even when the body trickles in byte by byte.
 */
public final class SafeHttpClient implements AutoCloseable {

  private final CloseableHttpClient client;
  private final HostPoliteness politeness;
  private final IngestProperties.Http config;
  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fetch-deadlines");
    t.setDaemon(true);
    return t;
  });

  public SafeHttpClient(IngestProperties.Http config, AddressGuard guard, HostPoliteness politeness) {
    this.config = config;
    this.politeness = politeness;
    Timeout connect = Timeout.of(config.connectTimeout());
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(guard)
        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
            .http1Config(Http1Config.custom()
                .setMaxLineLength(config.maxHeaderLineBytes())
                .setMaxHeaderCount(config.maxHeaderCount())
                .build())
            .build())
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(Timeout.of(config.fetchDeadline())).build())
        .setMaxConnTotal(200)
        .setMaxConnPerRoute(Math.max(2, config.perHostConcurrency()))
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(connections)
        .disableRedirectHandling() // followed by hand, to check each hop and detect loops
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableContentCompression() // decoded by ContentDecoding, so unknown encodings get our category
        .setUserAgent(config.userAgent())
        .build();
  }

  /**
   * GETs the URL, following redirects.
   *
   * @param extraHeaders request headers such as If-None-Match / If-Modified-Since
   * @throws FetchException for every failure, categorised
   */
  public FetchedResponse get(URI url, Map<String, String> extraHeaders) {
    Deadline deadline = new Deadline(config.fetchDeadline());
    Set<String> visited = new HashSet<>();
    URI current = url;
    for (int hop = 0; ; hop++) {
      AddressGuard.checkScheme(current);
      if (!visited.add(current.toString())) {
        throw new FetchException(url.toString(), FailureCategory.HTTP_STATUS, "redirect loop at " + current, null);
      }
      HopResult result = fetchOnce(current, extraHeaders, deadline);
      if (result.redirect == null) {
        return result.response;
      }
      if (hop >= config.maxRedirects()) {
        throw new FetchException(url.toString(), FailureCategory.HTTP_STATUS, "more than " + config.maxRedirects() + " redirects", null);
      }
      current = result.redirect;
    }
  }

  private record HopResult(FetchedResponse response, URI redirect) {}

  /** One fetch's time budget over all its redirect hops; time spent queued for a host slot is added back. */
  private static final class Deadline {
    private long atNanos;

    Deadline(Duration budget) {
      this.atNanos = System.nanoTime() + budget.toNanos();
    }

    void extendBy(long nanos) {
      atNanos += Math.max(0, nanos);
    }

    Duration remaining() {
      return Duration.ofNanos(atNanos - System.nanoTime());
    }

    boolean passed() {
      return atNanos - System.nanoTime() <= 0;
    }
  }

  private HopResult fetchOnce(URI uri, Map<String, String> extraHeaders, Deadline deadline) {
    HttpGet request = new HttpGet(uri);
    request.setHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    request.setHeader("Accept-Encoding", ContentDecoding.ACCEPTED);
    extraHeaders.forEach(request::setHeader);
    long queuedAt = System.nanoTime();
    try (HostPoliteness.Permit permit = politeness.acquire(uri.getHost())) {
      // the wait for our own per-host slot is not the host's slowness: it must not eat the fetch's time
      // (with many feeds on one host, polls queued behind the limit used to time out before they started
      // and back off as if the feed had failed)
      deadline.extendBy(System.nanoTime() - queuedAt);
      Duration remaining = deadline.remaining();
      if (remaining.isNegative() || remaining.isZero()) {
        throw new FetchException(uri.toString(), FailureCategory.TIMEOUT, "deadline passed before request", null);
      }
      request.setConfig(RequestConfig.custom()
          .setResponseTimeout(Timeout.of(remaining))
          .setConnectionRequestTimeout(Timeout.of(remaining))
          .build());
      ScheduledFuture<?> abort = deadlines.schedule(() -> request.cancel(), Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS);
      try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
        return readResponse(uri, response);
      } finally {
        abort.cancel(false);
      }
    } catch (FetchException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(uri.toString(), FailureCategory.IO, "interrupted", e);
    } catch (IOException | RuntimeException e) {
      throw classify(uri, e, deadline);
    }
  }

  private HopResult readResponse(URI uri, ClassicHttpResponse response) throws IOException {
    int status = response.getCode();
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
    }
    if (status >= 300 && status < 400 && status != 304) {
      String location = headers.get("location");
      if (location == null || location.isBlank()) {
        throw new FetchException(uri.toString(), FailureCategory.HTTP_STATUS, status, null, "redirect without Location", null);
      }
      try {
        return new HopResult(null, uri.resolve(location.strip().replace(" ", "%20")));
      } catch (IllegalArgumentException e) {
        throw new FetchException(uri.toString(), FailureCategory.HTTP_STATUS, status, null, "bad Location " + location, e);
      }
    }
    if (status == 304) {
      return new HopResult(new FetchedResponse(uri, status, headers, new byte[0]), null);
    }
    if (status < 200 || status >= 300) {
      Duration retryAfter = (status == 429 || status == 503) ? RetryAfter.parse(headers.get("retry-after"), Instant.now()) : null;
      throw new FetchException(uri.toString(), FailureCategory.HTTP_STATUS, status, retryAfter, null, null);
    }
    return new HopResult(new FetchedResponse(uri, status, headers, readCapped(uri, response.getEntity(), headers.get("content-encoding"))), null);
  }

  private byte[] readCapped(URI uri, HttpEntity entity, String contentEncoding) throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    long cap = config.maxBodyBytes();
    InputStream raw = entity.getContent();
    if (raw == null) {
      return new byte[0];
    }
    // the stream is decoded here, so this counts decoded bytes and stops gzip and deflate bombs
    try (InputStream in = ContentDecoding.decoding(uri, raw, contentEncoding)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > cap) {
          throw new FetchException(uri.toString(), FailureCategory.TOO_LARGE, "decoded body exceeds " + cap + " bytes", null);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  private static FetchException classify(URI uri, Exception e, Deadline deadline) {
    String url = uri.toString();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FetchException fe) {
        return fe;
      }
      if (t instanceof BlockedAddressException b) {
        return new FetchException(url, FailureCategory.BLOCKED, b.getMessage(), e);
      }
      if (t instanceof UnknownHostException) {
        return new FetchException(url, FailureCategory.DNS, "unknown host " + uri.getHost(), e);
      }
      if (t instanceof MessageConstraintException) {
        return new FetchException(url, FailureCategory.TOO_LARGE, "response headers too large: " + t.getMessage(), e);
      }
      if (t instanceof SSLException) {
        return new FetchException(url, FailureCategory.TLS, t.getMessage(), e);
      }
      if (t instanceof SocketTimeoutException || t instanceof ConnectTimeoutException) {
        return new FetchException(url, FailureCategory.TIMEOUT, t.getMessage(), e);
      }
    }
    if (deadline.passed() || e instanceof InterruptedIOException) {
      return new FetchException(url, FailureCategory.TIMEOUT, "deadline exceeded", e);
    }
    return new FetchException(url, FailureCategory.IO, e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    deadlines.shutdownNow();
    client.close();
  }
}
