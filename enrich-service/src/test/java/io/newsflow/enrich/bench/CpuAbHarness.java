package io.newsflow.enrich.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Before/after in one JVM: two builds of enrich-service (and shared-model) loaded side by side in
 * their own class loaders, their {@link EnrichmentBenchmark}s run in alternating rounds, so both see
 * the same load on a shared machine, and (mode {@code tags}) the {@code Tags} of every benchmark
 * article compared between the two. Run by hand, as in BENCHMARKS.md.
 *
 * <p>Arguments: {@code speed|tags rounds perRound classpathA classpathB}; each class path lists the
 * build's {@code classes}, {@code test-classes} and shared-model jar (colon-separated). Data files
 * (gazetteer, taxonomy) come from the first entry of B for both, so only code differs.
 */
public final class CpuAbHarness {

  private CpuAbHarness() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int rounds = Integer.parseInt(args[1]);
    int perRound = Integer.parseInt(args[2]);
    URL data = new File(args[4].split(File.pathSeparator)[0]).toURI().toURL();
    ClassLoader a = new BuildLoader(urls(args[3]), data);
    ClassLoader b = new BuildLoader(urls(args[4]), data);
    if (mode.equals("tags")) {
      compareTags(a, b, perRound);
      return;
    }
    Object benchA = bench(a);
    Object benchB = bench(b);
    Method enrichA = benchA.getClass().getMethod("enrichOneArticle");
    Method enrichB = benchB.getClass().getMethod("enrichOneArticle");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      long[] cpu = new long[2];
      for (int side = 0; side < 2; side++) {
        Object bench = side == 0 ? benchA : benchB;
        Method enrich = side == 0 ? enrichA : enrichB;
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink += ((byte[]) enrich.invoke(bench)).length;
        }
        cpu[side] = mx.getCurrentThreadCpuTime() - start;
      }
      System.out.printf("round %d: A %.0f articles per CPU-second (%.1f us each), B %.0f (%.1f us), B/A %.2f%n", round,
          perRound / (cpu[0] / 1e9), cpu[0] / 1e3 / perRound, perRound / (cpu[1] / 1e9), cpu[1] / 1e3 / perRound,
          cpu[0] / (double) cpu[1]);
    }
    System.out.println("checksum " + sink);
  }

  private static Object bench(ClassLoader loader) throws Exception {
    Object bench = loader.loadClass(EnrichmentBenchmark.class.getName()).getDeclaredConstructor().newInstance();
    bench.getClass().getMethod("load").invoke(bench);
    return bench;
  }

  /** Tags of the first {@code count} benchmark articles, as JSON through each build's own codec, must be equal. */
  private static void compareTags(ClassLoader a, ClassLoader b, int count) throws Exception {
    List<String> tagsA = tagsAsJson(a, count);
    List<String> tagsB = tagsAsJson(b, count);
    int differ = 0;
    long events = 0;
    for (int i = 0; i < count; i++) {
      if (!Objects.equals(tagsA.get(i), tagsB.get(i))) {
        if (differ++ < 3) {
          System.out.printf("article %d differs:%n A %s%n B %s%n", i, tagsA.get(i), tagsB.get(i));
        }
      }
      events += tagsB.get(i).split("\"precision\"", -1).length - 1;
    }
    System.out.printf("%d articles compared (%d dated events), %d differ%n", count, events, differ);
  }

  private static List<String> tagsAsJson(ClassLoader loader, int count) throws Exception {
    Class<?> taggerClass = loader.loadClass("io.newsflow.enrich.tagging.ArticleTagger");
    Object tagger = taggerClass.getMethod("loadDefault").invoke(null);
    Method tag = taggerClass.getMethod("tag", String.class, String.class, java.time.Instant.class);
    Method toJson = loader.loadClass("io.newsflow.model.json.EventJson").getMethod("toJson", Object.class);
    Class<?> articles = loader.loadClass("io.newsflow.enrich.support.BenchArticles");
    List<?> raws = (List<?>) articles.getMethod("generate", int.class, long.class).invoke(null, count, 42L);
    Class<?> rawClass = loader.loadClass("io.newsflow.model.article.RawArticle");
    Method title = rawClass.getMethod("title");
    Method text = rawClass.getMethod("text");
    Method published = rawClass.getMethod("publishedAt");
    List<String> out = new ArrayList<>(count);
    for (Object raw : raws) {
      Object tags = tag.invoke(tagger, title.invoke(raw), text.invoke(raw), published.invoke(raw));
      out.add((String) toJson.invoke(null, tags));
    }
    return out;
  }

  private static URL[] urls(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator)).map(p -> {
      try {
        return new File(p).toURI().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(p, e);
      }
    }).toArray(URL[]::new);
  }

  /** Child-first for newsflow classes, so each build sees its own; data files from one place for both. */
  private static final class BuildLoader extends URLClassLoader {
    private final URLClassLoader data;

    BuildLoader(URL[] urls, URL dataRoot) {
      super(urls, CpuAbHarness.class.getClassLoader());
      this.data = new URLClassLoader(new URL[] {dataRoot}, null);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.newsflow.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    public URL getResource(String name) {
      URL url = name.endsWith(".class") ? null : data.findResource(name);
      if (url == null) {
        url = findResource(name);
      }
      return url != null ? url : super.getResource(name);
    }
  }
}
