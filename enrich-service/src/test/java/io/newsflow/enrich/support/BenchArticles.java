package io.newsflow.enrich.support;

import io.newsflow.model.article.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * About 5 KB raw articles for benchmarks, assembled from the paragraphs of the hand-written base
 * articles ({@code dedupe/base-articles.txt}): every article has its own URL and text, and two share
 * few paragraphs, so dedupe sees a realistic mix of new articles and occasional near copies.
 */
public final class BenchArticles {

  public static final int TARGET_CHARS = 5 * 1024;

  private BenchArticles() {}

  public static List<RawArticle> generate(int count, long seed) {
    List<RawArticle> out = new ArrayList<>(count);
    generate(count, seed, out::add);
    return out;
  }

  /** The same articles as {@link #generate(int, long)}, handed over one by one, so a long run need not hold them all. */
  public static void generate(int count, long seed, Consumer<RawArticle> sink) {
    List<String> paragraphs = paragraphs();
    Random random = new Random(seed);
    Instant start = Instant.parse("2024-09-01T00:00:00Z");
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder("Report number ").append(i).append(" from our correspondents in Almaty.");
      while (text.length() < TARGET_CHARS) {
        text.append("\n\n").append(paragraphs.get(random.nextInt(paragraphs.size())));
      }
      String body = text.substring(0, TARGET_CHARS);
      String title = paragraphs.get(random.nextInt(paragraphs.size())).split("[,.]")[0];
      sink.accept(RawArticles.article("https://bench.example/news/" + seed + "/" + i, "bench.example", title, body,
          start.plusSeconds(60L * i)));
    }
  }

  static List<String> paragraphs() {
    try (InputStream in = BenchArticles.class.getResourceAsStream("/dedupe/base-articles.txt")) {
      List<String> out = new ArrayList<>();
      for (String block : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^=== ")) {
        if (block.startsWith("#") || block.isBlank()) {
          continue;
        }
        for (String p : block.split("\n", 2)[1].strip().split("\n\n")) {
          out.add(p.strip());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
