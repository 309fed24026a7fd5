package io.newsflow.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The JUnit entry of {@link RealTextAudit}: off by default (it judges nothing, it writes files for a
 * person to read), on with {@code -DrealText.audit=true}; skipped with a message where the shared corpus
 * is absent.
 */
class RealTextAuditTest {

  @Test
  void writesEveryTagOfTheRealCorpusForReading() throws Exception {
    assumeTrue(Boolean.getBoolean("realText.audit"), "real-text audit not asked for: run with -DrealText.audit=true");
    Path corpus = RealArticles.corpus();
    assumeTrue(corpus != null, "../shared/corpus is absent: skipping the real-text audit");

    RealTextAudit.Summary summary = RealTextAudit.run(corpus, Path.of("target"));
    System.out.println(RealTextAudit.describe(summary));

    assertThat(summary.articles()).isGreaterThan(200);
    assertThat(Files.readAllLines(summary.table())).hasSize(
        1 + summary.actorTags() + summary.themeTags() + summary.eventTags());
  }
}
