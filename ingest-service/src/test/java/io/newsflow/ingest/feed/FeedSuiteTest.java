package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Scores the parser on feedparser's test feeds and writes the report to
 * {@code target/FEED-SUITE-REPORT.md} (and to the checked-in {@code FEED-SUITE-REPORT.md} with
 * {@code -DfeedSuite.writeReport=true}).
 */
class FeedSuiteTest {

  static final Path SUITE = Path.of("..", "shared", "corpus", "feeds");
  static final String COMMAND = "./mvnw -pl ingest-service test -Dtest=FeedSuiteTest -DfeedSuite.writeReport=true";

  @Test
  void scoresTheFeedparserSuite() throws Exception {
    Path suite = Files.isDirectory(SUITE) ? SUITE : Path.of("..", "..", "shared", "corpus", "feeds");
    Assumptions.assumeTrue(Files.isRegularFile(suite.resolve("expectations.jsonl")),
        "feed test suite not found at ../shared/corpus/feeds (or ../../shared/corpus/feeds); skipping");
    FeedSuiteHarness harness = new FeedSuiteHarness();
    harness.run(suite);
    String report = harness.report(COMMAND);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "FEED-SUITE-REPORT.md"), report);
    Files.writeString(Path.of("target", "feed-suite-wrong.txt"), harness.wrongCases());
    if (Boolean.getBoolean("feedSuite.writeReport")) {
      Files.writeString(Path.of("FEED-SUITE-REPORT.md"), report);
    }
    FeedSuiteHarness.Tally sanitize = harness.total("wellformed/sanitize");
    assertThat(sanitize.unsafeHtml).as("sanitised HTML must never keep active content").isZero();
    FeedSuiteHarness.Tally core = harness.total("wellformed/rss");
    assertThat(core.right).as("RSS cases right").isGreaterThan(core.wrong);
  }
}
