package io.newsflow.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run keeps when it goes wrong, so that a failure seen once can be explained without running it again:
 * each service's warnings and errors (always), and when the deadline passes with articles enriched but not
 * committed by store-service, thread dumps of store-service and local-stack and whether those articles are
 * readable anyway (stored but not committed, or not stored at all).
 */
final class Diagnostics {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern WARN_OR_ERROR = Pattern.compile("\\b(WARN|ERROR)\\b");
  private static final int LAST_LINES = 12;

  private Diagnostics() {}

  /** Per service: how many log lines are warnings or errors, and the last few of them (first 300 characters). */
  static Map<String, List<String>> warnings(Stack stack, Map<String, Integer> counts) {
    Map<String, List<String>> last = new LinkedHashMap<>();
    stack.children.forEach((name, child) -> {
      List<String> lines = new ArrayList<>();
      int n = 0;
      try (Stream<String> log = Files.lines(child.log(), StandardCharsets.UTF_8)) {
        for (String line : (Iterable<String>) log::iterator) {
          if (WARN_OR_ERROR.matcher(line).find()) {
            n++;
            lines.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
            if (lines.size() > LAST_LINES) {
              lines.remove(0);
            }
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        lines.add("(log not readable: " + e.getMessage() + ")");
      }
      counts.put(name, n);
      last.put(name, lines);
    });
    return last;
  }

  /** Thread dumps ({@code jcmd PID Thread.print -l}) of the named children, next to the report. */
  static List<Path> threadDumps(Stack stack, Path out, List<String> names) {
    List<Path> written = new ArrayList<>();
    String base = out.getFileName().toString().replaceFirst("\\.md$", "");
    for (String name : names) {
      Child child = stack.children.get(name);
      if (child == null || !child.isAlive()) {
        continue;
      }
      Path file = out.resolveSibling(base + ".threads-" + name + ".txt");
      try {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
            Long.toString(child.pid()), "Thread.print", "-l").redirectErrorStream(true).redirectOutput(file.toFile()).start();
        if (jcmd.waitFor(60, TimeUnit.SECONDS)) {
          written.add(file);
        } else {
          jcmd.destroyForcibly();
        }
      } catch (IOException e) {
        // a missing dump must not cost the rest of the report
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return written;
      }
    }
    return written;
  }

  /**
   * Of the given article ids (a spread of at most {@code max}), how many the gateway answers 200 for: {found, asked,
   * timed out after 10 s}. A timeout or a refused connection counts as not readable, so the report is still written.
   */
  static int[] readable(String gateway, List<String> articleIds, int max) {
    int asked = 0;
    int found = 0;
    int timedOut = 0;
    for (int i = 0; i < articleIds.size() && asked < max; i += Math.max(1, articleIds.size() / max)) {
      asked++;
      try {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/articles/" + articleIds.get(i)))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          found++;
        }
      } catch (java.net.http.HttpTimeoutException e) {
        timedOut++;
      } catch (IOException e) {
        // counted as not readable
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new int[] {found, asked, timedOut};
  }
}
