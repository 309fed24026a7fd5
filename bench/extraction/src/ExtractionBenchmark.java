import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.extract.ArticleExtractor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * Quality and speed of newsflow's ArticleExtractor, side by side with Mozilla Readability's saved
 * output. See bench/extraction/README.md for the commands.
 *
 *   quality CORPUS_DIR OUT_DIR   scores newsflow and (if OUT_DIR/readability-*.jsonl exist) Readability;
 *                                writes OUT_DIR/newsflow-*.tsv with per-page F1 for inspection
 *   speed CORPUS_DIR ROUNDS      pages/second on one thread and heap after each round
 */
public final class ExtractionBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ExtractionBenchmark quality CORPUS_DIR OUT_DIR | speed CORPUS_DIR ROUNDS");
      System.exit(2);
    }
    Path corpusDir = Path.of(args[1]);
    if (args[0].equals("quality")) {
      quality(corpusDir, Path.of(args[2]));
    } else {
      speed(corpusDir, Integer.parseInt(args[2]));
    }
  }

  private static void quality(Path corpusDir, Path outDir) throws IOException {
    Files.createDirectories(outDir);
    ArticleExtractor extractor = new ArticleExtractor();
    for (var entry : Map.of("aeb", Corpus.articleExtractionBenchmark(corpusDir.resolve("article-extraction-benchmark")),
        "rtp", Corpus.readabilityTestPages(corpusDir.resolve("readability-test-pages"))).entrySet()) {
      Corpus corpus = entry.getValue();
      Map<String, String> truth = new LinkedHashMap<>();
      Map<String, String> ours = new LinkedHashMap<>();
      List<String> rows = new ArrayList<>();
      for (Corpus.Page page : corpus.pages()) {
        truth.put(page.id(), page.truth());
        String text;
        try {
          text = extractor.extract(page.html(), page.url()).text();
        } catch (RuntimeException e) {
          System.err.println(page.id() + ": " + e);
          text = "";
        }
        ours.put(page.id(), text);
        ShingleScorer.Counts c = ShingleScorer.compare(page.truth(), text);
        rows.add(String.format("%s\t%d\t%d\t%d\t%.3f\t%.3f", page.id(), c.tp(), c.fp(), c.fn(),
            c.tp() + c.fp() == 0 ? 0.0 : (double) c.tp() / (c.tp() + c.fp()),
            c.tp() + c.fn() == 0 ? 0.0 : (double) c.tp() / (c.tp() + c.fn())));
      }
      Files.write(outDir.resolve("newsflow-" + entry.getKey() + ".tsv"), rows);
      System.out.printf("%-30s newsflow     %s%n", corpus.name(), ShingleScorer.score(truth, ours));
      Path readability = outDir.resolve("readability-" + entry.getKey() + ".jsonl");
      if (Files.exists(readability)) {
        System.out.printf("%-30s readability  %s%n", corpus.name(),
            ShingleScorer.score(truth, readabilityTexts(readability)));
      }
    }
  }

  private static Map<String, String> readabilityTexts(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(jsonl)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      // Readability's textContent fuses words of adjacent blocks; its HTML made into block-aware text does not
      out.put(n.get("id").asText(), BlockText.of(Jsoup.parse(n.path("html").asText("")).body()));
    }
    return out;
  }

  private static void speed(Path corpusDir, int rounds) throws IOException {
    List<Corpus.Page> pages = Corpus.articleExtractionBenchmark(corpusDir.resolve("article-extraction-benchmark")).pages();
    ArticleExtractor extractor = new ArticleExtractor();
    var memory = ManagementFactory.getMemoryMXBean();
    // Process CPU time (all threads: JIT and GC included) is the per-core cost even on a busy machine,
    // where wall-clock time mostly measures the other tenants.
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double best = 0;
    double bestCpu = 0;
    long chars = 0;
    for (int r = 1; r <= rounds; r++) {
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (Corpus.Page p : pages) {
        chars += extractor.extract(p.html(), p.url()).text().length();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpuSecs = (os.getProcessCpuTime() - cpu0) / 1e9;
      System.gc();
      double rate = pages.size() / secs;
      double cpuRate = pages.size() / cpuSecs;
      best = Math.max(best, rate);
      bestCpu = Math.max(bestCpu, cpuRate);
      System.out.printf("round %d: %d pages in %.2f s wall, %.2f s CPU = %.1f pages/s wall, %.1f pages per CPU-second;"
          + " heap used after gc %.1f MiB after %d pages%n", r, pages.size(), secs, cpuSecs, rate, cpuRate,
          memory.getHeapMemoryUsage().getUsed() / 1048576.0, r * pages.size());
    }
    System.out.printf("newsflow best round: %.1f pages/s wall, %.1f pages per CPU-second (%d chars extracted)%n",
        best, bestCpu, chars);
  }
}
