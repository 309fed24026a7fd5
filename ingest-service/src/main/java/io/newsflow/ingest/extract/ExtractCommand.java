package io.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * {@code ./newsflow extract FILE-or-URL [--page-url URL] [--html]}: prints what the extractor finds on
 * one page as JSON, with the source of every field, for operators debugging a site. An operator
 * tool run by hand, so it does not apply the service's private-address guard.
 */
public final class ExtractCommand {

  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private ExtractCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String target = null;
    String pageUrl = null;
    boolean withHtml = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--html" -> withHtml = true;
        case "--page-url" -> pageUrl = i + 1 < args.length ? args[++i] : null;
        default -> target = args[i];
      }
    }
    if (target == null) {
      err.println("usage: newsflow extract FILE-or-URL [--page-url URL] [--html]");
      return 2;
    }
    try {
      boolean isUrl = target.startsWith("http://") || target.startsWith("https://");
      Fetched page = isUrl ? fetch(URI.create(target)) : new Fetched(Files.readAllBytes(Path.of(target)), null,
          target);
      String html = decode(page.body(), page.charset());
      String base = pageUrl != null ? pageUrl : isUrl ? page.finalUrl() : null;
      ExtractedArticle a = new ArticleExtractor().extract(html, base);
      out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
          .writeValueAsString(view(a, page.finalUrl(), withHtml)));
      return 0;
    } catch (IOException | IllegalArgumentException e) {
      err.println("extract failed: " + e.getMessage() + " (" + target + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("extract interrupted (" + target + ")");
      return 1;
    }
  }

  private static Map<String, Object> view(ExtractedArticle a, String source, boolean withHtml) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("source", source);
    v.put("title", a.title());
    v.put("authors", a.authors());
    v.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
    v.put("modifiedAt", a.modifiedAt() == null ? null : a.modifiedAt().toString());
    v.put("canonicalUrl", a.canonicalUrl());
    v.put("language", a.language());
    v.put("imageUrl", a.imageUrl());
    v.put("siteName", a.siteName());
    v.put("provenance", new java.util.TreeMap<>(a.provenance()));
    v.put("textChars", a.text().length());
    v.put("paragraphs", a.text().isEmpty() ? 0 : a.text().split("\n\n").length);
    v.put("text", a.text());
    if (withHtml) {
      v.put("html", a.html());
    }
    return v;
  }

  record Fetched(byte[] body, Charset charset, String finalUrl) {}

  static Fetched fetch(URI uri) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("User-Agent", "newsflow-extract/0.1 (+https://github.com/newsflow; operator debugging tool)")
        .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5").GET().build();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      response.body().close();
      throw new IOException("HTTP status " + response.statusCode());
    }
    // the request timeout stops at the headers; the deadline also covers a body that trickles in
    var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> readCapped(response.body()));
    try {
      byte[] body = reading.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      Charset charset = response.headers().firstValue("Content-Type").map(ExtractCommand::charsetOf).orElse(null);
      return new Fetched(body, charset, response.uri().toString());
    } catch (TimeoutException e) {
      response.body().close();
      throw new IOException("body not complete within " + TIMEOUT.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private static byte[] readCapped(InputStream in) {
    try (in) {
      byte[] body = in.readNBytes(MAX_BYTES + 1);
      if (body.length > MAX_BYTES) {
        throw new IllegalStateException("page larger than " + MAX_BYTES + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Charset charsetOf(String contentType) {
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").strip());
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** gzip files are unpacked (corpora ship pages so); the charset is the header's, else jsoup's sniffing. */
  static String decode(byte[] body, Charset declared) throws IOException {
    byte[] bytes = body;
    if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readNBytes(MAX_BYTES * 4);
      }
    }
    if (declared != null) {
      return new String(bytes, declared);
    }
    Charset sniffed = Jsoup.parse(new ByteArrayInputStream(bytes), null, "").charset();
    return new String(bytes, sniffed == null ? StandardCharsets.UTF_8 : sniffed);
  }
}
