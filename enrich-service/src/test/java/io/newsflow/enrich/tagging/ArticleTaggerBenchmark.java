package io.newsflow.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link ArticleTagger#tag} on ~5 KB articles, one thread (articles per second per core).
 * The articles are built from the labelled set's texts, joined until each is about 5,000 characters, so
 * they carry realistic densities of names, themes and dates.
 *
 * <p>Run by hand (see TAGGING-REPORT.md, "Speed"): it is not a unit test and surefire does not pick it up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ArticleTaggerBenchmark {

  static final int TARGET_CHARS = 5_000;

  private ArticleTagger tagger;
  private final List<String[]> articles = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() throws Exception {
    tagger = ArticleTagger.loadDefault();
    List<String[]> pieces = new ArrayList<>();
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("tagging/labelled-articles.json")) {
      for (JsonNode a : JsonMapper.builder().build().readTree(in).get("articles")) {
        pieces.add(new String[] {a.get("title").asText(), a.get("text").asText()});
      }
    }
    for (int start = 0; start < pieces.size(); start++) {
      StringBuilder text = new StringBuilder();
      for (int i = start; text.length() < TARGET_CHARS; i = (i + 1) % pieces.size()) {
        text.append(pieces.get(i)[1]).append("\n\n");
      }
      articles.add(new String[] {pieces.get(start)[0], text.substring(0, TARGET_CHARS)});
    }
  }

  /** The ~5 KB articles as {title, text}, after {@link #setUp()}. */
  List<String[]> articles() {
    return articles;
  }

  @Benchmark
  public Tags tagFiveKilobyteArticle() {
    String[] article = articles.get(next);
    next = (next + 1) % articles.size();
    return tagger.tag(article[0], article[1], Instant.parse("2024-09-12T08:00:00Z"));
  }
}
