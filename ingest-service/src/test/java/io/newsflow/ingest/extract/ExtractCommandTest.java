package io.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

  private static HttpServer server;
  private static String base;

  @BeforeAll
  static void serve() throws IOException {
    byte[] page = ArticleExtractorGoldenTest.resource("sco-summit-ru.html").getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/politics/sco", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    server.createContext("/huge", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = "<p>padding padding padding</p>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
      try (var out = exchange.getResponseBody()) {
        for (int written = 0; written <= ExtractCommand.MAX_BYTES; written += chunk.length) {
          out.write(chunk);
        }
      } catch (IOException e) {
        // the client hung up at the cap, as intended
      }
    });
    server.createContext("/gone", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit = ExtractCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTextMetadataAndProvenanceOfAFileAsJson(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("page.html");
    Files.writeString(file, ArticleExtractorGoldenTest.resource("csto-drills-kazakhstan.html"));

    Run r = run(file.toString(), "--page-url", "https://steppemonitor.example/security/2024/09/12/csto-drills-almaty");

    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("title").asText()).isEqualTo("CSTO troops rehearse peacekeeping drills near Almaty");
    assertThat(json.get("publishedAt").asText()).isEqualTo("2024-09-12T04:15:00Z");
    assertThat(json.get("provenance").get("publishedAt").asText()).isEqualTo("json-ld");
    assertThat(json.get("text").asText()).startsWith("ALMATY — About 2,000 troops");
    assertThat(json.get("paragraphs").asInt()).isEqualTo(8);
  }

  @Test
  void fetchesAUrlAndResolvesAgainstIt() throws IOException {
    Run r = run(base + "/politics/sco");

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("language").asText()).isEqualTo("ru-KZ");
    assertThat(json.get("text").asText()).contains("Шанхайской организации сотрудничества");
    assertThat(json.get("imageUrl").asText()).isEqualTo("http://static.stepnews.example/uploads/2024/07/sco-astana.jpg");
  }

  @Test
  void refusesBodiesOverTheCapAndHttpErrorsWithAClearMessage() {
    Run huge = run(base + "/huge");
    Run gone = run(base + "/gone");

    assertThat(huge.exit()).isEqualTo(1);
    assertThat(huge.err()).contains("larger than " + ExtractCommand.MAX_BYTES);
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).contains("HTTP status 404");
  }

  @Test
  void missingFileAndNoArgumentsAreReported() {
    assertThat(run("/nonexistent/page.html").exit()).isEqualTo(1);
    assertThat(run().exit()).isEqualTo(2);
  }
}
