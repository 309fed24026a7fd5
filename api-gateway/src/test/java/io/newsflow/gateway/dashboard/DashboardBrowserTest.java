package io.newsflow.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.newsflow.gateway.support.FakeBackend.Reply;
import io.newsflow.gateway.support.Fixtures;
import io.newsflow.gateway.support.GatewayTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Drives the dashboard in headless Chromium (src/test/browser/dashboard-check.mjs, playwright-core)
 * against the gateway with faked back-ends, and saves target/dashboard.png. Skipped where Debian's
 * chromium or node is not installed.
 */
@MicronautTest
class DashboardBrowserTest extends GatewayTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path BROWSER_DIR = Path.of("src/test/browser");
  static final String OPERATOR_KEY = "op-7f6e5d4c3b2a19081726";

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("newsflow.gateway.api-keys", "operator:" + OPERATOR_KEY);
  }

  @Test
  void aPersonFiltersByAnActorAndSeesItsArticlesEventsChartAndPairs() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
    assumeTrue(onPath("node") && onPath("npm"), "skipped: node and npm are needed to drive Chromium");
    scriptBackends();
    if (!Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
    }
    // into target/, so a test run never rewrites the checked-in docs/dashboard.png (copy it there by hand)
    Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);

    String output = run(List.of("node", "dashboard-check.mjs", server.getURL().toString(), screenshot.toString()),
        Map.of("OPERATOR_KEY", OPERATOR_KEY), 180);

    assertThat(output).contains("dashboard checks passed");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
  }

  private void scriptBackends() {
    String timeline = Fixtures.read("store/timeline-kaz.json");
    store.on("GET /internal/v1/timeline", Reply.json(200, timeline));
    // Only the CSTO article, as store-service would answer for actor=org.csto.
    int start = timeline.indexOf("{\"articleId\": \"8b2e");
    int end = timeline.indexOf("{\"articleId\": \"c4d5");
    String csto = "{\"items\": [" + timeline.substring(start, end).strip().replaceAll(",$", "") + "], \"nextCursor\": null}";
    store.on("GET /internal/v1/timeline?actor=org.csto&limit=50", Reply.json(200, csto));
    String events = Fixtures.read("store/events.json");
    store.on("GET /internal/v1/events", Reply.json(200, events));
    String cstoEvent = events.substring(events.indexOf("{\"eventId\": \"8b2e"), events.lastIndexOf("}\n], \"nextCursor\"") + 1);
    store.on("GET /internal/v1/events?actor=org.csto&limit=50", Reply.json(200, "{\"items\": [" + cstoEvent + "], \"nextCursor\": null}"));
    store.on("GET /internal/v1/stats/cooccurrence?actor=org.csto&limit=10", Reply.json(200,
        "{\"pairs\": [{\"a\": \"KAZ\", \"b\": \"org.csto\", \"count\": 73, \"themes\": {\"peacekeeping\": 52, \"unrest\": 33}},"
            + " {\"a\": \"RUS\", \"b\": \"org.csto\", \"count\": 58, \"themes\": {\"peacekeeping\": 40, \"military-exercises\": 12}}]}"));
    store.on("GET /internal/v1/themes", Reply.json(200, Fixtures.read("store/themes.json")));
    store.on("GET /internal/v1/stats/volume", Reply.json(200, Fixtures.read("store/volume.json")));
    store.on("GET /internal/v1/stats/cooccurrence", Reply.json(200, Fixtures.read("store/cooccurrence.json")));
    store.on("GET /internal/v1/actors", Reply.json(200, "[{\"actorId\":\"org.csto\",\"name\":\"CSTO\",\"type\":\"ALLIANCE\",\"articleCount\":702}]"));
    store.on("GET /internal/v1/actors?q=Toka&limit=8", Reply.json(200, Fixtures.read("store/actors-toka.json")));
    ingest.on("GET /internal/v1/feeds", Reply.json(200, Fixtures.read("ingest/feeds.json")));
  }

  private static String run(List<String> command, Map<String, String> env, int timeoutSeconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_DIR.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    String output = new String(out, StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
      throw new AssertionError(command + " timed out:\n" + output);
    }
    assertThat(process.exitValue()).as(command + " output:\n" + output).isZero();
    return output;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && List.of(path.split(File.pathSeparator)).stream()
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
