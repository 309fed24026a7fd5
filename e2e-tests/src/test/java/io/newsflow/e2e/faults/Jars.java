package io.newsflow.e2e.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Private copies of the runnable jars, taken once per test run: the checkout is shared, and a jar rebuilt
 * while a fault test kills and restarts its service would otherwise start a different (or half-written) build.
 */
final class Jars {

  private static final Map<String, Path> COPIES = new HashMap<>();

  private Jars() {}

  /** The copy of {@code relative} (a path under the repository), made on first use. */
  static synchronized Path of(String relative) throws IOException, InterruptedException {
    Path copy = COPIES.get(relative);
    if (copy != null) {
      return copy;
    }
    Path source = FaultSystem.repo().resolve(relative);
    if (!Files.isRegularFile(source)) {
      throw new IllegalStateException("runnable jar " + source + " is missing; build with ./mvnw package");
    }
    Path dir = FaultSystem.repo().resolve("e2e-tests/target/fault-jars");
    Files.createDirectories(dir);
    copy = dir.resolve(source.getFileName());
    for (int attempt = 1; ; attempt++) {
      Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
      if (isComplete(copy)) {
        break;
      }
      if (attempt == 10) {
        throw new IllegalStateException(source + " stays unreadable (being rebuilt?)");
      }
      Thread.sleep(3000); // being rewritten by a build right now
    }
    COPIES.put(relative, copy);
    return copy;
  }

  private static boolean isComplete(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.size() > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
