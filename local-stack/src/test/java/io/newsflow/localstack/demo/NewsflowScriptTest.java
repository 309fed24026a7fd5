package io.newsflow.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.localstack.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./newsflow} command's checks that run before it starts anything: fast, no JVMs started. */
class NewsflowScriptTest {

  private static final Path SCRIPT = Path.of("..", "newsflow").toAbsolutePath().normalize();

  @TempDir
  Path data;

  record Run(int exitCode, String output) {}

  @BeforeAll
  static void needsBashAndTheScript() {
    assumeTrue(Files.isExecutable(SCRIPT), "skipped: " + SCRIPT + " not found (tests run from the module folder)");
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "skipped: no bash");
  }

  @Test
  void refusesToStartWhenAPortIsTakenAndSaysWhichOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = newsflow(Map.of("NEWSFLOW_GATEWAY_PORT", String.valueOf(taken.getLocalPort())), "up");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.output()).contains("port(s) in use: " + taken.getLocalPort() + " (gateway)")
          .contains("NEWSFLOW_GATEWAY_PORT=")
          .doesNotContain("local stack");
    }
    assertThat(data.resolve("logs")).isEmptyDirectory();
  }

  @Test
  void rejectsAPortThatIsNotANumber() throws Exception {
    Run run = newsflow(Map.of("NEWSFLOW_STORE_PORT", "83x"), "demo");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("port for store is not a number from 1 to 65535: '83x'");
  }

  @Test
  void picksAJdkOfAtLeast21WhenJavaHomeIsUnusable() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = newsflow(Map.of("JAVA_HOME", data.resolve("no-jdk-here").toString(),
          "NEWSFLOW_INGEST_PORT", String.valueOf(taken.getLocalPort())), "up");

      // it got as far as the port check, having chosen a JDK and named it
      assertThat(run.output()).contains("port(s) in use: " + taken.getLocalPort() + " (ingest)");
      String jdk = run.output().replaceAll("(?s).*\\(JDK ([^,]+), data in.*", "$1");
      Process version = new ProcessBuilder(jdk + "/bin/java", "-version").redirectErrorStream(true).start();
      String banner = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int major = Integer.parseInt(banner.replaceAll("(?s).*version \"(\\d+).*", "$1"));
      assertThat(major).as(banner).isGreaterThanOrEqualTo(21);
    }
  }

  @Test
  void explainsItsCommandsAndRejectsUnknownOnes() throws Exception {
    Run help = newsflow(Map.of(), "help");
    Run unknown = newsflow(Map.of(), "deploy");

    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("./newsflow demo", "./newsflow up", "./newsflow status", "./newsflow extract",
        "NEWSFLOW_GATEWAY_PORT [8080]", "NEWSFLOW_API_KEYS");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.output()).contains("unknown command: deploy");
  }

  private Run newsflow(Map<String, String> env, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(concat(SCRIPT.toString(), args)).redirectErrorStream(true);
    builder.environment().putAll(Map.of(
        "NEWSFLOW_DATA", data.toString(),
        "NEWSFLOW_SKIP_BUILD", "true",
        // free ports everywhere except where a test says otherwise
        "NEWSFLOW_GATEWAY_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_INGEST_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_ENRICH_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_STORE_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_KAFKA_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_MONGO_PORT", String.valueOf(Ports.free()),
        "NEWSFLOW_DEMO_PORT", String.valueOf(Ports.free())));
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./newsflow " + String.join(" ", args) + " did not finish:\n" + output);
    }
    return new Run(process.exitValue(), output);
  }

  private static List<String> concat(String first, String... rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.stream.Stream.of(rest)).toList();
  }
}
