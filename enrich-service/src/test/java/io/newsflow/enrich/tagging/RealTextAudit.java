package io.newsflow.enrich.tagging;

import io.newsflow.enrich.tagging.RealArticles.RealArticle;
import io.newsflow.model.article.ActorTag;
import io.newsflow.model.article.DatedEvent;
import io.newsflow.model.article.Span;
import io.newsflow.model.article.ThemeTag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tags real news text we did not write (the shared public corpus) with the production tagger and writes
 * every tag with the words it stood on, for a person to judge: there is no gold for these texts, so the
 * figures come from reading. Two files under {@code target/}: {@code real-text-audit.txt} to read, article
 * by article, and {@code real-text-audit.tsv}, one tag a line (corpus, article, field, tag), to keep
 * judgments against and to compare two runs.
 *
 * <p>Run: {@code ./mvnw -q -o -pl enrich-service test -Dtest=RealTextAuditTest -DrealText.audit=true}, or
 * this class's {@code main} with the test class path (argument: the output folder, default {@code target}).
 */
public final class RealTextAudit {

  private static final int CONTEXT_CHARS = 40;

  /** What one run wrote. */
  record Summary(int articles, int actorTags, int themeTags, int eventTags, Path text, Path table) {}

  private RealTextAudit() {}

  public static void main(String[] args) throws IOException {
    Path corpus = RealArticles.corpus();
    if (corpus == null) {
      System.out.println("../shared/corpus is absent: nothing to audit");
      return;
    }
    Summary s = run(corpus, Path.of(args.length > 0 ? args[0] : "target"));
    System.out.println(describe(s));
  }

  static String describe(Summary s) {
    return String.format(Locale.ROOT, "real-text audit: %d articles, %d actor tags, %d theme tags, %d dated events -> %s, %s",
        s.articles(), s.actorTags(), s.themeTags(), s.eventTags(), s.text(), s.table());
  }

  static Summary run(Path corpus, Path outDir) throws IOException {
    ArticleTagger tagger = ArticleTagger.loadDefault();
    List<RealArticle> articles = RealArticles.load(corpus);
    List<String> text = new ArrayList<>();
    List<String> table = new ArrayList<>();
    int actors = 0;
    int themes = 0;
    int events = 0;
    Tags versions = tagger.tag("", "", null);
    text.add("# Real-text audit: gazetteer " + versions.gazetteerVersion() + ", taxonomy " + versions.taxonomyVersion()
        + ", " + articles.size() + " articles from " + corpus.getFileName());
    table.add("corpus\tarticle\tfield\ttag\tsurface");
    for (RealArticle a : articles) {
      Tags tags = tagger.tag(a.title(), a.text(), a.published());
      text.add("");
      text.add("=== " + a.corpus() + " " + a.id() + " | published " + a.published().toString().substring(0, 10)
          + " (" + a.datedBy() + ") | " + a.text().split("\\s+").length + " words");
      text.add("TITLE " + (a.title().isEmpty() ? "-" : a.title()));
      text.add("LEAD  " + clip(a.text().replace("\n\n", " / "), 300));
      for (ActorTag t : tags.actors()) {
        actors++;
        Set<String> surfaces = new LinkedHashSet<>();
        t.spans().forEach(s -> surfaces.add(s.text()));
        table.add(row(a, "actor", t.actorId(), String.join("|", surfaces)));
        text.add(String.format(Locale.ROOT, "A %-28s x%d%s", t.actorId(), t.mentions(), t.adjectivalOnly() ? " adj" : ""));
        for (Span s : firstPerSurface(t.spans())) {
          text.add("      " + context(a, s));
        }
      }
      for (ThemeTag t : tags.themes()) {
        themes++;
        Set<String> evidence = new LinkedHashSet<>();
        t.evidence().forEach(s -> evidence.add(s.text().toLowerCase(Locale.ROOT)));
        table.add(row(a, "theme", t.themeId(), String.join("|", evidence)));
        text.add(String.format(Locale.ROOT, "T %-28s %.2f  %s", t.themeId(), t.score(), String.join(", ", evidence)));
      }
      for (DatedEvent e : tags.events()) {
        events++;
        String key = e.start() + ".." + e.end() + " " + e.precision();
        table.add(row(a, "event", key + " @" + e.offset(), e.expression()));
        text.add("E " + key + "  [" + e.expression() + "]  " + clip(e.sentence(), 220));
      }
    }
    Files.createDirectories(outDir);
    Path textFile = outDir.resolve("real-text-audit.txt");
    Path tableFile = outDir.resolve("real-text-audit.tsv");
    Files.write(textFile, text, StandardCharsets.UTF_8);
    Files.write(tableFile, table, StandardCharsets.UTF_8);
    return new Summary(articles.size(), actors, themes, events, textFile, tableFile);
  }

  private static String row(RealArticle a, String field, String tag, String surface) {
    return a.corpus() + "\t" + a.id() + "\t" + field + "\t" + tag + "\t" + surface.replace('\t', ' ').replace('\n', ' ');
  }

  /** One span per distinct surface form, so a name repeated twenty times shows once. */
  private static List<Span> firstPerSurface(List<Span> spans) {
    Set<String> seen = new LinkedHashSet<>();
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      if (seen.add(s.field() + ":" + s.text()) && out.size() < 6) {
        out.add(s);
      }
    }
    return out;
  }

  private static String context(RealArticle a, Span s) {
    String field = s.field().equals("title") ? a.title() : a.text();
    int from = Math.max(0, s.start() - CONTEXT_CHARS);
    int to = Math.min(field.length(), s.end() + CONTEXT_CHARS);
    String before = field.substring(from, s.start()).replaceAll("\\s+", " ");
    String after = field.substring(s.end(), to).replaceAll("\\s+", " ");
    return (s.field().equals("title") ? "title: " : "") + "\u2026" + before + "[" + s.text() + "]" + after + "\u2026";
  }

  private static String clip(String s, int max) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max) + "\u2026";
  }
}
